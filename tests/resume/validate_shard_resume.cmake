# A `validate --shard` run keeps its checkpoint beside its shard file: shard 0
# of 2 stopped as if killed and resumed, merged with shard 1, gives the bytes
# of a single run (closed form only, for speed; validate_resume.cmake covers
# the ground truth).
# Usage: cmake -DEXE=... -DDIR=... -P validate_shard_resume.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
set(args validate --scale test --no-truth --quiet)
run_expect(0 ${args} --threads 2 --out ${DIR}/single)
run_interrupted(200 ${DIR}/shards/shard-0-of-2.checkpoint ${DIR}/shards ${args} --threads 2 --shard 0/2 --out ${DIR}/shards)
run_expect(2 ${args} --shard 0/3 --out ${DIR}/shards --resume)  # another shard: no such checkpoint
run_expect(0 ${args} --threads 1 --shard 0/2 --out ${DIR}/shards --resume)
run_expect(0 ${args} --threads 2 --shard 1/2 --out ${DIR}/shards)
# Neither the checkpoint nor the killed run's temporary shard file is left.
file(GLOB left LIST_DIRECTORIES true ${DIR}/shards/*.checkpoint ${DIR}/shards/.shard-*)
if(left)
  message(FATAL_ERROR "finished shards left: ${left}")
endif()
run_expect(0 merge ${DIR}/shards --out ${DIR}/merged --quiet)
compare_outputs(${DIR}/single ${DIR}/merged 40)
file(REMOVE_RECURSE ${DIR})
