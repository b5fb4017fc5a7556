# Regression test of the report for a fixed seed: `syninfo validate --scale
# test --no-truth --seed 1` must write report.md and every CSV byte-for-byte as
# the committed golden files (tests/validation/golden/test-no-truth). The
# closed form only, so that the ground-truth code evolving elsewhere does not
# move it; the claim evaluators' decisions on the truth are covered by the
# unit tests on synthetic records.
# An intended change of the output: regenerate with
#   cmake -DEXE=$PWD/build/syninfo -DDIR=/tmp/golden -DGOLDEN=$PWD/tests/validation/golden/test-no-truth \
#         -DUPDATE=1 -P tests/validation/golden.cmake   (from the source root; paths absolute)
# Usage: cmake -DEXE=... -DDIR=... -DGOLDEN=... [-DUPDATE=1] -P golden.cmake
file(REMOVE_RECURSE ${DIR})
execute_process(COMMAND ${EXE} validate --scale test --no-truth --seed 1 --quiet --threads 2 --out ${DIR}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "syninfo validate exited ${rc}: ${err}")
endif()
file(GLOB written RELATIVE ${DIR} ${DIR}/*.csv ${DIR}/report.md)
if(UPDATE)
  file(REMOVE_RECURSE ${GOLDEN})
  file(MAKE_DIRECTORY ${GOLDEN})
  foreach(f ${written})
    file(COPY ${DIR}/${f} DESTINATION ${GOLDEN})
  endforeach()
  message(STATUS "golden files updated in ${GOLDEN}")
  return()
endif()
file(GLOB golden RELATIVE ${GOLDEN} ${GOLDEN}/*.csv ${GOLDEN}/report.md)
list(LENGTH golden count)
if(count LESS 20)
  message(FATAL_ERROR "only ${count} golden files in ${GOLDEN}")
endif()
if(NOT "${written}" STREQUAL "${golden}")
  message(FATAL_ERROR "the run wrote [${written}], the golden set is [${golden}]")
endif()
foreach(f ${golden})
  file(READ ${GOLDEN}/${f} expected HEX)
  file(READ ${DIR}/${f} actual HEX)
  if(NOT expected STREQUAL actual)
    execute_process(COMMAND diff ${GOLDEN}/${f} ${DIR}/${f} OUTPUT_VARIABLE d)
    message(FATAL_ERROR "${f} differs from the golden file (an intended change: see the header of golden.cmake):\n${d}")
  endif()
endforeach()
file(REMOVE_RECURSE ${DIR})
message(STATUS "${count} files identical to the golden files")
