# Long runs (issue 16.6): checkpoints and --resume of validate, audit-map and
# truth, and audit-map's shards. The library part (the checkpoint file, the
# stored blocks of smc and cmc) is a Catch2 test; the commands are CMake
# scripts that interrupt runs with SYNINFO_STOP_AFTER_TASKS (the testing hook
# of include/syninfo/report/checkpoint.hpp) and compare the resumed outputs
# with uninterrupted runs byte for byte.
add_executable(syninfo_resume_tests ${PROJECT_SOURCE_DIR}/tests/resume/test_checkpoint.cpp)
target_link_libraries(syninfo_resume_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_resume_tests)

set(_resume ${PROJECT_SOURCE_DIR}/tests/resume)
add_test(NAME "resume: validate test scale, interrupted in the ground truth, equals an uninterrupted run"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/resume-validate
                 -P ${_resume}/validate_resume.cmake)
add_test(NAME "resume: validate shard interrupted, resumed and merged equals a single run"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/resume-validate-shard
                 -P ${_resume}/validate_shard_resume.cmake)
add_test(NAME "resume: audit-map interrupted and resumed, and sharded and merged, equals a single run"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/resume-audit-map
                 -P ${_resume}/audit_map_resume.cmake)
# Two synapses with every method: stopped after 20 blocks, inside smc (cmc's
# 2000 outer samples are 16 blocks).
add_test(NAME "resume: truth interrupted in smc equals an uninterrupted run"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/resume-truth-pair
                 -DSPEC=${PROJECT_SOURCE_DIR}/tests/truth/specs/two_synapses.json
                 "-DARGS=--method all --samples 2000 --smc-samples 1000" -DSTOP=20 -P ${_resume}/truth_resume.cmake)
# A degenerate ensemble: several smc runs of 2 blocks each (the sub-ensemble and
# two noise levels): stopped in the first noise level.
add_test(NAME "resume: truth of a degenerate ensemble interrupted in its noise ladder equals an uninterrupted run"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/resume-truth-degenerate
                 -DSPEC=${PROJECT_SOURCE_DIR}/tests/truth/specs/full_connectivity_six.json
                 "-DARGS=--method smc --smc-samples 130 --noise-levels 2 --particles 8 --replicates 2" -DSTOP=3 -P ${_resume}/truth_resume.cmake)
set_tests_properties(
  "resume: validate test scale, interrupted in the ground truth, equals an uninterrupted run"
  "resume: validate shard interrupted, resumed and merged equals a single run"
  "resume: audit-map interrupted and resumed, and sharded and merged, equals a single run"
  "resume: truth interrupted in smc equals an uninterrupted run"
  "resume: truth of a degenerate ensemble interrupted in its noise ladder equals an uninterrupted run"
  PROPERTIES LABELS "resume;cli" TIMEOUT 180)
