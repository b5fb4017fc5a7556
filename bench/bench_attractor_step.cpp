// One simulated second of the attractor network (N = 50,000, c = 0.005, so
// K = 250 inputs per neuron; p = 30) against the memory-bandwidth bound of its
// sparse product, both measured in this run: a step must stream the weights
// and column indices once (12 bytes per connection) plus the row offsets, so
// its time cannot beat bytes / (streaming read bandwidth measured here on an
// array of the same size).
//
// usage: bench_attractor_step [N] [STEPS]   (defaults 50000, 200)
#include "syninfo/attractor/dynamics.hpp"
#include "syninfo/parallel.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <vector>

using namespace syninfo::attractor;

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Best of five streaming sums over `bytes` of doubles, in bytes per second.
double read_bandwidth(std::size_t bytes, unsigned threads) {
  std::vector<double> data(bytes / sizeof(double), 1.0);
  double best = 1e300;
  volatile double sink = 0;
  for (int rep = 0; rep < 5; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<double> partial(threads, 0.0);
    syninfo::parallel_for(data.size(), threads, [&](std::size_t b, std::size_t e) {
      double s = 0;
      for (std::size_t i = b; i < e; ++i) s += data[i];
      partial[b * threads / data.size()] += s;
    });
    sink = sink + std::accumulate(partial.begin(), partial.end(), 0.0);
    best = std::min(best, seconds_since(t0));
  }
  return static_cast<double>(bytes) / best;
}
}  // namespace

int main(int argc, char** argv) {
  const std::size_t N = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 50000;
  const std::size_t steps = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 200;
  const AttractorParameters p;
  const auto t0 = std::chrono::steady_clock::now();
  const Network net = build_network(p, NetworkSize{N, 250.0 / static_cast<double>(N), 30, 7}, 0);
  std::printf("network: N = %zu, %zu connections, built in %.2f s\n", N, net.J.nonzeros(), seconds_since(t0));
  const double bytes = static_cast<double>(net.J.nonzeros()) * 12.0 + static_cast<double>(N + 1) * 8.0;
  Eigen::VectorXd r = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(N), 5.0);
  const Eigen::VectorXd I = net.currents.col(0);
  std::printf("%8s %12s %12s %14s %16s\n", "threads", "ms/step", "bound ms", "time/bound", "s per sim. s");
  for (unsigned threads : {1u, 2u}) {
    IntegrationOptions o;
    o.threads = threads;
    integrate(p, net.J, I, r, 5, o);  // warm-up
    const auto t1 = std::chrono::steady_clock::now();
    integrate(p, net.J, I, r, steps, o);
    const double per_step = seconds_since(t1) / static_cast<double>(steps);
    const double bound = bytes / read_bandwidth(static_cast<std::size_t>(bytes), threads);
    std::printf("%8u %12.3f %12.3f %14.2f %16.2f\n", threads, per_step * 1e3, bound * 1e3, per_step / bound,
                per_step * (1000.0 / o.dt_ms));
  }
  return 0;
}
