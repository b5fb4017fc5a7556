// The Fenton-Wilkinson log-normal surrogate of a sum of log-normal terms
// (theory.md section 3: K_ab = ln(1 + C_ab / (m_a m_b)), lambda_a = ln m_a -
// K_aa / 2, from the exact moments m, C of the sum) as a density on R^n_+:
// -ln q(w) at w = exp(l). smc uses it as a control variate: per sample it is
// cheap (one triangular solve) and tracks -ln p closely wherever the closed
// form is good. Private to src/truth.
#pragma once

#include "syninfo/truth/model_sampling.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <optional>
#include <vector>

namespace syninfo::truth::detail {

class LognormalSurrogate {
 public:
  // The sum of all terms, or of all but `exclude`. valid() is false when the
  // moments overflow or K is not positive definite (the surrogate then has
  // no density and no control variate is formed).
  LognormalSurrogate(const std::vector<LogTerm>& terms, std::optional<std::size_t> exclude) {
    const SumMoments m = sum_moments(terms, exclude);
    const Eigen::Index n = m.mean.size();
    if (n == 0 || !m.mean.allFinite() || !m.cov.allFinite() || !(m.mean.array() > 0.0).all()) return;
    Eigen::MatrixXd k(n, n);
    for (Eigen::Index a = 0; a < n; ++a)
      for (Eigen::Index b = 0; b < n; ++b) k(a, b) = std::log1p(m.cov(a, b) / (m.mean(a) * m.mean(b)));
    if (!k.allFinite()) return;
    lambda_ = m.mean.array().log() - 0.5 * k.diagonal().array();
    llt_.compute(k);
    if (llt_.info() != Eigen::Success) return;
    // ln det(2 pi K) / 2 = n ln(2 pi) / 2 + sum ln L_aa.
    log_norm_ = 0.5 * static_cast<double>(n) * std::log(2.0 * 3.14159265358979323846);
    for (Eigen::Index a = 0; a < n; ++a) {
      const double d = llt_.matrixLLT()(a, a);
      if (!(d > 0.0)) return;
      log_norm_ += std::log(d);
    }
    valid_ = std::isfinite(log_norm_) && lambda_.allFinite();
  }

  bool valid() const { return valid_; }

  // -ln q(exp(log_w)); `scratch` is resized to n.
  double neg_log_density(const double* log_w, Eigen::VectorXd& scratch) const {
    const Eigen::Index n = lambda_.size();
    scratch = Eigen::Map<const Eigen::VectorXd>(log_w, n) - lambda_;
    llt_.matrixL().solveInPlace(scratch);
    return 0.5 * scratch.squaredNorm() + log_norm_ + Eigen::Map<const Eigen::VectorXd>(log_w, n).sum();
  }

 private:
  Eigen::VectorXd lambda_;
  Eigen::LLT<Eigen::MatrixXd> llt_;
  double log_norm_ = 0.0;
  bool valid_ = false;
};

}  // namespace syninfo::truth::detail
