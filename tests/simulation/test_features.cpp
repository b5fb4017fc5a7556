// The six features of a sample and the nearest-valid-sample substitute
// (paper's Methods 5.2), against hand computations and a brute-force search
// written independently here.
#include "syninfo/simulation/features.hpp"
#include "syninfo/random.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace syninfo;
using namespace syninfo::simulation;

TEST_CASE("features: hand-computed values", "[simulation][features]") {
  // Two patterns on 2 neurons. Covariances diag(1, 4) and [[2, 1], [1, 2]]
  // (eigenvalues 1 and 3). Means (0, 0) and (2, 0): centroid (1, 0), each
  // mean at distance 1, dispersion 1.
  Problem<double> p;
  Eigen::Matrix2d a, b;
  a << 1, 0, 0, 4;
  b << 2, 1, 1, 2;
  p.patterns.list.push_back({Eigen::Vector2d(0, 0), a});
  p.patterns.list.push_back({Eigen::Vector2d(2, 0), b});
  p.ensemble = {Synapse{0, 1}};
  const Features f = sample_features(p);
  // Tolerances: eigenvalues of 2 x 2 matrices to ~1e-15; 1e-12 is ample.
  CHECK(f[0] == 2.0);
  CHECK(f[1] == 1.0);
  CHECK(f[2] == Approx(1.0).epsilon(1e-12));
  CHECK(f[3] == Approx((std::log(4.0) + std::log(3.0)) / 2).epsilon(1e-12));
  CHECK(f[4] == Approx((4.0 + 3.0) / 2).epsilon(1e-12));
  CHECK(f[5] == Approx((0.0 / 5.0 + 2.0 / 4.0) / 2).epsilon(1e-12));
  // A singular covariance gets the stated stand-ins.
  p.patterns.list[1].cov << 1, 1, 1, 1;
  const Features g = sample_features(p);
  CHECK(g[3] == Approx((std::log(4.0) + kSingularLogDeterminant) / 2));
  CHECK(g[4] == Approx((4.0 + kSingularConditionNumber) / 2));
}

namespace {

// Independent brute force: z-scores with the population standard deviation
// (a common factor on every feature leaves the nearest neighbour unchanged),
// squared distances, first minimum wins.
std::vector<std::optional<std::size_t>> brute_force(const std::vector<Features>& x, const std::vector<bool>& valid) {
  const std::size_t n = x.size();
  std::vector<std::optional<std::size_t>> out(n);
  Features mean{}, sd{};
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    for (const auto& r : x) mean[f] += r[f] / static_cast<double>(n);
    for (const auto& r : x) sd[f] += (r[f] - mean[f]) * (r[f] - mean[f]) / static_cast<double>(n);
    sd[f] = std::sqrt(sd[f]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (valid[i]) continue;
    double best = std::numeric_limits<double>::max();
    for (std::size_t j = 0; j < n; ++j) {
      if (!valid[j]) continue;
      double d = 0.0;
      for (std::size_t f = 0; f < kFeatureCount; ++f) {
        if (sd[f] == 0.0) continue;
        const double t = (x[i][f] - x[j][f]) / sd[f];
        d += t * t;
      }
      if (d < best * (1 - 1e-12)) {  // strict improvement beyond rounding
        best = d;
        out[i] = j;
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("features: nearest valid sample against brute force", "[simulation][features]") {
  Rng rng(21, 0);
  for (int trial = 0; trial < 20; ++trial) {
    const std::size_t n = 5 + static_cast<std::size_t>(rng.uniform_int(0, 60));
    std::vector<Features> x(n);
    std::vector<bool> valid(n);
    for (std::size_t i = 0; i < n; ++i) {
      // Features on very different scales (as the real ones are).
      x[i] = {static_cast<double>(rng.uniform_int(2, 50)), static_cast<double>(rng.uniform_int(1, 20)), rng.uniform(),
              -50 + 10 * rng.normal(), 1e3 * std::exp(rng.normal()), rng.uniform(-0.1, 3)};
      valid[i] = rng.uniform() > 0.2;
    }
    valid[0] = true;
    valid[1] = false;
    const auto got = nearest_valid_samples(x, valid);
    const auto want = brute_force(x, valid);
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(got[i].has_value() == !valid[i]);
      CHECK(got[i] == want[i]);
    }
  }
}

TEST_CASE("features: substitute edge cases", "[simulation][features]") {
  // Ties go to the lower index; a feature without spread is ignored; no valid
  // sample gives no substitute.
  std::vector<Features> x{{1, 1, 0, 0, 0, 0}, {3, 1, 0, 0, 0, 0}, {2, 1, 0, 0, 0, 0}};
  CHECK(nearest_valid_samples(x, {true, true, false})[2] == std::optional<std::size_t>(0));
  CHECK(nearest_valid_samples(x, {false, false, false})[2] == std::nullopt);
  CHECK(nearest_valid_samples(x, {true, false, true})[1] == std::optional<std::size_t>(2));
  CHECK_THROWS(nearest_valid_samples(x, {true}));
}
