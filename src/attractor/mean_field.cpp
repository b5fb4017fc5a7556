#include "syninfo/attractor/mean_field.hpp"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_roots.h>

#include <cmath>
#include <functional>
#include <memory>
#include <stdexcept>

namespace syninfo::attractor {

namespace {

// Root of F on [lo, hi] (F(lo), F(hi) of opposite signs or zero) by Brent's
// method to absolute tolerance tol.
double brent_root(const std::function<double(double)>& F, double lo, double hi, double tol) {
  const double f_lo = F(lo), f_hi = F(hi);
  if (f_lo == 0) return lo;
  if (f_hi == 0) return hi;
  if ((f_lo > 0) == (f_hi > 0)) throw std::logic_error("brent_root: no sign change");
  gsl_function g;
  g.function = [](double x, void* c) { return (*static_cast<const std::function<double(double)>*>(c))(x); };
  g.params = const_cast<std::function<double(double)>*>(&F);
  std::unique_ptr<gsl_root_fsolver, void (*)(gsl_root_fsolver*)> s(gsl_root_fsolver_alloc(gsl_root_fsolver_brent),
                                                                    gsl_root_fsolver_free);
  gsl_root_fsolver_set(s.get(), &g, lo, hi);
  for (int it = 0; it < 200; ++it) {
    gsl_root_fsolver_iterate(s.get());
    const double a = gsl_root_fsolver_x_lower(s.get()), b = gsl_root_fsolver_x_upper(s.get());
    if (gsl_root_test_interval(a, b, tol, 0) == GSL_SUCCESS) break;
  }
  return gsl_root_fsolver_root(s.get());
}

}  // namespace

MeanField::MeanField(const AttractorParameters& parameters, std::size_t z_nodes, double xi_step)
    : parameters_(parameters), rule_(make_learning_rule(parameters)) {
  if (z_nodes < 8) throw std::invalid_argument("mean field: at least 8 Gauss-Hermite nodes");
  if (!(xi_step > 0 && xi_step <= 0.25)) throw std::invalid_argument("mean field: xi step must be in (0, 0.25]");
  // z: Gauss-Hermite for the weight exp(-z^2 / 2), normalised to a probability.
  std::unique_ptr<gsl_integration_fixed_workspace, void (*)(gsl_integration_fixed_workspace*)> w(
      gsl_integration_fixed_alloc(gsl_integration_fixed_hermite, z_nodes, 0.0, 0.5, 0.0, 0.0),
      gsl_integration_fixed_free);
  const double* x = gsl_integration_fixed_nodes(w.get());
  const double* wt = gsl_integration_fixed_weights(w.get());
  double total = 0;
  for (std::size_t i = 0; i < z_nodes; ++i) total += wt[i];
  for (std::size_t i = 0; i < z_nodes; ++i) {
    z_.push_back(x[i]);
    wz_.push_back(wt[i] / total);
  }
  // xi: the trapezoid rule on [-8.5, 8.5]. g(phi(xi)) turns from its low to
  // its high value within about 0.25 in xi, too sharp for Gauss-Hermite; the
  // trapezoid rule on an analytic, decaying integrand converges like
  // exp(-2 pi d / step), d ~ 0.36 the distance to its nearest complex
  // singularity (about 1e-20 at step 0.05). The tail beyond 8.5 is below 1e-16.
  const int half = static_cast<int>(std::ceil(8.5 / xi_step));
  double wsum = 0;
  for (int k = -half; k <= half; ++k) {
    const double xi = k * xi_step;
    const double weight = std::exp(-0.5 * xi * xi);
    const double r = parameters_.phi(xi);
    wxi_.push_back(weight);
    f_xi_.push_back(rule_.f(r));
    g_xi_.push_back(rule_.g(r));
    wsum += weight;
  }
  for (double& v : wxi_) v /= wsum;  // normalising also cancels the step and 1/sqrt(2 pi)
  q_max_ = std::sqrt(rule_.mean_g2) * parameters_.phi.r_max;
}

MeanField::Moments MeanField::moments(double q, double sd) const {
  Moments m{0, 0, 0};
  for (std::size_t i = 0; i < wxi_.size(); ++i) {
    const double a = rule_.A * f_xi_[i] * q;
    double r1 = 0, r2 = 0;
    for (std::size_t j = 0; j < z_.size(); ++j) {
      const double r = parameters_.phi(a + sd * z_[j]);
      r1 += wz_[j] * r;
      r2 += wz_[j] * r * r;
    }
    m.r1 += wxi_[i] * r1;
    m.r2 += wxi_[i] * r2;
    m.gr += wxi_[i] * g_xi_[i] * r1;
  }
  return m;
}

double MeanField::noise_variance(double q, double alpha) const {
  if (!(alpha >= 0)) throw std::invalid_argument("load alpha must be non-negative");
  const double s = alpha * rule_.A * rule_.A * rule_.mean_f2 * rule_.mean_g2;
  if (s == 0) return 0;
  // D(Delta) = s E[r^2](Delta) - Delta is >= 0 at 0 and < 0 above s r_max^2.
  const double hi = s * parameters_.phi.r_max * parameters_.phi.r_max * 1.0000001 + 1e-300;
  return brent_root([&](double d) { return s * moments(q, std::sqrt(d)).r2 - d; }, 0.0, hi, 1e-13 * (1 + hi));
}

double MeanField::overlap_map(double q, double alpha) const {
  return moments(q, std::sqrt(noise_variance(q, alpha))).gr;
}

RetrievalState MeanField::retrieval_state(double alpha) const {
  RetrievalState st;
  st.alpha = alpha;
  // Scan down from the bound for the largest q with map(q) - q > 0; the root
  // lies between it and the grid point above.
  constexpr int grid = 40;
  const double q_min = 1e-3 * q_max_;
  double upper = q_max_;
  double found = -1;
  for (int k = grid - 1; k >= 1; --k) {
    const double q = q_max_ * k / grid;
    if (q < q_min) break;
    if (overlap_map(q, alpha) - q > 0) {
      found = q;
      break;
    }
    upper = q;
  }
  if (found < 0) return st;
  st.retrieval = true;
  st.q = brent_root([&](double q) { return overlap_map(q, alpha) - q; }, found, upper, 1e-12 * q_max_);
  st.delta = noise_variance(st.q, alpha);
  const Moments m = moments(st.q, std::sqrt(st.delta));
  st.mean_rate = m.r1;
  st.mean_rate2 = m.r2;
  st.residual = std::abs(m.gr - st.q);
  const double var = std::max(0.0, m.r2 - m.r1 * m.r1);
  st.m = var > 0 ? st.q / std::sqrt(rule_.mean_g2 * var) : 0;
  return st;
}

double MeanField::capacity(double tol) const {
  if (!retrieval_state(0.0).retrieval) return 0.0;
  double lo = 0.0, hi = 0.5;
  while (retrieval_state(hi).retrieval) {
    lo = hi;
    hi *= 2;
    if (hi > 1e6) throw std::runtime_error("mean field: retrieval at every load up to 1e6");
  }
  while (hi - lo > tol * hi) {
    const double mid = (lo + hi) / 2;
    (retrieval_state(mid).retrieval ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace syninfo::attractor
