# The subcommand registry and argument parser live in a small library so that
# tests can use them; the subcommands themselves are compiled into the binary.
add_library(syninfo_cli STATIC ${PROJECT_SOURCE_DIR}/src/cli/command.cpp ${PROJECT_SOURCE_DIR}/src/cli/run_options.cpp)
target_include_directories(syninfo_cli PUBLIC ${PROJECT_SOURCE_DIR}/src/cli)
target_link_libraries(syninfo_cli PUBLIC syninfo_core)
target_link_libraries(syninfo PRIVATE syninfo_cli)
target_sources(syninfo PRIVATE
  ${PROJECT_SOURCE_DIR}/src/cli/main.cpp
  ${PROJECT_SOURCE_DIR}/src/cli/cmd_mi.cpp
)
