# syninfo calibrate (issue 11 section 4): the design's layouts and errors,
# the point statistics against validate --no-truth's, the command line
# (shards + merge = one run, any thread count; bad designs exit 2).
add_executable(syninfo_calibration_tests
  ${PROJECT_SOURCE_DIR}/tests/calibration/test_design.cpp
  ${PROJECT_SOURCE_DIR}/tests/calibration/test_point_statistics.cpp
)
target_link_libraries(syninfo_calibration_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
target_include_directories(syninfo_calibration_tests PRIVATE ${PROJECT_SOURCE_DIR}/src)
catch_discover_tests(syninfo_calibration_tests)
# The command line's tests are in cli.cmake (included by tests/cli/tests.cmake, after syninfo_cli_test).
