# syninfo validate (issue 5): statistics against SciPy references, the
# pipeline (threads, shards, a test-scale run checked against its CSVs), the
# command line, and the quick scale in Release builds.
add_executable(syninfo_validation_tests
  ${PROJECT_SOURCE_DIR}/tests/validation/test_statistics.cpp
  ${PROJECT_SOURCE_DIR}/tests/validation/test_pipeline.cpp
  ${PROJECT_SOURCE_DIR}/tests/validation/test_decision.cpp
  ${PROJECT_SOURCE_DIR}/tests/validation/test_claims.cpp
  ${PROJECT_SOURCE_DIR}/tests/validation/test_config_json.cpp
)
target_link_libraries(syninfo_validation_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
target_include_directories(syninfo_validation_tests PRIVATE ${PROJECT_SOURCE_DIR}/src/validation)
target_compile_definitions(syninfo_validation_tests PRIVATE
  SYNINFO_VALIDATION_DATA="${PROJECT_SOURCE_DIR}/tests/validation/data")
catch_discover_tests(syninfo_validation_tests)

# Command line: usage errors exit 2 with one line naming the problem.
function(syninfo_validate_usage name regex)
  add_test(NAME "validate cli: ${name}"
           COMMAND sh -c "\"$0\" \"$@\" >/dev/null; test $? -eq 2" $<TARGET_FILE:syninfo> ${ARGN})
  add_test(NAME "validate cli: ${name} message" COMMAND $<TARGET_FILE:syninfo> ${ARGN})
  set_tests_properties("validate cli: ${name} message" PROPERTIES PASS_REGULAR_EXPRESSION "${regex}")
endfunction()
syninfo_validate_usage("bad scale" "--scale must be quick, paper or test, got 'huge'" validate --scale huge)
syninfo_validate_usage("bad shard" "--shard expects i/n with 0 <= i < n, got '2/2'" validate --shard 2/2)
syninfo_validate_usage("bad threads" "--threads expects an integer" validate --threads many)
syninfo_validate_usage("unwritable output" "cannot create output directory" validate --out ${PROJECT_SOURCE_DIR}/CMakeLists.txt/sub)
syninfo_validate_usage("merge without shards" "no such shard directory or file" merge ${CMAKE_BINARY_DIR}/no-such-dir --out ${CMAKE_BINARY_DIR}/x)
syninfo_validate_usage("merge without out" "--out DIR is required" merge ${CMAKE_BINARY_DIR})
add_test(NAME "validate cli: help" COMMAND $<TARGET_FILE:syninfo> help validate)
set_tests_properties("validate cli: help" PROPERTIES PASS_REGULAR_EXPRESSION "--shard")
add_test(NAME "validate cli: shards merge to the single run's bytes"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/validate-shard-test
                 -P ${PROJECT_SOURCE_DIR}/tests/validation/shard_merge.cmake)
add_test(NAME "validate: test-scale report matches the golden files"
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/validate-golden-test
                 -DGOLDEN=${PROJECT_SOURCE_DIR}/tests/validation/golden/test-no-truth
                 -P ${PROJECT_SOURCE_DIR}/tests/validation/golden.cmake)

# The whole quick scale (the main job) end to end, Release builds only (it
# takes ~35 s there; under the sanitizers the test scale above covers the same
# code). Select or skip it with the label: ctest -L validate / -LE validate.
# Its run time against the 3-minute target is measured by bench/validate_quick.sh.
if(CMAKE_BUILD_TYPE STREQUAL "Release" AND NOT SYNINFO_SANITIZE)
  add_test(NAME "validate: quick scale end to end"
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/validate-quick-test
                   -P ${PROJECT_SOURCE_DIR}/tests/validation/quick_scale.cmake)
  set_tests_properties("validate: quick scale end to end" PROPERTIES LABELS validate RUN_SERIAL TRUE)
endif()
