target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/truth/model_sampling.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/conditional_monte_carlo.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/lognormal_sum_quadrature.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/sequential_monte_carlo.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/smc_outer_draws.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/smc_sum_model.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/smc_paired_step.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/smc_single_step.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/true_information.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/reliability.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/density_rank.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/noise_regularised_smc.cpp
  ${PROJECT_SOURCE_DIR}/src/truth/truth_json.cpp
)
target_sources(syninfo PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_truth.cpp ${PROJECT_SOURCE_DIR}/src/cli/truth_checkpoint.cpp)
