# syninfo ksg --permutations: the MI significance test (rows of Y shuffled
# against X) through the binary. Data: tests/estimators/gaussian_pair.csv
# (400 rows; x and y correlated, a third column of independent noise).
set(KSG_PERM_DATA ${PROJECT_SOURCE_DIR}/tests/estimators)
# Strong dependence (x, y: ~0.45 nats, SE ~0.04): no shuffle of 19 reaches it, p = 1/20.
syninfo_cli_test(ksg_permutation_dependent 0 "\"mi_nats\": 0\\.[3-6].*\"permutations\": 19,.*\"p_value\": 0\\.050*[0-9]?,.*\"surrogates_at_least_observed\": 0,.*\"null_method\": \"rows of Y shuffled"
                 ksg ${KSG_PERM_DATA}/gaussian_pair.csv --x 0 --y 1 --permutations 19 --seed 3)
# x against the independent noise column: a p of 0.2 or more (two or fewer
# surrogates at or above the estimate fail; under the null that happens with
# probability 3/20 at most, and seed 1 is fixed).
syninfo_cli_test(ksg_permutation_null 0 "\"p_value\": (0\\.[2-9]|1[,.])"
                 ksg ${KSG_PERM_DATA}/gaussian_pair.csv --x 0 --y 2 --permutations 19)
syninfo_cli_test(ksg_permutation_negative 2 "--permutations"
                 ksg ${KSG_PERM_DATA}/gaussian_pair.csv --x 0 --y 1 --permutations -1)
