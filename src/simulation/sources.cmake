# The paper's simulation sets as a library (issue 5).
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/simulation/settings.cpp
  ${PROJECT_SOURCE_DIR}/src/simulation/sample_sets.cpp
  ${PROJECT_SOURCE_DIR}/src/simulation/curves.cpp
  ${PROJECT_SOURCE_DIR}/src/simulation/features.cpp
  ${PROJECT_SOURCE_DIR}/src/simulation/compact_sample.cpp
)
