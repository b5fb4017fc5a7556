target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/core/decimal.cpp
  ${PROJECT_SOURCE_DIR}/src/core/qd_scalar.cpp
  ${PROJECT_SOURCE_DIR}/src/core/json.cpp
  ${PROJECT_SOURCE_DIR}/src/core/json_fields.cpp
  ${PROJECT_SOURCE_DIR}/src/core/model.cpp
  ${PROJECT_SOURCE_DIR}/src/core/spec.cpp
  ${PROJECT_SOURCE_DIR}/src/core/mutual_information.cpp
)
