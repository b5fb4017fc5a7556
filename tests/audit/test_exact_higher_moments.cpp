// Exact higher moments of the weights (include/syninfo/audit/exact_higher_moments.hpp)
// against an independent mpmath table and against simulated weights.
#include "syninfo/audit/exact_higher_moments.hpp"
#include "syninfo/decimal.hpp"
#include "syninfo/json.hpp"
#include "syninfo/random.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/truth/model_sampling.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace syninfo;
using namespace syninfo::audit;

namespace {

const json::Value& reference_table() {
  static const json::Value table = read_json_file(std::string(SYNINFO_AUDIT_DATA) + "/higher_moments_reference.json");
  return table;
}

// One synapse whose terms are given directly as (g_mu, v_mu).
template <class T>
SynapticTerms<T> scalar_terms(const json::Value& terms) {
  SynapticTerms<T> out;
  for (const auto& pair : terms.as_array()) {
    Vector<T> g(1);
    Matrix<T> v(1, 1);
    g(0) = from_decimal<T>(pair.as_array()[0].as_string());
    v(0, 0) = from_decimal<T>(pair.as_array()[1].as_string());
    out.log_mean.push_back(g);
    out.log_cov.push_back(v);
  }
  return out;
}

// Reference values are read at 50 digits (some overflow double).
float50 ref(const json::Value& c, const char* key) { return from_decimal<float50>(c.find(key)->as_string()); }

// Error in units of T's eps: absolute over max(1, |reference|) for logs,
// relative for the shape statistics.
template <class T>
double eps_units_log(const T& value, const float50& reference) {
  const float50 scale = abs(reference) > 1 ? float50(abs(reference)) : float50(1);
  return static_cast<double>(float50(abs(float50(float50(value) - reference)) / scale /
                                     float50(std::numeric_limits<T>::epsilon())));
}
template <class T>
double eps_units_rel(const T& value, const float50& reference) {
  return static_cast<double>(
      float50(abs(float50(float50(value) - reference)) / abs(reference) / float50(std::numeric_limits<T>::epsilon())));
}

// Error budgets in eps, per quantity. log mean: a log-sum-exp of
// ln A_mu = g + v/2, a few roundings relative to |ln mean|. log variance: adds
// ln R_2, another log-sum-exp. Skewness and kurtosis: ratios of sums of
// positive products w^r d^(r-1) (...) (R_3 / R_2^1.5, R_4 / R_2^2), each
// product of up to ~10 correctly rounded factors (16 eps), except that the
// weight w = A_mu / E[W] = exp(ln A_mu - ln E[W]) inherits the absolute error
// eps |ln w| of its exponent, raised to the power r <= 4: 4 eps per unit of
// the spread of ln A_mu over the terms. The surrogate's shape statistics are
// polynomials in R_2 with positive coefficients: the same budget. Measured
// maxima over the cases whose ln A spread is below 3, in the order log mean,
// log variance, skewness, kurtosis, FW skewness, FW kurtosis: double 1.0,
// 0.4, 2.7, 3.5, 1.7, 2.7; 50 digits 2.1, 2.5, 1.4, 2.6, 8.3, 16.0 (hence
// 32 at 50 digits, where the binary-decimal conversion of the reference also
// counts).
struct Budget {
  double log_mean, log_variance, shape;
};

template <class T>
void check_table(const Budget& budget) {
  double worst[6] = {0, 0, 0, 0, 0, 0};
  for (const auto& c : reference_table().find("cases")->as_array()) {
    const std::string id = c.find("id")->as_string();
    INFO("case " << id);
    const auto terms = scalar_terms<T>(*c.find("terms"));
    const auto m = exact_marginal_moments(terms).front();
    REQUIRE_FALSE(m.degenerate);
    // Spread of ln A_mu = g + v/2 over the random terms.
    double lo = 1e300, hi = -1e300;
    for (const auto& pair : c.find("terms")->as_array()) {
      const double g = std::stod(pair.as_array()[0].as_string()), v = std::stod(pair.as_array()[1].as_string());
      if (v > 0) {
        lo = std::min(lo, g + v / 2);
        hi = std::max(hi, g + v / 2);
      }
    }
    double shape = budget.shape + 4 * (hi - lo);
    const bool log_domain = std::is_same_v<T, double> && c.find("log_domain_in_double");
    double e[6];
    e[0] = eps_units_log(m.log_mean, ref(c, "log_mean"));
    e[1] = eps_units_log(m.log_variance, ref(c, "log_variance"));
    if (log_domain) {
      // d^6 = (e^v - 1)^6 overflows double: the logs of skewness and kurtosis
      // are exp(ln R_3 - 1.5 ln R_2), exp(ln R_4 - 2 ln R_2) with logs of
      // size up to ~2 |ln R_2|; compare the logs (the values may be +inf).
      e[2] = eps_units_log(m.log_skewness, float50(log(ref(c, "skewness"))));
      e[3] = eps_units_log(m.log_excess_kurtosis, float50(log(ref(c, "excess_kurtosis"))));
      e[4] = eps_units_log(m.fw_log_skewness, float50(log(ref(c, "fw_skewness"))));
      e[5] = eps_units_log(m.fw_log_excess_kurtosis, float50(log(ref(c, "fw_excess_kurtosis"))));
      shape = budget.shape;
    } else {
      e[2] = eps_units_rel(m.skewness, ref(c, "skewness"));
      e[3] = eps_units_rel(m.excess_kurtosis, ref(c, "excess_kurtosis"));
      e[4] = eps_units_rel(m.fw_skewness, ref(c, "fw_skewness"));
      e[5] = eps_units_rel(m.fw_excess_kurtosis, ref(c, "fw_excess_kurtosis"));
    }
    INFO("errors in eps: log mean " << e[0] << ", log variance " << e[1] << ", skewness " << e[2] << ", kurtosis "
                                    << e[3] << ", FW skewness " << e[4] << ", FW kurtosis " << e[5] << " (shape budget "
                                    << shape << (log_domain ? ", logs compared" : "") << ")");
    CHECK(e[0] <= budget.log_mean);
    CHECK(e[1] <= budget.log_variance);
    for (int i = 2; i < 6; ++i) CHECK(e[i] <= shape);
    CHECK(eps_units_log(m.fw_log_variance, ref(c, "fw_log_variance")) <= budget.log_variance);
    if (!log_domain && hi - lo < 3)
      for (int i = 0; i < 6; ++i) worst[i] = std::max(worst[i], e[i]);
  }
  WARN("worst errors in eps over the cases with a spread of ln A below 3 (" << std::numeric_limits<T>::digits10
                                                                           << " digits): log mean " << worst[0]
                                                                           << ", log variance " << worst[1]
                                                                           << ", skewness " << worst[2] << ", kurtosis "
                                                                           << worst[3] << ", FW skewness " << worst[4]
                                                                           << ", FW kurtosis " << worst[5]);
}

}  // namespace

TEST_CASE("higher moments: double against the mpmath table", "[audit][moments]") {
  // Budgets (eps = 2.2e-16): see Budget above.
  check_table<double>(Budget{4, 4, 16});
}

TEST_CASE("higher moments: 50 digits against the mpmath table", "[audit][moments]") {
  check_table<float50>(Budget{4, 4, 32});
}

TEST_CASE("higher moments: scaled central moments to order 8 at 50 digits", "[audit][moments]") {
  // The binomial conversion from raw to central moments cancels: for the
  // tiny-variance case mu_8 / mean^8 ~ 1e-24 comes from O(1) raw moments, so
  // ~24 of the 50 digits are lost; 1e-20 relative leaves a margin of 10^4.
  for (const auto& c : reference_table().find("cases")->as_array()) {
    INFO("case " << c.find("id")->as_string());
    const auto terms = scalar_terms<float50>(*c.find("terms"));
    const auto mu = scaled_central_moments(terms, std::nullopt, 0);
    const auto& expected = c.find("scaled_central")->as_array();
    for (int k = 2; k <= 8; ++k) {
      const float50 r = from_decimal<float50>(expected[static_cast<std::size_t>(k - 2)].as_string());
      INFO("k = " << k);
      CHECK(static_cast<double>(float50(abs(float50(mu[static_cast<std::size_t>(k)] - r)) / abs(r))) < 1e-20);
    }
  }
}

TEST_CASE("higher moments: one pattern is its own log-normal surrogate", "[audit][moments]") {
  // With a single random term W is exactly LN(g, v): exact and implied shape
  // statistics are the same function of v, evaluated two ways (8 eps).
  for (double v : {1e-6, 0.01, 0.5, 3.0, 30.0}) {
    SynapticTerms<double> t;
    t.log_mean.push_back(Vector<double>::Constant(1, -0.3));
    t.log_cov.push_back(Matrix<double>::Constant(1, 1, v));
    const auto m = exact_marginal_moments(t).front();
    INFO("v = " << v);
    CHECK(std::abs(m.fw_log_variance - v) <= 8 * 2.2e-16 * v);
    CHECK(std::abs(m.skewness / m.fw_skewness - 1) <= 8 * 2.2e-16);
    CHECK(std::abs(m.excess_kurtosis / m.fw_excess_kurtosis - 1) <= 8 * 2.2e-16);
  }
}

TEST_CASE("higher moments: excluding pattern k equals dropping its term", "[audit][moments]") {
  const Problem<double> p = problem_from_json<double>(json::parse(
      R"({"generate": {"N": 4, "P": 5, "seed": 3, "cov": {"type": "exchangeable", "sigma2": "0.4", "rho": "0.3"}},
          "synapses": [[0, 1], [2, 2], [1, 3]], "pattern": 2})"));
  const auto terms = synaptic_terms(p.patterns, p.ensemble);
  auto fewer = terms;
  fewer.log_mean.erase(fewer.log_mean.begin() + 2);
  fewer.log_cov.erase(fewer.log_cov.begin() + 2);
  const auto a = exact_marginal_moments(terms, std::size_t{2});
  const auto b = exact_marginal_moments(fewer);
  REQUIRE(a.size() == 3);
  for (std::size_t s = 0; s < 3; ++s) {
    // The same operations on the same numbers: identical results.
    CHECK(a[s].log_mean == b[s].log_mean);
    CHECK(a[s].skewness == b[s].skewness);
    CHECK(a[s].excess_kurtosis == b[s].excess_kurtosis);
  }
  // The FW log variance is K_aa of the closed form's surrogate (moments.hpp),
  // computed there by log1p of the relative variance: agreement to 4 eps.
  const auto sm = exact_moments(terms, std::size_t{2});
  for (std::size_t s = 0; s < 3; ++s) {
    const auto i = static_cast<Eigen::Index>(s);
    CHECK(std::abs(a[s].fw_log_variance - sm.log1p_relative_cov(i, i)) <= 4 * 2.2e-16 * sm.log1p_relative_cov(i, i));
    CHECK(std::abs(a[s].log_mean - sm.log_mean(i)) <= 4 * 2.2e-16 * std::max(1.0, std::abs(sm.log_mean(i))));
  }
}

TEST_CASE("higher moments: constant terms only give a degenerate synapse", "[audit][moments]") {
  SynapticTerms<double> t;
  for (double g : {0.1, -0.2}) {
    t.log_mean.push_back(Vector<double>::Constant(1, g));
    t.log_cov.push_back(Matrix<double>::Zero(1, 1));
  }
  const auto m = exact_marginal_moments(t).front();
  CHECK(m.degenerate);
  CHECK(std::isinf(m.log_variance));
  CHECK(std::abs(m.mean() - (std::exp(0.1) + std::exp(-0.2))) < 1e-15);
  CHECK_THROWS_AS(exact_marginal_moments(SynapticTerms<double>{}), std::invalid_argument);
}

TEST_CASE("sample-moment standard errors: the normal limit", "[audit][moments]") {
  // Normal central moments (sigma = 1.7): the delta method must give the
  // textbook asymptotic variances 6/M (skewness) and 24/M (excess kurtosis),
  // and sigma^2 sqrt(2/M) for the variance. Exact up to rounding.
  const double s2 = 1.7 * 1.7;
  std::array<double, 9> mu{1, 0, s2, 0, 3 * s2 * s2, 0, 15 * s2 * s2 * s2, 0, 105 * s2 * s2 * s2 * s2};
  const auto e = sample_moment_standard_errors(mu, 400);
  CHECK(e.skewness == Approx(std::sqrt(6.0 / 400)).epsilon(1e-12));
  CHECK(e.excess_kurtosis == Approx(std::sqrt(24.0 / 400)).epsilon(1e-12));
  CHECK(e.relative_variance == Approx(std::sqrt(2.0 / 400)).epsilon(1e-12));
  CHECK(e.mean == Approx(1.7 / 20).epsilon(1e-12));
}

TEST_CASE("sample-moment standard errors: match the spread over replicates", "[audit][moments]") {
  // 400 independent replicates of M = 1000 draws of W = T1 + T2 (mildly
  // skewed). The standard deviation of the replicates' sample skewness and
  // kurtosis must match the predicted standard error: a standard deviation
  // from 400 replicates has a relative standard error of ~1/sqrt(800) ~ 3.5%
  // for normal statistics, more for the heavier-tailed kurtosis, and the
  // delta method is itself O(1/M) off, so the ratio must lie in [0.8, 1.25].
  SynapticTerms<float50> t;
  const double g[2] = {0.2, -0.1}, v[2] = {0.05, 0.12};
  for (int i = 0; i < 2; ++i) {
    t.log_mean.push_back(Vector<float50>::Constant(1, float50(g[i])));
    t.log_cov.push_back(Matrix<float50>::Constant(1, 1, float50(v[i])));
  }
  const std::size_t replicates = 400, m = 1000;
  const auto se = sample_moment_standard_errors(scaled_central_moments(t, std::nullopt, 0), m);
  double sum1 = 0, sumsq1 = 0, sum2 = 0, sumsq2 = 0;
  for (std::size_t r = 0; r < replicates; ++r) {
    Rng rng(77, r);
    std::vector<double> w(m);
    double mean = 0;
    for (auto& x : w) {
      x = std::exp(g[0] + std::sqrt(v[0]) * rng.normal()) + std::exp(g[1] + std::sqrt(v[1]) * rng.normal());
      mean += x;
    }
    mean /= static_cast<double>(m);
    double m2 = 0, m3 = 0, m4 = 0;
    for (double x : w) {
      const double d = x - mean;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
    }
    m2 /= static_cast<double>(m);
    m3 /= static_cast<double>(m);
    m4 /= static_cast<double>(m);
    const double g1 = m3 / std::pow(m2, 1.5), g2 = m4 / (m2 * m2) - 3;
    sum1 += g1;
    sumsq1 += g1 * g1;
    sum2 += g2;
    sumsq2 += g2 * g2;
  }
  const double n = static_cast<double>(replicates);
  const double sd1 = std::sqrt((sumsq1 - sum1 * sum1 / n) / (n - 1));
  const double sd2 = std::sqrt((sumsq2 - sum2 * sum2 / n) / (n - 1));
  INFO("skewness: replicate sd " << sd1 << ", predicted " << se.skewness << "; kurtosis: replicate sd " << sd2
                                 << ", predicted " << se.excess_kurtosis);
  CHECK(sd1 / se.skewness > 0.8);
  CHECK(sd1 / se.skewness < 1.25);
  CHECK(sd2 / se.excess_kurtosis > 0.8);
  CHECK(sd2 / se.excess_kurtosis < 1.25);
}

TEST_CASE("higher moments: sample moments of simulated weights agree within their standard errors",
          "[audit][moments]") {
  // Two synapses sharing a neuron, P = 3, modest log variances so that the
  // eighth moment (which sets the kurtosis's standard error) is finite and
  // the sample statistics are close to normal. M = 100000 draws from the
  // truth module's sampler (independent of the code under test); every
  // statistic must lie within 4.5 of its delta-method standard errors
  // (16 checks: a false alarm has probability ~1e-4 under normality).
  const Problem<double> p = problem_from_json<double>(json::parse(
      R"({"generate": {"N": 3, "P": 3, "seed": 5, "cov": {"type": "exchangeable", "sigma2": "0.06", "rho": "0.4"}},
          "synapses": [[0, 1], [1, 2]], "pattern": 0})"));
  const std::size_t m = 100000;
  const truth::ModelSamples s = truth::sample_model(p, m, 2024, 2);
  const auto terms = synaptic_terms(p.patterns, p.ensemble);
  const Problem<float50> p50 = problem_from_json<float50>(json::parse(
      R"({"generate": {"N": 3, "P": 3, "seed": 5, "cov": {"type": "exchangeable", "sigma2": "0.06", "rho": "0.4"}},
          "synapses": [[0, 1], [1, 2]], "pattern": 0})"));
  const auto terms50 = synaptic_terms(p50.patterns, p50.ensemble);
  for (int which = 0; which < 2; ++which) {
    const std::optional<std::size_t> excluded = which == 0 ? std::nullopt : std::optional<std::size_t>(0);
    const Eigen::MatrixXd& log_x = which == 0 ? s.log_w : s.log_r;
    const auto exact = exact_marginal_moments(terms, excluded);
    for (std::size_t a = 0; a < 2; ++a) {
      const auto col = log_x.col(static_cast<Eigen::Index>(a));
      const double mean_exact = exact[a].mean();
      double mean = 0;
      for (Eigen::Index i = 0; i < col.size(); ++i) mean += std::exp(col(i)) / mean_exact;
      mean /= static_cast<double>(m);
      double m2 = 0, m3 = 0, m4 = 0;
      for (Eigen::Index i = 0; i < col.size(); ++i) {
        const double d = std::exp(col(i)) / mean_exact - mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
      }
      m2 /= static_cast<double>(m);
      m3 /= static_cast<double>(m);
      m4 /= static_cast<double>(m);
      const auto se = sample_moment_standard_errors(scaled_central_moments(terms50, excluded, a), m);
      const double rel_var = std::exp(exact[a].log_relative_variance);
      INFO((which == 0 ? "W_E" : "R_k") << " synapse " << a << ": mean ratio " << mean << " (se " << se.mean
                                        << "), variance ratio " << m2 / rel_var << " (se " << se.relative_variance
                                        << "), skewness " << m3 / std::pow(m2, 1.5) << " vs " << exact[a].skewness
                                        << " (se " << se.skewness << "), kurtosis " << m4 / (m2 * m2) - 3 << " vs "
                                        << exact[a].excess_kurtosis << " (se " << se.excess_kurtosis << ")");
      CHECK(std::abs(mean - 1) < 4.5 * se.mean);
      CHECK(std::abs(m2 / rel_var - 1) < 4.5 * se.relative_variance);
      CHECK(std::abs(m3 / std::pow(m2, 1.5) - exact[a].skewness) < 4.5 * se.skewness);
      CHECK(std::abs(m4 / (m2 * m2) - 3 - exact[a].excess_kurtosis) < 4.5 * se.excess_kurtosis);
      // The surrogate's skewness differs from the exact one here by more than
      // the sampling error: the test can tell them apart (not a tolerance).
      WARN((which == 0 ? "W_E" : "R_k") << " synapse " << a << ": exact skewness " << exact[a].skewness
                                        << ", FW skewness " << exact[a].fw_skewness << ", sample SE " << se.skewness);
    }
  }
}
