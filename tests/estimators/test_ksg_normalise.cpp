// KSG normalisation (on by default: issue 16.4) and the ceiling warnings.
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/estimators/standardise.hpp"

#include "samples.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace syninfo::estimators;
using Catch::Matchers::Contains;
using syninfo::estimators::testing::bivariate_gaussian;
using syninfo::estimators::testing::gaussian_rows;

namespace {

bool any_contains(const std::vector<std::string>& v, const std::string& what) {
  for (const auto& s : v)
    if (s.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("KSG normalise: the estimate does not depend on the columns' units", "[ksg][normalise]") {
  // The case: multiplying x by 1000 moved the estimate from 0.226 to
  // 0.130 nats. With normalisation the estimate is a function of integer
  // neighbour counts on standardised data; rescaling changes the standardised
  // values by rounding only (~1e-16 relative), which flips no count in
  // continuous data, so the estimates agree to the rounding of the sum:
  // tolerance 1e-12 (one flipped count would move it by ~1e-4).
  const auto z = bivariate_gaussian(0.6, 3000, 31);
  const Eigen::MatrixXd x = z.col(0), y = z.col(1);
  for (int algorithm : {1, 2}) {
    KsgOptions o;
    o.algorithm = algorithm;
    REQUIRE(o.normalise);  // the default
    const Estimate e = ksg_mutual_information(x, y, o);
    INFO("algorithm " << algorithm << ": " << e.value);
    const Estimate scaled = ksg_mutual_information(x * 1000.0, y, o);
    CHECK(scaled.value == Approx(e.value).margin(1e-12));
    CHECK(scaled.standard_error == Approx(e.standard_error).margin(1e-12));
    // An offset and a second, tiny scale at once (offset 3: the shifted
    // values keep all but ~12 bits of y * 1e-3, still no flipped count).
    const Eigen::MatrixXd shifted = (y.array() * 1e-3 + 3.0).matrix();
    CHECK(ksg_mutual_information(x * 1000.0, shifted, o).value == Approx(e.value).margin(1e-12));
    // Without normalisation the units matter: the max-norm neighbourhoods
    // are then set by x alone. Algorithm 1's cubes move the estimate by more
    // than 0.05 nats here; algorithm 2's rectangles adapt per marginal and
    // move it less (0.007 nats measured), still far beyond any rounding.
    // This is what the default removes.
    KsgOptions raw = o;
    raw.normalise = false;
    const double unit = ksg_mutual_information(x, y, raw).value;
    const double raw_scaled = ksg_mutual_information(x * 1000.0, y, raw).value;
    INFO("raw: " << unit << " vs scaled " << raw_scaled);
    CHECK(std::fabs(raw_scaled - unit) > (algorithm == 1 ? 0.05 : 1e-3));
  }
}

TEST_CASE("KSG normalise: on equals off applied to standardised columns, exactly", "[ksg][normalise]") {
  // Definition check: the default standardises with standardised_columns()
  // and then runs the estimator unchanged, so the two must be bit-identical
  // (same doubles in, same counts and sums out).
  const Eigen::MatrixXd cov = (Eigen::MatrixXd(3, 3) << 4.0, 1.0, 0.5, 1.0, 1.0, 0.2, 0.5, 0.2, 0.25).finished();
  const auto z = gaussian_rows(cov, 1500, 32);
  for (int algorithm : {1, 2}) {
    KsgOptions on;
    on.algorithm = algorithm;
    KsgOptions off = on;
    off.normalise = false;
    const Estimate a = ksg_mutual_information(z.leftCols(2), z.rightCols(1), on);
    const Estimate b =
        ksg_mutual_information(standardised_columns(z.leftCols(2)), standardised_columns(z.rightCols(1)), off);
    CHECK(a.value == b.value);
    CHECK(a.standard_error == b.standard_error);
    // The columns have sd 2, 1 and 0.5: on the raw values (the old
    // estimator) the neighbourhoods differ, and so does the estimate.
    CHECK(ksg_mutual_information(z.leftCols(2), z.rightCols(1), off).value != a.value);
  }
}

TEST_CASE("KSG normalise: constant columns and the copula", "[ksg][normalise]") {
  const auto x = gaussian_rows(Eigen::MatrixXd::Identity(1, 1), 2000, 33);
  const Eigen::MatrixXd constant = Eigen::MatrixXd::Constant(2000, 1, 7.25);
  for (int algorithm : {1, 2}) {
    KsgOptions o;
    o.algorithm = algorithm;
    // A constant column is centred only (there is no scale to remove): the
    // estimate is finite, every term is psi(k) + psi(N) - psi(k) - psi(N),
    // so 0 up to the rounding of the sum (1e-12), as without normalisation.
    const Estimate e = ksg_mutual_information(x, constant, o);
    CHECK(std::isfinite(e.value));
    CHECK(std::fabs(e.value) < 1e-12);
    // Ranks already share one scale: with the copula, normalise changes nothing (exact).
    KsgOptions ranked = o;
    ranked.copula = true;
    KsgOptions ranked_raw = ranked;
    ranked_raw.normalise = false;
    const auto z = bivariate_gaussian(0.5, 1000, 34);
    CHECK(ksg_mutual_information(z.col(0), z.col(1), ranked).value ==
          ksg_mutual_information(z.col(0), z.col(1), ranked_raw).value);
  }
}

TEST_CASE("KSG ceiling: the bound psi(N) - psi(k) - 1/k", "[ksg][ceiling]") {
  // Against Boost's digamma; 1e-12: rounding of digammas of order 10.
  for (std::size_t n : {10u, 500u, 5000u})
    for (int k : {1, 3, 10}) {
      if (n <= static_cast<std::size_t>(k)) continue;
      const double expected = boost::math::digamma(static_cast<double>(n)) - boost::math::digamma(double(k)) - 1.0 / k;
      CHECK(ksg_ceiling(n, k) == Approx(expected).margin(1e-12));
    }
  CHECK_THROWS_WITH(ksg_ceiling(3, 3), Contains("need N > k"));
}

TEST_CASE("KSG ceiling: identical and near-duplicate columns are flagged", "[ksg][ceiling]") {
  const Eigen::Index n = 5000;
  const auto x = gaussian_rows(Eigen::MatrixXd::Identity(1, 1), n, 35);
  const auto noise = gaussian_rows(Eigen::MatrixXd::Identity(1, 1), n, 36);
  for (int algorithm : {1, 2}) {
    KsgOptions o;
    o.algorithm = algorithm;
    INFO("algorithm " << algorithm);
    // The case: a column against a copy of itself gives ~7.59 nats
    // at N = 5000, k = 3 (psi(N) - psi(k) under algorithm 1).
    const Estimate copy = ksg_mutual_information(x, x, o);
    CHECK(copy.value >= ksg_ceiling(static_cast<std::size_t>(n), 3) - 1e-12);
    CHECK(any_contains(copy.warnings, "are identical"));
    CHECK(any_contains(copy.warnings, "at the KSG ceiling"));
    // A near-duplicate (not identical): at the ceiling, not "identical".
    const Eigen::MatrixXd near = x + 1e-9 * noise;
    const Estimate close = ksg_mutual_information(x, near, o);
    CHECK_FALSE(any_contains(close.warnings, "are identical"));
    CHECK(any_contains(close.warnings, "at the KSG ceiling"));
    // Strong but genuine dependence (rho = 0.9, 0.83 nats) is far below the
    // ceiling (7.3 nats): no warning.
    const auto z = bivariate_gaussian(0.9, n, 37);
    CHECK(ksg_mutual_information(z.col(0), z.col(1), o).warnings.empty());
    // The rule itself: within ksg_ceiling_margin (0.1 nats) of the ceiling.
    Estimate fake;
    fake.samples = static_cast<std::size_t>(n);
    fake.value = ksg_ceiling(fake.samples, 3) - 0.099;
    CHECK(any_contains(ksg_warnings(x, z.col(1), fake, o), "at the KSG ceiling"));
    fake.value = ksg_ceiling(fake.samples, 3) - 0.101;
    CHECK(ksg_warnings(x, z.col(1), fake, o).empty());
  }
  // An identical pair among several columns is named by position.
  Eigen::MatrixXd xs(n, 2), ys(n, 2);
  xs << x, noise;
  ys << noise * 2.0, x;
  const Estimate multi = ksg_mutual_information(xs, ys, KsgOptions{});
  CHECK(any_contains(multi.warnings, "x column 1 of 2 and y column 2 of 2 are identical"));
}
