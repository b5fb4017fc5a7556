# Binary Hopfield networks: Hebbian storage, recall, accuracy and capacity.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/hopfield/capacity.cpp
  ${PROJECT_SOURCE_DIR}/src/hopfield/pid_profile.cpp
  ${PROJECT_SOURCE_DIR}/src/hopfield/infomorphic.cpp
  ${PROJECT_SOURCE_DIR}/src/hopfield/learning_rules.cpp
)
target_sources(syninfo PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_hopfield.cpp)
