# Covariances as numpy computes them (issue 13 item 3): specs written by
# tests/cli/specs/make_rounded_covariances.py (seed 1). Q D Q' is asymmetric at
# ~1e-16 of its scale: accepted, symmetrised, warned, at every precision; an
# entry moved by 1e-9 is beyond the tolerance and named with 17 digits.
syninfo_cli_test(mi_rounded_qdq 0 "\"status\": \"ok\".*\"warnings\".*symmetric only to rounding"
                 mi ${SPECS}/rounded_qdq.json)
syninfo_cli_test(mi_rounded_qdq_double 0 "\"status\": \"ok\".*symmetric only to rounding"
                 mi ${SPECS}/rounded_qdq.json --precision double)
syninfo_cli_test(mi_rounded_rank_deficient 0 "\"status\": \"ok\""
                 mi ${SPECS}/rounded_rank_deficient.json --precision 100)
syninfo_cli_test(mi_asymmetric_beyond 2 "asymmetric_covariance.*patterns\\[0\\]\\.cov\\[0\\]\\[1\\].*is 0\\.11027920576557546 but.*0\\.11027920476557548.*tolerance"
                 mi ${SPECS}/asymmetric_beyond_tolerance.json)
# --precision double: the 50-digit cross-check only when asked or needed, and the JSON says which.
syninfo_cli_test(mi_double_cross_check_asked 0 "\"ran\": true.*\"reason\": \"asked for.*\"reference_precision\": \"50\""
                 mi ${PROJECT_SOURCE_DIR}/examples/worked_example.json --precision double --cross-check)
syninfo_cli_test(mi_double_cross_check_needed 0 "\"status\": \"not_positive_definite\".*\"ran\": true.*\"reason\": \"double found K"
                 mi ${SPECS}/not_pd.json --precision double)
