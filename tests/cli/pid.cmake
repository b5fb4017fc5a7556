# syninfo pid through the binary: the atoms of exact tables, the sample block,
# and exit 2 with a specific message for every kind of bad input.
set(PID_DATA ${PROJECT_SOURCE_DIR}/tests/pid/data)

# XOR: redundancy log2(2/3), unique log2(3/2), synergy log2(4/3) (Abzinger/SxPID testing/test_gates.py).
syninfo_cli_test(pid_xor 0 "\"redundancy\": -0\\.58496250072115.*\"unique\": \\{.*\"S1\": 0\\.58496250072115.*\"S2\": 0\\.58496250072115.*\"synergy\": 0\\.41503749927884.*\"residual_entropy\": [-0-9.e]*[0-9]"
                 pid ${PID_DATA}/xor.csv --target Y --sources S1,S2 --weights p)
# Columns by index give the same; the text format prints the atoms.
syninfo_cli_test(pid_xor_index 0 "\"redundancy\": -0\\.58496250072115" pid ${PID_DATA}/xor.csv --target 2 --sources 0,1 --weights 3)
syninfo_cli_test(pid_xor_text 0 "atom \\{S1\\}\\{S2\\} +-0\\.58496250" pid ${PID_DATA}/xor.csv --target Y --sources S1,S2 --weights p --format text)
syninfo_cli_test(pid_xor_local 0 "\"local\": \\[.*\"probability\": 0\\.25.*\"atoms\": \\{" pid ${PID_DATA}/xor.csv --target Y --sources S1,S2 --weights p --local)
# Three sources, unnormalised weights: TriHash bottom log2(8/7), {12}{13}{23} log2(875/1024)
# (IDTxl test/test_estimators_multivariate_pid.py: 0.1926450779423959, -0.22686079328030903).
syninfo_cli_test(pid_trihash 0 "\"\\{S1\\}\\{S2\\}\\{S3\\}\": 0\\.19264507794239.*\"\\{S1,S2\\}\\{S1,S3\\}\\{S2,S3\\}\": -0\\.22686079328030"
                 pid ${PID_DATA}/trihash.csv --target Y --sources S1,S2,S3 --weights p)
# Samples: AND repeated four times; the plug-in redundancy 1/2 log2(32/27) and the sample block.
syninfo_cli_test(pid_samples 0 "\"kind\": \"samples\".*\"redundancy\": 0\\.1225562489182.*\"miller_madow_bias\".*\"bootstrap\": \\{.*\"replicates\": 30.*\"standard_error\""
                 pid ${PID_DATA}/and_samples.csv --target y --sources a,b --bootstrap 30 --seed 5)

# Bad input: exit 2, saying what and where.
syninfo_cli_test(pid_negative_weight 2 "line 3, column p: weight '-0.5' is negative" pid ${PID_DATA}/negative_weight.csv --target Y --sources S1,S2 --weights p)
syninfo_cli_test(pid_zero_weights 2 "weights do not sum to a positive" pid ${PID_DATA}/zero_weights.csv --target Y --sources S1,S2 --weights p)
syninfo_cli_test(pid_non_integer 2 "line 3, column Y: '1\\.5' is not an integer symbol" pid ${PID_DATA}/non_integer.csv --target Y --sources S1,S2)
syninfo_cli_test(pid_bad_symbol 2 "line 3, column S2: 'x' is not an integer symbol" pid ${PID_DATA}/bad_symbol.csv --target Y --sources S1,S2)
syninfo_cli_test(pid_missing_column 2 "no column 'Q' \\(columns: S1, S2, Y, p\\)" pid ${PID_DATA}/xor.csv --target Q --sources S1,S2)
syninfo_cli_test(pid_missing_file 2 "cannot open file" pid ${PID_DATA}/nope.csv --target Y --sources S1,S2)
syninfo_cli_test(pid_no_sources 2 "--sources is required" pid ${PID_DATA}/xor.csv --target Y)
syninfo_cli_test(pid_too_many_sources 2 "--sources must list 1 to 4 columns" pid ${PID_DATA}/xor.csv --target Y --sources 0,0,0,1,1)
syninfo_cli_test(pid_bootstrap_weights 2 "--bootstrap needs samples" pid ${PID_DATA}/xor.csv --target Y --sources S1,S2 --weights p --bootstrap 10)
syninfo_cli_test(pid_bad_format 2 "--format must be json or text" pid ${PID_DATA}/xor.csv --target Y --sources S1,S2 --format xml)
