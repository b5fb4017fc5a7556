#include "syninfo/truth/lognormal_sum_quadrature.hpp"

#include "syninfo/truth/model_sampling.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

namespace syninfo::truth {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;
constexpr double kTrim = 1e-22;

double softplus(double x) { return x > 0.0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
// ln(e^x - 1) for x > 0.
double log_expm1(double x) { return x > 30.0 ? x + std::log1p(-std::exp(-x)) : std::log(std::expm1(x)); }
// ln(e^a + e^b); exact for infinite arguments (no inf - inf).
double lse2(double a, double b) {
  const double m = std::max(a, b);
  if (!std::isfinite(m)) return m;
  return m + std::log(std::exp(a - m) + std::exp(b - m));
}

std::string num(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3g", x);
  return b;
}

[[noreturn]] void decline(const std::string& what) { throw QuadratureUnavailable("quadrature: " + what); }

// A count from a double, or a reason to decline: never casts a value that is
// not finite or beyond `limit` (the cast would be undefined).
std::size_t checked_count(double x, double limit, const char* what) {
  if (!(x >= 0.0) || !(x <= limit))
    decline(std::string(what) + " would need " + (std::isfinite(x) ? num(x) : std::string("a non-finite number")) +
            " (limit " + num(limit) + "): the log-variances span too wide a range");
  return static_cast<std::size_t>(x);
}

struct Grid {
  double lo = 0.0, step = 1.0;
  std::vector<double> q;
  double hi() const { return lo + step * static_cast<double>(q.size() - 1); }
  // 6-point Lagrange interpolation; 0 outside the grid.
  double at(double x) const {
    const double s = (x - lo) / step;
    const auto size = static_cast<long>(q.size());
    if (!(s > -1.0) || !(s < static_cast<double>(size))) return 0.0;
    const long i = static_cast<long>(std::floor(s));
    const double f = s - static_cast<double>(i);
    double r = 0.0;
    for (long k = -2; k <= 3; ++k) {
      const long node = i + k;
      if (node < 0 || node >= size) continue;
      double w = 1.0;
      for (long m = -2; m <= 3; ++m)
        if (m != k) w *= (f - static_cast<double>(m)) / static_cast<double>(k - m);
      r += w * q[static_cast<std::size_t>(node)];
    }
    return r;
  }
};

void trim(Grid& g) {
  double top = 0.0;
  for (double& v : g.q) {
    if (v < 0.0) v = 0.0;
    top = std::max(top, v);
  }
  std::size_t first = 0, last = g.q.size() - 1;
  while (first < last && g.q[first] < kTrim * top) ++first;
  while (last > first && g.q[last] < kTrim * top) --last;
  first = first > 0 ? first - 1 : 0;
  last = std::min(last + 1, g.q.size() - 1);
  g.lo += g.step * static_cast<double>(first);
  g.q = std::vector<double>(g.q.begin() + static_cast<long>(first), g.q.begin() + static_cast<long>(last) + 1);
}

// Nodes of a grid of the given width, at most max_points (the spacing then
// widens); a width or spacing that is not finite declines (no cast of it).
std::size_t nodes_for(double width, double& step, std::size_t max_points) {
  if (!(std::isfinite(width) && std::isfinite(step) && step > 0.0))
    decline("grid width " + num(width) + " or spacing " + num(step) + " is not finite and positive");
  const double exact = std::ceil(width / step) + 1.0;
  // Coarsening by up to 4x keeps several nodes per standard deviation of the
  // narrowest factor; beyond that the coarse and fine runs would both sit at
  // the cap and the refinement error bound would mean nothing: decline.
  if (!(exact <= 4.0 * static_cast<double>(max_points)))
    decline("the grid would need " + num(exact) + " nodes, more than 4 x QuadratureOptions::max_points (" +
            std::to_string(max_points) + "): the terms' log standard deviations span too many scales");
  std::size_t count = exact > static_cast<double>(max_points) ? max_points + 1 : checked_count(exact, 1e18, "the grid");
  if (count > max_points) {
    count = max_points;
    step = width / static_cast<double>(count - 1);
  }
  return std::max<std::size_t>(count, 2);
}

// Grid nodes must be distinct doubles with room to spare: a spacing below
// 1e-10 of the largest |ln w| on the grid (log-means near 1e300, or log
// standard deviations near 1e-139) cannot be resolved in double precision.
void check_resolution(const Grid& g) {
  const double top = std::max({std::abs(g.lo), std::abs(g.hi()), 1.0});
  if (!(g.step > 1e-10 * top))
    decline("the grid spacing " + num(g.step) + " is below double precision's resolution at ln w = " +
            num(top) + " (log standard deviations too small for the log-means)");
}

}  // namespace

LogSumDensity log_sum_density(const std::vector<ScalarLogNormal>& all_terms, double points_per_sd,
                              const QuadratureOptions& options) {
  std::vector<ScalarLogNormal> terms;
  for (const auto& t : all_terms) {
    if (!std::isfinite(t.mean) || !std::isfinite(t.var) || t.var < 0.0)
      throw std::invalid_argument("quadrature: term mean/variance must be finite, variance >= 0");
    if (t.var > 0.0) terms.push_back(t);
  }
  if (terms.empty()) throw QuadratureUnavailable("quadrature: every term is constant, the sum has no density");
  const double tail = options.tail_sd;

  // Running exact moments (in logs) of the partial sum, for its moment-matched
  // log standard deviation; and the smallest term scale so far.
  double log_mean = -kInf, log_var = -kInf, min_sd = kInf;
  auto add_moments = [&](const ScalarLogNormal& t) {
    log_mean = lse2(log_mean, t.mean + 0.5 * t.var);
    log_var = lse2(log_var, 2.0 * t.mean + t.var + log_expm1(t.var));
    min_sd = std::min(min_sd, std::sqrt(t.var));
  };
  // The moment-matched log sd; when the log-variance is so large that it
  // overflows (log_var = inf), the smallest term scale sets the spacing.
  auto scale = [&] {
    const double rel = log_var - 2.0 * log_mean;
    const double s = std::isfinite(rel) ? std::sqrt(std::log1p(std::exp(rel))) : kInf;
    return std::min(s, min_sd);
  };
  // The work (trapezoid evaluations) is bounded before it is done.
  double evaluations = 0.0;
  const double max_evaluations = static_cast<double>(options.max_evaluations);

  Grid g;
  {
    const auto& t = terms.front();
    add_moments(t);
    const double sd = std::sqrt(t.var);
    g.step = scale() / points_per_sd;
    g.lo = t.mean - tail * sd;
    const std::size_t count = nodes_for(2.0 * tail * sd, g.step, options.max_points);
    g.q.resize(count);
    check_resolution(g);
    for (std::size_t i = 0; i < count; ++i) {
      const double z = (g.lo + g.step * static_cast<double>(i) - t.mean) / sd;
      g.q[i] = kInvSqrt2Pi / sd * std::exp(-0.5 * z * z);
    }
    trim(g);
  }
  for (std::size_t m = 1; m < terms.size(); ++m) {
    const auto& t = terms[m];
    const double sd = std::sqrt(t.var);
    const double prev_scale = scale();
    add_moments(t);
    const double lp = g.lo, rp = g.hi();
    Grid next;
    next.lo = std::max(lp, t.mean - tail * sd);
    const double hi = lse2(rp, t.mean + tail * sd);
    next.step = scale() / points_per_sd;
    const std::size_t count = nodes_for(hi - next.lo, next.step, options.max_points);
    next.q.assign(count, 0.0);
    check_resolution(next);
    const double dt = std::min(prev_scale, sd) / points_per_sd;
    const double norm = kInvSqrt2Pi / sd;
    // First pass: each node's t-window and its panel count, so the work is
    // known (and refused when too large) before any of it is done.
    std::vector<double> tlo(count, 0.0), thi(count, 0.0);
    std::vector<std::size_t> panels(count, 0);
    double step_work = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
      const double u = next.lo + next.step * static_cast<double>(i);
      const double d1 = u - lp, e1 = u - t.mean + tail * sd;
      if (!(d1 > 0.0) || !(e1 > 0.0)) continue;
      double a = -log_expm1(d1), b = log_expm1(e1);
      const double d2 = u - rp, e2 = u - t.mean - tail * sd;
      if (d2 > 0.0) b = std::min(b, -log_expm1(d2));
      if (e2 > 0.0) a = std::max(a, log_expm1(e2));
      if (!(b > a)) continue;
      const double exact_panels = std::ceil((b - a) / dt);
      step_work += exact_panels + 1.0;
      if (!(evaluations + step_work <= max_evaluations))
        decline("the convolution would need more than " + num(max_evaluations) +
                " integrand evaluations (QuadratureOptions::max_evaluations; term log-variances " +
                num(terms.front().var) + " and " + num(t.var) + " span too many scales)");
      panels[i] = checked_count(exact_panels, max_evaluations, "the t-integral");
      tlo[i] = a;
      thi[i] = b;
    }
    evaluations += step_work;
    for (std::size_t i = 0; i < count; ++i) {
      if (panels[i] == 0) continue;
      const double u = next.lo + next.step * static_cast<double>(i);
      const double h = (thi[i] - tlo[i]) / static_cast<double>(panels[i]);
      double sum = 0.0;
      for (std::size_t j = 0; j <= panels[i]; ++j) {
        const double tt = tlo[i] + h * static_cast<double>(j);
        const double qx = g.at(u - softplus(-tt));
        if (qx == 0.0) continue;
        const double z = (u - softplus(tt) - t.mean) / sd;
        const double w = (j == 0 || j == panels[i]) ? 0.5 : 1.0;
        sum += w * qx * norm * std::exp(-0.5 * z * z);
      }
      next.q[i] = sum * h;
    }
    trim(next);
    g = std::move(next);
  }
  LogSumDensity out;
  out.lo = g.lo;
  out.step = g.step;
  double mass = 0.0, neg_q_log_q = 0.0, mean_u = 0.0;
  for (std::size_t i = 0; i < g.q.size(); ++i) {
    const double v = g.q[i];
    if (!(v > 0.0)) continue;
    const double u = g.lo + g.step * static_cast<double>(i);
    mass += v;
    neg_q_log_q -= v * std::log(v);
    mean_u += v * u;
  }
  out.normalisation = mass * g.step;
  out.mean_log = mean_u * g.step;
  out.entropy = neg_q_log_q * g.step + out.mean_log;
  out.q = std::move(g.q);
  return out;
}

QuadratureEntropy quadrature_entropy(const std::vector<ScalarLogNormal>& terms, const QuadratureOptions& options) {
  const LogSumDensity coarse = log_sum_density(terms, options.points_per_sd, options);
  const LogSumDensity fine = log_sum_density(terms, 2.0 * options.points_per_sd, options);
  QuadratureEntropy out;
  out.normalisation_error = std::abs(fine.normalisation - 1.0);
  out.grid_points = fine.q.size();
  out.estimate.value = fine.entropy;
  out.estimate.standard_error = std::abs(fine.entropy - coarse.entropy) + out.normalisation_error;
  out.estimate.samples = 0;
  out.estimate.method = "quadrature";
  out.estimate.error_method = "|fine - coarse| over a 2x grid refinement plus |normalisation - 1|";
  return out;
}

QuadratureMutualInformation quadrature_mutual_information(const Problem<double>& problem,
                                                          const QuadratureOptions& options) {
  const std::vector<LogTerm> terms = log_terms(problem);  // validates
  if (problem.ensemble.size() != 1)
    throw QuadratureUnavailable("quadrature: only for a single synapse (ensemble of size 1)");
  if (terms.size() < 2)
    throw QuadratureUnavailable("quadrature: P = 1, the weight determines T^k and the information is infinite");
  std::vector<ScalarLogNormal> all, rest;
  bool rest_random = false;
  for (std::size_t mu = 0; mu < terms.size(); ++mu) {
    const ScalarLogNormal s{terms[mu].mean(0), std::max(terms[mu].cov(0, 0), 0.0)};
    all.push_back(s);
    if (mu != problem.pattern) {
      rest.push_back(s);
      rest_random = rest_random || s.var > 0.0;
    }
  }
  if (!rest_random)
    throw QuadratureUnavailable(
        "quadrature: every pattern other than k gives a constant term, R^(k) is deterministic and the information "
        "infinite");
  QuadratureMutualInformation out;
  out.h_w = quadrature_entropy(all, options);
  out.h_r = quadrature_entropy(rest, options);
  out.estimate.value = out.h_w.estimate.value - out.h_r.estimate.value;
  out.estimate.standard_error = out.h_w.estimate.standard_error + out.h_r.estimate.standard_error;
  out.estimate.samples = 0;
  out.estimate.method = "quadrature";
  out.estimate.error_method = "sum of the two entropies' refinement error bounds";
  return out;
}

}  // namespace syninfo::truth
