// The closed form I_FW as a value, at the speed of its arithmetic (issue 17),
// and a batch of many problems over threads.
//
// fenton_wilkinson_mutual_information (mutual_information.hpp) returns the
// whole audit (both surrogates, spectra, exact condition numbers); this path
// returns the value, its status and its rounding-error estimate only:
//  - a spec's patterns are validated and grouped by identical covariance once
//    (PreparedPatterns); a covariance shared by all patterns needs
//    n(n+1)/2 expm1, not P times that;
//  - the moments of W_E and R^(k) come from one pass: with w'_a^mu the weights
//    of R^(k) (mu != k), R'_ab = sum_g E^g_ab sum_{mu in g} w'_a w'_b and
//    R_ab = r_a r_b R'_ab + w_a^k w_b^k E^k_ab, r_a = mean'_a / mean_a, a sum
//    of the same terms as the direct one (no new cancellation);
//  - positive definiteness and ln det from one Cholesky each, the condition
//    number from its 1-norm estimate (LLT::rcond) instead of an eigen-solve;
//  - the buffers live in ClosedFormEvaluator and are reused.
// The value agrees with the audited path to rounding (tests/core).
#pragma once

#include "syninfo/mutual_information.hpp"
#include "syninfo/parallel.hpp"

#include <Eigen/Cholesky>

#include <string>
#include <vector>

namespace syninfo {

template <class T>
struct ClosedFormResult {
  MiStatus status = MiStatus::ok;
  T mi_nats = quiet_nan<T>();
  // As MiResult::error_estimate, with 1-norm condition estimates of K and K'.
  T error_estimate = quiet_nan<T>();
  T condition_estimate = quiet_nan<T>();  // the larger of K's and K''s
  std::string detail;                     // why the status is not ok
  std::string input_error;                // batch only: why the problem was rejected (then ok() is false)
  bool ok() const { return status == MiStatus::ok && input_error.empty(); }
};

// Patterns validated once, with the distinct covariances found.
template <class T>
class PreparedPatterns {
 public:
  explicit PreparedPatterns(const Patterns<T>& patterns) : source_(&patterns) {
    validate_patterns(patterns);
    group_.resize(patterns.count());
    for (std::size_t mu = 0; mu < patterns.count(); ++mu) {
      const Matrix<T>& c = patterns.list[mu].cov;
      std::size_t g = distinct_.size();
      // The previous pattern's group first: shared covariances cost one compare.
      if (mu > 0 && c == patterns.list[distinct_[group_[mu - 1]]].cov) g = group_[mu - 1];
      else
        for (std::size_t d = 0; d < distinct_.size(); ++d)
          if (c == patterns.list[distinct_[d]].cov) {
            g = d;
            break;
          }
      if (g == distinct_.size()) distinct_.push_back(mu);
      group_[mu] = g;
    }
    members_.assign(distinct_.size(), 0);
    for (std::size_t g : group_) ++members_[g];
  }
  // The patterns must outlive this object.
  const Patterns<T>& patterns() const { return *source_; }
  std::size_t groups() const { return distinct_.size(); }
  std::size_t group(std::size_t mu) const { return group_[mu]; }
  std::size_t members(std::size_t g) const { return members_[g]; }
  const Matrix<T>& covariance(std::size_t g) const { return source_->list[distinct_[g]].cov; }

 private:
  const Patterns<T>* source_;
  std::vector<std::size_t> distinct_;  // first pattern of each group
  std::vector<std::size_t> group_;     // group of each pattern
  std::vector<std::size_t> members_;   // patterns in each group
};

// Evaluates I_FW for validated (patterns, ensemble, k); holds the buffers.
template <class T>
class ClosedFormEvaluator {
 public:
  // The ensemble must be valid for the patterns (validate_ensemble) and k < P.
  ClosedFormResult<T> operator()(const PreparedPatterns<T>& prepared, const Ensemble& ensemble, std::size_t k) {
    ClosedFormResult<T> out;
    const auto& pats = prepared.patterns();
    const std::size_t patterns = pats.count();
    if (patterns == 1) {
      out.status = MiStatus::single_pattern;
      out.detail = "P = 1: the weights are a deterministic function of the pattern, so the information is infinite";
      return out;
    }
    const auto n = static_cast<Eigen::Index>(ensemble.size());
    k_all_.resize(n, n);
    k_rest_.resize(n, n);
    gather(prepared, ensemble);
    moments(prepared, k);
    if (!finite_lower(rel_) || !finite_lower(rel_rest_)) {
      out.status = MiStatus::non_finite;
      out.detail = "a relative covariance overflows (log-domain variance too large)";
      return out;
    }
    // K' from a single remaining pattern is that pattern's own e_a' S e_b.
    const std::size_t single_rest = patterns == 2 ? 1 - k : patterns;
    for (Eigen::Index b = 0; b < n; ++b)
      for (Eigen::Index a = b; a < n; ++a) {
        k_all_(a, b) = log1p_rel(a, b, prepared, k, true);
        k_rest_(a, b) = single_rest < patterns ? v_[prepared.group(single_rest)](a, b)
                                               : log1p_rel(a, b, prepared, k, false);
      }
    T lambda_diff = 0, lambda_abs = 0;
    for (Eigen::Index a = 0; a < n; ++a) {
      using std::abs;
      const T l = log_mean_(a) - k_all_(a, a) / 2, lr = log_mean_rest_(a) - k_rest_(a, a) / 2;
      lambda_diff += l - lr;
      lambda_abs += abs(l) + abs(lr);
    }
    T log_det = 0, log_det_rest = 0, cond = 0, cond_rest = 0;
    const bool pd = log_determinant(k_all_, log_det, cond);
    const bool pd_rest = log_determinant(k_rest_, log_det_rest, cond_rest);
    if (!pd || !pd_rest) {
      out.status = MiStatus::not_positive_definite;
      out.detail = !pd ? (pd_rest ? "K is not positive definite" : "K and K' are not positive definite")
                       : "K' is not positive definite";
      return out;
    }
    using std::abs;
    out.mi_nats = lambda_diff + (log_det - log_det_rest) / 2;
    out.condition_estimate = (std::max)(cond, cond_rest);
    const T scale = lambda_abs + (abs(log_det) + abs(log_det_rest)) / 2;
    out.error_estimate = std::numeric_limits<T>::epsilon() *
                         (8 * scale + 8 * T(static_cast<int>(n)) * (cond + cond_rest));
    if (!is_finite(out.mi_nats)) {
      out.status = MiStatus::non_finite;
      out.detail = "the closed form evaluated to a non-finite number";
    }
    return out;
  }

 private:
  // v_[g](a, b) = e_a' S^g e_b (lower triangle) and E^g = expm1 of it, for each
  // distinct covariance g; log_a_(a, mu) = e_a . m^mu + v^mu_aa / 2.
  void gather(const PreparedPatterns<T>& prepared, const Ensemble& e) {
    const auto n = static_cast<Eigen::Index>(e.size());
    const auto& pats = prepared.patterns();
    const auto patterns = static_cast<Eigen::Index>(pats.count());
    v_.resize(prepared.groups());
    em1_.resize(prepared.groups());
    for (std::size_t g = 0; g < prepared.groups(); ++g) {
      const Matrix<T>& s = prepared.covariance(g);
      v_[g].resize(n, n);
      em1_[g].resize(n, n);
      for (Eigen::Index b = 0; b < n; ++b) {
        const auto ib = static_cast<Eigen::Index>(e[b].i), jb = static_cast<Eigen::Index>(e[b].j);
        for (Eigen::Index a = b; a < n; ++a) {
          const auto ia = static_cast<Eigen::Index>(e[a].i), ja = static_cast<Eigen::Index>(e[a].j);
          const T v = (s(ia, ib) + s(ia, jb)) + (s(ja, ib) + s(ja, jb));
          v_[g](a, b) = v;
          em1_[g](a, b) = expm1_(v);
        }
      }
    }
    log_a_.resize(n, patterns);
    for (Eigen::Index mu = 0; mu < patterns; ++mu) {
      const Vector<T>& m = pats.list[static_cast<std::size_t>(mu)].mean;
      const Matrix<T>& v = v_[prepared.group(static_cast<std::size_t>(mu))];
      for (Eigen::Index a = 0; a < n; ++a)
        log_a_(a, mu) = m(static_cast<Eigen::Index>(e[a].i)) + m(static_cast<Eigen::Index>(e[a].j)) + v(a, a) / 2;
    }
  }

  // Weights, log-means and the relative covariances R (all patterns) and R'
  // (all but k), lower triangles.
  void moments(const PreparedPatterns<T>& prepared, std::size_t k) {
    using std::exp;
    using std::log;
    const Eigen::Index n = log_a_.rows(), patterns = log_a_.cols(), kk = static_cast<Eigen::Index>(k);
    w_rest_.resize(n, patterns);
    log_mean_.resize(n);
    log_mean_rest_.resize(n);
    ratio_.resize(n);
    w_k_.resize(n);
    for (Eigen::Index a = 0; a < n; ++a) {
      T top = kk == 0 ? log_a_(a, 1) : log_a_(a, 0);
      for (Eigen::Index mu = 0; mu < patterns; ++mu)
        if (mu != kk && log_a_(a, mu) > top) top = log_a_(a, mu);
      T sum = 0;
      for (Eigen::Index mu = 0; mu < patterns; ++mu) {
        const T w = mu == kk ? T(0) : T(exp(T(log_a_(a, mu) - top)));
        w_rest_(a, mu) = w;
        sum += w;
      }
      for (Eigen::Index mu = 0; mu < patterns; ++mu) w_rest_(a, mu) /= sum;
      log_mean_rest_(a) = top + log(sum);
      // mean_a = mean'_a + A_a^k: softplus in x = ln A^k - ln mean'.
      const T x = log_a_(a, kk) - log_mean_rest_(a);
      const T ex = exp(T(x > 0 ? T(-x) : x));
      const T one_plus = 1 + ex;
      if (x > 0) {
        w_k_(a) = 1 / one_plus;
        ratio_(a) = ex / one_plus;
        log_mean_(a) = log_a_(a, kk) + log1p_(ex);
      } else {
        w_k_(a) = ex / one_plus;
        ratio_(a) = 1 / one_plus;
        log_mean_(a) = log_mean_rest_(a) + log1p_(ex);
      }
    }
    rel_rest_.setZero(n, n);
    if (prepared.groups() == 1) {
      // Shared covariance: R' = E o (W' W'^T), one rank-P update.
      rel_rest_.template selfadjointView<Eigen::Lower>().rankUpdate(w_rest_);
      for (Eigen::Index b = 0; b < n; ++b)
        for (Eigen::Index a = b; a < n; ++a) rel_rest_(a, b) *= em1_[0](a, b);
    } else {
      for (Eigen::Index mu = 0; mu < patterns; ++mu) {
        if (mu == kk) continue;
        const Matrix<T>& em1 = em1_[prepared.group(static_cast<std::size_t>(mu))];
        for (Eigen::Index b = 0; b < n; ++b) {
          const T wb = w_rest_(b, mu);
          for (Eigen::Index a = b; a < n; ++a) rel_rest_(a, b) += w_rest_(a, mu) * wb * em1(a, b);
        }
      }
    }
    const Matrix<T>& em1_k = em1_[prepared.group(k)];
    rel_.resize(n, n);
    for (Eigen::Index b = 0; b < n; ++b)
      for (Eigen::Index a = b; a < n; ++a)
        rel_(a, b) = ratio_(a) * ratio_(b) * rel_rest_(a, b) + w_k_(a) * w_k_(b) * em1_k(a, b);
  }

  // ln(1 + R_ab) (with_k) or ln(1 + R'_ab); near R = -1 from the positive sum
  // sum_mu w_a^mu (sum_{nu != mu} w_b^nu + w_b^mu e^{v_ab^mu}) (moments.hpp).
  T log1p_rel(Eigen::Index a, Eigen::Index b, const PreparedPatterns<T>& prepared, std::size_t k, bool with_k) {
    const T r = with_k ? rel_(a, b) : rel_rest_(a, b);
    if (r > -boost::math::constants::half<T>()) return log1p_(r);
    using std::exp;
    using std::log;
    const Eigen::Index patterns = log_a_.cols(), kk = static_cast<Eigen::Index>(k);
    auto weight = [&](Eigen::Index c, Eigen::Index mu) -> T {
      if (!with_k) return w_rest_(c, mu);
      return mu == kk ? w_k_(c) : T(ratio_(c) * w_rest_(c, mu));
    };
    prefix_.assign(static_cast<std::size_t>(patterns) + 1, T(0));
    suffix_.assign(static_cast<std::size_t>(patterns) + 1, T(0));
    for (Eigen::Index mu = 0; mu < patterns; ++mu) prefix_[mu + 1] = prefix_[mu] + weight(b, mu);
    for (Eigen::Index mu = patterns; mu-- > 0;) suffix_[mu] = suffix_[mu + 1] + weight(b, mu);
    T sum = 0;
    for (Eigen::Index mu = 0; mu < patterns; ++mu) {
      if (!with_k && mu == kk) continue;
      const T others = prefix_[mu] + suffix_[mu + 1];
      sum += weight(a, mu) * (others + weight(b, mu) * exp(v_[prepared.group(static_cast<std::size_t>(mu))](a, b)));
    }
    return log(sum);
  }

  static bool finite_lower(const Matrix<T>& m) {
    for (Eigen::Index b = 0; b < m.cols(); ++b)
      for (Eigen::Index a = b; a < m.rows(); ++a)
        if (!is_finite(m(a, b))) return false;
    return true;
  }

  // Positive definite as analyse_symmetric decides it (Cholesky succeeds and
  // 1 / condition > 16 n eps), with the 1-norm condition estimate of LLT.
  bool log_determinant(const Matrix<T>& m, T& log_det, T& cond) {
    using std::log;
    llt_.compute(m);
    if (llt_.info() != Eigen::Success) return false;
    const T rcond = llt_.rcond();
    const Eigen::Index n = m.rows();
    if (!(rcond > 16 * T(static_cast<int>(n)) * std::numeric_limits<T>::epsilon())) return false;
    cond = 1 / rcond;
    T sum = 0;
    const auto& l = llt_.matrixLLT();
    for (Eigen::Index i = 0; i < n; ++i) sum += log(T(l(i, i)));
    log_det = 2 * sum;
    return true;
  }

  std::vector<Matrix<T>> v_, em1_;
  Matrix<T> log_a_, w_rest_, rel_, rel_rest_, k_all_, k_rest_;
  Vector<T> log_mean_, log_mean_rest_, ratio_, w_k_;
  std::vector<T> prefix_, suffix_;
  Eigen::LLT<Matrix<T>, Eigen::Lower> llt_;
};

// One problem: validates it (throws InvalidInput), then evaluates.
template <class T>
ClosedFormResult<T> closed_form_value(const PreparedPatterns<T>& prepared, const Ensemble& ensemble, std::size_t k,
                                      ClosedFormEvaluator<T>& evaluator) {
  validate_ensemble(ensemble, prepared.patterns().neurons());
  if (k >= prepared.patterns().count())
    throw InvalidInput(InputErrorKind::index_out_of_range, "pattern",
                       "pattern index " + std::to_string(k) + " is out of range (P = " +
                           std::to_string(prepared.patterns().count()) + ", indices are 0-based)");
  return evaluator(prepared, ensemble, k);
}

template <class T>
ClosedFormResult<T> closed_form_value(const Problem<T>& problem, ClosedFormEvaluator<T>& evaluator) {
  const PreparedPatterns<T> prepared(problem.patterns);
  return closed_form_value(prepared, problem.ensemble, problem.pattern, evaluator);
}

template <class T>
ClosedFormResult<T> closed_form_value(const Problem<T>& problem) {
  ClosedFormEvaluator<T> evaluator;
  return closed_form_value(problem, evaluator);
}

// Many problems on `threads` threads (0: all cores). Each result depends only
// on its problem, so the output is the same for every thread count. An invalid
// problem does not stop the batch: its result carries input_error.
template <class T>
std::vector<ClosedFormResult<T>> closed_form_batch(const std::vector<Problem<T>>& problems, unsigned threads = 0) {
  std::vector<ClosedFormResult<T>> out(problems.size());
  parallel_for(problems.size(), threads, [&](std::size_t begin, std::size_t end) {
    ClosedFormEvaluator<T> evaluator;
    for (std::size_t i = begin; i < end; ++i) {
      try {
        out[i] = closed_form_value(problems[i], evaluator);
      } catch (const InvalidInput& e) {
        out[i] = ClosedFormResult<T>{};
        out[i].input_error = e.what();
      }
    }
  });
  return out;
}

}  // namespace syninfo
