# Estimator tests: library-level Catch2 tests plus command-line checks of the
# ksg and entropy subcommands through the built binary.
add_executable(syninfo_estimator_tests
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_digamma.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_neighbours.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_ksg.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_ksg_conditional.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_permutation_test.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_kozachenko_leonenko.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_csv.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_standardise.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_ksg_normalise.cpp
  ${PROJECT_SOURCE_DIR}/tests/estimators/test_csv_input.cpp
)
target_link_libraries(syninfo_estimator_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_estimator_tests TEST_PREFIX "estimators: ")

# The command-line front ends, through the built binary. Exit codes are
# checked with sh (2 = invalid input or usage), messages and output with
# PASS_REGULAR_EXPRESSION.
set(_est_data ${PROJECT_SOURCE_DIR}/tests/estimators)
add_test(NAME "estimators cli: ksg prints estimate and error"
         COMMAND $<TARGET_FILE:syninfo> ksg ${_est_data}/gaussian_pair.csv --x 0 --y 1 --k 4 --algorithm 2 --threads 2)
set_tests_properties("estimators cli: ksg prints estimate and error" PROPERTIES
  PASS_REGULAR_EXPRESSION "\"method\": \"ksg2\".*\"k\": 4.*\"samples\": 400.*\"mi_nats\": 0\\.[3-6].*\"mi_bits\".*\"standard_error_nats\": 0\\.0")
add_test(NAME "estimators cli: entropy prints estimate"
         COMMAND $<TARGET_FILE:syninfo> entropy ${_est_data}/gaussian_pair.csv --cols 0-1 --norm euclidean)
set_tests_properties("estimators cli: entropy prints estimate" PROPERTIES
  PASS_REGULAR_EXPRESSION "\"method\": \"kozachenko_leonenko_euclidean\".*\"entropy_nats\": 2\\.")
add_test(NAME "estimators cli: ksg exits 0"
         COMMAND $<TARGET_FILE:syninfo> ksg ${_est_data}/gaussian_pair.csv --x 0,2 --y 1 --copula --noise 1e-10)
add_test(NAME "estimators cli: bad cell names line and column"
         COMMAND $<TARGET_FILE:syninfo> ksg ${_est_data}/bad_cell.csv --x 0 --y 1)
set_tests_properties("estimators cli: bad cell names line and column" PROPERTIES
  PASS_REGULAR_EXPRESSION "bad_cell.csv: line 3, column 2: cannot read 'oops' as a number")
add_test(NAME "estimators cli: bad cell exits 2"
         COMMAND sh -c "\"$0\" ksg \"$1\" --x 0 --y 1 2>/dev/null; test $? -eq 2" $<TARGET_FILE:syninfo> ${_est_data}/bad_cell.csv)
add_test(NAME "estimators cli: missing column exits 2"
         COMMAND sh -c "\"$0\" entropy \"$1\" --cols 3 2>/dev/null; test $? -eq 2" $<TARGET_FILE:syninfo> ${_est_data}/gaussian_pair.csv)
add_test(NAME "estimators cli: bad option exits 2"
         COMMAND sh -c "\"$0\" ksg \"$1\" --x 0 --y 1 --algorithm 3 2>/dev/null; test $? -eq 2" $<TARGET_FILE:syninfo> ${_est_data}/gaussian_pair.csv)

# The input-reader fuzzer (issue 13) lives in tests/fuzz/.
include(${PROJECT_SOURCE_DIR}/tests/fuzz/tests.cmake)
