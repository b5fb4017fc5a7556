add_executable(syninfo_core_tests
  ${PROJECT_SOURCE_DIR}/tests/core/test_decimal_json.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_validation.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_moments.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_fenton_wilkinson.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_mutual_information.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_reference_tables.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_proof_examples.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_closed_form_batch.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_covariance_tolerance.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_qd_scalar.cpp
  ${PROJECT_SOURCE_DIR}/tests/core/test_qd_reference.cpp
)
target_link_libraries(syninfo_core_tests PRIVATE syninfo_core syninfo_cli Catch2::Catch2WithMain)
target_compile_definitions(syninfo_core_tests PRIVATE SYNINFO_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
catch_discover_tests(syninfo_core_tests)
