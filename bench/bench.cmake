# Benchmarks (not tests): estimator timing against N.
add_executable(bench_estimators ${PROJECT_SOURCE_DIR}/bench/bench_estimators.cpp)
target_link_libraries(bench_estimators PRIVATE syninfo_core)
