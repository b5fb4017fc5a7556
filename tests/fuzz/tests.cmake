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

# The coverage-guided libFuzzer target of the same readers (clang only:
# scripts/fuzz.sh configures build-fuzz/ with -DSYNINFO_LIBFUZZER=ON). libFuzzer
# writes new inputs into its first corpus directory, so the test starts from an
# empty work directory and reads the project's samples from a copy.
if(SYNINFO_LIBFUZZER)
  add_executable(syninfo_libfuzzer_readers ${PROJECT_SOURCE_DIR}/tests/fuzz/libfuzzer_readers.cpp)
  target_link_libraries(syninfo_libfuzzer_readers PRIVATE syninfo_core)
  target_link_options(syninfo_libfuzzer_readers PRIVATE -fsanitize=fuzzer)
  file(COPY ${_fuzz_corpus} DESTINATION ${CMAKE_BINARY_DIR}/fuzz/seed-corpus)
  add_test(NAME "fuzz: libFuzzer readers, 20000 runs"
           COMMAND sh -c "rm -rf \"$1\" && mkdir -p \"$1\" && \"$0\" -runs=20000 -seed=1 -max_len=8192 \"$1\" \"$2\""
                   $<TARGET_FILE:syninfo_libfuzzer_readers> ${CMAKE_BINARY_DIR}/fuzz/work-corpus ${CMAKE_BINARY_DIR}/fuzz/seed-corpus)
  set_tests_properties("fuzz: libFuzzer readers, 20000 runs" PROPERTIES LABELS "fuzz;long" TIMEOUT 1800)
endif()
