add_executable(syninfo_truth_tests
  ${PROJECT_SOURCE_DIR}/tests/truth/test_sampling.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_quadrature.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_cmc.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_true_information.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_smc.cpp
)
target_link_libraries(syninfo_truth_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_truth_tests)

# The generator of the 2-D quadrature reference (run by hand, not a test):
#   build/syninfo_truth_reference > tests/truth/two_synapse_reference.hpp
add_executable(syninfo_truth_reference EXCLUDE_FROM_ALL ${PROJECT_SOURCE_DIR}/tests/truth/generate_two_synapse_reference.cpp)
target_link_libraries(syninfo_truth_reference PRIVATE syninfo_core)
