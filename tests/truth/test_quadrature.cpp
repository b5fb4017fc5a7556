// Quadrature reference for a sum of scalar log-normals: exact cases.
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "truth_test_helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo::truth;

namespace {
constexpr double kPi = 3.14159265358979323846;
double lognormal_entropy(double a, double v) { return a + 0.5 * std::log(2 * kPi * std::exp(1.0) * v); }
}  // namespace

TEST_CASE("quadrature: one log-normal term reproduces the closed-form entropy", "[truth][quadrature]") {
  // The grid of a single Gaussian is exact; the trapezoid rule on a Gaussian
  // with 20-40 nodes per sd is accurate far below 1e-10, tails cut at 12 sd.
  for (const auto& [a, v] : {std::pair{0.3, 0.5}, std::pair{-2.0, 0.01}, std::pair{650.0, 2.0}}) {
    const QuadratureEntropy h = quadrature_entropy({{a, v}});
    CHECK(h.estimate.value == Approx(lognormal_entropy(a, v)).margin(1e-9));
    CHECK(h.estimate.standard_error < 1e-9);
    CHECK(h.normalisation_error < 1e-10);
  }
}

TEST_CASE("quadrature: the convolved density is normalised and has the exact moments", "[truth][quadrature]") {
  // Heterogeneous terms, including one constant (dropped: translation). The
  // density of ln W must integrate to 1 (1e-10: interpolation error at 40
  // nodes per sd is ~1e-9 relative pointwise and averages out), and
  // E[W] = sum A, Var W = sum A^2 (e^v - 1) of the random terms (relative
  // 1e-7: the same interpolation error, weighted by e^u and e^{2u}).
  const std::vector<ScalarLogNormal> terms{{0.0, 0.3}, {0.8, 0.05}, {-0.5, 0.6}};
  const LogSumDensity d = log_sum_density(terms, 40.0);
  CHECK(std::abs(d.normalisation - 1.0) < 1e-10);
  double m1 = 0, m2 = 0;
  for (std::size_t i = 0; i < d.q.size(); ++i) {
    const double u = d.lo + d.step * static_cast<double>(i);
    m1 += std::exp(u) * d.q[i] * d.step;
    m2 += std::exp(2 * u) * d.q[i] * d.step;
  }
  double mean = 0, var = 0;
  for (const auto& t : terms) {
    const double a = std::exp(t.mean + t.var / 2);
    mean += a;
    var += a * a * std::expm1(t.var);
  }
  CHECK(m1 == Approx(mean).epsilon(1e-7));
  CHECK(m2 - m1 * m1 == Approx(var).epsilon(1e-7));
}

TEST_CASE("quadrature: terms of tiny variance give the Gaussian entropy", "[truth][quadrature]") {
  // Four terms with log variance 1e-4 (sd 1%): W is nearly Gaussian; the
  // entropy deficit of a log-normal against its moment-matched Gaussian is
  // about (3/4) v = 7.5e-5 per term and shrinks for a sum, so 2e-4 bounds it.
  const std::vector<ScalarLogNormal> terms{{0.0, 1e-4}, {0.5, 1e-4}, {-0.3, 1e-4}, {0.2, 1e-4}};
  double var = 0;
  for (const auto& t : terms) var += std::exp(2 * t.mean + t.var) * std::expm1(t.var);
  const double gauss = 0.5 * std::log(2 * kPi * std::exp(1.0) * var);
  const QuadratureEntropy h = quadrature_entropy(terms);
  CHECK(std::abs(h.estimate.value - gauss) < 2e-4);
  CHECK(h.estimate.standard_error < 1e-6);
}

TEST_CASE("quadrature: mutual information of a single synapse, with a small error estimate", "[truth][quadrature]") {
  const auto p = testing::single_synapse({0.0, 0.4, -0.3}, {0.5, 0.2, 0.8}, 0);
  const QuadratureMutualInformation mi = quadrature_mutual_information(p);
  CHECK(mi.estimate.value > 0.0);
  CHECK(mi.estimate.standard_error < 1e-5);  // the 1e-5 nats target
  CHECK(mi.estimate.value == Approx(mi.h_w.estimate.value - mi.h_r.estimate.value));
  // A constant pattern k carries no information: exactly 0.
  const auto c = testing::single_synapse({0.0, 0.4, -0.3}, {0.0, 0.2, 0.8}, 0);
  CHECK(std::abs(quadrature_mutual_information(c).estimate.value) < 1e-12);
  // P = 1 and a deterministic R^(k) are infinite information: refused.
  CHECK_THROWS_AS(quadrature_mutual_information(testing::single_synapse({0.0}, {0.5})), QuadratureUnavailable);
  CHECK_THROWS_AS(quadrature_mutual_information(testing::single_synapse({0.0, 1.0}, {0.5, 0.0})),
                  QuadratureUnavailable);
}

TEST_CASE("quadrature: huge log-variances compute or decline at once, never hang (issue 13.1)", "[truth][quadrature]") {
  // Log-variance 800 beside two of 2: computable (the moments overflow, the
  // grid does not). Checked by its own refinement bound (1e-6: the bound
  // measured is ~2e-9) and an exact property: the entropy of a sum exceeds the
  // entropy of its largest-entropy term (independent summands).
  const std::vector<ScalarLogNormal> big{{0.0, 800.0}, {0.0, 2.0}, {0.0, 2.0}};
  const QuadratureEntropy h = quadrature_entropy(big);
  CHECK(std::isfinite(h.estimate.value));
  CHECK(h.estimate.standard_error < 1e-6);
  CHECK(h.estimate.value >= lognormal_entropy(0.0, 800.0) - 1e-6);
  // Log-variances 2000 beside 0.002, 2e6, 1e300 and an infinite-variance
  // overflow path: each declines with a reason (QuadratureUnavailable),
  // before doing the work (a budget of evaluations and grid nodes).
  for (double v : {2000.0, 2e6, 1e300}) {
    const std::vector<ScalarLogNormal> terms{{0.0, v}, {0.0, 0.002}, {0.0, 2.0}};
    CHECK_THROWS_AS(quadrature_entropy(terms), QuadratureUnavailable);
  }
  // Log-means near 1e300 or log-variances near 1e-278: below double's
  // resolution, declined.
  CHECK_THROWS_AS(quadrature_entropy({{2e300, 2.0}, {1e300, 2.0}}), QuadratureUnavailable);
  CHECK_THROWS_AS(quadrature_entropy({{0.0, 4e-278}, {2.0, 4e-278}}), QuadratureUnavailable);
}
