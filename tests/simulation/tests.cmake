# The simulation sets (issue 5): laws of the draws, valid covariances,
# reproducibility, the six-feature substitute against brute force.
add_executable(syninfo_simulation_tests
  ${PROJECT_SOURCE_DIR}/tests/simulation/test_sample_sets.cpp
  ${PROJECT_SOURCE_DIR}/tests/simulation/test_features.cpp
  ${PROJECT_SOURCE_DIR}/tests/simulation/test_compact_sample.cpp
)
target_link_libraries(syninfo_simulation_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_simulation_tests)
