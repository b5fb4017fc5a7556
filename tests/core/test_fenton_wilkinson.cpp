// The Fenton-Wilkinson surrogate (theory.md section 3; Props. 1.1, 2.1).
#include <catch2/catch.hpp>

#include "syninfo/mutual_information.hpp"

#include "test_helpers.hpp"

using namespace syninfo;

namespace {

// Mean and covariance of LN(lambda, K): exp(lambda_a + K_aa/2) and
// m_a m_b (exp(K_ab) - 1), scaled here by the exact means (ratios only).
template <class T>
void check_surrogate_moments(const SumMoments<T>& exact, const LogNormalParameters<T>& fw, const T& tolerance) {
  using std::abs;
  using std::exp;
  const auto n = exact.log_mean.size();
  for (Eigen::Index a = 0; a < n; ++a) {
    const T log_mean_fw = fw.lambda(a) + fw.K(a, a) / 2;
    INFO("synapse " << a);
    CHECK(abs(log_mean_fw - exact.log_mean(a)) <= tolerance * abs(exact.log_mean(a)) + tolerance);
    for (Eigen::Index b = 0; b < n; ++b) {
      const T relative_cov_fw = expm1_(fw.K(a, b));
      CHECK(abs(relative_cov_fw - exact.relative_cov(a, b)) <= tolerance * abs(exact.relative_cov(a, b)));
    }
  }
}

}  // namespace

TEST_CASE("Fenton-Wilkinson surrogate reproduces the exact mean and covariance", "[fenton_wilkinson]") {
  const Ensemble ensemble{{0, 1}, {1, 2}, {2, 3}, {3, 3}, {0, 2}};
  SECTION("50 digits: to 1e-45 relative (log1p/expm1 round trip, a few ulps)") {
    const auto problem = test::heterogeneous_problem<float50>(4, 6, ensemble);
    const auto exact = exact_moments(synaptic_terms(problem.patterns, ensemble));
    check_surrogate_moments(exact, fenton_wilkinson(exact), float50("1e-45"));
  }
  SECTION("double: to 1e-13 relative (a few hundred ulps)") {
    const auto problem = test::heterogeneous_problem<double>(4, 6, ensemble);
    const auto exact = exact_moments(synaptic_terms(problem.patterns, ensemble));
    check_surrogate_moments(exact, fenton_wilkinson(exact), 1e-13);
  }
}

TEST_CASE("Prop 1.1: singleton parameters equal the classic Fenton-Wilkinson formula", "[fenton_wilkinson]") {
  // sigma^2 = ln(1 + Var/Mean^2), mu = ln Mean - sigma^2/2 with Mean and Var
  // summed directly at 100 digits; the library's scalar and n-tuple paths at
  // 50 digits must agree with it to 1e-45.
  const auto problem = test::heterogeneous_problem<float50>(3, 5, {{0, 2}});
  const auto p100 = test::heterogeneous_problem<float100>(3, 5, {{0, 2}});
  for (std::optional<std::size_t> excluded : {std::optional<std::size_t>{}, std::optional<std::size_t>{3}}) {
    float100 mean = 0, var = 0;
    for (std::size_t mu = 0; mu < 5; ++mu) {
      if (excluded && *excluded == mu) continue;
      const auto& pat = p100.patterns.list[mu];
      const float100 v = pat.cov(0, 0) + pat.cov(2, 2) + 2 * pat.cov(0, 2);
      const float100 a = exp(pat.mean(0) + pat.mean(2) + v / 2);
      mean += a;
      var += a * a * (exp(v) - 1);
    }
    const float100 sigma2 = log(1 + var / (mean * mean));
    const float100 mu = log(mean) - sigma2 / 2;
    const auto scalar = fenton_wilkinson_singleton(problem.patterns, Synapse{0, 2}, excluded);
    const auto tuple = fenton_wilkinson(exact_moments(synaptic_terms(problem.patterns, {{0, 2}}), excluded));
    CHECK(abs(float100(scalar.sigma2) / sigma2 - 1) < float100("1e-45"));
    CHECK(abs(float100(scalar.mu) - mu) < float100("1e-45"));
    CHECK(abs(float100(tuple.K(0, 0)) / sigma2 - 1) < float100("1e-45"));
    CHECK(abs(float100(tuple.lambda(0)) - mu) < float100("1e-45"));
  }
}

TEST_CASE("Prop 2.1: the pair covariance equals the n-tuple K entry", "[fenton_wilkinson]") {
  const Ensemble ensemble{{0, 1}, {1, 3}};
  const auto problem = test::heterogeneous_problem<float50>(4, 4, ensemble);
  for (std::optional<std::size_t> excluded : {std::optional<std::size_t>{}, std::optional<std::size_t>{0}}) {
    const auto fw = fenton_wilkinson(exact_moments(synaptic_terms(problem.patterns, ensemble), excluded));
    const float50 k12 = pair_log_covariance(problem.patterns, ensemble[0], ensemble[1], excluded);
    CHECK(abs(k12 - fw.K(0, 1)) < float50("1e-45") * abs(k12));
  }
}

TEST_CASE("log-domain moments do not overflow for means up to 700", "[fenton_wilkinson][overflow]") {
  // exp(2 * 700) overflows double by far; the scaled computation must not.
  // Shifting every mean by the same c multiplies every weight by e^{2c}: the
  // surrogate's lambda shifts by 2c, K is unchanged, and I_FW is unchanged
  // (theory.md 5.4). Double vs 50 digits: 1e-12 relative, the double result's
  // own conditioning (lambda ~ 1400 carries ~1e-13 absolute rounding).
  for (const char* shift : {"700", "-700"}) {
    auto base = test::heterogeneous_problem<float50>(3, 4, {{0, 1}, {1, 2}});
    auto shifted = base;
    for (auto& p : shifted.patterns.list) p.mean.array() += from_decimal<float50>(shift);
    const auto r0 = fenton_wilkinson_mutual_information(base);
    const auto r1 = fenton_wilkinson_mutual_information(shifted);
    REQUIRE(r0.ok());
    REQUIRE(r1.ok());
    CHECK(abs(r1.mi_nats - r0.mi_nats) < float50("1e-40"));
    CHECK(abs(r1.all_patterns.parameters.lambda(0) - r0.all_patterns.parameters.lambda(0) - 2 * from_decimal<float50>(shift)) <
          float50("1e-40"));

    auto shifted_d = test::heterogeneous_problem<double>(3, 4, {{0, 1}, {1, 2}});
    for (auto& p : shifted_d.patterns.list) p.mean.array() += from_decimal<double>(shift);
    const auto rd = fenton_wilkinson_mutual_information(shifted_d);
    REQUIRE(rd.ok());
    CHECK(std::isfinite(rd.mi_nats));
    CHECK(std::abs(rd.mi_nats - to_double(r0.mi_nats)) < 1e-12 * std::abs(to_double(r0.mi_nats)) + 1e-12);
  }
}

TEST_CASE("K is exact for a single-term sum and robust for anti-correlated synapses", "[fenton_wilkinson][regression]") {
  // Regression (found while writing proofs/): with one pattern left, the
  // surrogate of R^(k) is that pattern's own log-normal, so K' = E S E'
  // exactly; and log1p(expm1(c)) underflows to -inf in double for c < -37.
  // S = [[10, -9.9], [-9.9, 10]], synapses (0,0), (1,1): v_01 = 4 * (-9.9).
  Problem<double> pd;
  Problem<float50> p50;
  for (int mu = 0; mu < 2; ++mu) {
    Pattern<double> a;
    Pattern<float50> b;
    a.mean = Vector<double>::Zero(2);
    b.mean = Vector<float50>::Zero(2);
    a.cov.resize(2, 2);
    b.cov.resize(2, 2);
    a.cov << 10, -9.9, -9.9, 10;
    b.cov << 10, from_decimal<float50>("-9.9"), from_decimal<float50>("-9.9"), 10;
    pd.patterns.list.push_back(a);
    p50.patterns.list.push_back(b);
  }
  pd.ensemble = p50.ensemble = {{0, 0}, {1, 1}};
  const auto rd = fenton_wilkinson_mutual_information(pd);
  const auto r50 = fenton_wilkinson_mutual_information(p50);
  REQUIRE(r50.ok());
  REQUIRE(rd.ok());
  // K' is the single remaining pattern's log covariance, exactly.
  CHECK(r50.without_pattern.parameters.K(0, 1) == from_decimal<float50>("-39.6"));
  CHECK(rd.without_pattern.parameters.K(0, 1) == 4 * -9.9);
  // Double agrees with 50 digits to its own error estimate.
  INFO("double " << rd.mi_nats << " +- " << rd.error_estimate << ", 50 digits " << r50.mi_nats);
  CHECK(std::abs(rd.mi_nats - to_double(r50.mi_nats)) <= rd.error_estimate);
}

TEST_CASE("an exactly singular K' is reported at every precision", "[fenton_wilkinson][regression]") {
  // The 4-cycle {(0,1),(2,3),(0,2),(1,3)} with P = 2: K' = E S E' from one
  // pattern has rank 3 < 4 (the rows e_a are linearly dependent), so the
  // surrogate has no density and I_FW is undefined; both precisions must say
  // not_positive_definite rather than return a huge finite number.
  auto check = [](auto tag) {
    using T = decltype(tag);
    Problem<T> p;
    for (int mu = 0; mu < 2; ++mu) {
      Pattern<T> pat;
      pat.mean = Vector<T>::Zero(4);
      pat.cov = Matrix<T>::Identity(4, 4);
      p.patterns.list.push_back(pat);
    }
    p.ensemble = {{0, 1}, {2, 3}, {0, 2}, {1, 3}};
    const auto r = fenton_wilkinson_mutual_information(p);
    CHECK(r.status == MiStatus::not_positive_definite);
    CHECK(r.without_pattern.analysis.numerically_singular);
    CHECK_THAT(r.detail, Catch::Contains("K'"));
  };
  check(double{});
  check(float50{});
  check(float100{});
}
