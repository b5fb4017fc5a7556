add_executable(syninfo_attractor_tests
  ${PROJECT_SOURCE_DIR}/tests/attractor/test_model.cpp
  ${PROJECT_SOURCE_DIR}/tests/attractor/test_network.cpp
  ${PROJECT_SOURCE_DIR}/tests/attractor/test_dynamics.cpp
  ${PROJECT_SOURCE_DIR}/tests/attractor/test_mean_field.cpp
  ${PROJECT_SOURCE_DIR}/tests/attractor/test_information.cpp
)
target_link_libraries(syninfo_attractor_tests PRIVATE syninfo_core Catch2::Catch2WithMain)
catch_discover_tests(syninfo_attractor_tests PROPERTIES LABELS attractor)
