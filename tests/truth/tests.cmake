add_executable(syninfo_truth_tests
  ${PROJECT_SOURCE_DIR}/tests/truth/test_sampling.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_quadrature.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_cmc.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_true_information.cpp
)
target_link_libraries(syninfo_truth_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_truth_tests)
