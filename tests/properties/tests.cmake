add_executable(syninfo_property_tests
  ${PROJECT_SOURCE_DIR}/tests/properties/test_closed_form_properties.cpp
  ${PROJECT_SOURCE_DIR}/tests/properties/test_closed_form_violations.cpp
)
target_link_libraries(syninfo_property_tests PRIVATE syninfo_core Catch2::Catch2WithMain rapidcheck_catch)
target_include_directories(syninfo_property_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/properties)
target_compile_definitions(syninfo_property_tests PRIVATE SYNINFO_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
# Default suite: fixed seed, 100 cases per property. A longer search runs
# under the "long" label (ctest -L long), excluded from the default run.
catch_discover_tests(syninfo_property_tests
  PROPERTIES ENVIRONMENT "RC_PARAMS=seed=20261122 max_success=100" LABELS property)
# (A second catch_discover_tests on the same target would overwrite the first
# one's generated test list, so the long run is one plain test.)
add_test(NAME long.closed_form_properties COMMAND syninfo_property_tests)
set_tests_properties(long.closed_form_properties PROPERTIES
  ENVIRONMENT "RC_PARAMS=seed=7 max_success=2000" LABELS long)
