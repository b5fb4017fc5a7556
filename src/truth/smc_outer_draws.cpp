// The outer draws of smc (every pattern's term drawn once, the two sums
// from the same draws) and the control-variate estimate built on them
// (sequential_monte_carlo.hpp, SmcOptions::control_samples).
#include "smc_outer_draws.hpp"

#include "syninfo/parallel.hpp"

#include <Eigen/Cholesky>
#include <Eigen/LU>

#include <algorithm>
#include <cmath>

namespace syninfo::truth::detail {

void draw_terms(const std::vector<LogTerm>& terms, const std::vector<Eigen::MatrixXd>& factors, Rng& rng,
                Eigen::MatrixXd& g, Eigen::VectorXd& z) {
  const Eigen::Index n = terms.front().mean.size();
  g.resize(n, static_cast<Eigen::Index>(terms.size()));
  z.resize(n);
  for (std::size_t mu = 0; mu < terms.size(); ++mu) {
    for (Eigen::Index a = 0; a < n; ++a) z(a) = rng.normal();
    g.col(static_cast<Eigen::Index>(mu)) = terms[mu].mean + factors[mu] * z;
  }
}

void log_sum_columns(const Eigen::MatrixXd& g, std::ptrdiff_t skip, double* out) {
  std::vector<double> col(static_cast<std::size_t>(g.cols()));
  for (Eigen::Index a = 0; a < g.rows(); ++a) {
    std::size_t c = 0;
    for (Eigen::Index mu = 0; mu < g.cols(); ++mu)
      if (mu != skip) col[c++] = g(a, mu);
    out[a] = log_sum_exp(col.data(), c);
  }
}

// One outer point: every pattern drawn once (rng), ln W_E and ln R^(k) from
// the same draws (common random numbers).
void draw_point(const std::vector<LogTerm>& terms, const std::vector<Eigen::MatrixXd>& factors, std::size_t k,
                Rng& rng, Eigen::MatrixXd& g, Eigen::VectorXd& z, Eigen::VectorXd& log_w, Eigen::VectorXd& log_r) {
  draw_terms(terms, factors, rng, g, z);
  log_sum_columns(g, -1, log_w.data());
  log_sum_columns(g, static_cast<std::ptrdiff_t>(k), log_r.data());
}

// The control-variate estimate (SmcOptions::control_samples): with D_i the
// per-sample differences and c_i = (-ln q_W(w_i), -ln q_R(r_i)) the two
// surrogates at the same draws, I = mean(D - beta . c) + beta . E[c], beta by
// least squares and E[c] from control_samples x outer extra draws of their
// own stream. Separate coefficients for W_E and R^(k): the surrogates' errors
// differ between the two sums. Its variance is Var(D - beta . c) / M +
// beta' Cov(c) beta / M_extra (independent parts).
void apply_control_variate(const std::vector<LogTerm>& terms, const std::vector<Eigen::MatrixXd>& factors,
                           std::size_t k, const SmcOptions& options, const detail::LognormalSurrogate& qw,
                           const detail::LognormalSurrogate& qr, const std::vector<Eigen::Vector2d>& cv,
                           SmcMutualInformation& out) {
  const std::vector<double>& d = out.sample_differences;
  std::vector<std::size_t> used;
  for (std::size_t i = 0; i < d.size(); ++i)
    if (std::isfinite(d[i]) && cv[i].allFinite()) used.push_back(i);
  if (used.size() < 20) return;
  const auto m = static_cast<double>(used.size());
  double md = 0.0;
  Eigen::Vector2d mc = Eigen::Vector2d::Zero();
  for (std::size_t i : used) {
    md += d[i];
    mc += cv[i];
  }
  md /= m;
  mc /= m;
  double sdd = 0.0;
  Eigen::Matrix2d scc = Eigen::Matrix2d::Zero();
  Eigen::Vector2d sdc = Eigen::Vector2d::Zero();
  for (std::size_t i : used) {
    const Eigen::Vector2d x = cv[i] - mc;
    sdd += (d[i] - md) * (d[i] - md);
    scc += x * x.transpose();
    sdc += (d[i] - md) * x;
  }
  Eigen::LDLT<Eigen::Matrix2d> solve(scc);
  if (solve.info() != Eigen::Success || !(sdd > 0.0) || !(scc.determinant() > 1e-12 * scc.trace() * scc.trace())) return;
  const Eigen::Vector2d beta = solve.solve(sdc);
  if (!beta.allFinite()) return;
  const std::size_t extra = options.control_samples * options.outer;
  std::vector<Eigen::Vector2d> ce(extra);
  const std::uint64_t stream = options.seed ^ 0x9E3779B97F4A7C15ULL;
  parallel_for(extra, options.threads, [&](std::size_t begin, std::size_t end) {
    const Eigen::Index n = terms.front().mean.size();
    Eigen::MatrixXd g;
    Eigen::VectorXd z, log_w(n), log_r(n), scratch;
    for (std::size_t j = begin; j < end; ++j) {
      Rng rng(stream, j);
      draw_point(terms, factors, k, rng, g, z, log_w, log_r);
      ce[j] = {qw.neg_log_density(log_w.data(), scratch), qr.neg_log_density(log_r.data(), scratch)};
    }
  });
  Eigen::Vector2d mean_extra = Eigen::Vector2d::Zero();
  std::size_t me = 0;
  for (const auto& c : ce)
    if (c.allFinite()) {
      mean_extra += c;
      ++me;
    }
  if (me < 20) return;
  mean_extra /= static_cast<double>(me);
  Eigen::Matrix2d cov_extra = Eigen::Matrix2d::Zero();
  for (const auto& c : ce)
    if (c.allFinite()) cov_extra += (c - mean_extra) * (c - mean_extra).transpose();
  cov_extra /= static_cast<double>(me - 1);
  const double residual = (sdd - sdc.dot(beta)) / (m - 1.0);  // least squares: sdd - beta' scc beta
  const double controlled =
      std::sqrt(std::max(residual, 0.0) / m + beta.dot(cov_extra * beta) / static_cast<double>(me));
  out.control_variate = true;
  out.control_beta = beta(0) - beta(1);  // ~1 when both surrogates track their densities
  out.control_correlation = std::sqrt(std::clamp(sdc.dot(beta) / sdd, 0.0, 1.0));  // multiple correlation R
  out.estimate.value -= beta.dot(mc - mean_extra);
  out.statistical_error = controlled;
}

}  // namespace syninfo::truth::detail
