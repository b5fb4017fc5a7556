// The report's statistics against values computed independently with SciPy
// (tests/validation/data/generate_statistics_reference.py writes the table).
// Tolerances: estimates computed in double from 12-40 points agree to ~1e-13
// relative (1e-11 used); CI bounds go through GSL's t and normal quantiles
// (agree with SciPy to ~1e-10, 1e-8 used). p-values in the far tail: GSL's
// t tail and SciPy's differ by 2e-8 relative at p = 1e-15 and ~1e-7 at
// p = 2e-19 (measured), so p-values use 1e-6.
#include "syninfo/json.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/validation/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace syninfo;
using namespace syninfo::validation;

namespace {

std::vector<double> numbers(const json::Value& v) {
  std::vector<double> out;
  for (const auto& x : v.as_array()) out.push_back(std::stod(x.as_number_text()));
  return out;
}
double num(const json::Value& v, const char* key) { return std::stod(v.find(key)->as_number_text()); }

const json::Value& reference() {
  static const json::Value value = read_json_file(std::string(SYNINFO_VALIDATION_DATA) + "/statistics_reference.json");
  return value;
}

constexpr double kExact = 1e-11, kQuantile = 1e-8, kTail = 1e-6;

}  // namespace

TEST_CASE("statistics: OLS and Pearson against SciPy", "[validation][statistics]") {
  int seen = 0;
  for (const auto& c : reference().find("cases")->as_array()) {
    if (c.find("kind")->as_string() != "regression") continue;
    ++seen;
    INFO(c.find("name")->as_string());
    const auto x = numbers(*c.find("x")), y = numbers(*c.find("y"));
    const LinearFit f = ordinary_least_squares(x, y);
    REQUIRE(f.valid);
    CHECK(f.slope == Approx(num(c, "slope")).epsilon(kExact));
    CHECK(f.intercept == Approx(num(c, "intercept")).epsilon(kExact));
    CHECK(f.slope_se == Approx(num(c, "slope_se")).epsilon(kExact));
    CHECK(f.intercept_se == Approx(num(c, "intercept_se")).epsilon(kExact));
    CHECK(f.slope_ci_low == Approx(num(c, "slope_ci_low")).epsilon(kQuantile));
    CHECK(f.slope_ci_high == Approx(num(c, "slope_ci_high")).epsilon(kQuantile));
    CHECK(f.p_value == Approx(num(c, "p_value")).epsilon(kTail));
    CHECK(f.r == Approx(num(c, "r")).epsilon(kExact));
    const Correlation r = pearson_correlation(x, y);
    REQUIRE(r.valid);
    CHECK(r.r == Approx(num(c, "r")).epsilon(kExact));
    CHECK(r.p_value == Approx(num(c, "r_p_value")).epsilon(kTail));
    CHECK(r.ci_low == Approx(num(c, "r_ci_low")).epsilon(kQuantile));
    CHECK(r.ci_high == Approx(num(c, "r_ci_high")).epsilon(kQuantile));
  }
  CHECK(seen == 3);
}

TEST_CASE("statistics: Welch and Student t-tests against SciPy", "[validation][statistics]") {
  int seen = 0;
  for (const auto& c : reference().find("cases")->as_array()) {
    if (c.find("kind")->as_string() != "ttest") continue;
    ++seen;
    INFO(c.find("name")->as_string());
    const auto a = numbers(*c.find("a")), b = numbers(*c.find("b"));
    const TTest w = welch_t_test(a, b), s = student_t_test(a, b);
    REQUIRE(w.valid);
    REQUIRE(s.valid);
    CHECK(w.t == Approx(num(c, "welch_t")).epsilon(kExact));
    CHECK(w.dof == Approx(num(c, "welch_dof")).epsilon(kExact));
    CHECK(w.p_value == Approx(num(c, "welch_p")).epsilon(kTail));
    CHECK(w.ci_low == Approx(num(c, "welch_ci_low")).epsilon(kQuantile));
    CHECK(w.ci_high == Approx(num(c, "welch_ci_high")).epsilon(kQuantile));
    CHECK(s.t == Approx(num(c, "student_t")).epsilon(kExact));
    CHECK(s.dof == num(c, "student_dof"));
    CHECK(s.p_value == Approx(num(c, "student_p")).epsilon(kTail));
    CHECK(s.ci_low == Approx(num(c, "student_ci_low")).epsilon(kQuantile));
    CHECK(s.ci_high == Approx(num(c, "student_ci_high")).epsilon(kQuantile));
  }
  CHECK(seen == 2);
}

TEST_CASE("statistics: Wilson intervals against SciPy", "[validation][statistics]") {
  int seen = 0;
  for (const auto& c : reference().find("cases")->as_array()) {
    if (c.find("kind")->as_string() != "wilson") continue;
    ++seen;
    const auto k = static_cast<std::size_t>(num(c, "successes")), n = static_cast<std::size_t>(num(c, "trials"));
    const Proportion p = wilson_interval(k, n);
    INFO(k << "/" << n);
    // The normal quantile enters squared; absolute 1e-10 covers a bound of 0.
    CHECK(p.ci_low == Approx(num(c, "low")).epsilon(kQuantile).margin(1e-10));
    CHECK(p.ci_high == Approx(num(c, "high")).epsilon(kQuantile).margin(1e-10));
    CHECK(p.estimate == Approx(static_cast<double>(k) / n));
  }
  CHECK(seen == 5);
}

TEST_CASE("statistics: multiple regression against NumPy", "[validation][statistics]") {
  for (const auto& c : reference().find("cases")->as_array()) {
    if (c.find("kind")->as_string() != "multiple") continue;
    const auto u = numbers(*c.find("u")), v = numbers(*c.find("v")), y = numbers(*c.find("y")), beta = numbers(*c.find("beta"));
    Eigen::MatrixXd x(static_cast<Eigen::Index>(u.size()), 3);
    Eigen::VectorXd yy(static_cast<Eigen::Index>(u.size()));
    for (std::size_t i = 0; i < u.size(); ++i) {
      x(static_cast<Eigen::Index>(i), 0) = 1;
      x(static_cast<Eigen::Index>(i), 1) = u[i];
      x(static_cast<Eigen::Index>(i), 2) = v[i];
      yy(static_cast<Eigen::Index>(i)) = y[i];
    }
    const MultipleFit f = multiple_regression(x, yy);
    REQUIRE(f.valid);
    const auto& cov = c.find("covariance")->as_array();
    for (int a = 0; a < 3; ++a) {
      // QR vs NumPy's SVD least squares: agreement ~1e-13 for this well-conditioned design.
      CHECK(f.coefficients(a) == Approx(beta[static_cast<std::size_t>(a)]).epsilon(1e-10));
      const auto row = numbers(cov[static_cast<std::size_t>(a)]);
      for (int b = 0; b < 3; ++b) CHECK(f.covariance(a, b) == Approx(row[static_cast<std::size_t>(b)]).epsilon(1e-9));
    }
    CHECK(f.r_squared == Approx(num(c, "r_squared")).epsilon(1e-10));
  }
}

TEST_CASE("statistics: histogram against NumPy", "[validation][statistics]") {
  for (const auto& c : reference().find("cases")->as_array()) {
    if (c.find("kind")->as_string() != "histogram") continue;
    const auto values = numbers(*c.find("values"));
    const Histogram h = histogram(values, num(c, "lo"), num(c, "hi"), static_cast<std::size_t>(num(c, "bins")));
    const auto want = numbers(*c.find("counts"));
    REQUIRE(h.counts.size() == want.size());
    for (std::size_t b = 0; b < want.size(); ++b) CHECK(static_cast<double>(h.counts[b]) == want[b]);
    CHECK(static_cast<double>(h.below) == num(c, "below"));
    CHECK(static_cast<double>(h.above) == num(c, "above"));
  }
}

TEST_CASE("statistics: degenerate inputs are flagged, not computed", "[validation][statistics]") {
  CHECK_FALSE(ordinary_least_squares({1, 2}, {1, 2}).valid);
  CHECK_FALSE(ordinary_least_squares({1, 1, 1}, {1, 2, 3}).valid);
  CHECK(std::isnan(ordinary_least_squares({1, 1, 1}, {1, 2, 3}).slope));
  CHECK_FALSE(pearson_correlation({1, 2, 3}, {5, 5, 5}).valid);
  CHECK_FALSE(welch_t_test({1}, {1, 2, 3}).valid);
  CHECK_FALSE(student_t_test({1, 1}, {1, 1}).valid);
  CHECK(std::isnan(wilson_interval(0, 0).estimate));
  const Correlation perfect = pearson_correlation({1, 2, 3, 4}, {2, 4, 6, 8});
  CHECK(perfect.r == 1.0);
  CHECK(perfect.p_value == 0.0);
  CHECK_THROWS(histogram({1.0}, 1.0, 1.0, 3));
  CHECK_THROWS(wilson_interval(3, 2));
}
