# Benchmarks (not tests): estimator timing against N.
add_executable(bench_estimators ${PROJECT_SOURCE_DIR}/bench/bench_estimators.cpp)
target_link_libraries(bench_estimators PRIVATE syninfo_core)

# The attractor network's step against the memory-bandwidth bound of its sparse product.
add_executable(bench_attractor_step ${PROJECT_SOURCE_DIR}/bench/bench_attractor_step.cpp)
target_link_libraries(bench_attractor_step PRIVATE syninfo_core)
# Closed-form throughput, old (bench/closed_form_baseline.hpp) against new in one run.
add_executable(bench_closed_form_throughput ${PROJECT_SOURCE_DIR}/bench/closed_form_throughput.cpp)
target_link_libraries(bench_closed_form_throughput PRIVATE syninfo_core)
# One calibration point at paper sample sizes against the 30 s target; the compact set-3 generator against the full one.
add_executable(bench_calibration_point ${PROJECT_SOURCE_DIR}/bench/calibration_point.cpp)
target_link_libraries(bench_calibration_point PRIVATE syninfo_core)
# The smc ground truth's cost per unit variance, old (no control variate) against new in one run.
add_executable(bench_truth_efficiency ${PROJECT_SOURCE_DIR}/bench/truth_efficiency.cpp)
target_link_libraries(bench_truth_efficiency PRIVATE syninfo_core)
# One infomorphic training epoch (goal, exact gradient, Adam step) at N = 100 against its operation count.
add_executable(bench_infomorphic_epoch ${PROJECT_SOURCE_DIR}/bench/bench_infomorphic_epoch.cpp)
target_link_libraries(bench_infomorphic_epoch PRIVATE syninfo_core)
