# Estimators of the true information (KSG, Kozachenko-Leonenko) and their CLI.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/estimators/digamma.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/norm.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/kd_tree.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/range_counter.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/sample_checks.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/block_error.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/standardise.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/ksg.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/ksg_conditional.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/permutation_test.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/kozachenko_leonenko.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/csv.cpp
  ${PROJECT_SOURCE_DIR}/src/estimators/estimate_json.cpp
)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_ksg.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_entropy.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_cmi.cpp
)
