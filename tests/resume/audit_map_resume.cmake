# `syninfo audit-map` on a tiny grid (16 points, n = 1 by quadrature and n = 2
# by smc): stopped as if killed and resumed (a torn last checkpoint line
# included), and split into 3 shards (one of them interrupted and resumed)
# merged by `syninfo merge`, it writes the files of an uninterrupted run,
# up to the wall-clock seconds column of audit_map.csv and the "Total time"
# sentence of audit_map.md. Refusals exit 2.
# Usage: cmake -DEXE=... -DDIR=... -P audit_map_resume.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
set(grid audit-map --sigma2 0.5,2 --rho 0,0.9 --P 2,3 --n 1,2 --samples 300 --inner 8 --quiet)
run_expect(0 ${grid} --threads 2 --out ${DIR}/single)

# Interrupted after 6 points, the last line torn as by a kill mid-write.
run_interrupted(6 ${DIR}/r/resumed.checkpoint ${DIR}/r ${grid} --threads 2 --out ${DIR}/r/resumed)
file(APPEND ${DIR}/r/resumed.checkpoint/tasks.jsonl "{\"key\": \"point/15\", \"value\": {\"sigma2\": \"0.")
run_expect(2 ${grid} --particles 16 --out ${DIR}/r/resumed --resume)
if(NOT run_err MATCHES "identity.options.particles is 32 there, 16 now")
  message(FATAL_ERROR "resume with other options: ${run_err}")
endif()
run_expect(2 validate --scale test --out ${DIR}/r/resumed --resume)
if(NOT run_err MATCHES "is the checkpoint of `syninfo audit-map`, not of `syninfo validate`")
  message(FATAL_ERROR "validate on an audit-map checkpoint: ${run_err}")
endif()
run_expect(0 ${grid} --threads 1 --out ${DIR}/r/resumed --resume)
compare_outputs(${DIR}/single ${DIR}/r/resumed 5)

# Shards: 0 of 3 interrupted and resumed, 1 and 2 straight.
run_interrupted(2 ${DIR}/shards/shard-0-of-3.checkpoint ${DIR}/shards ${grid} --threads 2 --shard 0/3 --out ${DIR}/shards)
run_expect(0 ${grid} --threads 2 --shard 0/3 --out ${DIR}/shards --resume)
run_expect(0 ${grid} --threads 1 --shard 1/3 --out ${DIR}/shards)
run_expect(2 merge ${DIR}/shards --out ${DIR}/partial)
if(NOT run_err MATCHES "shard 2 of 3 is missing")
  message(FATAL_ERROR "merge without shard 2: ${run_err}")
endif()
run_expect(0 ${grid} --threads 2 --shard 2/3 --out ${DIR}/shards)
run_expect(0 merge ${DIR}/shards --out ${DIR}/merged --quiet)
compare_outputs(${DIR}/single ${DIR}/merged 5)
file(READ ${DIR}/merged/audit_map.md md)
if(NOT md MATCHES "Command: `syninfo audit-map --sigma2 0.5,2 --rho 0,0.9 --P 2,3 --n 1,2 --samples 300 --inner 8`")
  message(FATAL_ERROR "the merged map does not record the single run's command")
endif()
# Shards of different options are not merged.
run_expect(0 ${grid} --seed 2 --shard 1/3 --out ${DIR}/other)
run_expect(2 merge ${DIR}/shards/shard-0-of-3.json ${DIR}/other/shard-1-of-3.json
           ${DIR}/shards/shard-2-of-3.json --out ${DIR}/mixed)
if(NOT run_err MATCHES "made with different options than .*options.seed differs")
  message(FATAL_ERROR "merge of shards with different seeds: ${run_err}")
endif()
file(REMOVE_RECURSE ${DIR})
