# Hopfield tests: recall dynamics on hand-made patterns, the exact
# single-step stability, the Hebbian capacity at N = 100, and the PID profile.
add_executable(syninfo_hopfield_tests ${PROJECT_SOURCE_DIR}/tests/hopfield/test_network.cpp
  ${PROJECT_SOURCE_DIR}/tests/hopfield/test_infomorphic.cpp
  ${PROJECT_SOURCE_DIR}/tests/hopfield/test_infomorphic_baselines.cpp
  ${PROJECT_SOURCE_DIR}/tests/hopfield/test_pid_profile.cpp)
target_link_libraries(syninfo_hopfield_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_hopfield_tests TEST_PREFIX "hopfield: ")

