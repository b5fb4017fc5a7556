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

# The measurement behind the `biased` flag of the audit's smc entropies
# (label long: a few minutes).
add_executable(syninfo_audit_long_tests ${PROJECT_SOURCE_DIR}/tests/audit/test_smc_entropy_bias.cpp)
target_link_libraries(syninfo_audit_long_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
# One plain test (catch_discover_tests would flatten a list of labels).
add_test(NAME long.audit_smc_entropy_bias COMMAND syninfo_audit_long_tests)
set_tests_properties(long.audit_smc_entropy_bias PROPERTIES LABELS "audit;long" TIMEOUT 1800)

# Properties of the true information (RapidCheck): fixed seed and a bounded
# number of cases by default; reproduce or extend with RC_PARAMS, e.g.
#   RC_PARAMS="seed=20261122 max_success=500" ./syninfo_audit_property_tests
add_executable(syninfo_audit_property_tests ${PROJECT_SOURCE_DIR}/tests/audit/test_true_information_properties.cpp)
target_link_libraries(syninfo_audit_property_tests PRIVATE syninfo_core Catch2::Catch2WithMain rapidcheck_catch)
catch_discover_tests(syninfo_audit_property_tests TEST_PREFIX "audit: "
  PROPERTIES ENVIRONMENT "RC_PARAMS=seed=20261122 max_success=40" LABELS "audit;property")

# Command line: `syninfo audit` and `syninfo audit-map` through the binary.
# Exit codes and messages with tests/cli/run_cli.cmake (REGEX over stdout +
# stderr; stdout must not contain NaN); field presence and consistency with
# check_audit_output.py.
function(syninfo_audit_cli_test name expected_exit regex)
  add_test(NAME audit.cli.${name}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DEXPECTED=${expected_exit} "-DREGEX=${regex}"
                   "-DARGS=${ARGN}" -P ${PROJECT_SOURCE_DIR}/tests/cli/run_cli.cmake)
  set_tests_properties(audit.cli.${name} PROPERTIES LABELS "audit;cli")
endfunction()

set(_audit_specs ${PROJECT_SOURCE_DIR}/tests/cli/specs)
set(_audit_example ${PROJECT_SOURCE_DIR}/examples/worked_example.json)
set(_audit_pair ${PROJECT_SOURCE_DIR}/tests/audit/data/pair_spec.json)

syninfo_audit_cli_test(text 0 "closed form \\(double\\): status ok, I_FW = 0\\.6441643624.*moments of W_a.*KS D.*h\\(W_E\\).*verdict: overstates by 4\\.15%"
                       audit ${_audit_example} --format text --samples 2000 --quiet)
syninfo_audit_cli_test(precision_50 0 "\"precision\": \"50\".*\"agreement_digits\": 1[3-7]"
                       audit ${_audit_example} --precision 50 --samples 500 --quiet)
syninfo_audit_cli_test(progress 0 "syninfo audit: closed form.*syninfo audit stages: 4 done"
                       audit ${_audit_example} --samples 500)
syninfo_audit_cli_test(help 0 "usage: syninfo audit SPEC\\.json.*--format json\\|text" help audit)
syninfo_audit_cli_test(map_help 0 "usage: syninfo audit-map.*--scale quick\\|full" help audit-map)
# Invalid input and usage: exit 2, one line naming the problem.
syninfo_audit_cli_test(bad_samples 2 "--samples must be" audit ${_audit_example} --samples 10)
syninfo_audit_cli_test(bad_inner 2 "--inner must be" audit ${_audit_example} --inner 2)
syninfo_audit_cli_test(bad_smc_samples 2 "--smc-samples must be" audit ${_audit_example} --smc-samples 10)
syninfo_audit_cli_test(bad_particles 2 "--particles must be" audit ${_audit_example} --particles 1)
syninfo_audit_cli_test(map_bad_particles 2 "--particles must be" audit-map --particles 0)
syninfo_audit_cli_test(bad_precision 2 "--precision must be double or 50, got '100'" audit ${_audit_example} --precision 100)
syninfo_audit_cli_test(bad_format 2 "--format must be json or text, got 'xml'" audit ${_audit_example} --format xml)
syninfo_audit_cli_test(bad_policy 2 "--pd-policy must be report or nearest-pd, got 'fix'" audit ${_audit_example} --pd-policy fix)
syninfo_audit_cli_test(bad_option 2 "unknown option --frobnicate" audit ${_audit_example} --frobnicate)
syninfo_audit_cli_test(bad_seed 2 "--seed" audit ${_audit_example} --seed -1)
syninfo_audit_cli_test(no_spec 2 "expected exactly one SPEC\\.json argument" audit)
syninfo_audit_cli_test(missing_file 2 "cannot open file" audit ${_audit_specs}/does_not_exist.json)
syninfo_audit_cli_test(invalid_spec 2 "repeated_synapse.*synapses\\[1\\]" audit ${_audit_specs}/repeated.json)
syninfo_audit_cli_test(syntax_error 2 "JSON syntax error at line 2" audit ${_audit_specs}/truncated.json)
syninfo_audit_cli_test(map_bad_rho 2 "covariance_not_psd.*generate\\.cov\\.rho" audit-map --rho 0,1.5 --n 1 --P 2 --sigma2 1)
syninfo_audit_cli_test(map_bad_P 2 "--P: 1 is outside \\[2, 100000\\]" audit-map --P 1)
syninfo_audit_cli_test(map_bad_n 2 "--n: 'x' is not a non-negative integer" audit-map --n 1,x)
syninfo_audit_cli_test(map_bad_sigma2 2 "--sigma2: 'abc' is not a number" audit-map --sigma2 abc)
syninfo_audit_cli_test(map_negative_sigma2 2 "--sigma2: -1 is negative" audit-map --sigma2 -1)
syninfo_audit_cli_test(map_bad_scale 2 "--scale must be quick or full, got 'huge'" audit-map --scale huge)
syninfo_audit_cli_test(map_positional 2 "unexpected argument 'extra'" audit-map extra)
syninfo_audit_cli_test(map_small_N 2 "index_out_of_range.*N: 3 neurons cannot hold 5 distinct pairs" audit-map --n 5 --N 3)

find_program(SYNINFO_AUDIT_PYTHON3 NAMES python3)
if(SYNINFO_AUDIT_PYTHON3)
  set(_check ${PROJECT_SOURCE_DIR}/tests/audit/check_audit_output.py)
  add_test(NAME audit.cli.json_worked_example
           COMMAND ${SYNINFO_AUDIT_PYTHON3} ${_check} audit $<TARGET_FILE:syninfo> ${_audit_example} ok --samples 3000)
  add_test(NAME audit.cli.json_pair
           COMMAND ${SYNINFO_AUDIT_PYTHON3} ${_check} audit $<TARGET_FILE:syninfo> ${_audit_pair} ok
                   --samples 1500 --inner 32 --threads 2)
  add_test(NAME audit.cli.json_not_pd
           COMMAND ${SYNINFO_AUDIT_PYTHON3} ${_check} audit $<TARGET_FILE:syninfo> ${_audit_specs}/not_pd.json
                   not_positive_definite --samples 1500 --inner 32)
  add_test(NAME audit.cli.json_single_pattern
           COMMAND ${SYNINFO_AUDIT_PYTHON3} ${_check} audit $<TARGET_FILE:syninfo> ${_audit_specs}/single_pattern.json
                   single_pattern --samples 1500)
  # n = 4: smc entropies flagged biased; a degenerate ensemble: lower bound, no verdict of size.
  add_test(NAME audit.cli.json_biased_entropies
           COMMAND ${SYNINFO_AUDIT_PYTHON3} ${_check} audit $<TARGET_FILE:syninfo>
                   ${PROJECT_SOURCE_DIR}/tests/audit/data/four_synapses_spec.json ok --samples 1000 --smc-samples 800
                   --threads 2)
  add_test(NAME audit.cli.json_lower_bound
           COMMAND ${SYNINFO_AUDIT_PYTHON3} ${_check} audit $<TARGET_FILE:syninfo>
                   ${PROJECT_SOURCE_DIR}/tests/data/closed_form_violations/ensemble_monotonicity.json ok --samples 1000
                   --smc-samples 500 --threads 2)
  add_test(NAME audit.cli.map_tiny_grid
           COMMAND ${SYNINFO_AUDIT_PYTHON3} ${_check} audit-map $<TARGET_FILE:syninfo> ${CMAKE_CURRENT_BINARY_DIR}/audit_map_test
                   --sigma2 0.5,2 --rho 0,0.9 --P 2,3 --n 1,2 --samples 300 --inner 8 --threads 2)
  set_tests_properties(audit.cli.json_worked_example audit.cli.json_pair audit.cli.json_not_pd
                       audit.cli.json_single_pattern audit.cli.json_biased_entropies audit.cli.json_lower_bound
                       audit.cli.map_tiny_grid PROPERTIES LABELS "audit;cli"
                       PASS_REGULAR_EXPRESSION "^ok")
endif()
