# PID tests: the published logic-gate values, properties, the sample estimate.
add_executable(syninfo_pid_tests
  ${PROJECT_SOURCE_DIR}/tests/pid/test_shared_exclusion.cpp
  ${PROJECT_SOURCE_DIR}/tests/pid/test_pid_properties.cpp
  ${PROJECT_SOURCE_DIR}/tests/pid/test_sample_estimate.cpp
  ${PROJECT_SOURCE_DIR}/tests/pid/test_symbol_table.cpp
  ${PROJECT_SOURCE_DIR}/tests/pid/test_differentiable.cpp
)
target_link_libraries(syninfo_pid_tests PRIVATE syninfo_core Catch2::Catch2WithMain rapidcheck_catch)
target_include_directories(syninfo_pid_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/pid)
catch_discover_tests(syninfo_pid_tests TEST_PREFIX "pid: "
  PROPERTIES ENVIRONMENT "RC_PARAMS=seed=20261201 max_success=100")
