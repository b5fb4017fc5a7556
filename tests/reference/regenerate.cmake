# Runs `syninfo reference --out DIR/reference_v1` and requires both files to
# equal the committed ones byte for byte.
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
execute_process(COMMAND ${EXE} reference --out ${DIR}/reference_v1 RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 600)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "syninfo reference failed (${rc}): ${err}")
endif()
foreach(ext jsonl csv)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${DIR}/reference_v1.${ext} ${COMMITTED}/reference_v1.${ext}
                  RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    message(FATAL_ERROR "regenerated reference_v1.${ext} differs from the committed file")
  endif()
endforeach()
message(STATUS "reference_v1.jsonl and reference_v1.csv regenerated bit for bit")
