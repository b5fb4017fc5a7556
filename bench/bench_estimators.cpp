// Timing of the KSG and Kozachenko-Leonenko estimators against N, in 2 and 8
// dimensions, with the fitted growth exponent (least-squares slope of
// log time against log N). Point estimates only (blocks = 0): the standard
// error re-runs the estimator on 10 blocks of N/10 rows, which costs about
// as much again.
//
// usage: bench_estimators [MAX_N] [THREADS]   (defaults 1000000, 0 = all cores)
#include "syninfo/estimators/kozachenko_leonenko.hpp"
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/random.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace syninfo::estimators;

namespace {

// n rows of a d-dimensional Gaussian with every pair correlated 0.5.
Eigen::MatrixXd sample(Eigen::Index n, Eigen::Index d, std::uint64_t seed) {
  Eigen::MatrixXd out(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    syninfo::Rng rng(seed, static_cast<std::uint64_t>(i));
    const double common = rng.normal();
    for (Eigen::Index c = 0; c < d; ++c) out(i, c) = std::sqrt(0.5) * common + std::sqrt(0.5) * rng.normal();
  }
  return out;
}

double slope(const std::vector<double>& n, const std::vector<double>& t) {
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    mx += std::log(n[i]) / static_cast<double>(n.size());
    my += std::log(t[i]) / static_cast<double>(n.size());
  }
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    sxy += (std::log(n[i]) - mx) * (std::log(t[i]) - my);
    sxx += (std::log(n[i]) - mx) * (std::log(n[i]) - mx);
  }
  return sxy / sxx;
}

}  // namespace

int main(int argc, char** argv) {
  const long max_n = argc > 1 ? std::atol(argv[1]) : 1000000;
  const unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 0;
  std::printf("%-22s %4s %9s %10s %12s\n", "estimator", "dims", "N", "seconds", "value(nats)");
  for (const std::string est : {"ksg1", "ksg2", "kl_max", "kl_euclidean"}) {
    for (Eigen::Index d : {2, 8}) {
      std::vector<double> ns, ts;
      for (long n = 1000; n <= max_n; n *= 10) {
        const auto z = sample(n, d, 42);
        const auto start = std::chrono::steady_clock::now();
        double value = 0.0;
        if (est == "ksg1" || est == "ksg2") {
          KsgOptions o;
          o.algorithm = est == "ksg1" ? 1 : 2;
          o.threads = threads;
          o.blocks = 0;
          value = ksg_mutual_information(z.leftCols(d / 2), z.rightCols(d / 2), o).value;
        } else {
          KlOptions o;
          o.norm = est == "kl_max" ? Norm::max : Norm::euclidean;
          o.threads = threads;
          o.blocks = 0;
          value = kozachenko_leonenko_entropy(z, o).value;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%-22s %4ld %9ld %10.4f %12.6f\n", est.c_str(), static_cast<long>(d), n, seconds, value);
        std::fflush(stdout);
        ns.push_back(static_cast<double>(n));
        ts.push_back(seconds);
      }
      if (ns.size() >= 2)
        std::printf("%-22s %4ld growth exponent (log-log slope of time vs N): %.3f\n", est.c_str(),
                    static_cast<long>(d), slope(ns, ts));
    }
  }
  return 0;
}
