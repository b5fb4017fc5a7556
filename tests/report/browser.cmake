# A test-scale `syninfo validate` (with its ground truth, so the figures have
# truth markers) writes report.html; it must pass the strict parser checks of
# check_report_html.py, and headless chromium must render it: a 1200 x 2000
# screenshot that is not blank, and a DOM with the page's title, tables and
# inlined images.
# Usage: cmake -DEXE=... -DDIR=... -DPYTHON=... -DCHROMIUM=... -DCHECK=... -P browser.cmake
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${what}: ${out}")
endfunction()

file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
run("syninfo validate --scale test" ${EXE} validate --scale test --seed 1 --quiet --threads 2 --out ${DIR}/report)
run("parser checks" ${PYTHON} ${CHECK} page ${DIR}/report)

if(NOT CHROMIUM)
  message(FATAL_ERROR "chromium not found: the Debian package chromium (scripts/install-deps.sh installs it)")
endif()
# As root chromium needs --no-sandbox; a fresh profile, and nothing that goes
# to the network (the page needs nothing outside itself).
set(flags --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
          --disable-component-update --disable-sync --hide-scrollbars)
string(REPLACE " " "%20" url "file://${DIR}/report/report.html")
file(MAKE_DIRECTORY ${DIR}/profile-screenshot ${DIR}/profile-dom)
run("chromium --screenshot" ${CHROMIUM} ${flags} --user-data-dir=${DIR}/profile-screenshot
    --screenshot=${DIR}/screenshot.png --window-size=1200,2000 ${url})
run("screenshot checks" ${PYTHON} ${CHECK} screenshot ${DIR}/screenshot.png 1200 2000)
execute_process(COMMAND ${CHROMIUM} ${flags} --user-data-dir=${DIR}/profile-dom --dump-dom ${url}
                RESULT_VARIABLE rc OUTPUT_FILE ${DIR}/dom.html ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "chromium --dump-dom failed (${rc}): ${err}")
endif()
run("DOM checks" ${PYTHON} ${CHECK} dom ${DIR}/report ${DIR}/dom.html)
file(REMOVE_RECURSE ${DIR})
