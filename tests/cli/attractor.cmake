# syninfo attractor through the binary: a small retrieval, the mean-field
# capacity, and bad input (exit 2 naming what is wrong).
syninfo_cli_test(attractor_simulate 0 "\"retrieved\": true.*\"final_m\": 0\\.[89][0-9]*.*\"time_to_retrieve_ms\": [0-9]"
                 attractor simulate --N 2000 --c 0.05 --p 5 --background 50 --cue 100 --delay 200 --threads 1)
syninfo_cli_test(attractor_capacity_theory 0 "\"alpha_c\": 0\\.55[0-9]*.*\"curve\""
                 attractor capacity --theory --alphas 0.1)
syninfo_cli_test(attractor_bad_c 2 "--c must be in \\(0, 1\\]" attractor simulate --c 0)
syninfo_cli_test(attractor_c_above_one 2 "--c must be between" attractor simulate --c 1.5)
syninfo_cli_test(attractor_bad_p 2 "--p must be between 1" attractor simulate --p 0)
syninfo_cli_test(attractor_negative_dt 2 "--dt must be" attractor simulate --dt -0.5)
syninfo_cli_test(attractor_sparse_inputs 2 "N \\* c must be at least 1" attractor simulate --N 100 --c 0.001)
syninfo_cli_test(attractor_unknown_sub 2 "unknown subcommand 'foo'" attractor foo)
