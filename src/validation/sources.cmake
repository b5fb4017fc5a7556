# syninfo validate / merge: the paper's experiments with the closed form and
# the ground truth, statistics, figures and the claims table (issue 5).
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/validation/statistics.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/ground_truth.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/config.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/records.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/run.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/shards.cpp
  ${PROJECT_SOURCE_DIR}/src/validation/report.cpp
)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_validate.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_merge.cpp
)
