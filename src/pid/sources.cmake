# Partial information decomposition (shared-exclusion I^sx) and its CLI.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/pid/lattice.cpp
)
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/pid/sample_estimate.cpp
  ${PROJECT_SOURCE_DIR}/src/pid/symbol_table.cpp
)
target_sources(syninfo PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_pid.cpp)
# The binned two-source I^sx as a differentiable function (infomorphic learning).
target_sources(syninfo_core PRIVATE ${PROJECT_SOURCE_DIR}/src/pid/differentiable.cpp)
