// The driver: KSG, CMC and quadrature side by side on the synaptic model.
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/truth/conditional_monte_carlo.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"
#include "syninfo/truth/true_information.hpp"
#include "truth_test_helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using namespace syninfo;
using namespace syninfo::truth;

namespace {
std::map<std::string, Estimate> by_method(const TruthReport& r) {
  std::map<std::string, Estimate> m;
  for (const auto& e : r.estimates) m[e.method] = e;
  return m;
}
}  // namespace

TEST_CASE("truth: KSG, CMC and quadrature agree for i.i.d. log-normal terms", "[truth][driver]") {
  // P = 4 i.i.d. terms, ln T ~ N(0, 0.5), one synapse. KSG (k = 3, M = 20000)
  // has a finite-sample bias well below its block standard error here; the
  // tolerance is 4 combined standard errors for each pair.
  const auto p = testing::single_synapse({0.0, 0.0, 0.0, 0.0}, {0.5, 0.5, 0.5, 0.5}, 0);
  TruthOptions o;
  o.samples = 20000;
  o.inner = 64;
  o.seed = 9;
  const TruthReport r = estimate_true_information(p, o);
  auto m = by_method(r);
  REQUIRE(m.count("ksg1") == 1);
  REQUIRE(m.count("cmc") == 1);
  REQUIRE(m.count("quadrature") == 1);
  const Estimate &k = m["ksg1"], &c = m["cmc"], &q = m["quadrature"];
  INFO("ksg " << k.value << " +- " << k.standard_error << "; cmc " << c.value << " +- " << c.standard_error
              << "; quadrature " << q.value << " +- " << q.standard_error);
  CHECK(r.ksg_y == "ln T^k");
  CHECK(std::abs(k.value - c.value) < 4 * std::hypot(k.standard_error, c.standard_error));
  CHECK(std::abs(k.value - q.value) < 4 * k.standard_error + q.standard_error);
  CHECK(std::abs(c.value - q.value) < 4 * c.standard_error + q.standard_error);
}

TEST_CASE("truth: small pattern variance approaches the Gaussian channel", "[truth][driver]") {
  // P = 3 i.i.d. terms with log variance v. The true I differs from
  // 0.5 ln(det C / det C') by O(v) (the skewness of each term is ~3 sqrt(v),
  // and entropy corrections are quadratic in it). Check with quadrature that
  // the gap falls at least ~linearly (v: 0.02 -> 0.002, gap / 5 or better),
  // and that CMC and KSG are within 4 of their standard errors plus the gap.
  double gaps[2];
  int idx = 0;
  for (double v : {0.02, 0.002}) {
    const auto p = testing::single_synapse({0.0, 0.0, 0.0}, {v, v, v}, 0);
    const double g = gaussian_channel_information(p);
    const double q = quadrature_mutual_information(p).estimate.value;
    gaps[idx++] = std::abs(q - g);
    INFO("v " << v << ": quadrature " << q << ", gaussian channel " << g);
    CHECK(gaps[idx - 1] < 2.0 * v);
    if (v < 0.01) {
      TruthOptions o;
      o.samples = 10000;
      o.inner = 32;
      o.quadrature = false;
      const auto m = by_method(estimate_true_information(p, o));
      for (const auto& [name, e] : m) {
        INFO(name << " " << e.value << " +- " << e.standard_error);
        CHECK(std::abs(e.value - g) < 4 * e.standard_error + gaps[idx - 1]);
      }
    }
  }
  CHECK(gaps[1] < gaps[0] / 5);
}

TEST_CASE("truth: the driver is reproducible across thread counts and explains skipped methods", "[truth][driver]") {
  const auto p = testing::single_synapse({0.0, 0.5, -0.2}, {0.4, 0.3, 0.6}, 1);
  TruthOptions o;
  o.samples = 2000;
  o.inner = 16;
  o.smc_samples = 500;
  o.threads = 1;
  const TruthReport a = estimate_true_information(p, o);
  o.threads = 2;
  const TruthReport b = estimate_true_information(p, o);
  REQUIRE(a.estimates.size() == 4);  // ksg1, cmc, smc, quadrature
  REQUIRE(b.estimates.size() == 4);
  CHECK(a.best.method == "quadrature");
  CHECK(a.reliable);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(a.estimates[i].method == b.estimates[i].method);
    CHECK(a.estimates[i].value == b.estimates[i].value);
    CHECK(a.estimates[i].standard_error == b.estimates[i].standard_error);
  }
  // Two synapses: quadrature is skipped with a note.
  Problem<double> two = p;
  two.patterns.list.clear();
  for (int mu = 0; mu < 3; ++mu)
    two.patterns.list.push_back({Eigen::Vector3d(0.1 * mu, 0.0, -0.1), Eigen::Matrix3d::Identity() * 0.2});
  two.ensemble = {Synapse{0, 1}, Synapse{1, 2}};
  o.samples = 1000;
  const TruthReport t = estimate_true_information(two, o);
  CHECK(t.estimates.size() == 3);  // ksg1, cmc (n <= 2), smc
  CHECK(t.best.method == "smc");
  REQUIRE(!t.notes.empty());
  CHECK(t.notes.back().find("quadrature skipped") != std::string::npos);
  // P = 1: every method is skipped, none returns a number.
  const TruthReport one = estimate_true_information(testing::single_synapse({0.0}, {0.3}), o);
  CHECK(one.estimates.empty());
  CHECK(one.notes.size() == 4);
  CHECK(!one.reliable);
  CHECK(std::isnan(one.best.value));
}
