# Binary Hopfield networks: Hebbian storage, recall, accuracy and capacity.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/hopfield/capacity.cpp
)
