# `syninfo validate --resume` (issue 16.6): a test-scale run (ground truth
# included) stopped as if killed in its ground-truth stage and resumed (at
# another thread count) writes byte for byte the files of an uninterrupted
# run, timings.json aside; the interrupted run leaves only its checkpoint
# (no report.md); a resume with another configuration, and a new run over an
# existing checkpoint, are refused with exit 2 before any work.
# Usage: cmake -DEXE=... -DDIR=... -P validate_resume.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
run_expect(0 validate --scale test --quiet --threads 2 --out ${DIR}/single)

# 324 curve points and 232 samples come first, then 27 ground-truth tasks:
# stop after 10 of those.
run_interrupted(566 ${DIR}/r/resumed.checkpoint ${DIR}/r validate --scale test --quiet --threads 1 --out ${DIR}/r/resumed)
if(EXISTS ${DIR}/r/resumed)
  message(FATAL_ERROR "the interrupted run created its output directory")
endif()
run_expect(2 validate --scale test --quiet --seed 2 --out ${DIR}/r/resumed --resume)
if(NOT run_err MATCHES "cannot resume: .*resumed.checkpoint was made by a different run \\(identity.config.seed is 1 there, 2 now\\)")
  message(FATAL_ERROR "resume with another seed: ${run_err}")
endif()
run_expect(2 validate --scale test --quiet --out ${DIR}/r/resumed)
if(NOT run_err MATCHES "holds the checkpoint of an unfinished validate run: give --resume")
  message(FATAL_ERROR "a new run over a checkpoint: ${run_err}")
endif()
run_expect(0 validate --scale test --threads 2 --out ${DIR}/r/resumed --resume)
if(NOT run_err MATCHES "resuming from .*resumed.checkpoint: 566 finished tasks kept" OR
   NOT run_err MATCHES "validate: ground truth: 10 of 27 tasks resumed")
  message(FATAL_ERROR "resume progress does not say what was resumed:\n${run_err}")
endif()
if(EXISTS ${DIR}/r/resumed.checkpoint)
  message(FATAL_ERROR "the checkpoint was not removed after the report was written")
endif()
file(GLOB stale LIST_DIRECTORIES true ${DIR}/r/.resumed.partial-*)
if(stale)
  message(FATAL_ERROR "the killed run's staging directory was not removed: ${stale}")
endif()
compare_outputs(${DIR}/single ${DIR}/r/resumed 40)
file(READ ${DIR}/r/resumed/timings.json timings)
if(NOT timings MATCHES "\"resumed_tasks\": 566")
  message(FATAL_ERROR "timings.json does not count the resumed tasks: ${timings}")
endif()
run_expect(2 validate --scale test --quiet --out ${DIR}/r/never --resume)
if(NOT run_err MATCHES "--resume: no checkpoint in .*never.checkpoint")
  message(FATAL_ERROR "--resume without a checkpoint: ${run_err}")
endif()
file(REMOVE_RECURSE ${DIR})
