# syninfo validate / merge: the paper's experiments with the closed form and
# the ground truth, statistics, figures and the claims table (issue 5).
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/validation/statistics.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/ground_truth.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/config.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/config_json.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/records.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/run.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/shards.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/report.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/common.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/analysis_curves.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/analysis_sets.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/analysis_synergy.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/claims.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/decision.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/reproduction.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/set_correlations.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c1_singleton_trends.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c2_patterns.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c3_ensemble_growth.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c4_synapses.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c5_synergy.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c6_invalid_fraction.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c7_neuron_count.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/claims/c8_capacity.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/figures/curves.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/figures/scatter.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/figures/invalid_map.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/figures/fig4.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/figures/synergy.cpp
)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_validate.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_merge.cpp
)
