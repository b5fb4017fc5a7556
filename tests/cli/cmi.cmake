# syninfo cmi through the binary: the JSON fields, the permutation test, and
# exit 2 with a specific message for bad input. Data: tests/estimators/
# gaussian_pair.csv (400 rows; x and y correlated, a third column of
# independent noise).
set(CMI_DATA ${PROJECT_SOURCE_DIR}/tests/estimators)

# Z = the independent noise column: I(X;Y|Z) = I(X;Y), which `syninfo ksg`
# estimates at 0.3-0.6 nats on these data (estimators cli test); a 4 SE band
# around that is 0.2-0.7.
syninfo_cli_test(cmi_fields 0 "\"command\": \"cmi\".*\"method\": \"ksg_cmi\".*\"k\": 4.*\"samples\": 400.*\"cmi_nats\": 0\\.[2-7].*\"cmi_bits\".*\"standard_error_nats\": 0\\.0.*\"error_method\": \"batch means.*\"normalised\": true.*\"header\": \\[\"x\", \"y\", \"noise\"\\].*\"z_columns\": \\[2\\]"
                 cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --k 4 --threads 2)
# Strong dependence: no surrogate of 19 reaches the estimate, p = 1/20.
syninfo_cli_test(cmi_permutation_dependent 0 "\"permutations\": 19,.*\"p_value\": 0\\.050*[0-9]?,.*\"surrogates_at_least_observed\": 0,.*\"shuffle_neighbours\": 5.*\"null_method\": \"X permuted locally"
                 cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --permutations 19 --seed 3)
# X independent of the noise column given Y: a large p (0.6 for seed 1; a p
# below 0.2, i.e. two or fewer surrogates at or above the estimate, fails).
syninfo_cli_test(cmi_permutation_null 0 "\"cmi_nats\": -?0\\.0.*\"p_value\": (0\\.[2-9]|1[,.])"
                 cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 2 --z 1 --permutations 19)
# The CSV input is ksg's: header names select the same columns as indices,
# and a missing cell is rejected naming its line (or dropped on request).
syninfo_cli_test(cmi_header_names 0 "\"cmi_nats\": 0\\.[2-7].*\"rows_dropped\": 0.*\"x_columns\": \\[0\\],.*\"y_columns\": \\[1\\],.*\"z_columns\": \\[2\\]"
                 cmi ${CMI_DATA}/gaussian_pair.csv --x x --y y --z noise --k 4)
syninfo_cli_test(cmi_missing_cell 2 "first_row_empty_cell.csv: line 1, column 2: empty cell"
                 cmi ${PROJECT_SOURCE_DIR}/tests/cli/robustness/first_row_empty_cell.csv --x 0 --y 1 --z 2)
# No p-value fields unless asked.
add_test(NAME cli.cmi_no_test_no_p_value
         COMMAND sh -c "out=$(\"$0\" cmi \"$1\" --x 0 --y 1 --z 2) || exit 1; case \"$out\" in *cmi_nats*) ;; *) exit 1;; esac; case \"$out\" in *p_value*|*permutations*) exit 1;; esac"
                 $<TARGET_FILE:syninfo> ${CMI_DATA}/gaussian_pair.csv)
set_tests_properties(cli.cmi_no_test_no_p_value PROPERTIES LABELS cli)
# --no-normalise: the columns in their own units, and the output says so.
syninfo_cli_test(cmi_no_normalise 0 "\"cmi_nats\": 0\\.[2-7].*\"normalised\": false"
                 cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --k 4 --no-normalise)

# Bad input: exit 2, saying what.
syninfo_cli_test(cmi_no_z 2 "--x, --y and --z are required" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1)
syninfo_cli_test(cmi_shared_z 2 "--y and --z share column 1" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 1,2)
syninfo_cli_test(cmi_shared_xy 2 "--x and --y share column 0" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 0 --z 2)
syninfo_cli_test(cmi_missing_column 2 "--z: column 3 does not exist" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 3)
syninfo_cli_test(cmi_bad_cell 2 "bad_cell.csv: line 3, column 2: cannot read 'oops' as a number" cmi ${CMI_DATA}/bad_cell.csv --x 0 --y 1 --z 1)
syninfo_cli_test(cmi_too_few_rows 2 "need more samples than neighbours \\(N = 400, k = 400\\)" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --k 400)
syninfo_cli_test(cmi_bad_neighbours 2 "--shuffle-neighbours" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --permutations 9 --shuffle-neighbours 1)
syninfo_cli_test(cmi_too_many_neighbours 2 "--shuffle-neighbours must not exceed the number of rows \\(400\\)" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --permutations 9 --shuffle-neighbours 401)
syninfo_cli_test(cmi_negative_permutations 2 "--permutations" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --permutations -1)
syninfo_cli_test(cmi_unknown_option 2 "unknown option --algorithm" cmi ${CMI_DATA}/gaussian_pair.csv --x 0 --y 1 --z 2 --algorithm 2)
