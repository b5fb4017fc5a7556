# `syninfo calibrate` on a four-point test-scale design writes report.html
# beside report.md: the same strict parser checks as validate's page.
# Usage: cmake -DEXE=... -DDIR=... -DPYTHON=... -DCHECK=... -DDESIGN=... -P calibrate.cmake
file(REMOVE_RECURSE ${DIR})
execute_process(COMMAND ${EXE} calibrate --design ${DESIGN} --quiet --threads 2 --out ${DIR}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "syninfo calibrate exited ${rc}: ${err}")
endif()
execute_process(COMMAND ${PYTHON} ${CHECK} page ${DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "report.html of calibrate: ${out}")
endif()
message(STATUS "${out}")
file(REMOVE_RECURSE ${DIR})
