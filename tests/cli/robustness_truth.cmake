# Issue 13 (items 1, 2, 4, 5): hostile specs through the binary. Each test has
# a timeout, so a hang fails instead of blocking the suite.
set(_rt_specs ${PROJECT_SOURCE_DIR}/tests/cli/specs)

# 1. Large log-variances: quadrature computes (800 beside 2) or declines at once
#    (2000 beside 0.002), naming the reason; truth and audit finish.
syninfo_cli_test(truth_log_variance_huge 0 "\"method\": \"quadrature\".*\"reliable\": true"
                 truth ${_rt_specs}/log_variance_huge.json --method quadrature)
syninfo_cli_test(truth_log_variance_extreme 0 "quadrature skipped: the convolution would need more than"
                 truth ${_rt_specs}/log_variance_extreme.json --method quadrature)
syninfo_cli_test(audit_log_variance_extreme 0 "\"verdict\""
                 audit ${_rt_specs}/log_variance_extreme.json --samples 500 --smc-samples 200 --quiet)
# 2. Inputs double precision cannot resolve are never reliable, in truth and audit.
syninfo_cli_test(truth_means_near_1e300 0 "\"reliable\": false,.*not resolvable in double precision"
                 truth ${_rt_specs}/means_near_1e300.json --method smc --smc-samples 200)
syninfo_cli_test(truth_variances_near_1e-278 0 "\"reliable\": false,.*not resolvable in double precision"
                 truth ${_rt_specs}/variances_near_1e-278.json --method smc --smc-samples 200)
syninfo_cli_test(audit_variances_near_1e-278 0 "\"reliable\": false,.*not resolvable in double precision"
                 audit ${_rt_specs}/variances_near_1e-278.json --samples 500 --smc-samples 200 --quiet)
# 4. generate: P x N^2 checked before allocation.
syninfo_cli_test(generate_too_large 2 "dimension_mismatch.*generate: P x N\\^2 = 100000 x 4096\\^2 = 1677721600000 covariance entries exceeds the limit"
                 mi ${_rt_specs}/generate_too_large.json)
# 5. Unknown fields rejected everywhere, named by their path.
syninfo_cli_test(unknown_pattern_field 2 "malformed.*patterns\\[1\\]\\.covv: unknown field" mi ${_rt_specs}/unknown_pattern_field.json)
syninfo_cli_test(unknown_generate_mean_field 2 "malformed.*generate\\.mean\\.hihg: unknown field"
                 mi ${_rt_specs}/unknown_generate_mean_field.json)
syninfo_cli_test(unknown_generate_cov_field 2 "malformed.*generate\\.cov\\.matrix: unknown field"
                 mi ${_rt_specs}/unknown_generate_cov_field.json)
set_tests_properties(cli.truth_log_variance_huge cli.truth_log_variance_extreme cli.audit_log_variance_extreme
                     cli.truth_means_near_1e300 cli.truth_variances_near_1e-278 cli.audit_variances_near_1e-278
                     cli.generate_too_large cli.unknown_pattern_field cli.unknown_generate_mean_field
                     cli.unknown_generate_cov_field PROPERTIES TIMEOUT 60)

# Issue 12: degenerate ensembles through the binary. The 4-cycle with P = 3
# has finite information; paired steps factorise it, so best is smc itself
# with its verdict (proofs/degenerate_ensembles.md section 6), and the noise
# ladder is not run (it serves ensembles no paired order treats). With P = 2
# the density test proves it infinite: no number, no sampling.
syninfo_cli_test(truth_degenerate_cycle 0
                 "\"best\": {[^\"]*\"method\": \"smc\",[^}]*\"lower_bound\": false,[^\"]*\"information\": \"finite\".*\"reliable\": true,.*\"paired_steps\": 1,"
                 truth ${_rt_specs}/four_cycle.json --method smc --smc-samples 300)
syninfo_cli_test(truth_degenerate_infinite 0
                 "\"best\": {[^\"]*\"method\": \"density_rank\",[^\"]*\"mi_nats\": null,.*\"information\": \"infinite\",[^\"]*\"information_reason\": \"R\\^\\(k\\) has no density.*\"reliable\": true.*\"estimates\": \\[\\],.*\"gaussian_channel_nats\": null"
                 truth ${_rt_specs}/four_cycle_two_patterns.json)
syninfo_cli_test(truth_noise_levels_one 2 "--noise-levels must be 0 \\(off\\) or 2..8"
                 truth ${_rt_specs}/four_cycle.json --noise-levels 1)
# --threads 1 and 2 print the same numbers (a non-degenerate spec with every
# method, and the degenerate path).
add_test(NAME cli.truth_threads_identical
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DSPEC=${_rt_specs}/generated.json
                 "-DARGS=--method all --samples 2000 --smc-samples 300" -P ${PROJECT_SOURCE_DIR}/tests/cli/truth_threads_identical.cmake)
add_test(NAME cli.truth_threads_identical_degenerate
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DSPEC=${_rt_specs}/four_cycle.json
                 "-DARGS=--method smc --smc-samples 300" -P ${PROJECT_SOURCE_DIR}/tests/cli/truth_threads_identical.cmake)
set_tests_properties(cli.truth_degenerate_cycle cli.truth_degenerate_infinite cli.truth_noise_levels_one
                     cli.truth_threads_identical cli.truth_threads_identical_degenerate PROPERTIES TIMEOUT 120 LABELS cli)

# Issue 16.4: the default --method auto runs only the method that gives best
# (one synapse: quadrature, a single estimate), and stderr names the sample
# counts each selected method uses; --method all adds the cross-checks.
syninfo_cli_test(truth_auto_single_synapse 0
                 "\"best\": {[^}]*\"method\": \"quadrature\".*\"estimates\": \\[ *{[^{}]*\"method\": \"quadrature\"[^{}]*} *\\], *\"closed_form\".*method auto: quadrature \\(deterministic\\)\\.\\.\\."
                 truth ${PROJECT_SOURCE_DIR}/examples/worked_example.json)
syninfo_cli_test(truth_all_names_counts 0
                 "\"method\": \"cmc\".*method all: quadrature \\(deterministic\\); ksg 500 samples, k = 3; cmc 500 outer x 256 inner draws\\.\\.\\."
                 truth ${PROJECT_SOURCE_DIR}/examples/worked_example.json --method all --samples 500)
syninfo_cli_test(truth_auto_ensemble_smc 0
                 "\"best\": {[^}]*\"method\": \"smc\".*method auto: smc 200 outer samples x 4 runs x 32 particles\\.\\.\\."
                 truth ${_rt_specs}/generated.json --smc-samples 200)
set_tests_properties(cli.truth_auto_single_synapse cli.truth_all_names_counts cli.truth_auto_ensemble_smc
                     PROPERTIES TIMEOUT 120 LABELS cli)
