# `calibrate --point K --print-config` writes the configuration that
# calibrate used at point K, and validate reads it back unchanged: validate
# --config FILE --print-config prints the same bytes, and the point's
# overrides are in it.
# Usage: cmake -DEXE=... -DDIR=... -DDESIGN=... -P point_config.cmake
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
execute_process(COMMAND ${EXE} calibrate --design ${DESIGN} --point 3 --print-config
                RESULT_VARIABLE rc OUTPUT_FILE ${DIR}/point3.json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "calibrate --point 3 --print-config exited ${rc}: ${err}")
endif()
execute_process(COMMAND ${EXE} validate --config ${DIR}/point3.json --print-config
                RESULT_VARIABLE rc OUTPUT_VARIABLE again ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "validate --config point3.json --print-config exited ${rc}: ${err}")
endif()
file(READ ${DIR}/point3.json first)
if(NOT first STREQUAL again)
  message(FATAL_ERROR "the point's configuration changed on its way through validate --config")
endif()
# Point 3 of tiny.json is the last grid point: bb_scale 0.25, scaled_exchangeable.
foreach(expected "\"bb_scale\": 0.25" "\"set3_combination\": \"scaled_exchangeable\"" "\"truth\": true")
  string(FIND "${first}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "point 3's configuration lacks ${expected}")
  endif()
endforeach()
