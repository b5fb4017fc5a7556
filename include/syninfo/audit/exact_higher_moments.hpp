// Exact higher moments of each synaptic weight W_a = sum_mu T_a^mu and of
// each R^(k)_a (theory.md section 2 carried to orders 3 and 4), beside the
// skewness and excess kurtosis that the Fenton-Wilkinson surrogate implies.
//
// Derivation (proofs/exact_higher_moments.md): T = e^G with G ~ Normal(g, v)
// has raw moments E[T^r] = exp(r g + r^2 v / 2), so with A = E[T] and
// d = e^v - 1 the scaled cumulants are
//   kappa_2(T) / A^2 = d
//   kappa_3(T) / A^3 = d^2 (d + 3)
//   kappa_4(T) / A^4 = d^3 (d^3 + 6 d^2 + 15 d + 16)
// (sums of positive terms: no cancellation for small v). Cumulants add over
// independent patterns, so with w_mu = A_mu / E[W] in (0, 1]
//   kappa_r(W) / E[W]^r = sum_mu w_mu^r kappa_r(T_mu) / A_mu^r =: R_r,
//   skewness = R_3 / R_2^{3/2},   excess kurtosis = R_4 / R_2^2,
// both free of the scale E[W]. Everything is accumulated as logarithms
// (log-sum-exp), so means of e^{+-700} and log variances of hundreds stay
// finite in double; the plain values are exp() of the logs and may be +inf
// in double where the logs are not.
//
// The surrogate LN(lambda_a, s2) with s2 = K_aa = ln(1 + R_2) has
//   skewness (e^{s2} + 2) sqrt(e^{s2} - 1),
//   excess kurtosis e^{4 s2} + 2 e^{3 s2} + 3 e^{2 s2} - 6
//                 = (e^{s2} - 1)(e^{3 s2} + 3 e^{2 s2} + 6 e^{s2} + 6).
// For one pattern (or one random term) the two coincide.
#pragma once

#include "syninfo/moments.hpp"
#include "syninfo/scalar_math.hpp"

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

namespace syninfo::audit {

namespace detail {

template <class T>
T minus_infinity() { return -std::numeric_limits<T>::infinity(); }

// ln(e^x - 1) for x > 0 without overflow (x up to the scalar's range) and
// without cancellation for small x.
template <class T>
T log_expm1(const T& x) {
  using std::exp;
  using std::log;
  if (x < T(1)) return log(expm1_(x));
  return x + log1p_(T(-exp(T(-x))));
}

// ln(1 + e^x) (softplus) without overflow.
template <class T>
T log1p_exp(const T& x) {
  using std::exp;
  if (x > T(0)) return x + log1p_(T(exp(T(-x))));
  return log1p_(T(exp(x)));
}

// ln of a sum of exp(values), skipping -inf entries; -inf if none remain.
template <class T>
T log_sum_exp_finite(const std::vector<T>& values) {
  std::vector<T> kept;
  for (const T& x : values)
    if (x > minus_infinity<T>()) kept.push_back(x);
  if (kept.empty()) return minus_infinity<T>();
  return log_sum_exp<T>(kept);
}

}  // namespace detail

// Logarithms of kappa_r(T) / E[T]^r for one log-normal term with log
// variance v (r = 2, 3, 4). -inf for v <= 0 (a constant term).
template <class T>
struct LogScaledCumulants {
  T k2, k3, k4;
};

template <class T>
LogScaledCumulants<T> lognormal_log_scaled_cumulants(const T& v) {
  using std::exp;
  using std::log;
  if (!(v > T(0))) return {detail::minus_infinity<T>(), detail::minus_infinity<T>(), detail::minus_infinity<T>()};
  const T ln_d = detail::log_expm1(v);  // ln d, d = e^v - 1
  T ln_d_plus_3, ln_poly;               // ln(d + 3), ln(d^3 + 6 d^2 + 15 d + 16)
  if (ln_d <= T(0)) {
    const T d = exp(ln_d);
    ln_d_plus_3 = log(T(d + 3));
    ln_poly = log(T(16 + d * (15 + d * (6 + d))));
  } else {
    const T u = exp(T(-ln_d));  // 1 / d <= 1
    ln_d_plus_3 = ln_d + log1p_(T(3 * u));
    ln_poly = 3 * ln_d + log1p_(T(u * (6 + u * (15 + 16 * u))));
  }
  return {ln_d, 2 * ln_d + ln_d_plus_3, 3 * ln_d + ln_poly};
}

// ln of the surrogate's skewness and excess kurtosis for log variance s2 > 0.
template <class T>
T lognormal_log_skewness(const T& s2) {
  using std::exp;
  using std::log;
  // ln(e^{s2} + 2) + ln(e^{s2} - 1) / 2
  const T ln_q_plus_2 = s2 > T(0) ? s2 + log1p_(T(2 * exp(T(-s2)))) : log(T(exp(s2) + 2));
  return ln_q_plus_2 + detail::log_expm1(s2) / 2;
}

template <class T>
T lognormal_log_excess_kurtosis(const T& s2) {
  using std::exp;
  using std::log;
  // ln(e^{s2} - 1) + ln(q^3 + 3 q^2 + 6 q + 6), q = e^{s2}
  T ln_cubic;
  if (s2 <= T(0)) {
    const T q = exp(s2);
    ln_cubic = log(T(6 + q * (6 + q * (3 + q))));
  } else {
    const T u = exp(T(-s2));
    ln_cubic = 3 * s2 + log1p_(T(u * (3 + u * (6 + 6 * u))));
  }
  return detail::log_expm1(s2) + ln_cubic;
}

// The plain values: evaluated directly from d = e^{s2} - 1 while that cannot
// overflow (s2 < 100), else as exp of the logs above.
template <class T>
T lognormal_skewness(const T& s2) {
  using std::exp;
  using std::sqrt;
  if (s2 < T(100)) {
    const T d = expm1_(s2);
    return (d + 3) * sqrt(d);
  }
  return exp(lognormal_log_skewness(s2));
}

template <class T>
T lognormal_excess_kurtosis(const T& s2) {
  using std::exp;
  if (s2 < T(100)) {
    const T d = expm1_(s2);
    return d * (16 + d * (15 + d * (6 + d)));  // (q - 1)(q^3 + 3q^2 + 6q + 6), q = 1 + d
  }
  return exp(lognormal_log_excess_kurtosis(s2));
}

// Exact moments of one synapse's sum, and the surrogate's beside them.
template <class T>
struct MarginalMoments {
  std::size_t synapse = 0;
  bool degenerate = false;  // every term is constant: variance 0, shape undefined
  T log_mean = quiet_nan<T>();          // ln E[W_a]
  T log_variance = quiet_nan<T>();      // ln Var W_a (-inf when degenerate)
  T log_relative_variance = quiet_nan<T>();  // ln R_2 = ln(Var / mean^2)
  T log_skewness = quiet_nan<T>();      // skewness > 0 whenever not degenerate
  T log_excess_kurtosis = quiet_nan<T>();
  T skewness = quiet_nan<T>();
  T excess_kurtosis = quiet_nan<T>();
  // Fenton-Wilkinson surrogate LN(lambda_a, s2): s2 = ln(1 + R_2) = K_aa.
  T fw_log_variance = quiet_nan<T>();
  T fw_skewness = quiet_nan<T>();
  T fw_excess_kurtosis = quiet_nan<T>();
  T fw_log_skewness = quiet_nan<T>();
  T fw_log_excess_kurtosis = quiet_nan<T>();

  T mean() const {
    using std::exp;
    return exp(log_mean);
  }
  T variance() const {
    using std::exp;
    return exp(log_variance);
  }
};

// Exact moments of sum_{mu != excluded} T_a^mu for every synapse a.
// Throws std::invalid_argument when the sum has no terms.
template <class T>
std::vector<MarginalMoments<T>> exact_marginal_moments(const SynapticTerms<T>& terms,
                                                       std::optional<std::size_t> excluded = std::nullopt) {
  using std::exp;
  std::vector<std::size_t> members;
  for (std::size_t mu = 0; mu < terms.log_mean.size(); ++mu)
    if (!excluded || *excluded != mu) members.push_back(mu);
  if (members.empty()) throw std::invalid_argument("exact_marginal_moments: the sum has no terms");
  const Eigen::Index n = terms.log_mean.front().size();
  std::vector<MarginalMoments<T>> out;
  for (Eigen::Index a = 0; a < n; ++a) {
    MarginalMoments<T> m;
    m.synapse = static_cast<std::size_t>(a);
    // ln w_mu = ln A_mu - ln E[W]. The differences ln A_mu - ln A_top are
    // formed from the differences of g and v first, so their rounding error
    // scales with the spread of the terms, not with |g| (means of e^700).
    std::size_t top = 0;
    std::vector<T> log_a(members.size());
    for (std::size_t t = 0; t < members.size(); ++t) {
      const std::size_t mu = members[t];
      log_a[t] = terms.log_mean[mu](a) + terms.log_cov[mu](a, a) / 2;
      if (log_a[t] > log_a[top]) top = t;
    }
    const T g_top = terms.log_mean[members[top]](a), v_top = terms.log_cov[members[top]](a, a);
    std::vector<T> rel(members.size());
    for (std::size_t t = 0; t < members.size(); ++t) {
      const std::size_t mu = members[t];
      rel[t] = (terms.log_mean[mu](a) - g_top) + (terms.log_cov[mu](a, a) - v_top) / 2;
    }
    const T log_norm = log_sum_exp<T>(rel);  // ln(E[W] / A_top) in [0, ln P]
    m.log_mean = log_a[top] + log_norm;
    std::vector<T> c2(members.size()), c3(members.size()), c4(members.size());
    for (std::size_t t = 0; t < members.size(); ++t) {
      const T ln_w = rel[t] - log_norm;
      const auto c = lognormal_log_scaled_cumulants(T(terms.log_cov[members[t]](a, a)));
      c2[t] = 2 * ln_w + c.k2;
      c3[t] = 3 * ln_w + c.k3;
      c4[t] = 4 * ln_w + c.k4;
    }
    const T r2 = detail::log_sum_exp_finite(c2);
    if (!(r2 > detail::minus_infinity<T>())) {
      m.degenerate = true;
      m.log_variance = m.log_relative_variance = detail::minus_infinity<T>();
      m.fw_log_variance = T(0);
      out.push_back(std::move(m));
      continue;
    }
    const T r3 = detail::log_sum_exp_finite(c3), r4 = detail::log_sum_exp_finite(c4);
    m.log_relative_variance = r2;
    m.log_variance = 2 * m.log_mean + r2;
    m.log_skewness = r3 - T(3) / 2 * r2;
    m.log_excess_kurtosis = r4 - 2 * r2;
    m.skewness = exp(m.log_skewness);
    m.excess_kurtosis = exp(m.log_excess_kurtosis);
    // exp of a difference of logs carries an error of eps times the size of
    // the logs (~40 eps for v = 1e-6). Where the plain sums neither overflow
    // nor underflow, evaluate the ratios directly instead (a few eps).
    {
      using std::log;
      using std::sqrt;
      T q2 = 0, q3 = 0, q4 = 0;  // R_2, R_3, R_4
      for (std::size_t t = 0; t < members.size(); ++t) {
        const T v = terms.log_cov[members[t]](a, a);
        if (!(v > T(0))) continue;
        const T w = exp(T(rel[t] - log_norm)), d = expm1_(v);
        const T w2 = w * w, d2 = d * d;
        q2 += w2 * d;
        q3 += w2 * w * d2 * (d + 3);
        q4 += w2 * w2 * d2 * d * (16 + d * (15 + d * (6 + d)));
      }
      const T tiny = T(1e-280);
      const T fw_q4 = q2 * (16 + q2 * (15 + q2 * (6 + q2)));  // the surrogate's excess kurtosis (see below)
      if (is_finite(q4) && is_finite(q3) && is_finite(fw_q4) && q2 > tiny && q3 > tiny && q4 > tiny) {
        m.skewness = q3 / (q2 * sqrt(q2));
        m.excess_kurtosis = q4 / (q2 * q2);
        m.log_skewness = log(m.skewness);
        m.log_excess_kurtosis = log(m.excess_kurtosis);
        m.fw_log_variance = log1p_(q2);
        // The surrogate's shape in terms of e^{s2} - 1 = R_2 itself: going
        // through s2 = ln(1 + R_2) would multiply its rounding by up to 4 s2.
        m.fw_skewness = (q2 + 3) * sqrt(q2);
        m.fw_excess_kurtosis = fw_q4;
        m.fw_log_skewness = log(m.fw_skewness);
        m.fw_log_excess_kurtosis = log(m.fw_excess_kurtosis);
      } else {
        m.fw_log_variance = detail::log1p_exp(r2);
        m.fw_log_skewness = lognormal_log_skewness(m.fw_log_variance);
        m.fw_log_excess_kurtosis = lognormal_log_excess_kurtosis(m.fw_log_variance);
        m.fw_skewness = exp(m.fw_log_skewness);
        m.fw_excess_kurtosis = exp(m.fw_log_excess_kurtosis);
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

// Central moments mu_0..mu_8 of W_a / E[W_a] (so mu_1 = 0, mu_2 = R_2), from
// the raw moments of each scaled term, E[(T/E[W])^r] = w^r e^{r(r-1)v/2},
// convolved over the independent patterns (E[(X+Y)^r] = sum_j C(r,j)
// E[X^j] E[Y^{r-j}]). The conversion to central moments cancels heavily for
// small variances, so use a multiprecision T (the audit uses 50 digits).
template <class T>
std::array<T, 9> scaled_central_moments(const SynapticTerms<T>& terms, std::optional<std::size_t> excluded,
                                        std::size_t synapse) {
  using std::exp;
  const auto a = static_cast<Eigen::Index>(synapse);
  std::vector<T> log_a;
  std::vector<T> v;
  for (std::size_t mu = 0; mu < terms.log_mean.size(); ++mu) {
    if (excluded && *excluded == mu) continue;
    v.push_back(terms.log_cov[mu](a, a));
    log_a.push_back(terms.log_mean[mu](a) + v.back() / 2);
  }
  if (log_a.empty()) throw std::invalid_argument("scaled_central_moments: the sum has no terms");
  const T log_mean = log_sum_exp<T>(log_a);
  static constexpr int kBinomial[9][9] = {{1},
                                          {1, 1},
                                          {1, 2, 1},
                                          {1, 3, 3, 1},
                                          {1, 4, 6, 4, 1},
                                          {1, 5, 10, 10, 5, 1},
                                          {1, 6, 15, 20, 15, 6, 1},
                                          {1, 7, 21, 35, 35, 21, 7, 1},
                                          {1, 8, 28, 56, 70, 56, 28, 8, 1}};
  std::array<T, 9> raw{};
  raw[0] = T(1);
  for (int r = 1; r <= 8; ++r) raw[r] = T(0);
  for (std::size_t t = 0; t < log_a.size(); ++t) {
    std::array<T, 9> term{};
    const T ln_w = log_a[t] - log_mean;
    for (int r = 0; r <= 8; ++r) term[r] = exp(T(r * ln_w + T(r * (r - 1)) / 2 * v[t]));
    std::array<T, 9> next{};
    for (int r = 0; r <= 8; ++r) {
      next[r] = T(0);
      for (int j = 0; j <= r; ++j) next[r] += T(kBinomial[r][j]) * raw[j] * term[r - j];
    }
    raw = next;
  }
  // The scaled mean is 1 exactly: mu_k = sum_j C(k,j) raw_j (-1)^{k-j}.
  std::array<T, 9> central{};
  for (int k = 0; k <= 8; ++k) {
    central[k] = T(0);
    for (int j = 0; j <= k; ++j) central[k] += T(kBinomial[k][j]) * raw[j] * T((k - j) % 2 == 0 ? 1 : -1);
  }
  central[1] = T(0);
  return central;
}

// Asymptotic (delta-method) standard errors of the plug-in sample moments of
// M independent draws, from the central moments mu_0..mu_8 of the
// distribution (any scale). With sample central moments m_j about the sample
// mean, M Cov(m_j, m_k) -> mu_{j+k} - mu_j mu_k - j mu_{j-1} mu_{k+1}
// - k mu_{j+1} mu_{k-1} + j k mu_{j-1} mu_{k-1} mu_2 (mu_1 = 0), and
// g1 = m3 / m2^{3/2}, g2 = m4 / m2^2 - 3 are linearised at the true moments.
// For a normal distribution this gives the familiar sqrt(6/M), sqrt(24/M).
struct SampleMomentErrors {
  double mean = 0.0;             // SE of the sample mean / the mean's scale (same units as mu)
  double relative_variance = 0.0;  // SE of m2 / mu_2
  double skewness = 0.0;
  double excess_kurtosis = 0.0;
};

template <class T>
SampleMomentErrors sample_moment_standard_errors(const std::array<T, 9>& mu, std::size_t samples) {
  using std::sqrt;
  auto cov = [&](int j, int k) {
    auto m = [&](int i) { return i == 1 ? T(0) : mu[static_cast<std::size_t>(i)]; };
    return m(j + k) - m(j) * m(k) - T(j) * m(j - 1) * m(k + 1) - T(k) * m(j + 1) * m(k - 1) +
           T(j * k) * m(j - 1) * m(k - 1) * m(2);
  };
  const T m2 = mu[2], m3 = mu[3], m4 = mu[4];
  const T count = T(static_cast<unsigned long>(samples));
  // Gradients of g1 and g2 with respect to (m2, m3) and (m2, m4).
  const T d1_m2 = -T(3) / 2 * m3 / (m2 * m2 * sqrt(m2)), d1_m3 = 1 / (m2 * sqrt(m2));
  const T d2_m2 = -2 * m4 / (m2 * m2 * m2), d2_m4 = 1 / (m2 * m2);
  const T var_g1 = d1_m2 * d1_m2 * cov(2, 2) + 2 * d1_m2 * d1_m3 * cov(2, 3) + d1_m3 * d1_m3 * cov(3, 3);
  const T var_g2 = d2_m2 * d2_m2 * cov(2, 2) + 2 * d2_m2 * d2_m4 * cov(2, 4) + d2_m4 * d2_m4 * cov(4, 4);
  auto root = [&](const T& x) { return x > T(0) ? static_cast<double>(sqrt(T(x / count))) : 0.0; };
  SampleMomentErrors out;
  out.mean = root(m2);
  out.relative_variance = root(T(cov(2, 2) / (m2 * m2)));
  out.skewness = root(var_g1);
  out.excess_kurtosis = root(var_g2);
  return out;
}

}  // namespace syninfo::audit
