// Sampling from the model: exact moments, singular covariances, overflow and
// thread-count independence.
#include "syninfo/truth/model_sampling.hpp"
#include "truth_test_helpers.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo;
using namespace syninfo::truth;

namespace {

Problem<double> three_neuron_problem() {
  Problem<double> p;
  Eigen::Matrix3d a;
  a << 0.3, 0.1, 0.0, 0.1, 0.2, -0.05, 0.0, -0.05, 0.25;
  Eigen::Vector3d r(0.2, 0.1, -0.1);
  p.patterns.list.push_back({Eigen::Vector3d(0.1, -0.2, 0.3), a * 0.5});
  p.patterns.list.push_back({Eigen::Vector3d(-0.3, 0.2, 0.0), Eigen::Matrix3d(r * r.transpose())});  // rank 1
  p.patterns.list.push_back({Eigen::Vector3d(0.0, 0.1, -0.1), Eigen::Matrix3d::Identity() * 0.1});
  p.ensemble = {Synapse{0, 1}, Synapse{2, 2}, Synapse{1, 2}};
  p.pattern = 1;
  return p;
}

}  // namespace

TEST_CASE("sampling: W_E has the exact mean and covariance", "[truth][sampling]") {
  // Sample mean and covariance of W_E (M = 200000) against theory.md section 2;
  // each entry within 5 of its own standard errors (sd of the summand / sqrt M).
  const Problem<double> p = three_neuron_problem();
  const std::size_t m = 200000;
  const ModelSamples s = sample_model(p, m, 7, 2);
  const SumMoments exact = sum_moments(log_terms(p));
  const Eigen::MatrixXd w = s.log_w.array().exp();
  const Eigen::Index n = w.cols();
  for (Eigen::Index a = 0; a < n; ++a) {
    const double mean = w.col(a).mean();
    const double sd = std::sqrt((w.col(a).array() - mean).square().sum() / (m - 1));
    CHECK(std::abs(mean - exact.mean(a)) < 5 * sd / std::sqrt(double(m)));
    for (Eigen::Index b = 0; b < n; ++b) {
      const Eigen::ArrayXd prod =
          (w.col(a).array() - exact.mean(a)) * (w.col(b).array() - exact.mean(b));
      const double cov = prod.mean();
      const double se = std::sqrt((prod - cov).square().sum() / (m - 1) / m);
      CHECK(std::abs(cov - exact.cov(a, b)) < 5 * se);
    }
  }
  // ln T^k and y^k_J are consistent: T^k_a = exp(y_i + y_j).
  REQUIRE(s.touched == std::vector<std::size_t>{0, 1, 2});
  CHECK(s.log_t(5, 0) == Approx(s.y_touched(5, 0) + s.y_touched(5, 1)));
  CHECK(s.log_t(5, 1) == Approx(2 * s.y_touched(5, 2)));
  // R^(k) = W - T^k.
  CHECK(std::exp(s.log_r(9, 2)) == Approx(std::exp(s.log_w(9, 2)) - std::exp(s.log_t(9, 2))));
}

TEST_CASE("sampling: identical for every thread count", "[truth][sampling]") {
  const Problem<double> p = three_neuron_problem();
  const ModelSamples a = sample_model(p, 1001, 3, 1);
  const ModelSamples b = sample_model(p, 1001, 3, 2);
  const ModelSamples c = sample_model(p, 1001, 3, 7);
  CHECK(a.log_w == b.log_w);
  CHECK(a.log_w == c.log_w);
  CHECK(a.log_r == c.log_r);
  CHECK(a.y_touched == c.y_touched);
  const ModelSamples d = sample_model(p, 1001, 4, 1);
  CHECK(a.log_w != d.log_w);
}

TEST_CASE("sampling: log means near 700 do not overflow", "[truth][sampling]") {
  auto p = testing::single_synapse({1400.0, 1399.0}, {0.1, 0.1}, 0);
  const ModelSamples s = sample_model(p, 100, 1, 1);
  for (Eigen::Index r = 0; r < 100; ++r) {
    CHECK(std::isfinite(s.log_w(r, 0)));
    CHECK(s.log_w(r, 0) > s.log_t(r, 0));
    CHECK(s.log_w(r, 0) > 1395.0);
  }
}
