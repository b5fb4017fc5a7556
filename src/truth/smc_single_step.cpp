#include "smc_single_step.hpp"

#include <gsl/gsl_cdf.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace syninfo::truth::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kHalfLog2Pi = 0.91893853320467274178032973640562;
// Above this standardised bound Phi(b) rounds to 1 in double: no truncation.
constexpr double kNoTruncation = 8.3;
constexpr double kUniformPivot = 0.1;
// Share of the plain proposal in the bridge mixture: bounds the weight by
// 1 / kDefensive times the plain proposal's.
constexpr double kDefensive = 0.1;
// Exponents of the moment-matched terms (in units of z_a) are capped here
// so that a term far above z_a gives large but finite moments.
constexpr double kMaxExponent = 300.0;

double phi_upper(double bound) { return bound > kNoTruncation ? 1.0 : gsl_cdf_ugaussian_P(bound); }

// A standard normal truncated to (-inf, bound), whose mass below bound is
// mass (= phi_upper(bound) > 0).
double truncated_normal(double bound, double mass, Rng& rng) {
  if (bound > kNoTruncation) {
    const double eta = rng.normal();
    return eta < bound ? eta : std::nextafter(bound, -kInf);
  }
  return std::min(gsl_cdf_ugaussian_Pinv(rng.uniform_open() * mass), bound);
}

// The bridge proposal of one term in its standard coordinate: normal with
// mean delta and sd lambda, from the term's log-normal (its log is
// c + sd * eta, in units of z_a) conditioned on it and a normal rest
// (mean rest_mean, variance rest_var) adding up to the budget. false when
// the moments give nothing usable (the plain proposal is used alone).
bool bridge_proposal(double c, double sd, double budget, double rest_mean, double rest_var, double& delta,
                     double& lambda) {
  const double mean = std::exp(std::min(c + 0.5 * sd * sd, kMaxExponent));
  const double var = mean * mean * std::expm1(std::min(sd * sd, kMaxExponent));
  if (!(var > 0.0) || !std::isfinite(var) || !(rest_var > 0.0)) return false;
  const double gain = var / (var + rest_var);
  double cond_mean = mean + gain * (budget - mean - rest_mean);
  const double cond_var = gain * rest_var;
  // The rest alone would overspend the budget: propose the term's share.
  if (!(cond_mean > 0.0)) cond_mean = budget * mean / (mean + std::max(rest_mean, 0.0));
  if (!(cond_mean > 0.0) || !(cond_var > 0.0)) return false;
  const double s2 = std::log1p(cond_var / (cond_mean * cond_mean));
  const double log_mean = std::log(cond_mean) - 0.5 * s2;
  delta = std::clamp((log_mean - c) / sd, -10.0, 10.0);
  lambda = std::clamp(std::sqrt(s2) / sd, 0.05, 2.0);
  return std::isfinite(delta) && std::isfinite(lambda);
}

// ln of 1 / (proposal density) x target density of one draw eta, for the
// mixture (1 - kDefensive) N(delta, lambda) + kDefensive N(0, 1), each
// truncated to (-inf, bound) with masses bridge_mass and plain_mass.
double mixture_log_weight(double eta, double delta, double lambda, double bridge_mass, double plain_mass) {
  const double e = (eta - delta) / lambda;
  const double log_bridge = std::log1p(-kDefensive) - 0.5 * e * e - std::log(lambda) - std::log(bridge_mass);
  const double log_plain = std::log(kDefensive) - 0.5 * eta * eta - std::log(plain_mass);
  const double top = std::max(log_bridge, log_plain);
  const double log_proposal = top + std::log(std::exp(log_bridge - top) + std::exp(log_plain - top));
  return -0.5 * eta * eta - log_proposal;
}

}  // namespace

double single_step(const SumModel& m, std::size_t a, double ell, double* eps, Rng& rng, SingleStepWork& w,
                   bool bridge) {
  const auto n = static_cast<std::size_t>(m.n);
  const std::size_t p = m.terms();
  const auto ai = static_cast<Eigen::Index>(a);
  w.cm.resize(p);
  w.pick.resize(p);
  // Conditional means given the particle's past; determined terms.
  double budget = 1.0;  // remaining share of z_a
  std::size_t random_count = 0;
  double pick_total = 0.0;
  for (std::size_t mu = 0; mu < p; ++mu) {
    const Eigen::MatrixXd& l = m.chol[mu];
    double c = m.mean[mu](ai);
    for (std::size_t b = 0; b < a; ++b) c += l(ai, static_cast<Eigen::Index>(b)) * eps[mu * n + b];
    w.cm[mu] = c;
    const double sd = l(ai, ai);
    if (sd > 0.0) {
      ++random_count;
      // Density of ln T_a^mu alone at ln z_a (relative weights only).
      const double e = (ell - c) / sd;
      w.pick[mu] = std::exp(-0.5 * e * e) / sd;
      pick_total += w.pick[mu];
    } else {
      w.pick[mu] = -1.0;
      budget -= std::exp(c - ell);
    }
  }
  if (!(budget > 0.0)) return -kInf;
  // Pivot: 10% uniform over the random terms (defensive), 90% in proportion
  // to the density of T_a^u alone at z_a (the likely dominant term). Measured
  // on the exact oracles this halves the Jensen bias of the 50/50 split.
  const double r = rng.uniform();
  std::size_t pivot = p;
  double acc = 0.0;
  const double uniform_part = pick_total > 0.0 ? kUniformPivot : 1.0;
  for (std::size_t mu = 0; mu < p; ++mu) {
    if (w.pick[mu] < 0.0) continue;
    acc += uniform_part / static_cast<double>(random_count) +
           (pick_total > 0.0 ? (1.0 - uniform_part) * w.pick[mu] / pick_total : 0.0);
    pivot = mu;
    if (r < acc) break;
  }
  // The others in increasing order of their conditional means: small terms
  // first, so the truncation binds on the large ones, whose budget is then
  // known accurately.
  w.order.clear();
  for (std::size_t mu = 0; mu < p; ++mu)
    if (mu != pivot && w.pick[mu] >= 0.0) w.order.push_back(mu);
  auto expected = [&](std::size_t x) { return w.cm[x] + 0.5 * m.chol[x](ai, ai) * m.chol[x](ai, ai); };
  std::sort(w.order.begin(), w.order.end(), [&](std::size_t x, std::size_t y) { return expected(x) < expected(y); });
  // The bridge's rest: moments (in units of z_a) of the random terms not yet
  // drawn, the pivot included.
  double rest_mean = 0.0, rest_var = 0.0;
  auto moments = [&](std::size_t mu, double& mean, double& var) {
    const double sd = m.chol[mu](ai, ai);
    mean = std::exp(std::min(w.cm[mu] - ell + 0.5 * sd * sd, kMaxExponent));
    var = mean * mean * std::expm1(std::min(sd * sd, kMaxExponent));
  };
  if (bridge) {
    for (std::size_t mu = 0; mu < p; ++mu) {
      if (w.pick[mu] < 0.0) continue;
      double mean, var;
      moments(mu, mean, var);
      rest_mean += mean;
      rest_var += var;
    }
  }
  double lw = 0.0;
  for (std::size_t mu : w.order) {
    const double sd = m.chol[mu](ai, ai);
    const double lb = ell + std::log(budget);
    const double bound = (lb - w.cm[mu]) / sd;
    double eta;
    double delta = 0.0, lambda = 1.0;
    bool bridged = false;
    if (bridge) {
      double mean, var;
      moments(mu, mean, var);
      rest_mean -= mean;
      rest_var -= var;
      bridged = bridge_proposal(w.cm[mu] - ell, sd, budget, rest_mean, rest_var, delta, lambda);
    }
    if (bridged) {
      const double plain_mass = phi_upper(bound);
      if (!(plain_mass > 0.0)) return -kInf;
      const double bridge_bound = (bound - delta) / lambda;
      const double bridge_mass = phi_upper(bridge_bound);
      if (bridge_mass > 0.0) {
        eta = rng.uniform() < kDefensive ? truncated_normal(bound, plain_mass, rng)
                                         : delta + lambda * truncated_normal(bridge_bound, bridge_mass, rng);
        eta = std::min(eta, std::nextafter(bound, -kInf));
        lw += mixture_log_weight(eta, delta, lambda, bridge_mass, plain_mass);
      } else {
        eta = truncated_normal(bound, plain_mass, rng);
        lw += std::log(plain_mass);
      }
    } else if (bound > kNoTruncation) {
      eta = rng.normal();
      if (!(eta < bound)) eta = std::nextafter(bound, -kInf);
    } else {
      const double phi = gsl_cdf_ugaussian_P(bound);
      if (!(phi > 0.0)) return -kInf;
      lw += std::log(phi);
      eta = std::min(gsl_cdf_ugaussian_Pinv(rng.uniform_open() * phi), bound);
    }
    eps[mu * n + a] = eta;
    budget -= std::exp(w.cm[mu] + sd * eta - ell);
    if (!(budget > 0.0)) return -kInf;
  }
  const double sd = m.chol[pivot](ai, ai);
  const double g = ell + std::log(budget);
  const double eta = (g - w.cm[pivot]) / sd;
  eps[pivot * n + a] = eta;
  // Log-normal density of the pivot's remainder, times the draws' weights:
  // an unbiased estimate of p(z_a | past).
  return lw - 0.5 * eta * eta - kHalfLog2Pi - std::log(sd) - g;
}

}  // namespace syninfo::truth::detail
