# syninfo validate --config / --print-config (issue 11, section 3): bad files
# exit 2 naming the key path; the printed configuration reproduces the run;
# merge refuses shards of different configurations.
set(CONFIGS ${PROJECT_SOURCE_DIR}/tests/cli/specs/config)
syninfo_cli_test(validate_config_unknown_key 2 "config\\.random\\.bogus: unknown key"
                 validate --config ${CONFIGS}/unknown_key.json --print-config)
syninfo_cli_test(validate_config_wrong_type 2 "config\\.random\\.neurons: expected number, got string"
                 validate --config ${CONFIGS}/wrong_type.json --print-config)
syninfo_cli_test(validate_config_out_of_range 2 "config\\.random\\.rho_low: must be in \\[-1, 1\\], got 3"
                 validate --config ${CONFIGS}/out_of_range.json --print-config)
syninfo_cli_test(validate_config_low_above_high 2 "config\\.random\\.rho_low: must be <= rho_high \\(0\\.2\\), got 0\\.5"
                 validate --config ${CONFIGS}/low_above_high.json --print-config)
syninfo_cli_test(validate_config_scale_conflict 2 "config\\.scale: the file says 'paper' but --scale says 'test'"
                 validate --scale test --config ${CONFIGS}/scale_paper.json --print-config)
syninfo_cli_test(validate_config_missing_file 2 "cannot read --config file"
                 validate --config ${CONFIGS}/no_such_file.json --print-config)
syninfo_cli_test(validate_print_config 0 "\"scale\": \"paper\".*\"set2_samples\": 1000.*\"reasons\".*\"reason\""
                 validate --config ${CONFIGS}/scale_paper.json --print-config)
add_test(NAME cli.validate_config_round_trip
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/validate-config-round-trip
                 -P ${PROJECT_SOURCE_DIR}/tests/cli/validate_config/round_trip.cmake)
add_test(NAME cli.validate_config_merge_refusal
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/validate-config-merge-refusal
                 -P ${PROJECT_SOURCE_DIR}/tests/cli/validate_config/merge_refusal.cmake)
set_tests_properties(cli.validate_config_round_trip cli.validate_config_merge_refusal PROPERTIES LABELS cli)
