# syninfo hopfield through the binary: the JSON fields, and exit 2 on bad input.
syninfo_cli_test(hopfield_capacity_fields 0 "\"command\": \"hopfield capacity\".*\"N\": 60.*\"alpha_c\": [{].*\"median\": 0\\.[0-9]+.*\"loads\": \\[.*\"a_theta\""
                 hopfield capacity --N 60 --seeds 3 --alphas 0.05:0.05:0.3 --threads 2)
syninfo_cli_test(hopfield_pid_profile_fields 0 "\"command\": \"hopfield pid-profile\".*\"units\": \"bits\".*\"output\": \"recall\".*\"redundancy_bits\": [{].*\"median\""
                 hopfield pid-profile --N 60 --seeds 2 --alphas 0.05,0.3 --threads 2)
syninfo_cli_test(hopfield_bad_n 2 "--N" hopfield capacity --N 1)
syninfo_cli_test(hopfield_bad_alpha 2 "--alphas expects positive numbers" hopfield capacity --alphas 0.1,-0.2)
syninfo_cli_test(hopfield_descending_alpha 2 "--alphas must be ascending" hopfield pid-profile --alphas 0.2,0.1)
syninfo_cli_test(hopfield_bad_bins 2 "--bins" hopfield pid-profile --bins 1)
syninfo_cli_test(hopfield_unknown_rule 2 "only hebbian is implemented" hopfield capacity --rule infomorphic)
syninfo_cli_test(hopfield_unknown_subcommand 2 "unknown subcommand" hopfield learn)
