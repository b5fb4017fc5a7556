// Conditional Monte Carlo entropies and information against exact values.
#include "syninfo/truth/conditional_monte_carlo.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "truth_test_helpers.hpp"

#include <catch2/catch.hpp>
#include <Eigen/LU>

#include <cmath>

using namespace syninfo::truth;

namespace {
constexpr double kPi = 3.14159265358979323846;

LogTerm scalar_term(double a, double v) {
  return LogTerm{Eigen::VectorXd::Constant(1, a), Eigen::MatrixXd::Constant(1, 1, v)};
}
}  // namespace

TEST_CASE("cmc: entropy of a single log-normal term", "[truth][cmc]") {
  // With one term, p_Z is the term's own density (no inner noise, no bias):
  // plain Monte Carlo of -E ln p; tolerance 4 standard errors.
  CmcOptions o;
  o.outer = 20000;
  o.inner = 8;
  o.seed = 11;
  const CmcEntropy h1 = cmc_entropy({scalar_term(0.3, 0.5)}, o);
  CHECK(h1.bias_correction == 0.0);
  CHECK(std::abs(h1.estimate.value - (0.3 + 0.5 * std::log(2 * kPi * std::exp(1.0) * 0.5))) <
        4 * h1.estimate.standard_error);
  // Two synapses: h = sum of means + 0.5 ln((2 pi e)^2 det B).
  LogTerm t2{Eigen::Vector2d(0.1, -0.4), (Eigen::Matrix2d() << 0.5, 0.2, 0.2, 0.3).finished()};
  const CmcEntropy h2 = cmc_entropy({t2}, o);
  const double exact = 0.1 - 0.4 + 0.5 * std::log(std::pow(2 * kPi * std::exp(1.0), 2) * t2.cov.determinant());
  CHECK(std::abs(h2.estimate.value - exact) < 4 * h2.estimate.standard_error);
}

TEST_CASE("cmc: entropy of a heterogeneous sum matches quadrature", "[truth][cmc]") {
  // Quadrature error is < 1e-6, so the tolerance is CMC's 4 standard errors.
  CmcOptions o;
  o.outer = 6000;
  o.inner = 128;
  o.seed = 5;
  const std::vector<LogTerm> terms{scalar_term(0.0, 0.5), scalar_term(0.6, 0.1), scalar_term(-1.0, 1.0),
                                   scalar_term(0.3, 0.0)};
  const CmcEntropy h = cmc_entropy(terms, o);
  const QuadratureEntropy q = quadrature_entropy({{0.0, 0.5}, {0.6, 0.1}, {-1.0, 1.0}, {0.3, 0.0}});
  INFO("cmc " << h.estimate.value << " +- " << h.estimate.standard_error << ", quadrature " << q.estimate.value);
  CHECK(std::abs(h.estimate.value - q.estimate.value) < 4 * h.estimate.standard_error);
  CHECK(h.zero_density == 0);
  CHECK(h.eligible_terms == 3);  // the constant term is not eligible
}

TEST_CASE("cmc: mutual information matches quadrature on heterogeneous patterns", "[truth][cmc]") {
  // n = 1, P = 3 with different means and variances, for two choices of k.
  // Tolerance: 4 CMC standard errors (quadrature error < 1e-5).
  for (std::size_t k : {std::size_t{0}, std::size_t{2}}) {
    const auto p = testing::single_synapse({0.0, 0.8, -0.5}, {0.6, 0.2, 1.0}, k);
    CmcOptions o;
    o.outer = 6000;
    o.inner = 128;
    o.seed = 21;
    const CmcMutualInformation c = cmc_mutual_information(p, o);
    const QuadratureMutualInformation q = quadrature_mutual_information(p);
    INFO("k " << k << ": cmc " << c.estimate.value << " +- " << c.estimate.standard_error << " (bias corr "
              << c.h_w.bias_correction - c.h_r.bias_correction << "), quadrature " << q.estimate.value << " +- "
              << q.estimate.standard_error);
    CHECK(std::abs(c.estimate.value - q.estimate.value) < 4 * c.estimate.standard_error);
    CHECK(c.h_w.zero_density + c.h_r.zero_density == 0);
  }
}

TEST_CASE("cmc: the truncated inner draws remove the left-tail zeros of the naive estimator", "[truth][cmc]") {
  // Two synapses: a small eligible term plus a wide degenerate one (rank-1
  // log covariance, not eligible), so the only decomposition has V = the
  // wide term. The naive inner average is 0 whenever all `inner` draws of V
  // exceed z somewhere, about 1/(inner + 1) of the outer samples; with
  // truncation V < z always holds and no sample may be zero.
  const std::vector<LogTerm> terms{
      LogTerm{Eigen::Vector2d(-2.0, -2.0), Eigen::Matrix2d::Identity() * 0.3},
      LogTerm{Eigen::Vector2d(0.0, 0.0), Eigen::Matrix2d::Constant(1.0)}};
  CmcOptions o;
  o.outer = 4000;
  o.inner = 16;
  o.seed = 3;
  const CmcEntropy good = cmc_entropy(terms, o);
  o.truncate = false;
  const CmcEntropy naive = cmc_entropy(terms, o);
  INFO("naive zero-density samples: " << naive.zero_density);
  CHECK(good.zero_density == 0);
  CHECK(naive.zero_density > 0);
}

TEST_CASE("cmc: results do not depend on the thread count", "[truth][cmc]") {
  const auto p = testing::single_synapse({0.0, 0.8, -0.5}, {0.6, 0.2, 1.0}, 1);
  CmcOptions o;
  o.outer = 500;
  o.inner = 32;
  o.threads = 1;
  const double one = cmc_mutual_information(p, o).estimate.value;
  o.threads = 2;
  const double two = cmc_mutual_information(p, o).estimate.value;
  o.threads = 5;
  const double five = cmc_mutual_information(p, o).estimate.value;
  CHECK(one == two);
  CHECK(one == five);
}

TEST_CASE("cmc: refuses what it cannot estimate", "[truth][cmc]") {
  CmcOptions o;
  o.outer = 100;
  o.inner = 8;
  CHECK_THROWS_AS(cmc_mutual_information(testing::single_synapse({0.0}, {0.5}), o), CmcUnavailable);
  CHECK_THROWS_AS(cmc_mutual_information(testing::single_synapse({0.0, 1.0}, {0.5, 0.0}), o), CmcUnavailable);
  CHECK_THROWS_AS(cmc_entropy({scalar_term(0.0, 0.0)}, o), CmcUnavailable);
}

TEST_CASE("cmc: the bias-corrected estimate does not drift with the inner sample size", "[truth][cmc]") {
  // Two synapses, P = 3 with correlated log covariances. The uncorrected
  // nested estimate is biased by O(1/inner); after the jackknife the runs at
  // inner = 16 and inner = 256 (independent seeds) must agree within 4
  // combined standard errors (which include each run's bias allowance).
  syninfo::Problem<double> p;
  Eigen::Matrix3d c;
  c << 0.3, 0.1, 0.0, 0.1, 0.3, 0.1, 0.0, 0.1, 0.3;
  p.patterns.list.push_back({Eigen::Vector3d(0.1, -0.2, 0.3), c});
  p.patterns.list.push_back({Eigen::Vector3d(0.0, 0.2, -0.1), c * 0.6});
  p.patterns.list.push_back({Eigen::Vector3d(-0.2, 0.1, 0.0), c * 1.3});
  p.ensemble = {syninfo::Synapse{0, 1}, syninfo::Synapse{1, 2}};
  p.pattern = 2;
  CmcOptions o;
  o.outer = 3000;
  o.inner = 16;
  o.seed = 100;
  const CmcMutualInformation small = cmc_mutual_information(p, o);
  o.inner = 256;
  o.seed = 200;
  const CmcMutualInformation large = cmc_mutual_information(p, o);
  INFO("inner 16: " << small.estimate.value << " +- " << small.estimate.standard_error << " (correction "
                    << small.bias_correction << "); inner 256: " << large.estimate.value << " +- "
                    << large.estimate.standard_error << " (correction " << large.bias_correction << ")");
  CHECK(std::abs(small.estimate.value - large.estimate.value) <
        4 * std::hypot(small.estimate.standard_error, large.estimate.standard_error));
  CHECK(std::abs(large.bias_correction) < std::abs(small.bias_correction));
}
