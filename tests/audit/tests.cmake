# Audit tests: library-level Catch2 tests (moments, KS, the audit, the audit
# map, properties of the true information) and command-line checks of
# `syninfo audit` and `syninfo audit-map` through the built binary.
add_executable(syninfo_audit_tests
  ${PROJECT_SOURCE_DIR}/tests/audit/test_exact_higher_moments.cpp
  ${PROJECT_SOURCE_DIR}/tests/audit/test_kolmogorov_smirnov.cpp
  ${PROJECT_SOURCE_DIR}/tests/audit/test_fenton_wilkinson_audit.cpp
)
target_link_libraries(syninfo_audit_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
target_compile_definitions(syninfo_audit_tests PRIVATE SYNINFO_AUDIT_DATA="${PROJECT_SOURCE_DIR}/tests/audit/data"
                                                       SYNINFO_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
catch_discover_tests(syninfo_audit_tests TEST_PREFIX "audit: " PROPERTIES LABELS audit)

# Properties of the true information (RapidCheck): fixed seed and a bounded
# number of cases by default; reproduce or extend with RC_PARAMS, e.g.
#   RC_PARAMS="seed=20261122 max_success=500" ./syninfo_audit_property_tests
add_executable(syninfo_audit_property_tests ${PROJECT_SOURCE_DIR}/tests/audit/test_true_information_properties.cpp)
target_link_libraries(syninfo_audit_property_tests PRIVATE syninfo_core Catch2::Catch2WithMain rapidcheck_catch)
catch_discover_tests(syninfo_audit_property_tests TEST_PREFIX "audit: "
  PROPERTIES ENVIRONMENT "RC_PARAMS=seed=20261122 max_success=60" LABELS "audit;property")
