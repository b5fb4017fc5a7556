// Frozen copy of the closed form as it was before the speed work (issue 17):
// per-evaluation eigen-decomposition validation of every pattern covariance,
// P n(n+1)/2 expm1 per surrogate, no reuse across patterns. Used only by
// bench/closed_form_throughput.cpp, so old and new run in one process.
#pragma once

#include "syninfo/decimal.hpp"
#include "syninfo/mutual_information.hpp"

#include <Eigen/Eigenvalues>

namespace syninfo::baseline {

template <class T>
SynapticTerms<T> synaptic_terms(const Patterns<T>& patterns, const Ensemble& ensemble) {
  SynapticTerms<T> out;
  const auto n = static_cast<Eigen::Index>(ensemble.size());
  for (const auto& p : patterns.list) {
    Vector<T> g(n);
    Matrix<T> v(n, n);
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
  out.relative_cov = Matrix<T>::Zero(n, n);
  for (std::size_t t = 0; t < members.size(); ++t) {
    Vector<T> w(n);
    for (Eigen::Index a = 0; a < n; ++a) w(a) = exp(T(log_a[t](a) - out.log_mean(a)));
    const Matrix<T>& v = terms.log_cov[members[t]];
    for (Eigen::Index a = 0; a < n; ++a)
      for (Eigen::Index b = 0; b <= a; ++b) {
        const T contribution = w(a) * w(b) * expm1_(v(a, b));
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
  std::vector<Vector<T>> weights;
  for (std::size_t t = 0; t < members.size(); ++t) {
    Vector<T> w(n);
    for (Eigen::Index a = 0; a < n; ++a) w(a) = exp(T(log_a[t](a) - out.log_mean(a)));
    weights.push_back(std::move(w));
  }
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

template <class T>
void validate_patterns(const Patterns<T>& patterns) {
  using std::abs;
  if (patterns.count() < 1)
    throw InvalidInput(InputErrorKind::no_patterns, "patterns", "at least one pattern is required (P >= 1)");
  const auto n = static_cast<Eigen::Index>(patterns.neurons());
  if (n < 1) throw InvalidInput(InputErrorKind::dimension_mismatch, "patterns[0].mean", "mean vector is empty (N must be >= 1)");
  const T eps = std::numeric_limits<T>::epsilon();
  for (std::size_t mu = 0; mu < patterns.count(); ++mu) {
    const auto& p = patterns.list[mu];
    const std::string where = "patterns[" + std::to_string(mu) + "]";
    if (p.mean.size() != n)
      throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".mean",
                         "has " + std::to_string(p.mean.size()) + " entries but patterns[0].mean has " + std::to_string(n));
    if (p.cov.rows() != n || p.cov.cols() != n)
      throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".cov",
                         "is " + std::to_string(p.cov.rows()) + "x" + std::to_string(p.cov.cols()) + ", expected " +
                             std::to_string(n) + "x" + std::to_string(n));
    for (Eigen::Index a = 0; a < n; ++a)
      if (!is_finite(p.mean(a)))
        throw InvalidInput(InputErrorKind::non_finite, where + ".mean[" + std::to_string(a) + "]", "is not finite");
    T scale = 0;
    for (Eigen::Index a = 0; a < n; ++a)
      for (Eigen::Index b = 0; b < n; ++b) {
        if (!is_finite(p.cov(a, b)))
          throw InvalidInput(InputErrorKind::non_finite, where + ".cov[" + std::to_string(a) + "][" + std::to_string(b) + "]",
                             "is not finite");
        scale = (std::max)(scale, T(abs(p.cov(a, b))));
      }
    // Entries read from the same decimal text are identical; a few ulps of
    // slack admit matrices that were computed (e.g. B B') rather than typed.
    for (Eigen::Index a = 0; a < n; ++a)
      for (Eigen::Index b = a + 1; b < n; ++b) {
        const T diff = abs(p.cov(a, b) - p.cov(b, a));
        if (diff > 4 * eps * (std::max)(abs(p.cov(a, b)), abs(p.cov(b, a))))
          throw InvalidInput(InputErrorKind::asymmetric_covariance,
                             where + ".cov[" + std::to_string(a) + "][" + std::to_string(b) + "]",
                             "is " + to_decimal(p.cov(a, b), 6) + " but cov[" + std::to_string(b) + "][" + std::to_string(a) +
                                 "] is " + to_decimal(p.cov(b, a), 6) + " (covariance must be symmetric)");
      }
    // Positive semi-definite up to rounding: the smallest eigenvalue may be
    // negative only by what an eigen-solver's backward error allows
    // (a small multiple of N * eps * the largest entry).
    Eigen::SelfAdjointEigenSolver<Matrix<T>> eig(p.cov, Eigen::EigenvaluesOnly);
    const T min_eig = eig.eigenvalues()(0);
    const T tolerance = 16 * T(static_cast<int>(n)) * eps * scale;
    if (min_eig < -tolerance)
      throw InvalidInput(InputErrorKind::covariance_not_psd, where + ".cov",
                         "is not positive semi-definite (smallest eigenvalue " + to_decimal(min_eig, 6) + ")");
  }
}

template <class T>
MiResult<T> fenton_wilkinson_mutual_information(const Problem<T>& problem, const MiOptions& = {}) {
  baseline::validate_patterns(problem.patterns);
  validate_ensemble(problem.ensemble, problem.patterns.neurons());
  MiResult<T> out;
  out.neurons = problem.patterns.neurons();
  out.patterns = problem.patterns.count();
  out.synapses = problem.ensemble.size();
  out.pattern = problem.pattern;

  auto build = [](Surrogate<T>& s, const SynapticTerms<T>& terms, std::optional<std::size_t> excluded) {
    s.moments = baseline::exact_moments(terms, excluded);
    s.parameters = fenton_wilkinson(s.moments);
    s.analysis = analyse_symmetric(s.parameters.K);
    if (s.analysis.positive_definite) s.entropy = lognormal_entropy(s.parameters.lambda, s.analysis.log_determinant);
  };

  const SynapticTerms<T> terms = baseline::synaptic_terms(problem.patterns, problem.ensemble);
  try {
    build(out.all_patterns, terms, std::nullopt);
    if (out.patterns == 1) {
      out.status = MiStatus::single_pattern;
      out.detail = "P = 1: the weights are a deterministic function of the pattern, so the information is infinite";
      return out;
    }
    build(out.without_pattern, terms, problem.pattern);
  } catch (const std::overflow_error& e) {
    out.status = MiStatus::non_finite;
    out.detail = e.what();
    return out;
  }

  const bool k_pd = out.all_patterns.analysis.positive_definite;
  const bool kp_pd = out.without_pattern.analysis.positive_definite;
  if (!k_pd || !kp_pd) {
    out.status = MiStatus::not_positive_definite;
    auto describe = [](const char* name, const SymmetricAnalysis<T>& a) {
      return std::string(name) + " is not positive definite (smallest eigenvalue " + to_decimal(a.min_eigenvalue, 6) +
             (a.numerically_singular ? ", zero within rounding: singular" : "") + ")";
    };
    if (!k_pd) out.detail = describe("K", out.all_patterns.analysis);
    if (!kp_pd) out.detail += (out.detail.empty() ? "" : "; ") + describe("K'", out.without_pattern.analysis);
    return out;
  }
  out.mi_nats = (out.all_patterns.parameters.lambda - out.without_pattern.parameters.lambda).sum() +
                (out.all_patterns.analysis.log_determinant - out.without_pattern.analysis.log_determinant) / 2;
  {
    using std::abs;
    const auto& a = out.all_patterns;
    const auto& b = out.without_pattern;
    out.cancellation_scale = a.parameters.lambda.cwiseAbs().sum() + b.parameters.lambda.cwiseAbs().sum() +
                             (abs(a.analysis.log_determinant) + abs(b.analysis.log_determinant)) / 2;
    const T n = T(static_cast<int>(out.synapses));
    out.error_estimate = std::numeric_limits<T>::epsilon() *
                         (8 * out.cancellation_scale + 8 * n * (a.analysis.condition_number + b.analysis.condition_number));
  }
  if (out.mi_nats < 0)
    out.warnings.push_back(
        "I_FW is negative but the true information is >= 0 (theory.md 5.1): the log-normal surrogate is inaccurate "
        "for this input");
  if (!is_finite(out.mi_nats)) {
    out.status = MiStatus::non_finite;
    out.detail = "the closed form evaluated to a non-finite number";
  }
  return out;
}

}  // namespace syninfo::baseline
