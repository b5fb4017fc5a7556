// Exact facts of the true information (theory.md 5.1-5.3) checked on the
// independent estimators, where they must hold; the closed form breaks each of
// them somewhere (tests/data/closed_form_violations/).
//
// Single synapse: quadrature (deterministic, error bound ~1e-8 nats) over
// RapidCheck-generated heterogeneous patterns. Reproduce a run with
// RC_PARAMS="seed=S max_success=N" (tests/audit/tests.cmake sets the default).
// Ensembles: sequential Monte Carlo (the truth driver's estimator for n >= 2)
// on fixed-seed cases.
#include <rapidcheck/catch.h>

#include "syninfo/spec.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo;

namespace {

// A single-synapse problem in integer form: ln T^mu ~ Normal(g_mu / 100, v_mu / 100).
struct ScalarModel {
  std::vector<int> g, v;
  std::size_t k = 0;

  Problem<double> build() const {
    Problem<double> p;
    for (std::size_t mu = 0; mu < g.size(); ++mu) {
      // Synapse (0, 1): ln T = y_0 + y_1, so split mean and variance evenly.
      Pattern<double> pat;
      pat.mean = Eigen::Vector2d(g[mu] / 200.0, g[mu] / 200.0);
      pat.cov = Eigen::Matrix2d::Identity() * (v[mu] / 200.0);
      p.patterns.list.push_back(pat);
    }
    p.ensemble = {Synapse{0, 1}};
    p.pattern = k;
    return p;
  }
};

std::ostream& operator<<(std::ostream& os, const ScalarModel& m) {
  os << "k = " << m.k << ", terms (g/100, v/100):";
  for (std::size_t i = 0; i < m.g.size(); ++i) os << " (" << m.g[i] << ", " << m.v[i] << ")";
  return os;
}

// Heterogeneous patterns: means in [-2, 2], log variances in [0.05, 3]
// (the quadrature grid step follows the narrowest term, so very small
// variances next to wide ones cost grid points without testing more).
rc::Gen<ScalarModel> gen_scalar_model(int max_patterns) {
  return rc::gen::exec([max_patterns] {
    ScalarModel m;
    const int p = *rc::gen::inRange(2, max_patterns + 1);
    for (int mu = 0; mu < p; ++mu) {
      m.g.push_back(*rc::gen::inRange(-200, 201));
      m.v.push_back(*rc::gen::inRange(5, 301));
    }
    m.k = *rc::gen::inRange<std::size_t>(0, static_cast<std::size_t>(p));
    return m;
  });
}

// Quadrature's error bound is |fine - coarse| over a grid refinement, which
// can be ~0 when both grids agree to rounding; the floor 1e-9 nats covers the
// rounding of the entropy sums (~1e4 grid terms of size ~1, 1e-12 relative).
constexpr double kQuadratureFloor = 1e-9;

// A coarser grid than the default (8 instead of 20 points per standard
// deviation, refined to 16 for the error bound) keeps each case fast; the
// reported error bound grows accordingly and enters every tolerance.
truth::QuadratureOptions fast_quadrature() {
  truth::QuadratureOptions o;
  o.points_per_sd = 8;
  return o;
}

}  // namespace

TEST_CASE("true information: non-negative for heterogeneous single synapses (quadrature)", "[audit][truth-properties]") {
  rc::prop("I(W; x^k) >= -4 error bounds", [] {
    const ScalarModel m = *gen_scalar_model(5);
    const auto q = truth::quadrature_mutual_information(m.build(), fast_quadrature());
    RC_TAG(q.estimate.value < 0.01 ? "I < 0.01 nats" : "I >= 0.01 nats");
    RC_ASSERT(q.estimate.value >= -(4 * q.estimate.standard_error + kQuadratureFloor));
  });
}

TEST_CASE("true information: an independent pattern never raises it (quadrature)", "[audit][truth-properties]") {
  rc::prop("I with an extra pattern <= I without, within 4 error bounds", [] {
    const ScalarModel m = *gen_scalar_model(4);
    ScalarModel more = m;
    more.g.push_back(*rc::gen::inRange(-200, 201));
    more.v.push_back(*rc::gen::element(0, 5, 50, 150, 300));  // v = 0: a constant term, I unchanged
    const auto without = truth::quadrature_mutual_information(m.build(), fast_quadrature());
    const auto with = truth::quadrature_mutual_information(more.build(), fast_quadrature());
    RC_TAG(with.estimate.value < without.estimate.value - 1e-6 ? "strictly lower" : "equal within 1e-6");
    const double allowance = 4 * (without.estimate.standard_error + with.estimate.standard_error) + kQuadratureFloor;
    RC_ASSERT(with.estimate.value <= without.estimate.value + allowance);
  });
}

namespace {

Problem<double> pair_problem(const char* spec) { return problem_from_json<double>(json::parse(spec)); }

}  // namespace

TEST_CASE("true information: adding a synapse never lowers it - smc on pairs and triples", "[audit][truth-properties]") {
  // Fixed cases of set-1 style (and one heterogeneous) models: I of the single
  // synapse (quadrature, exact to ~1e-8) must not exceed I of the pair (smc),
  // and I of the pair must not exceed I of the triple (smc, independent
  // seeds), by more than 3 combined standard errors (smc's include its bias
  // allowance). The larger ensemble's MI is larger by a margin in most
  // cases; the check is one-sided. (The one-pivot CMC used here before is
  // biased high from n = 3 on, so it could not compare pairs with triples.)
  const char* specs[] = {
      R"({"generate": {"N": 4, "P": 3, "seed": 1, "cov": {"type": "exchangeable", "sigma2": "0.5", "rho": "0.3"}},
          "synapses": [[0, 1], [1, 2], [2, 3]], "pattern": 0})",
      R"({"generate": {"N": 4, "P": 5, "seed": 2, "cov": {"type": "exchangeable", "sigma2": "1", "rho": "0.8"}},
          "synapses": [[0, 1], [2, 3], [0, 2]], "pattern": 1})",
      R"({"generate": {"N": 3, "P": 2, "seed": 3, "cov": {"type": "exchangeable", "sigma2": "2", "rho": "0.9"}},
          "synapses": [[0, 2], [0, 1], [1, 2]], "pattern": 0})",
      R"({"patterns": [{"mean": [0.3, -0.2, 0.1], "cov": [[0.8, 0.1, 0.0], [0.1, 0.4, 0.2], [0.0, 0.2, 1.1]]},
                       {"mean": [-0.5, 0.4, 0.0], "cov": [[0.3, 0.0, 0.1], [0.0, 0.9, 0.0], [0.1, 0.0, 0.5]]},
                       {"mean": [0.1, 0.1, -0.6], "cov": [[1.5, 0.7, 0.2], [0.7, 0.6, 0.1], [0.2, 0.1, 0.4]]}],
          "synapses": [[0, 1], [1, 2], [0, 0]], "pattern": 2})"};
  truth::SmcOptions o;
  o.outer = 1500;
  o.threads = 2;
  int case_index = 0;
  for (const char* spec : specs) {
    const Problem<double> triple = pair_problem(spec);
    Problem<double> pair = triple, single = triple;
    pair.ensemble.pop_back();
    single.ensemble.resize(1);
    o.seed = 100 + static_cast<std::uint64_t>(case_index++);
    const auto one = truth::quadrature_mutual_information(single);
    const auto two = truth::smc_mutual_information(pair, o);
    o.seed += 50;
    const auto three = truth::smc_mutual_information(triple, o);
    INFO("case " << case_index << ": I(single) " << one.estimate.value << " +- " << one.estimate.standard_error
                 << ", I(pair) " << two.estimate.value << " +- " << two.estimate.standard_error << ", I(triple) "
                 << three.estimate.value << " +- " << three.estimate.standard_error);
    CHECK(one.estimate.value <= two.estimate.value + 3 * std::hypot(two.estimate.standard_error, one.estimate.standard_error));
    CHECK(two.estimate.value <= three.estimate.value + 3 * std::hypot(two.estimate.standard_error, three.estimate.standard_error));
  }
}

TEST_CASE("true information: independent synapses add - smc against quadrature", "[audit][truth-properties]") {
  // Synapses (0, 1) and (2, 3) over neurons with diagonal covariances: W_1
  // depends on (y_0, y_1) and W_2 on (y_2, y_3) of every pattern, so the pair
  // splits into independent channels and I(pair) = I(W_1) + I(W_2) exactly
  // (chain rule). Pattern k's activity on neurons 2, 3 is small, so the
  // second synapse adds little: the equality is a sharp version of ensemble
  // monotonicity. Tolerance: 4 smc standard errors (quadrature ~1e-8).
  const Problem<double> pair = pair_problem(
      R"({"patterns": [{"mean": [0.2, -0.1, -1.5, -1.2], "cov": [[0.6, 0, 0, 0], [0, 0.4, 0, 0], [0, 0, 0.3, 0], [0, 0, 0, 0.2]]},
                       {"mean": [-0.3, 0.1, 0.4, 0.2], "cov": [[0.5, 0, 0, 0], [0, 0.5, 0, 0], [0, 0, 0.8, 0], [0, 0, 0, 0.6]]},
                       {"mean": [0.0, 0.3, 0.1, -0.2], "cov": [[0.3, 0, 0, 0], [0, 0.7, 0, 0], [0, 0, 0.5, 0], [0, 0, 0, 0.9]]}],
          "synapses": [[0, 1], [2, 3]], "pattern": 0})");
  Problem<double> first = pair, second = pair;
  first.ensemble = {Synapse{0, 1}};
  second.ensemble = {Synapse{2, 3}};
  const double i1 = truth::quadrature_mutual_information(first).estimate.value;
  const double i2 = truth::quadrature_mutual_information(second).estimate.value;
  truth::SmcOptions o;
  o.outer = 3000;
  o.seed = 31;
  o.threads = 2;
  const auto both = truth::smc_mutual_information(pair, o);
  INFO("I(W_1) " << i1 << ", I(W_2) " << i2 << ", smc I(pair) " << both.estimate.value << " +- "
                 << both.estimate.standard_error);
  CHECK(i2 < 0.2 * i1);
  CHECK(std::abs(both.estimate.value - (i1 + i2)) < 4 * both.estimate.standard_error);
}
