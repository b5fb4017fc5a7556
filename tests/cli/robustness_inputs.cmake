# Issue 13 (hostile and realistic input), one regression test per class:
# CSV rows never taken for a header, overlapping or missing columns, raw bytes
# escaped, range messages, exit codes, and atomic outputs (a cmake script).
set(ROBUST ${PROJECT_SOURCE_DIR}/tests/cli/robustness)

# 6: a BOM does not make the first data row a header; the rows read are in the output.
syninfo_cli_test(csv_bom_without_header 0 "\"rows_read\": 6,.*\"header\": null"
                 entropy ${ROBUST}/bom_no_header.csv --cols 0-1 --k 1 --blocks 0)
syninfo_cli_test(csv_bom_with_header 0 "\"samples\": 6,.*\"rows_read\": 6,.*\"header\": \\[\"x\", \"y\"\\]"
                 ksg ${ROBUST}/bom_header.csv --x 0 --y 1 --k 1 --blocks 0)
# 6: one empty or mistyped cell in the first row is an error there, not a header.
# (Missing cells matter in the selected columns only: issue 16.3.)
syninfo_cli_test(csv_first_row_empty_cell 2 "first_row_empty_cell.csv: line 1, column 2: empty cell.*not a header"
                 entropy ${ROBUST}/first_row_empty_cell.csv --cols 0-1)
syninfo_cli_test(csv_first_row_mistyped 2 "first_row_mistyped.csv: line 1, column 2: cannot read 'oops'"
                 entropy ${ROBUST}/first_row_mistyped.csv --cols 0)
# 7: overlapping column sets.
syninfo_cli_test(ksg_overlapping_columns 2 "--x and --y share column 0: .*infinite"
                 ksg ${ROBUST}/bom_header.csv --x 0 --y 0-1)
syninfo_cli_test(entropy_repeated_column 2 "--cols: column 0 is listed twice"
                 entropy ${ROBUST}/bom_header.csv --cols 0,0)
# 9: a huge range names the missing columns (and is never expanded).
syninfo_cli_test(column_range_checked_first 2 "--x: columns 2-999999999 do not exist \\(the data has 2 columns"
                 ksg ${ROBUST}/bom_header.csv --x 0-999999999 --y 1)
# 12: raw bytes shown as \xNN.
syninfo_cli_test(csv_carriage_return_escaped 2 "line 2, column 2: cannot read '.x0D4' as a number"
                 entropy ${ROBUST}/carriage_return.csv --cols 0)
syninfo_cli_test(csv_raw_bytes_escaped 2 "line 2, column 2: cannot read '.xFF.x00z' as a number"
                 entropy ${ROBUST}/raw_bytes.csv --cols 0)
# 13: range bounds as written, not "0.000000".
syninfo_cli_test(range_message_bounds 2 "--repair-floor must be between 1e-30 and 0.1, got 0"
                 mi ${PROJECT_SOURCE_DIR}/examples/worked_example.json --repair-floor 0)
# 10: check reads its input before rebuilding the reference set (about a
# minute): a missing file is reported at once.
syninfo_cli_test(check_missing_input_first 2 "cannot open results file" check ${ROBUST}/does_not_exist.csv)
set_tests_properties(cli.check_missing_input_first PROPERTIES TIMEOUT 20)

# 10, 11, 13: outputs (unwritable paths exit 2 before any work or verdict;
# directories refused unless --force; nothing complete-looking on failure;
# check's JSON has no "inf"; a bad shard value makes merge exit 2).
add_test(NAME cli.robust_outputs
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_BINARY_DIR}/robust-outputs-test
                 -DSRC=${PROJECT_SOURCE_DIR} -P ${PROJECT_SOURCE_DIR}/tests/cli/robustness_outputs.cmake)
set_tests_properties(cli.robust_outputs PROPERTIES LABELS cli TIMEOUT 300)
