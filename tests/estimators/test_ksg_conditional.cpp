// Frenzel-Pompe (KSG) conditional mutual information: an O(N^2) reference
// on data with ties and duplicates, Gaussian oracles, the reduction to KSG
// mutual information, thread independence and input checks.
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/estimators/ksg_conditional.hpp"
#include "syninfo/estimators/standardise.hpp"

#include "samples.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace syninfo::estimators;
using syninfo::estimators::testing::gaussian_rows;

namespace {

// Straight from the definitions in ksg_conditional.hpp, O(N^2), with
// Boost's digamma and plain summation; shares no code with the estimator.
double brute_force_cmi(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const Eigen::MatrixXd& z, int k) {
  const Eigen::Index n = x.rows();
  const auto dist = [](const Eigen::MatrixXd& m, Eigen::Index a, Eigen::Index b) {
    return (m.row(a) - m.row(b)).cwiseAbs().maxCoeff();
  };
  using boost::math::digamma;
  double sum = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    std::vector<double> joint;
    for (Eigen::Index j = 0; j < n; ++j)
      if (j != i) joint.push_back(std::max({dist(x, i, j), dist(y, i, j), dist(z, i, j)}));
    std::sort(joint.begin(), joint.end());
    const double eps = joint[static_cast<std::size_t>(k - 1)];
    // Other points with max(subspace distances) < r (strict) or <= r.
    const auto count = [&](const Eigen::MatrixXd* a, const Eigen::MatrixXd* b, double r, bool strict) {
      double c = 0.0;
      for (Eigen::Index j = 0; j < n; ++j) {
        if (j == i) continue;
        const double d = std::max(a ? dist(*a, i, j) : 0.0, dist(*b, i, j));
        c += strict ? d < r : d <= r;
      }
      return c;
    };
    if (eps == 0.0) {
      const double ki = static_cast<double>(std::count(joint.begin(), joint.end(), 0.0));
      sum += digamma(ki) - digamma(count(&x, &z, 0.0, false) + 1) - digamma(count(&y, &z, 0.0, false) + 1) +
             digamma(count(nullptr, &z, 0.0, false) + 1);
    } else {
      sum += digamma(static_cast<double>(k)) - digamma(count(&x, &z, eps, true) + 1) -
             digamma(count(&y, &z, eps, true) + 1) + digamma(count(nullptr, &z, eps, true) + 1);
    }
  }
  return sum / static_cast<double>(n);
}

// 240 rows with ties everywhere: X coarse (quarter steps), Y 2-D with one
// column on 5 levels, Z on a grid of 8 levels (1-D) or 2-D with a continuous
// second column; every sixth row repeats an earlier row, and rows 50..56 are
// seven identical rows (so some k-th distances are 0 for k <= 6).
struct TiedSample {
  Eigen::MatrixXd x, y, z;
};

TiedSample tied_sample(Eigen::Index z_columns) {
  const Eigen::Index n = 240;
  TiedSample s{Eigen::MatrixXd(n, 1), Eigen::MatrixXd(n, 2), Eigen::MatrixXd(n, z_columns)};
  for (Eigen::Index i = 0; i < n; ++i) {
    syninfo::Rng rng(70, static_cast<std::uint64_t>(i));
    if (i % 6 == 5) {
      const auto j = static_cast<Eigen::Index>(rng.uniform_int(0, static_cast<std::uint64_t>(i - 1)));
      s.x.row(i) = s.x.row(j);
      s.y.row(i) = s.y.row(j);
      s.z.row(i) = s.z.row(j);
      continue;
    }
    s.z(i, 0) = std::floor(rng.uniform() * 8.0);
    if (z_columns > 1) s.z(i, 1) = rng.normal();
    s.x(i, 0) = std::round((0.3 * s.z(i, 0) + rng.normal()) * 4.0) / 4.0;
    s.y(i, 0) = std::round((s.x(i, 0) + rng.normal()) * 2.0) / 2.0;
    s.y(i, 1) = std::floor(rng.uniform() * 5.0);
  }
  for (Eigen::Index i = 50; i < 57; ++i) {
    s.x(i, 0) = 0.25;
    s.y.row(i) << 1.0, 2.0;
    s.z.row(i).setConstant(3.0);
  }
  return s;
}

}  // namespace

TEST_CASE("CMI equals an O(N^2) reference on data with ties and duplicates", "[cmi]") {
  // Tolerance 1e-12: the neighbour counts are integers and must agree
  // exactly; only the digamma values (table vs Boost) and the summation
  // (compensated vs plain, 240 terms of size <= ~5) differ in rounding.
  for (Eigen::Index z_columns : {1, 2}) {
    const TiedSample s = tied_sample(z_columns);
    for (int k : {1, 3, 7}) {
      CmiOptions o;
      o.k = k;
      o.blocks = 0;
      o.normalise = false;  // the reference works on the columns as given
      INFO("z columns " << z_columns << ", k = " << k);
      const double fast = ksg_conditional_mutual_information(s.x, s.y, s.z, o).value;
      CHECK(fast == Approx(brute_force_cmi(s.x, s.y, s.z, k)).margin(1e-12));
    }
  }
}

TEST_CASE("CMI equals the O(N^2) reference on continuous data, multivariate X, Y, Z", "[cmi]") {
  Eigen::MatrixXd s = Eigen::MatrixXd::Identity(6, 6);
  s(0, 2) = s(2, 0) = 0.5;
  s(1, 4) = s(4, 1) = 0.4;
  s(3, 5) = s(5, 3) = -0.3;
  const auto w = gaussian_rows(s, 400, 71);
  for (int k : {2, 5}) {
    CmiOptions o;
    o.k = k;
    o.blocks = 0;
    o.normalise = false;  // the reference works on the columns as given
    // Tolerance 1e-12 as in the tied case.
    CHECK(ksg_conditional_mutual_information(w.leftCols(2), w.middleCols(2, 2), w.rightCols(2), o).value ==
          Approx(brute_force_cmi(w.leftCols(2), w.middleCols(2, 2), w.rightCols(2), k)).margin(1e-12));
  }
}

TEST_CASE("CMI: Gaussian oracle 0.5 ln(det S_xz det S_yz / (det S_z det S_xyz))", "[cmi]") {
  // X = w0, Y = w1, Z = (w2, w3) with X and Y each correlated with Z and with
  // each other beyond Z: I(X;Y|Z) = 0.162 nats. A chain X <- Z -> Y has
  // I(X;Y|Z) = 0 although I(X;Y) = 0.097 nats.
  Eigen::MatrixXd dependent(4, 4), chain(4, 4);
  dependent << 1.0, 0.6, 0.5, 0.2,  //
      0.6, 1.0, 0.3, 0.4,           //
      0.5, 0.3, 1.0, 0.1,           //
      0.2, 0.4, 0.1, 1.0;
  // X = 0.6 Z0 + noise, Y = 0.7 Z0 + noise, Z1 independent of all.
  chain << 1.0, 0.42, 0.6, 0.0,  //
      0.42, 1.0, 0.7, 0.0,       //
      0.6, 0.7, 1.0, 0.0,        //
      0.0, 0.0, 0.0, 1.0;
  const auto oracle = [](const Eigen::MatrixXd& s) {
    const std::vector<Eigen::Index> xz{0, 2, 3}, yz{1, 2, 3};
    return 0.5 * std::log(s(xz, xz).determinant() * s(yz, yz).determinant() /
                          (s.bottomRightCorner(2, 2).determinant() * s.determinant()));
  };
  CHECK(oracle(chain) == Approx(0.0).margin(1e-12));
  for (const Eigen::MatrixXd* s : {&dependent, &chain}) {
    const double truth = oracle(*s);
    for (std::uint64_t seed : {72u, 73u, 74u}) {
      const auto w = gaussian_rows(*s, 4000, seed);
      const Estimate e = ksg_conditional_mutual_information(w.col(0), w.col(1), w.rightCols(2));
      INFO("truth " << truth << ", seed " << seed << ": " << e.value << " +- " << e.standard_error);
      CHECK(e.method == "ksg_cmi");
      CHECK(e.samples == 4000);
      CHECK(e.standard_error > 0.0);
      CHECK(e.standard_error < 0.03);
      // Tolerance 4 SE + 0.01 nats. 4 SE: the batch-means SE is within ~15%
      // of the sd (as for KSG, test_ksg.cpp), so chance alone exceeds it
      // with probability < 1e-3. 0.01: room for the Frenzel-Pompe bias with
      // k = 3 in a 4-dimensional joint space at N = 4000 (measured over
      // seeds 72-81: mean error +0.005 nats for the dependent case, -0.0003
      // for the chain, SE ~0.013 and ~0.008, largest |error| 1.8 SE).
      CHECK(std::fabs(e.value - truth) <= 4.0 * e.standard_error + 0.01);
    }
  }
}

TEST_CASE("CMI with a constant Z is KSG algorithm 1's MI", "[cmi]") {
  // Every n_z is N - 1 and every n_xz, n_yz is the marginal count of KSG,
  // so the per-point terms agree exactly; tolerance 1e-12 for the different
  // order of adding psi(N) and summing N = 3000 terms.
  Eigen::MatrixXd s(3, 3);
  s << 1.0, 0.7, 0.2, 0.7, 1.0, 0.1, 0.2, 0.1, 1.0;
  const auto w = gaussian_rows(s, 3000, 75);
  const Eigen::MatrixXd constant = Eigen::MatrixXd::Constant(3000, 2, -1.5);
  for (int k : {1, 4}) {
    KsgOptions ko;
    ko.k = k;
    ko.blocks = 0;
    CmiOptions co;
    co.k = k;
    co.blocks = 0;
    // Both normalised (the defaults): a constant Z standardises to zeros.
    const double mi = ksg_mutual_information(w.leftCols(2), w.col(2), ko).value;
    CHECK(ksg_conditional_mutual_information(w.leftCols(2), w.col(2), constant, co).value ==
          Approx(mi).margin(1e-12));
    // Both on the columns as given.
    ko.normalise = false;
    co.normalise = false;
    const double raw_mi = ksg_mutual_information(w.leftCols(2), w.col(2), ko).value;
    CHECK(raw_mi != mi);  // the columns have different scales, so normalising matters
    CHECK(ksg_conditional_mutual_information(w.leftCols(2), w.col(2), constant, co).value ==
          Approx(raw_mi).margin(1e-12));
  }
}

TEST_CASE("CMI normalises columns by default: rescaling X, Y or Z changes nothing but rounding", "[cmi]") {
  // Tolerance 1e-12: after standardisation the rescaled columns equal the
  // originals to rounding, which moves no neighbour count on continuous
  // data; what remains is the rounding of the sums.
  Eigen::MatrixXd s = Eigen::MatrixXd::Identity(4, 4);
  s(0, 2) = s(2, 0) = 0.5;
  s(1, 2) = s(2, 1) = 0.4;
  s(0, 1) = s(1, 0) = 0.6;  // partial correlation 0.50 given Z: I(X;Y|Z) = 0.147 nats
  const auto w = gaussian_rows(s, 1500, 79);
  CmiOptions o;
  o.blocks = 0;
  const double base = ksg_conditional_mutual_information(w.col(0), w.col(1), w.rightCols(2), o).value;
  Eigen::MatrixXd z_scaled = w.rightCols(2);
  z_scaled.col(0) *= 1000.0;
  z_scaled.col(1) *= 0.001;
  const Eigen::MatrixXd x_scaled = w.col(0) * 250.0;
  CHECK(ksg_conditional_mutual_information(x_scaled, w.col(1), z_scaled, o).value == Approx(base).margin(1e-12));
  // Equal to the raw estimator on standardised columns, exactly.
  CmiOptions raw = o;
  raw.normalise = false;
  CHECK(ksg_conditional_mutual_information(standardised_columns(w.col(0)), standardised_columns(w.col(1)),
                                           standardised_columns(w.rightCols(2)), raw)
            .value == base);
  // Without normalisation the scales move the estimate (max-norm): z0 * 1000
  // then dominates every neighbourhood, all counts coincide and the estimate
  // collapses from 0.16 to 0 nats (measured), far beyond the 1e-12 above.
  const double raw_base = ksg_conditional_mutual_information(w.col(0), w.col(1), w.rightCols(2), raw).value;
  const double raw_scaled = ksg_conditional_mutual_information(x_scaled, w.col(1), z_scaled, raw).value;
  INFO("raw " << raw_base << ", rescaled raw " << raw_scaled);
  CHECK(std::fabs(raw_scaled - raw_base) > 0.05);
}

TEST_CASE("CMI with Z independent of X and Y is about the MI", "[cmi]") {
  // I(X;Y|Z) = I(X;Y) = -0.5 ln(1 - 0.7^2) = 0.337 nats when Z is
  // independent of (X, Y). The two estimates share X and Y but not their
  // neighbourhoods, so they differ by estimation noise plus the small extra
  // bias of the 4-dimensional joint space: measured over seeds 76-83,
  // |CMI - MI| <= 0.025 nats (up to 3 SE(cmi)) and |CMI - truth| <= 0.014.
  // Tolerance 4 SE(cmi) + 0.02 for both.
  Eigen::MatrixXd s = Eigen::MatrixXd::Identity(4, 4);
  s(0, 1) = s(1, 0) = 0.7;
  const double truth = -0.5 * std::log(1.0 - 0.49);
  const auto w = gaussian_rows(s, 5000, 76);
  const Estimate mi = ksg_mutual_information(w.col(0), w.col(1));
  const Estimate cmi = ksg_conditional_mutual_information(w.col(0), w.col(1), w.rightCols(2));
  INFO("MI " << mi.value << " +- " << mi.standard_error << ", CMI " << cmi.value << " +- " << cmi.standard_error);
  CHECK(cmi.value != mi.value);  // a different estimator, not a copy
  CHECK(std::fabs(cmi.value - mi.value) <= 4.0 * cmi.standard_error + 0.02);
  CHECK(std::fabs(cmi.value - truth) <= 4.0 * cmi.standard_error + 0.02);
}

TEST_CASE("CMI: symmetric in X and Y and independent of the thread count", "[cmi][threads]") {
  const TiedSample s = tied_sample(2);
  CmiOptions o;
  o.threads = 1;
  // In the given units: the tied sample's exact ties are what this checks,
  // and standardising can move tied distances by a rounding.
  o.normalise = false;
  const Estimate one = ksg_conditional_mutual_information(s.x, s.y, s.z, o);
  // Exact (==): the max-norm does not care about the order of coordinates,
  // and per-point terms do not depend on the thread that made them.
  const Estimate swapped = ksg_conditional_mutual_information(s.y, s.x, s.z, o);
  CHECK(swapped.value == one.value);
  CHECK(swapped.standard_error == one.standard_error);
  for (unsigned t : {2u, 3u, 8u}) {
    o.threads = t;
    const Estimate many = ksg_conditional_mutual_information(s.x, s.y, s.z, o);
    CHECK(many.value == one.value);
    CHECK(many.standard_error == one.standard_error);
  }
}

TEST_CASE("CMI: purely discrete data give the discrete conditional MI", "[cmi]") {
  // Z uniform on {0, 1}; X uniform on {0, 1, 2, 3}; Y = (X + Z) mod 4: given
  // Z, Y determines X, so I(X;Y|Z) = H(X|Z) = ln 4. Every k-th distance is
  // 0, so the mixture term applies throughout; with ~N/8 rows per (x, z)
  // cell its bias is O(8/N). Tolerance 0.01 nats at N = 4000.
  const Eigen::Index n = 4000;
  Eigen::MatrixXd x(n, 1), y(n, 1), z(n, 1);
  for (Eigen::Index i = 0; i < n; ++i) {
    syninfo::Rng rng(77, static_cast<std::uint64_t>(i));
    z(i, 0) = static_cast<double>(rng.uniform_int(0, 1));
    x(i, 0) = static_cast<double>(rng.uniform_int(0, 3));
    y(i, 0) = std::fmod(x(i, 0) + z(i, 0), 4.0);
  }
  const Estimate e = ksg_conditional_mutual_information(x, y, z);
  INFO(e.value);
  CHECK(std::fabs(e.value - std::log(4.0)) < 0.01);
  // Y independent of X given Z (Y = Z): about 0, same tolerance.
  CHECK(std::fabs(ksg_conditional_mutual_information(x, z, z.array() + 10.0).value) < 0.01);
}

TEST_CASE("CMI: bad input is rejected with a specific message", "[cmi]") {
  using Catch::Matchers::Contains;
  const auto w = gaussian_rows(Eigen::MatrixXd::Identity(3, 3), 20, 78);
  const Eigen::MatrixXd x = w.col(0), y = w.col(1), z = w.col(2);
  REQUIRE_THROWS_WITH(ksg_conditional_mutual_information(x, y.topRows(19), z), Contains("x has 20 rows but y has 19"));
  REQUIRE_THROWS_WITH(ksg_conditional_mutual_information(x, y, z.topRows(18)), Contains("x has 20 rows but z has 18"));
  CmiOptions o;
  o.k = 0;
  REQUIRE_THROWS_WITH(ksg_conditional_mutual_information(x, y, z, o), Contains("k must be at least 1"));
  o.k = 20;
  REQUIRE_THROWS_WITH(ksg_conditional_mutual_information(x, y, z, o),
                      Contains("need more samples than neighbours (N = 20, k = 20)"));
  Eigen::MatrixXd bad = z;
  bad(4, 0) = std::nan("");
  REQUIRE_THROWS_WITH(ksg_conditional_mutual_information(x, y, bad), Contains("z(4, 0) is not finite"));
  REQUIRE_THROWS_WITH(ksg_conditional_mutual_information(x, y, Eigen::MatrixXd(20, 0)), Contains("z has no columns"));
  REQUIRE_THROWS_AS(ksg_conditional_mutual_information(x, y, z.topRows(18)), std::invalid_argument);
}
