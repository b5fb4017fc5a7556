# The Fenton-Wilkinson audit (project issue 4): library part and the
# `syninfo audit` / `syninfo audit-map` subcommands.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/audit/kolmogorov_smirnov.cpp
  ${PROJECT_SOURCE_DIR}/src/audit/fenton_wilkinson_audit.cpp
  ${PROJECT_SOURCE_DIR}/src/audit/audit_json.cpp
)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_audit.cpp
)
target_sources(syninfo_core PRIVATE ${PROJECT_SOURCE_DIR}/src/audit/audit_map.cpp
                                    ${PROJECT_SOURCE_DIR}/src/audit/audit_map_shards.cpp)
target_sources(syninfo PRIVATE ${PROJECT_SOURCE_DIR}/src/cli/cmd_audit_map.cpp)
