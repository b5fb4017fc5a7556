target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/attractor/model.cpp
  ${PROJECT_SOURCE_DIR}/src/attractor/network.cpp
  ${PROJECT_SOURCE_DIR}/src/attractor/dynamics.cpp
  ${PROJECT_SOURCE_DIR}/src/attractor/mean_field.cpp
  ${PROJECT_SOURCE_DIR}/src/attractor/information_trials.cpp
  ${PROJECT_SOURCE_DIR}/src/attractor/information.cpp
  ${PROJECT_SOURCE_DIR}/src/attractor/information_gaussian.cpp
  ${PROJECT_SOURCE_DIR}/src/attractor/capacity_scan.cpp
)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_attractor.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/attractor_common.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_attractor_information.cpp
)
