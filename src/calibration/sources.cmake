# syninfo calibrate (issue 11 section 4): a design over the lost parameters,
# the closed-form statistics the paper reports at each point, shards, the
# heat maps and the calibration report.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/calibration/design.cpp
  ${PROJECT_SOURCE_DIR}/src/calibration/point_statistics.cpp
  ${PROJECT_SOURCE_DIR}/src/calibration/results.cpp
  ${PROJECT_SOURCE_DIR}/src/calibration/summary.cpp
  ${PROJECT_SOURCE_DIR}/src/calibration/heatmaps.cpp
  ${PROJECT_SOURCE_DIR}/src/calibration/report.cpp
)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_calibrate.cpp
)
