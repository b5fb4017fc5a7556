# The mutation fuzzer of the input readers (issue 13): a short smoke run in
# the default suite, a long one under the label `fuzz`. Seeded and bounded by
# the iteration count, so a failure replays exactly (seed 7, iteration 12643
# found a header line holding only a stray byte-order mark, now fixed and a
# unit test in tests/estimators/test_csv.cpp).
add_executable(syninfo_fuzz_inputs ${PROJECT_SOURCE_DIR}/tests/fuzz/mutate_inputs.cpp)
target_link_libraries(syninfo_fuzz_inputs PRIVATE syninfo_core)
file(GLOB _fuzz_corpus ${PROJECT_SOURCE_DIR}/tests/cli/specs/*.json ${PROJECT_SOURCE_DIR}/examples/*.json
     ${PROJECT_SOURCE_DIR}/tests/estimators/*.csv ${PROJECT_SOURCE_DIR}/tests/cli/robustness/*.csv)
add_test(NAME "fuzz: input readers, smoke" COMMAND syninfo_fuzz_inputs 3000 1 ${_fuzz_corpus})
set_tests_properties("fuzz: input readers, smoke" PROPERTIES LABELS "fuzz-smoke" TIMEOUT 60)
add_test(NAME "fuzz: input readers, 20000 mutations" COMMAND syninfo_fuzz_inputs 20000 2 ${_fuzz_corpus})
set_tests_properties("fuzz: input readers, 20000 mutations" PROPERTIES LABELS "fuzz;long" TIMEOUT 1800)
