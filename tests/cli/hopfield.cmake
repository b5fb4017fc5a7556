# syninfo hopfield through the binary: the JSON fields, and exit 2 on bad input.
syninfo_cli_test(hopfield_capacity_fields 0 "\"command\": \"hopfield capacity\".*\"N\": 60.*\"alpha_c\": [{].*\"median\": 0\\.[0-9]+.*\"loads\": \\[.*\"a_theta\""
                 hopfield capacity --N 60 --seeds 3 --alphas 0.05:0.05:0.3 --threads 2)
syninfo_cli_test(hopfield_pid_profile_fields 0 "\"command\": \"hopfield pid-profile\".*\"units\": \"bits\".*\"output\": \"recall\".*\"redundancy_bits\": [{].*\"median\""
                 hopfield pid-profile --N 60 --seeds 2 --alphas 0.05,0.3 --threads 2)
syninfo_cli_test(hopfield_bad_n 2 "--N" hopfield capacity --N 1)
syninfo_cli_test(hopfield_bad_alpha 2 "--alphas expects positive numbers" hopfield capacity --alphas 0.1,-0.2)
syninfo_cli_test(hopfield_descending_alpha 2 "--alphas must be ascending" hopfield pid-profile --alphas 0.2,0.1)
syninfo_cli_test(hopfield_bad_bins 2 "--bins" hopfield pid-profile --bins 1)
syninfo_cli_test(hopfield_unknown_rule 2 "--rule must be hebbian, infomorphic or descent-l2" hopfield capacity --rule oja)
# Infomorphic training: per-seed training summaries and the echoed hyperparameters.
syninfo_cli_test(hopfield_infomorphic_fields 0 "\"rule\": \"infomorphic\".*\"training\": [{].*\"epochs_run\".*\"mean_atoms_bits\": [{].*\"redundancy\".*\"infomorphic\": [{].*\"goal\": \"mi\".*\"gamma\": \\[1, 1, 0, 0, 0\\].*\"external_weight\": [{].*\"default_reason\""
                 hopfield capacity --rule infomorphic --goal mi --N 30 --seeds 2 --alphas 0.2,0.5 --epochs 20 --threads 2)
syninfo_cli_test(hopfield_infomorphic_gamma 0 "\"goal\": \"0.5,0,-1,0,0\".*\"gamma\": \\[0.5, 0, -1, 0, 0\\]"
                 hopfield capacity --rule infomorphic --goal 0.5,0,-1,0,0 --N 20 --seeds 1 --alphas 0.3 --epochs 5)
syninfo_cli_test(hopfield_infomorphic_unknown_goal 2 "--goal: unknown goal 'synergy'" hopfield capacity --rule infomorphic --goal synergy)
syninfo_cli_test(hopfield_infomorphic_short_gamma 2 "--goal needs exactly five numbers" hopfield capacity --rule infomorphic --goal 1,0,0,0)
syninfo_cli_test(hopfield_infomorphic_long_gamma 2 "--goal needs exactly five numbers" hopfield capacity --rule infomorphic --goal 1,0,0,0,0,0)
syninfo_cli_test(hopfield_infomorphic_nan_gamma 2 "--goal expects finite numbers" hopfield capacity --rule infomorphic --goal 1,nan,0,0,0)
syninfo_cli_test(hopfield_infomorphic_inf_beta 2 "--beta expects a finite number" hopfield capacity --rule infomorphic --beta inf)
syninfo_cli_test(hopfield_infomorphic_bad_epochs 2 "--epochs" hopfield capacity --rule infomorphic --epochs 0)
syninfo_cli_test(hopfield_goal_needs_infomorphic 2 "--goal applies to --rule infomorphic only" hopfield capacity --goal mi)
syninfo_cli_test(hopfield_descent_l2_fields 0 "\"rule\": \"descent-l2\".*\"alpha_c\": [{].*\"median\": 0\\.[3-9].*\"descent_l2\": [{].*\"lambda\": 0\\.5.*\"ridge\": 0\\.001"
                 hopfield capacity --rule descent-l2 --N 40 --seeds 2 --alphas 0.1:0.2:0.9 --threads 2)
syninfo_cli_test(hopfield_l2_needs_descent 2 "--l2-lambda applies to --rule descent-l2 only" hopfield capacity --l2-lambda 1)
syninfo_cli_test(hopfield_l2_bad_ridge 2 "--l2-ridge" hopfield capacity --rule descent-l2 --l2-ridge 0)
# Hebbian storage fails by alpha = 0.5 at N = 60, so every seed skips the last load.
syninfo_cli_test(hopfield_stop_after_failure 0 "\"stop_after_failure\": true.*\"alpha\": 0\\.9.*\"skipped\": true"
                 hopfield capacity --N 60 --seeds 2 --alphas 0.05,0.5,0.9 --stop-after-failure)
syninfo_cli_test(hopfield_unknown_subcommand 2 "unknown subcommand" hopfield learn)
