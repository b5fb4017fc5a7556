# End-to-end tests of the `syninfo` binary: exit codes, messages, output fields.
set(SPECS ${PROJECT_SOURCE_DIR}/tests/cli/specs)

# syninfo_cli_test(NAME EXPECTED_EXIT REGEX ARGS...): runs the binary, checks
# the exit code and that stdout+stderr match REGEX.
function(syninfo_cli_test name expected_exit regex)
  add_test(NAME cli.${name}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DEXPECTED=${expected_exit} "-DREGEX=${regex}"
                   "-DARGS=${ARGN}" -P ${PROJECT_SOURCE_DIR}/tests/cli/run_cli.cmake)
  set_tests_properties(cli.${name} PROPERTIES LABELS cli)
endfunction()

# Computed outcomes: exit 0, with the fields the issue requires.
syninfo_cli_test(mi_worked_example 0 "\"status\": \"ok\".*\"mi_nats\": \"0\\.6441643624040743428246389830949519301719661486355"
                 mi ${PROJECT_SOURCE_DIR}/examples/worked_example.json)
syninfo_cli_test(mi_fields 0 "\"precision\": \"100\".*\"mi_bits\".*\"agreement_digits\": 1[4-7].*\"W_E\".*\"lambda\".*\"K\".*\"R_k\""
                 mi ${PROJECT_SOURCE_DIR}/examples/worked_example.json --precision 100)
# Quad-double: 50 digits printed, the same digits as cpp_bin_float's 50 (issue 17).
syninfo_cli_test(mi_qd 0 "\"precision\": \"50qd\".*\"mi_nats\": \"0.6441643624040743428246389830949519301719661486355[89]\".*\"mi_bits\": \"0.929332731157759076686925541831481771095084884006"
                 mi ${PROJECT_SOURCE_DIR}/examples/worked_example.json --precision 50qd)
syninfo_cli_test(mi_double 0 "\"precision\": \"double\".*\"agreement_digits\": null.*\"cross_check\".*\"ran\": false.*\"reason\": \"not needed: the error estimate"
                 mi ${PROJECT_SOURCE_DIR}/examples/worked_example.json --precision double)
syninfo_cli_test(mi_pattern_override 0 "\"pattern\": 1" mi ${SPECS}/generated.json --pattern 1)
# Issue 16.4b: --pattern makes the spec's "pattern" field optional (mi, truth, audit).
syninfo_cli_test(mi_pattern_from_option 0 "\"mi_nats\": \"0\\.6441643624040743428246389830949519301719661486355"
                 mi ${SPECS}/no_pattern_field.json --pattern 0)
syninfo_cli_test(mi_pattern_missing 2 "malformed.*missing field \"pattern\"" mi ${SPECS}/no_pattern_field.json)
syninfo_cli_test(truth_pattern_from_option 0 "\"pattern\": 1"
                 truth ${SPECS}/no_pattern_field.json --pattern 1 --method quadrature)
syninfo_cli_test(truth_pattern_override 0 "\"pattern\": 1"
                 truth ${PROJECT_SOURCE_DIR}/examples/worked_example.json --pattern 1 --method quadrature)
syninfo_cli_test(audit_pattern_from_option 0 "\"pattern\": 1"
                 audit ${SPECS}/no_pattern_field.json --pattern 1 --samples 100 --smc-samples 100 --quiet)
syninfo_cli_test(audit_pattern_out_of_range 2 "index_out_of_range.*pattern index 2"
                 audit ${SPECS}/no_pattern_field.json --pattern 2 --quiet)
syninfo_cli_test(mi_generated 0 "\"status\": \"ok\".*\"N\": 8,.*\"P\": 10" mi ${SPECS}/generated.json)
syninfo_cli_test(mi_negative_warns 0 "\"warnings\".*negative" mi ${SPECS}/negative_mi.json)
syninfo_cli_test(mi_not_pd 0 "\"status\": \"not_positive_definite\".*K is not positive definite.*\"mi_nats\": null"
                 mi ${SPECS}/not_pd.json)
syninfo_cli_test(mi_single_pattern 0 "\"status\": \"single_pattern\"" mi ${SPECS}/single_pattern.json)

# Invalid input: exit 2 with a one-line reason naming the class and the place.
syninfo_cli_test(mi_truncated 2 "JSON syntax error at line 2" mi ${SPECS}/truncated.json)
syninfo_cli_test(mi_wrong_type 2 "malformed.*patterns: expected array, got object" mi ${SPECS}/wrong_type.json)
syninfo_cli_test(mi_missing_field 2 "malformed.*missing field \"synapses\"" mi ${SPECS}/missing_field.json)
syninfo_cli_test(mi_asymmetric 2 "asymmetric_covariance.*patterns\\[0\\]\\.cov\\[0\\]\\[1\\]" mi ${SPECS}/asymmetric.json)
syninfo_cli_test(mi_not_psd 2 "covariance_not_psd.*patterns\\[0\\]\\.cov" mi ${SPECS}/not_psd.json)
syninfo_cli_test(mi_dimension 2 "dimension_mismatch.*patterns\\[0\\]\\.cov" mi ${SPECS}/dimension_mismatch.json)
syninfo_cli_test(mi_index 2 "index_out_of_range.*synapses\\[0\\]" mi ${SPECS}/index_out_of_range.json)
syninfo_cli_test(mi_pattern_index 2 "index_out_of_range.*pattern index 2" mi ${SPECS}/pattern_out_of_range.json)
syninfo_cli_test(mi_repeated 2 "repeated_synapse.*synapses\\[1\\]" mi ${SPECS}/repeated.json)
syninfo_cli_test(mi_empty 2 "empty_ensemble" mi ${SPECS}/empty_ensemble.json)
syninfo_cli_test(mi_non_finite 2 "non_finite.*patterns\\[0\\]\\.mean\\[0\\]" mi ${SPECS}/non_finite.json)
syninfo_cli_test(mi_no_patterns 2 "no_patterns" mi ${SPECS}/no_patterns.json)
syninfo_cli_test(mi_missing_file 2 "cannot open file" mi ${SPECS}/does_not_exist.json)
syninfo_cli_test(mi_bad_precision 2 "unknown precision '7'" mi ${SPECS}/generated.json --precision 7)
syninfo_cli_test(mi_unknown_option 2 "unknown option --frobnicate" mi ${SPECS}/generated.json --frobnicate)
syninfo_cli_test(unknown_command 2 "unknown command 'nope'" nope)
syninfo_cli_test(help 0 "commands:.*mi " help)
syninfo_cli_test(mi_repair 0 "\"status\": \"ok\".*\"repaired\": \\[\"K\"\\].*\"pd_policy\": \"nearest-pd\"" mi ${SPECS}/not_pd.json --pd-policy nearest-pd)
syninfo_cli_test(mi_bad_policy 2 "--pd-policy must be report or nearest-pd" mi ${SPECS}/not_pd.json --pd-policy fix)
include(${PROJECT_SOURCE_DIR}/tests/cli/attractor.cmake)
include(${PROJECT_SOURCE_DIR}/tests/cli/hopfield.cmake)
include(${PROJECT_SOURCE_DIR}/tests/cli/pid.cmake OPTIONAL)
include(${PROJECT_SOURCE_DIR}/tests/cli/cmi.cmake)
include(${PROJECT_SOURCE_DIR}/tests/cli/ksg_permutations.cmake)
include(${PROJECT_SOURCE_DIR}/tests/cli/robustness_inputs.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/covariance_tolerance.cmake)
include(${PROJECT_SOURCE_DIR}/tests/cli/robustness_truth.cmake)
include(${PROJECT_SOURCE_DIR}/tests/cli/validate_config.cmake)
include(${PROJECT_SOURCE_DIR}/tests/calibration/cli.cmake OPTIONAL)
# README's "Quick start: your own model": the commands and the numbers it shows.
syninfo_cli_test(readme_own_model_mi 0 "\"mi_nats\": 0\\.35836496216758817"
                 mi ${PROJECT_SOURCE_DIR}/examples/my_model.json --precision double)
syninfo_cli_test(readme_own_model_truth 0 "\"mi_nats\": 0\\.31266221242880.*\"reliable\": true"
                 truth ${PROJECT_SOURCE_DIR}/examples/my_model.json)
if(NOT SYNINFO_CORE_ONLY)
  include(${PROJECT_SOURCE_DIR}/tests/resume/tests.cmake)
endif()
