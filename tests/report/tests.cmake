# report.html (issue 16, part 7): the renderer's unit tests, and the page a
# test-scale `syninfo validate` writes, checked by a strict HTML parser and
# looked at by a real browser (Debian's chromium, headless: a screenshot that
# has the window's size and is not blank, and the DOM it built).
add_executable(syninfo_report_tests ${PROJECT_SOURCE_DIR}/tests/report/test_html_report.cpp
                                    ${PROJECT_SOURCE_DIR}/tests/report/test_gnuplot_text.cpp)
target_link_libraries(syninfo_report_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_report_tests)

find_package(Python3 COMPONENTS Interpreter REQUIRED)
# Not REQUIRED at configure time: scripts/install-deps.sh installs it, and
# without it the browser test fails saying so instead of disappearing.
find_program(SYNINFO_CHROMIUM NAMES chromium chromium-browser)
add_test(NAME "report.html: validate's page in a parser and in headless chromium"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/report-html-test
                 -DPYTHON=${Python3_EXECUTABLE} -DCHROMIUM=${SYNINFO_CHROMIUM}
                 -DCHECK=${PROJECT_SOURCE_DIR}/tests/report/check_report_html.py
                 -P ${PROJECT_SOURCE_DIR}/tests/report/browser.cmake)
add_test(NAME "report.html: calibrate's page in a parser"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/report-html-calibrate
                 -DPYTHON=${Python3_EXECUTABLE} -DCHECK=${PROJECT_SOURCE_DIR}/tests/report/check_report_html.py
                 -DDESIGN=${PROJECT_SOURCE_DIR}/tests/calibration/designs/tiny.json
                 -P ${PROJECT_SOURCE_DIR}/tests/report/calibrate.cmake)
set_tests_properties("report.html: validate's page in a parser and in headless chromium"
                     "report.html: calibrate's page in a parser" PROPERTIES LABELS report TIMEOUT 600)
