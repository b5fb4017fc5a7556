// Benchmark (not a test): one calibration point at the paper's sample sizes
// (1000 + 1000 + 20,000 samples, closed form only) against the 30 s target
// on this machine, and the compact set-3 generator against the full-matrix
// one it replaced (generate_sample + features + restriction), measured in
// the same run on the same Fig. 4 samples.
//   bench_calibration_point [threads] [samples for the generator comparison]
#include "syninfo/calibration/design.hpp"
#include "syninfo/calibration/point_statistics.hpp"
#include "syninfo/simulation/compact_sample.hpp"
#include "syninfo/simulation/features.hpp"
#include "syninfo/validation/config.hpp"
#include "syninfo/validation/run.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

using namespace syninfo;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Runs body(i) for i < count on `threads` threads (static interleaving).
template <class F>
void parallel(std::size_t count, unsigned threads, F body) {
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < threads; ++w)
    pool.emplace_back([&, w] {
      for (std::size_t i = w; i < count; i += threads) body(i);
    });
  for (auto& t : pool) t.join();
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned threads = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 2;
  const std::size_t compare = argc > 2 ? static_cast<std::size_t>(std::atoll(argv[2])) : 1000;
  validation::ValidationConfig config = validation::config_for_scale(validation::Scale::paper);
  config.truth = false;
  config.progress = false;
  config.threads = threads;

  auto start = std::chrono::steady_clock::now();
  const calibration::PointStatistics p = calibration::point_statistics(config);
  const double point = seconds_since(start);
  std::printf("one calibration point (paper: %zu + %zu + %zu samples, %u threads): %.1f s; target 30 s: ratio %.2f (%s)\n",
              config.set2_samples, config.set3_samples, config.fig4_samples, threads, point, point / 30.0,
              point <= 30.0 ? "meets" : "MISSES");
  std::printf("  c5_mean_r = %.4f, c6 = %.5f\n", p.stats[4].value, p.stats[6].value);

  // Generator + closed form on the first `compare` Fig. 4 samples, old against new.
  std::vector<double> sink(compare, 0.0);
  start = std::chrono::steady_clock::now();
  parallel(compare, threads, [&](std::size_t i) {
    const auto s = simulation::generate_sample(simulation::SetId::set3_fig4, config.random, config.seed, i);
    const auto f = simulation::sample_features(s.problem);
    sink[i] = f[3] + validation::evaluate_closed_form(simulation::restrict_to_touched(s.problem), config).repaired_nats;
  });
  const double full = seconds_since(start);
  start = std::chrono::steady_clock::now();
  parallel(compare, threads, [&](std::size_t i) {
    const auto s = simulation::compact_sample(simulation::SetId::set3_fig4, config.random, config.seed, i);
    sink[i] += s.features[3] + validation::evaluate_closed_form(s.problem, config).repaired_nats;
  });
  const double compact = seconds_since(start);
  std::printf("set 3 samples (generation, features, closed form), %zu Fig. 4 samples: full-matrix %.2f s, compact %.2f s: "
              "%.1fx faster\n",
              compare, full, compact, full / compact);
  double total = 0.0;
  for (double v : sink) total += v;
  std::printf("  (checksum %.3g)\n", total);
  return 0;
}
