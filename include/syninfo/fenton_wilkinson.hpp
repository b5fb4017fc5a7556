// Fenton-Wilkinson moment-matched log-normal surrogate (theory.md section 3;
// paper Prop. 1.1 for one synapse, Prop. 2.1 for the covariance of a pair).
//
//   K_ab     = ln(1 + C_ab / (mean_a mean_b))
//   lambda_a = ln(mean_a) - K_aa / 2
// The surrogate LN(lambda, K) has exactly the mean and covariance of the sum.
// K need not be positive definite even though C is (the failure the paper
// reports from about five synapses on at high correlation).
#pragma once

#include "syninfo/moments.hpp"

namespace syninfo {

// Parameters of an n-dimensional log-normal LN(lambda, K).
template <class T>
struct LogNormalParameters {
  Vector<T> lambda;  // log-domain mean
  Matrix<T> K;       // log-domain covariance
};

template <class T>
LogNormalParameters<T> fenton_wilkinson(const SumMoments<T>& moments) {
  LogNormalParameters<T> out;
  out.K = moments.log1p_relative_cov;  // ln(1 + C_ab / (mean_a mean_b)), computed robustly
  out.lambda = moments.log_mean - out.K.diagonal() / 2;
  return out;
}

// Prop. 1.1 written out for one synapse, as the paper states it: with
// mean = sum_mu A^mu and var = sum_mu (A^mu)^2 (e^{v^mu} - 1),
//   sigma^2 = ln(1 + var / mean^2),  mu = ln(mean) - sigma^2 / 2.
// Computed directly (not through the n-tuple code) so tests can compare the two.
template <class T>
struct ScalarLogNormal {
  T mu;
  T sigma2;
};

template <class T>
ScalarLogNormal<T> fenton_wilkinson_singleton(const Patterns<T>& patterns, const Synapse& s,
                                              std::optional<std::size_t> excluded = std::nullopt) {
  using std::exp;
  using std::log;
  const auto i = static_cast<Eigen::Index>(s.i), j = static_cast<Eigen::Index>(s.j);
  // Scale by the largest ln A so the sums cannot overflow.
  std::vector<T> log_a, v;
  for (std::size_t mu = 0; mu < patterns.count(); ++mu) {
    if (excluded && *excluded == mu) continue;
    const auto& p = patterns.list[mu];
    const T var = p.cov(i, i) + p.cov(j, j) + 2 * p.cov(i, j);
    v.push_back(var);
    log_a.push_back(p.mean(i) + p.mean(j) + var / 2);
  }
  T top = log_a.front();
  for (const T& x : log_a) top = (std::max)(top, x);
  T mean_scaled = 0, var_scaled = 0;
  for (std::size_t t = 0; t < log_a.size(); ++t) {
    const T a = exp(T(log_a[t] - top));
    mean_scaled += a;
    var_scaled += a * a * expm1_(v[t]);
  }
  ScalarLogNormal<T> out;
  out.sigma2 = log1p_(T(var_scaled / (mean_scaled * mean_scaled)));
  out.mu = top + log(mean_scaled) - out.sigma2 / 2;
  return out;
}

}  // namespace syninfo
