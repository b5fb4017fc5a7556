// Issue 12: an independent nested Monte Carlo found every smc value with
// I > 1 nat slightly low (mean -0.012 nats at 16,000 samples, 1.7 combined
// SE), and the old verdict rule turned estimates unreliable when the samples
// grew. Both are checked here on exact oracles with I > 1 nat.
#include "syninfo/truth/sequential_monte_carlo.hpp"
#include "syninfo/truth/true_information.hpp"

#include "truth_test_helpers.hpp"
#include "two_synapse_reference.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

using namespace syninfo;
using namespace syninfo::truth;
using namespace syninfo::truth::testing;

namespace {

struct Oracle {
  std::string name;
  Problem<double> problem;
  double value;
};

// Exact values above 1 nat: the 2-D quadrature pair (error ~1e-13), and
// independent disjoint synapses at P = 2 (sums of single-synapse
// quadratures, error ~1e-6).
std::vector<Oracle> high_information_oracles() {
  std::vector<Oracle> out;
  out.push_back({"correlated pair, 2-D quadrature", two_synapse_problem(), kTwoSynapseInformation});
  for (const auto& [n, s, seed] : {std::tuple<std::size_t, double, std::uint64_t>{2, 0.5, 21}, {3, 0.5, 22}, {3, 1.0, 23}}) {
    Problem<double> p = independent_disjoint(n, 2, s, seed);
    double bound = 0.0;
    const double v = sum_of_single_synapse_informations(p, &bound);
    out.push_back({"independent n = " + std::to_string(n) + ", s = " + std::to_string(s), p, v});
  }
  return out;
}

}  // namespace

TEST_CASE("smc above 1 nat: no bias at 16,000 samples, pooled over exact oracles", "[truth][smc][bias]") {
  // Each case within 3 of its SE; the mean deviation over the cases within 3
  // of its pooled SE (sqrt(sum SE^2) / cases). The pooled SE here is about
  // 0.006 nats, so the reported -0.012 would show as 2 pooled SE: this test
  // bounds the bias at about 0.02 nats, and its INFO prints the measured one.
  SmcOptions o;
  o.outer = 16000;
  o.seed = 101;
  double sum = 0.0, var = 0.0;
  std::size_t cases = 0;
  for (const Oracle& c : high_information_oracles()) {
    REQUIRE(c.value > 1.0);
    const SmcMutualInformation r = smc_mutual_information(c.problem, o);
    const double d = r.estimate.value - c.value;
    INFO(c.name << ": smc " << r.estimate.value << " +- " << r.estimate.standard_error << " vs exact " << c.value
                << " (" << d / r.estimate.standard_error << " SE)");
    CHECK(std::abs(d) < 3 * r.estimate.standard_error);
    sum += d;
    var += r.estimate.standard_error * r.estimate.standard_error;
    ++cases;
  }
  const double mean = sum / static_cast<double>(cases);
  const double pooled = std::sqrt(var) / static_cast<double>(cases);
  INFO("mean deviation " << mean << " +- " << pooled << " nats over " << cases << " oracles");
  CHECK(std::abs(mean) < 3 * pooled);
  WARN("smc above 1 nat at 16,000 samples: mean deviation " << mean << " +- " << pooled << " nats");
}

TEST_CASE("truth verdict: more samples never turn a good estimate unreliable", "[truth][driver][bias]") {
  // The verdict at 4,000 and 16,000 smc samples on the same oracles: when the
  // estimate at 16,000 is within 3 SE of the exact value, it is reliable,
  // even where its bias allowance exceeds its statistical error (the old
  // rule's failure).
  TruthOptions o;
  o.ksg = o.cmc = o.quadrature = false;
  o.seed = 5;
  std::size_t judged = 0;
  for (const Oracle& c : high_information_oracles()) {
    for (const std::size_t samples : {std::size_t{4000}, std::size_t{16000}}) {
      o.smc_samples = samples;
      const TruthReport r = estimate_true_information(c.problem, o);
      INFO(c.name << " at " << samples << " samples: " << r.best.value << " +- " << r.best.standard_error << " vs "
                  << c.value << ", allowance " << r.smc_bias_allowance << ", statistical " << r.smc_statistical_error
                  << "; " << r.reliability_note);
      if (std::abs(r.best.value - c.value) < 3 * r.best.standard_error) {
        CHECK(r.reliable);
        ++judged;
      }
    }
  }
  // Not vacuous: at 3 SE, all but a rare case among the 8 are judged.
  CHECK(judged >= 6);
}
