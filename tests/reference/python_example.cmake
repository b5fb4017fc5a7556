# The README's example: the standard-library Python implementation of I_FW
# over the committed set, then `syninfo check` on its output.
execute_process(COMMAND ${PYTHON} ${COMMITTED}/fw_python.py ${COMMITTED}/reference_v1.jsonl
                OUTPUT_FILE ${DIR}/THEIRS.csv RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 600)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fw_python.py failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${EXE} check ${DIR}/THEIRS.csv --reference ${COMMITTED}/reference_v1.jsonl
                --report-json ${DIR}/report.json RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "syninfo check failed (${rc})")
endif()
