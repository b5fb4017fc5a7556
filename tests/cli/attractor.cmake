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

# syninfo attractor information: a small run end to end, and its bad input.
syninfo_cli_test(attractor_information 0
                 "\"command\": \"attractor information\".*\"familiar\".*\"after_cue\".*\"mi_nats\": -?[0-9].*\"novel\".*\"familiar_minus_novel\".*\"bits_per_synapse\""
                 attractor information --N 600 --c 0.2 --p 4 --stimuli 2 --trials 24 --background 0 --cue 50
                 --delay 50 --dt 1 --blocks 2 --threads 1)
syninfo_cli_test(attractor_information_gaussian_channel 0 "\"gaussian_channel_nats\": [0-9]"
                 attractor information --design coordinates --familiarity familiar --N 100 --c 0.5 --p 2
                 --trials 40 --dimension 2 --background 0 --cue 40 --delay 0 --dt 2 --blocks 2 --threads 1)
syninfo_cli_test(attractor_information_bad_c 2 "--c must be in \\(0, 1\\]" attractor information --c 0)
syninfo_cli_test(attractor_information_c_above_one 2 "--c must be between" attractor information --c 1.5)
syninfo_cli_test(attractor_information_bad_p 2 "--p must be between 1" attractor information --p 0)
syninfo_cli_test(attractor_information_negative_dt 2 "--dt must be" attractor information --dt -0.5)
syninfo_cli_test(attractor_information_sparse_inputs 2 "N \\* c must be at least 1" attractor information --N 100 --c 0.001)
syninfo_cli_test(attractor_information_dimension_zero 2 "--dimension must be at least 1" attractor information --dimension 0)
syninfo_cli_test(attractor_information_too_few_patterns 2 "need p >= 4" attractor information --N 200 --c 0.1 --p 3)
syninfo_cli_test(attractor_information_bad_readout 2 "readout must be projection or overlaps" attractor information --readout pca)

# capacity --simulate: a small sweep that retrieves at the low load and not at
# the high one, with its figure.
syninfo_cli_test(attractor_capacity_simulate 0
                 "\"simulation\".*\"alpha_c\": 0\\.[0-9].*\"retrieved_fraction\": 1.*\"retrieved_fraction\": 0[,\n ]"
                 attractor capacity --simulate --N 2000 --c 0.05 --alphas 0.1,1.5 --seeds 2 --background 50
                 --cue 100 --delay 200 --dt 1 --threads 1)
syninfo_cli_test(attractor_capacity_needs_mode 2 "give --theory .* or --simulate" attractor capacity)
syninfo_cli_test(attractor_capacity_theory_rejects_N 2 "--N needs --simulate" attractor capacity --theory --N 100)
