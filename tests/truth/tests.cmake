add_executable(syninfo_truth_tests
  ${PROJECT_SOURCE_DIR}/tests/truth/test_sampling.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_quadrature.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_cmc.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_true_information.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_smc.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_reliability.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_noise_regularised_smc.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_smc_high_information.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_smc_control_variate.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_smc_paired_steps.cpp
  ${PROJECT_SOURCE_DIR}/tests/truth/test_smc_bridge.cpp
)
target_link_libraries(syninfo_truth_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_truth_tests)

# The generator of the 2-D quadrature reference (run by hand, not a test):
#   build/syninfo_truth_reference > tests/truth/two_synapse_reference.hpp
add_executable(syninfo_truth_reference EXCLUDE_FROM_ALL ${PROJECT_SOURCE_DIR}/tests/truth/generate_two_synapse_reference.cpp)
target_link_libraries(syninfo_truth_reference PRIVATE syninfo_core)

# syninfo truth through the built binary: the verdict fields, the sub-ensemble
# lower bound of a degenerate ensemble (noise ladder off; the ladder is in
# tests/cli/robustness_truth.cmake), and a usage error (exit 2, one line naming it).
set(_truth_specs ${PROJECT_SOURCE_DIR}/tests/truth/specs)
add_test(NAME "truth cli: smc is best for two synapses"
         COMMAND $<TARGET_FILE:syninfo> truth ${_truth_specs}/two_synapses.json --method smc --smc-samples 300 --threads 2)
set_tests_properties("truth cli: smc is best for two synapses" PROPERTIES
  PASS_REGULAR_EXPRESSION "\"best\": [{][^}]*\"method\": \"smc\",[^}]*\"mi_nats\": 1\\.[0-9]+.*\"reliable\": (true|false).*\"reliability_note\".*\"particles\": 32.*\"control_variate\": true,[^}]*\"control_correlation\": 0\\.[0-9]+.*\"seconds\"")
add_test(NAME "truth cli: --control-samples 0 turns the control variates off"
         COMMAND $<TARGET_FILE:syninfo> truth ${_truth_specs}/two_synapses.json --method smc --smc-samples 300 --control-samples 0)
set_tests_properties("truth cli: --control-samples 0 turns the control variates off" PROPERTIES
  PASS_REGULAR_EXPRESSION "\"control_variate\": false")
add_test(NAME "truth cli: a degenerate cycle gets smc by paired steps"
         COMMAND $<TARGET_FILE:syninfo> truth ${_truth_specs}/even_cycle.json --method smc --smc-samples 300 --noise-levels 0)
set_tests_properties("truth cli: a degenerate cycle gets smc by paired steps" PROPERTIES
  PASS_REGULAR_EXPRESSION "\"best\": [{][^}]*\"method\": \"smc\",[^}]*\"lower_bound\": false,[^}]*[}],[^\"]*\"reliable\": (true|false).*\"paired_steps\": 1,.*paired step")
# All 15 pairs among 6 neurons: 9 determined synapses, 6 free ones, so no
# paired order exists; best is the sub-ensemble's smc, a flagged lower bound.
add_test(NAME "truth cli: a degenerate ensemble no paired order treats gets a flagged lower bound"
         COMMAND $<TARGET_FILE:syninfo> truth ${_truth_specs}/full_connectivity_six.json --method smc --smc-samples 200 --noise-levels 0)
set_tests_properties("truth cli: a degenerate ensemble no paired order treats gets a flagged lower bound" PROPERTIES
  PASS_REGULAR_EXPRESSION "\"method\": \"smc_lower_bound\".*\"lower_bound\": true,[^}]*\"sub_ensemble\": \\[0, 1, 2, 3, 4, 5[^}]*[}],[^\"]*\"reliable\": false.*9 synapses are determined by 6 free ones")
add_test(NAME "truth cli: unknown method is a usage error"
         COMMAND sh -c "$<TARGET_FILE:syninfo> truth ${_truth_specs}/two_synapses.json --method magic; test $? -eq 2 && echo exit-code-2")
set_tests_properties("truth cli: unknown method is a usage error" PROPERTIES
  PASS_REGULAR_EXPRESSION "--method must be auto, all, ksg, cmc, smc or quadrature, got .magic..*exit-code-2")
