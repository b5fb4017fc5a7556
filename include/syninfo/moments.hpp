// Exact moments of the synaptic weights (theory.md section 2).
//
// Pattern mu contributes T_a^mu = exp(e_a . y^mu) to synapse a, with
// e_a = unit(i_a) + unit(j_a). ln T^mu is Gaussian with mean e_a . m^mu and
// covariance e_a' S^mu e_b. The sum Z^M = sum_{mu in M} T^mu has
//   mean_a = sum_mu A_a^mu,   A_a^mu = exp(e_a.m^mu + e_a'S^mu e_a / 2)
//   C_ab   = sum_mu A_a^mu A_b^mu (exp(e_a' S^mu e_b) - 1).
// Means up to |m| ~ 700 overflow double, so everything is kept in the log
// domain: ln mean_a by log-sum-exp, and the *relative* covariance
// R_ab = C_ab / (mean_a mean_b) = sum_mu w_a^mu w_b^mu expm1(e_a'S^mu e_b) with
// weights w_a^mu = A_a^mu / mean_a in (0, 1].
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/scalar_math.hpp"

#include <boost/math/constants/constants.hpp>

#include <optional>
#include <stdexcept>
#include <vector>

namespace syninfo {

// ln T^mu for every pattern: its Gaussian mean (n) and covariance (n x n).
template <class T>
struct SynapticTerms {
  std::vector<Vector<T>> log_mean;  // [mu](a) = e_a . m^mu
  std::vector<Matrix<T>> log_cov;   // [mu](a, b) = e_a' S^mu e_b
};

// e_a' S e_b = S(i_a, i_b) + S(i_a, j_b) + S(j_a, i_b) + S(j_a, j_b): the
// covariance of y_{i_a} + y_{j_a} with y_{i_b} + y_{j_b} (indices may repeat).
template <class T>
SynapticTerms<T> synaptic_terms(const Patterns<T>& patterns, const Ensemble& ensemble) {
  SynapticTerms<T> out;
  const auto n = static_cast<Eigen::Index>(ensemble.size());
  const Matrix<T>* previous_cov = nullptr;
  for (const auto& p : patterns.list) {
    Vector<T> g(n);
    Matrix<T> v(n, n);
    // A covariance shared with the previous pattern gives the same v.
    if (previous_cov && p.cov == *previous_cov) {
      for (Eigen::Index a = 0; a < n; ++a)
        g(a) = p.mean(static_cast<Eigen::Index>(ensemble[a].i)) + p.mean(static_cast<Eigen::Index>(ensemble[a].j));
      out.log_mean.push_back(std::move(g));
      out.log_cov.push_back(out.log_cov.back());
      continue;
    }
    previous_cov = &p.cov;
    for (Eigen::Index a = 0; a < n; ++a) {
      const auto ia = static_cast<Eigen::Index>(ensemble[a].i), ja = static_cast<Eigen::Index>(ensemble[a].j);
      g(a) = p.mean(ia) + p.mean(ja);
      for (Eigen::Index b = 0; b <= a; ++b) {
        const auto ib = static_cast<Eigen::Index>(ensemble[b].i), jb = static_cast<Eigen::Index>(ensemble[b].j);
        v(a, b) = p.cov(ia, ib) + p.cov(ia, jb) + p.cov(ja, ib) + p.cov(ja, jb);
        v(b, a) = v(a, b);
      }
    }
    out.log_mean.push_back(std::move(g));
    out.log_cov.push_back(std::move(v));
  }
  return out;
}

// Exact first and second moments of a sum of terms, scaled (see above).
template <class T>
struct SumMoments {
  Vector<T> log_mean;      // ln mean_a
  Matrix<T> relative_cov;  // R_ab = C_ab / (mean_a mean_b)
  // ln(1 + R_ab) = ln(E[Z_a Z_b] / (mean_a mean_b)), computed without the
  // cancellation of log1p(R) near R = -1 (strongly anti-correlated synapses)
  // and exactly e_a' S e_b when the sum has a single term. This is the
  // Fenton-Wilkinson K (fenton_wilkinson.hpp).
  Matrix<T> log1p_relative_cov;

  // The unscaled moments; these overflow in double for extreme means.
  Vector<T> mean() const {
    using std::exp;
    Vector<T> m(log_mean.size());
    for (Eigen::Index a = 0; a < m.size(); ++a) m(a) = exp(log_mean(a));
    return m;
  }
  Matrix<T> covariance() const {
    const Vector<T> m = mean();
    Matrix<T> c = relative_cov;
    for (Eigen::Index a = 0; a < c.rows(); ++a)
      for (Eigen::Index b = 0; b < c.cols(); ++b) c(a, b) *= m(a) * m(b);
    return c;
  }
};

// Moments of sum_{mu != excluded} T^mu (all patterns when excluded is empty).
// Throws std::overflow_error if a relative covariance is not finite (only for
// log-domain variances of several hundred).
template <class T>
SumMoments<T> exact_moments(const SynapticTerms<T>& terms, std::optional<std::size_t> excluded = std::nullopt) {
  using std::exp;
  const std::size_t patterns = terms.log_mean.size();
  std::vector<std::size_t> members;
  for (std::size_t mu = 0; mu < patterns; ++mu)
    if (!excluded || *excluded != mu) members.push_back(mu);
  if (members.empty()) throw std::invalid_argument("exact_moments: the sum has no terms");
  const Eigen::Index n = terms.log_mean.front().size();
  // ln A_a^mu for the members.
  std::vector<Vector<T>> log_a;
  for (std::size_t mu : members) log_a.push_back(terms.log_mean[mu] + terms.log_cov[mu].diagonal() / 2);

  SumMoments<T> out;
  out.log_mean.resize(n);
  std::vector<T> column(members.size());
  for (Eigen::Index a = 0; a < n; ++a) {
    for (std::size_t t = 0; t < members.size(); ++t) column[t] = log_a[t](a);
    out.log_mean(a) = log_sum_exp<T>(column);
  }
  // The weights w_a^mu, and expm1(e_a'S^mu e_b) once per run of patterns
  // sharing a covariance (the same numbers as one call per pattern).
  std::vector<Vector<T>> weights;
  weights.reserve(members.size());
  for (std::size_t t = 0; t < members.size(); ++t) {
    Vector<T> w(n);
    for (Eigen::Index a = 0; a < n; ++a) w(a) = exp(T(log_a[t](a) - out.log_mean(a)));
    weights.push_back(std::move(w));
  }
  out.relative_cov = Matrix<T>::Zero(n, n);
  Matrix<T> em1(n, n);
  const Matrix<T>* em1_of = nullptr;
  for (std::size_t t = 0; t < members.size(); ++t) {
    const Vector<T>& w = weights[t];
    const Matrix<T>& v = terms.log_cov[members[t]];
    if (!em1_of || !(v == *em1_of)) {
      for (Eigen::Index a = 0; a < n; ++a)
        for (Eigen::Index b = 0; b <= a; ++b) em1(a, b) = expm1_(v(a, b));
      em1_of = &v;
    }
    for (Eigen::Index a = 0; a < n; ++a)
      for (Eigen::Index b = 0; b <= a; ++b) {
        const T contribution = w(a) * w(b) * em1(a, b);
        out.relative_cov(a, b) += contribution;
      }
  }
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b < a; ++b) out.relative_cov(b, a) = out.relative_cov(a, b);
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b < n; ++b)
      if (!is_finite(out.relative_cov(a, b)))
        throw std::overflow_error("relative covariance of synapses " + std::to_string(a) + " and " + std::to_string(b) +
                                  " overflows (log-domain variance too large)");

  // ln(1 + R_ab). A single log-normal term is its own surrogate: K = e_a'Se_b.
  if (members.size() == 1) {
    out.log1p_relative_cov = terms.log_cov[members.front()];
    return out;
  }
  // Otherwise log1p(R) is accurate unless R is near -1. There, with the
  // weights summing to 1 for each synapse,
  //   1 + R_ab = sum_mu w_a^mu (sum_{nu != mu} w_b^nu + w_b^mu e^{v_ab^mu}),
  // a sum of positive terms with no cancellation.
  out.log1p_relative_cov.resize(n, n);
  const T threshold = -boost::math::constants::half<T>();  // log1p(R) is well conditioned above
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b <= a; ++b) {
      T k;
      if (out.relative_cov(a, b) > threshold) {
        k = log1p_(out.relative_cov(a, b));
      } else {
        using std::log;
        // sum_{nu != mu} w_b^nu by prefix and suffix sums (all positive).
        std::vector<T> prefix(members.size() + 1, T(0)), suffix(members.size() + 1, T(0));
        for (std::size_t t = 0; t < members.size(); ++t) prefix[t + 1] = prefix[t] + weights[t](b);
        for (std::size_t t = members.size(); t-- > 0;) suffix[t] = suffix[t + 1] + weights[t](b);
        T sum = 0;
        for (std::size_t t = 0; t < members.size(); ++t) {
          const T others = prefix[t] + suffix[t + 1];
          sum += weights[t](a) * (others + weights[t](b) * exp(terms.log_cov[members[t]](a, b)));
        }
        k = log(sum);
      }
      out.log1p_relative_cov(a, b) = k;
      out.log1p_relative_cov(b, a) = k;
    }
  return out;
}

}  // namespace syninfo
