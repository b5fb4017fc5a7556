# syninfo calibrate on the command line: bad designs exit 2 naming the key;
# shards + merge and any thread count give the same bytes.
set(CALIBRATION_DESIGNS ${PROJECT_SOURCE_DIR}/tests/calibration/designs)
syninfo_cli_test(calibrate_unknown_key 2 "design\\.colour: unknown key" calibrate --design ${CALIBRATION_DESIGNS}/unknown_key.json)
syninfo_cli_test(calibrate_bad_field 2 "design\\.parameters\\[0\\]\\.key: not a configuration field.*random\\.bogus"
                 calibrate --design ${CALIBRATION_DESIGNS}/bad_field.json)
syninfo_cli_test(calibrate_invalid_point 2 "design: point 1 .*is not a valid configuration: config\\.random\\.max_synapses: must be <= 10"
                 calibrate --design ${CALIBRATION_DESIGNS}/invalid_point.json)
syninfo_cli_test(calibrate_no_design 2 "--design FILE\\.json is required" calibrate)
syninfo_cli_test(calibrate_merge_empty 2 "no calibration-shard-\\*\\.json in" calibrate --merge ${CALIBRATION_DESIGNS} --out ${CMAKE_BINARY_DIR}/calibrate-merge-empty)
add_test(NAME cli.calibrate_shards_threads
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/calibrate-shards
                 -DDESIGN=${CALIBRATION_DESIGNS}/tiny.json -P ${PROJECT_SOURCE_DIR}/tests/calibration/shards_threads.cmake)
set_tests_properties(cli.calibrate_shards_threads PROPERTIES LABELS cli)
syninfo_cli_test(calibrate_point_out_of_range 2 "--point 4: the design has 4 points \\(0 to 3\\)"
                 calibrate --design ${CALIBRATION_DESIGNS}/tiny.json --point 4 --print-config)
syninfo_cli_test(calibrate_point_alone 2 "--point K and --print-config go together"
                 calibrate --design ${CALIBRATION_DESIGNS}/tiny.json --point 1)
add_test(NAME cli.calibrate_point_config
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/calibrate-point-config
                 -DDESIGN=${CALIBRATION_DESIGNS}/tiny.json -P ${PROJECT_SOURCE_DIR}/tests/calibration/point_config.cmake)
set_tests_properties(cli.calibrate_point_config PROPERTIES LABELS cli)
