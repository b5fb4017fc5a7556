// The sample PID: plug-in values, the Miller-Madow bias of the mutual
// informations and the bootstrap standard error, against Monte Carlo.
#include "gate_table.hpp"
#include "syninfo/pid/sample_estimate.hpp"
#include "syninfo/random.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

namespace syninfo::pid {
namespace {

struct Samples {
  std::vector<Symbol> targets;
  std::vector<std::vector<Symbol>> sources;
};

// n independent draws from d (inverse of the cumulative probabilities).
Samples draw(const JointDistribution<double>& d, std::size_t n, Rng& rng) {
  Samples s;
  for (std::size_t i = 0; i < n; ++i) {
    double u = rng.uniform(), cumulative = 0;
    std::size_t k = 0;
    for (; k + 1 < d.outcomes.size(); ++k) {
      cumulative += d.outcomes[k].probability;
      if (u < cumulative) break;
    }
    s.targets.push_back(d.outcomes[k].target);
    s.sources.push_back(d.outcomes[k].sources);
  }
  return s;
}

double mean(const std::vector<double>& x) { return std::accumulate(x.begin(), x.end(), 0.0) / x.size(); }
double sd(const std::vector<double>& x) {
  const double m = mean(x);
  double ss = 0;
  for (double v : x) ss += (v - m) * (v - m);
  return std::sqrt(ss / (x.size() - 1));
}

TEST_CASE("samples repeating a gate reproduce its exact atoms", "[pid][sample]") {
  // Four copies of each AND row: the empirical distribution is AND exactly
  // (probabilities 4/16), so the plug-in atoms are the gate's to rounding (1e-12
  // as in the gate tests).
  Samples s;
  for (int copy = 0; copy < 4; ++copy)
    for (Symbol a = 0; a < 2; ++a)
      for (Symbol b = 0; b < 2; ++b) {
        s.targets.push_back(a * b);
        s.sources.push_back({a, b});
      }
  const auto e = estimate_from_samples(2, s.targets, s.sources, {});
  const auto atoms = two_source_atoms(e.plug_in);
  CHECK(std::abs(atoms.redundancy - 0.5 * std::log2(32.0 / 27.0)) < 1e-12);
  CHECK(std::abs(atoms.synergy - 0.75 * std::log2(4.0 / 3.0)) < 1e-12);
  CHECK(e.samples == 16);
  // Miller-Madow with K_Y = 2, K_S1 = 2, K_(Y,S1) = 3 occupied cells: (3 - 2 - 2 + 1) = 0;
  // joint: K_(S1,S2) = 4, K_(Y,S1,S2) = 4: (4 - 2 - 4 + 1) = -1 -> -1 / (2 * 16 ln 2).
  CHECK(std::abs(e.miller_madow_source_mi[0]) < 1e-15);
  CHECK(std::abs(e.miller_madow_joint_mi + 1.0 / (32.0 * std::log(2.0))) < 1e-15);
  CHECK(std::abs(e.miller_madow_target_entropy + 1.0 / (32.0 * std::log(2.0))) < 1e-15);
}

TEST_CASE("Miller-Madow predicts the plug-in bias of I(Y;S1,S2) for independent variables", "[pid][sample]") {
  // Y, S1, S2 independent uniform bits: I = 0, so the mean plug-in value is the
  // bias. Miller-Madow: (K_YX - K_Y - K_X + 1) / (2 N ln 2) = 3 / (2 N ln 2).
  JointDistribution<double> d;
  d.sources = 2;
  for (Symbol y = 0; y < 2; ++y)
    for (Symbol a = 0; a < 2; ++a)
      for (Symbol b = 0; b < 2; ++b) d.outcomes.push_back({y, {a, b}, 0.125});
  Rng rng(20261201);
  const std::size_t n = 400, datasets = 400;
  std::vector<double> mi, predicted;
  for (std::size_t r = 0; r < datasets; ++r) {
    const auto s = draw(d, n, rng);
    const auto e = estimate_from_samples(2, s.targets, s.sources, {});
    mi.push_back(e.plug_in.classical.joint_mi);
    predicted.push_back(e.miller_madow_joint_mi);
  }
  // Tolerance: 5 Monte Carlo standard errors of the mean (the approximation's
  // own O(1/N^2) error is ~1e-5 bits here, far below that).
  const double mc_se = sd(mi) / std::sqrt(static_cast<double>(datasets));
  INFO("mean plug-in " << mean(mi) << ", Miller-Madow " << mean(predicted) << ", MC s.e. " << mc_se);
  CHECK(std::abs(mean(mi) - mean(predicted)) < 5 * mc_se);
  CHECK(std::abs(mean(predicted) - 3.0 / (2.0 * n * std::log(2.0))) < 1e-12);
}

TEST_CASE("the bootstrap standard error matches the spread over independent samples", "[pid][sample]") {
  // A noisy AND: inputs uniform, output AND flipped with probability 1/10.
  JointDistribution<double> d;
  d.sources = 2;
  for (Symbol a = 0; a < 2; ++a)
    for (Symbol b = 0; b < 2; ++b)
      for (Symbol y = 0; y < 2; ++y) d.outcomes.push_back({y, {a, b}, 0.25 * (y == a * b ? 0.9 : 0.1)});
  Rng rng(7);
  const std::size_t n = 400;
  std::vector<double> redundancy;
  for (int r = 0; r < 300; ++r) {
    const auto s = draw(d, n, rng);
    redundancy.push_back(two_source_atoms(estimate_from_samples(2, s.targets, s.sources, {}).plug_in).redundancy);
  }
  const double spread = sd(redundancy);
  std::vector<double> boot_se;
  SampleOptions options;
  options.bootstrap = 200;
  for (int r = 0; r < 20; ++r) {
    const auto s = draw(d, n, rng);
    options.seed = 100 + static_cast<std::uint64_t>(r);
    const auto e = estimate_from_samples(2, s.targets, s.sources, options);
    boot_se.push_back(e.bootstrap_standard_error[e.plug_in.node({1u, 2u})]);
  }
  // Tolerance 25%: Monte Carlo error of the spread (300 sets, ~4%), of the mean
  // bootstrap s.e. (20 sets x 200 replicates, ~5%), and the bootstrap's own
  // O(1/N) bias at N = 400; a wrong resampling (e.g. without replacement, or
  // the wrong N) would be off by far more.
  INFO("spread " << spread << ", mean bootstrap s.e. " << mean(boot_se));
  CHECK(std::abs(mean(boot_se) / spread - 1) < 0.25);
}

TEST_CASE("the bootstrap is reproducible from its seed", "[pid][sample]") {
  JointDistribution<double> d = test::distribution_of<double>(test::bivariate_gates()[1]);  // And
  Rng rng(3);
  const auto s = draw(d, 100, rng);
  SampleOptions o;
  o.bootstrap = 50;
  o.seed = 11;
  const auto a = estimate_from_samples(2, s.targets, s.sources, o);
  const auto b = estimate_from_samples(2, s.targets, s.sources, o);
  o.seed = 12;
  const auto c = estimate_from_samples(2, s.targets, s.sources, o);
  CHECK(a.bootstrap_standard_error == b.bootstrap_standard_error);
  CHECK(a.bootstrap_bias == b.bootstrap_bias);
  CHECK(a.bootstrap_standard_error != c.bootstrap_standard_error);
  CHECK(a.replicates == 50);
}

TEST_CASE("bad sample input is rejected", "[pid][sample]") {
  CHECK_THROWS_AS(estimate_from_samples(2, {}, {}, {}), std::invalid_argument);
  CHECK_THROWS_AS(estimate_from_samples(2, {0}, {{0}}, {}), std::invalid_argument);
  CHECK_THROWS_AS(make_distribution<double>(1, {0, 1}, {{0}, {1}}, {0.5, -0.5}), std::invalid_argument);
  CHECK_THROWS_AS(make_distribution<double>(1, {0, 1}, {{0}, {1}}, {0.0, 0.0}), std::invalid_argument);
}

}  // namespace
}  // namespace syninfo::pid
