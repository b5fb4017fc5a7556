# `merge` refuses shards of different configurations and names the key.
# Usage: cmake -DEXE=... -DDIR=... -P merge_refusal.cmake
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
file(WRITE ${DIR}/other.json "{\"repair_floor\": 1e-5}\n")
execute_process(COMMAND ${EXE} validate --scale test --no-truth --quiet --threads 2 --shard 0/2 --out ${DIR}/shards
                RESULT_VARIABLE rc0 OUTPUT_QUIET)
execute_process(COMMAND ${EXE} validate --scale test --config ${DIR}/other.json --no-truth --quiet --threads 2 --shard 1/2
                        --out ${DIR}/shards RESULT_VARIABLE rc1 OUTPUT_QUIET)
if(NOT rc0 EQUAL 0 OR NOT rc1 EQUAL 0)
  message(FATAL_ERROR "shard runs exited ${rc0}, ${rc1}")
endif()
execute_process(COMMAND ${EXE} merge ${DIR}/shards --out ${DIR}/merged RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "different configuration.*config\\.repair_floor differs")
  message(FATAL_ERROR "merge exited ${rc}, expected 2 naming config.repair_floor: ${err}")
endif()
