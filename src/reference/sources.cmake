# Reference vectors and the checker (issue 6).
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/reference/csv.cpp
  ${PROJECT_SOURCE_DIR}/src/reference/reference_set.cpp
  ${PROJECT_SOURCE_DIR}/src/reference/check.cpp
)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_reference.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_check.cpp
)
