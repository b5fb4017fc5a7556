#include "smc_paired_step.hpp"

#include <gsl/gsl_cdf.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace syninfo::truth::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kHalfLog2Pi = 0.91893853320467274178032973640562;
constexpr double kUniformPivot = 0.1;  // as in the single step
constexpr double kLogOddsRange = 700.0;  // roots beyond it are below 1e-304 of the budget

double log_sigmoid(double u) { return u >= 0.0 ? -std::log1p(std::exp(-u)) : u - std::log1p(std::exp(u)); }
double sigmoid(double u) { return u >= 0.0 ? 1.0 / (1.0 + std::exp(-u)) : std::exp(u) / (1.0 + std::exp(u)); }

// f(u) = a (b s(-u))^w + c (b s(u))^w - d and its derivative, s the logistic.
struct Fibre {
  double log_a, log_c, w, log_b, d;
  double value(double u) const {
    return std::exp(log_a + w * (log_b + log_sigmoid(-u))) + std::exp(log_c + w * (log_b + log_sigmoid(u))) - d;
  }
  double slope(double u) const {
    return w * (-std::exp(log_a + w * (log_b + log_sigmoid(-u))) * sigmoid(u) +
                std::exp(log_c + w * (log_b + log_sigmoid(u))) * sigmoid(-u));
  }
};

// The root of f in [lo, hi] where f changes sign: Newton's method kept inside
// the bracket, bisection when a step leaves it.
double bracketed_root(const Fibre& f, double lo, double hi, double flo) {
  // Bisection down to a bracket of width 1 first: far out f grows like
  // exp(|w| |u|), where a Newton step moves by only ~1 / |w|.
  while (hi - lo > 1.0) {
    const double mid = 0.5 * (lo + hi), fm = f.value(mid);
    if (fm == 0.0) return mid;
    if ((fm < 0.0) == (flo < 0.0)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  double u = 0.5 * (lo + hi);
  for (int it = 0; it < 200; ++it) {
    const double fu = f.value(u);
    if (fu == 0.0) return u;
    if ((fu < 0.0) == (flo < 0.0)) {
      lo = u;
      flo = fu;
    } else {
      hi = u;
    }
    const double df = f.slope(u);
    double next = u - fu / df;
    if (!(next > lo && next < hi) || !std::isfinite(next)) next = 0.5 * (lo + hi);
    if (std::abs(next - u) <= 1e-14 * (1.0 + std::abs(u)) || hi - lo <= 1e-14 * (1.0 + std::abs(u))) return next;
    u = next;
  }
  return u;
}

// The random terms other than the two pivots, small expected T_j first (as in
// the single step: the truncation then binds on the large ones), in w.order.
void order_others(const SumModel& m, Eigen::Index j, std::size_t u1, std::size_t u2, PairedStepWork& w) {
  w.order.clear();
  for (std::size_t mu = 0; mu < m.terms(); ++mu)
    if (mu != u1 && mu != u2 && w.pick[mu] >= 0.0) w.order.push_back(mu);
  auto expected = [&](std::size_t x) { return w.cj[x] + 0.5 * m.chol[x](j, j) * m.chol[x](j, j); };
  std::sort(w.order.begin(), w.order.end(), [&](std::size_t x, std::size_t y) { return expected(x) < expected(y); });
}

// eta ~ N(0, 1) truncated to (lo, hi); ln of the mass in log_mass (-inf: none).
double truncated_normal(double lo, double hi, Rng& rng, double& log_mass) {
  if (lo > 0.0) {  // upper tail: mirror, so the CDF values are not near 1
    const double eta = -truncated_normal(-hi, -lo, rng, log_mass);
    return eta;
  }
  const double plo = lo == -kInf ? 0.0 : gsl_cdf_ugaussian_P(lo);
  const double phi = hi == kInf ? 1.0 : gsl_cdf_ugaussian_P(hi);
  const double mass = phi - plo;
  if (!(mass > 0.0)) {
    log_mass = -kInf;
    return 0.0;
  }
  log_mass = std::log(mass);
  const double eta = gsl_cdf_ugaussian_Pinv(plo + rng.uniform_open() * mass);
  return std::clamp(eta, lo, hi);
}

}  // namespace

std::vector<double> fibre_roots(double log_a, double log_c, double w, double b, double d) {
  const Fibre f{log_a, log_c, w, std::log(b), d};
  std::vector<double> roots;
  // The left side is a sum of two powers of t and b - t with one exponent:
  // convex for w > 1 or w < 0, concave for 0 < w < 1, linear for w = 1, so
  // its one critical point splits (0, b) into monotone pieces.
  std::vector<double> cuts{-kLogOddsRange};
  if (std::abs(w - 1.0) > 1e-12) {
    const double u0 = (log_a - log_c) / (w - 1.0);
    if (u0 > -kLogOddsRange && u0 < kLogOddsRange) cuts.push_back(u0);
  }
  cuts.push_back(kLogOddsRange);
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const double flo = f.value(cuts[k]), fhi = f.value(cuts[k + 1]);
    if (std::isnan(flo) || std::isnan(fhi)) continue;
    if ((flo < 0.0) != (fhi < 0.0)) roots.push_back(bracketed_root(f, cuts[k], cuts[k + 1], flo));
  }
  return roots;
}

// w = 1: every random term adds (xi, A xi) with A = T_d z_j / (T_j z_d) fixed by
// the past. With the pivots the terms of smallest and largest A, a root exists
// iff the remainder lies in the cone between them, and subtracting a vector of
// the cone from a point outside it never brings it inside: so truncating each
// other draw to keep the remainder in the cone removes only zero integrand.
namespace {
double cone_step(const SumModel& m, std::size_t p, double log_zj, double log_zd, double* eps, Rng& rng,
                 PairedStepWork& w, double bj, double bd) {
  const auto n = static_cast<std::size_t>(m.n);
  const std::size_t terms = m.terms();
  const auto J = static_cast<Eigen::Index>(p);
  std::size_t lo_term = terms, hi_term = terms;
  auto log_a = [&](std::size_t mu) { return w.cd[mu] - log_zd + log_zj - w.cj[mu]; };
  for (std::size_t mu = 0; mu < terms; ++mu) {
    if (w.pick[mu] < 0.0) continue;
    if (lo_term == terms || log_a(mu) < log_a(lo_term)) lo_term = mu;
    if (hi_term == terms || log_a(mu) > log_a(hi_term)) hi_term = mu;
  }
  const double a_lo = std::exp(log_a(lo_term)), a_hi = std::exp(log_a(hi_term));
  if (!(a_hi > a_lo)) return -kInf;
  if (!(bd > a_lo * bj && bd < a_hi * bj)) return -kInf;
  order_others(m, J, lo_term, hi_term, w);
  double lw = 0.0;
  for (std::size_t mu : w.order) {
    const double sd = m.chol[mu](J, J), a = std::exp(log_a(mu));
    double xi_max = bj;
    if (a > a_lo) xi_max = std::min(xi_max, (bd - a_lo * bj) / (a - a_lo));
    if (a < a_hi) xi_max = std::min(xi_max, (a_hi * bj - bd) / (a_hi - a));
    if (!(xi_max > 0.0)) return -kInf;
    double log_mass = 0.0;
    const double eta = truncated_normal(-kInf, (std::log(xi_max) + log_zj - w.cj[mu]) / sd, rng, log_mass);
    if (log_mass == -kInf) return -kInf;
    lw += log_mass;
    eps[mu * n + p] = eta;
    const double xi = std::exp(w.cj[mu] + sd * eta - log_zj);
    bj -= xi;
    bd -= a * xi;
    if (!(bj > 0.0 && bd > a_lo * bj && bd < a_hi * bj)) return -kInf;
  }
  // a_lo (bj - t) + a_hi t = bd.
  const double t = (bd - a_lo * bj) / (a_hi - a_lo), xi1 = (a_hi * bj - bd) / (a_hi - a_lo);
  if (!(t > 0.0 && xi1 > 0.0)) return -kInf;
  const double s1 = m.chol[lo_term](J, J), s2 = m.chol[hi_term](J, J);
  const double eta1 = (std::log(xi1) + log_zj - w.cj[lo_term]) / s1, eta2 = (std::log(t) + log_zj - w.cj[hi_term]) / s2;
  eps[lo_term * n + p] = eta1;
  eps[hi_term * n + p] = eta2;
  // |det J| = s1 s2 z_j z_d xi1 xi2 (a_hi - a_lo).
  return lw - 0.5 * eta1 * eta1 - 0.5 * eta2 * eta2 - 2.0 * kHalfLog2Pi - std::log(s1) - std::log(s2) - log_zj -
         log_zd - std::log(xi1) - std::log(t) - std::log(a_hi - a_lo);
}
}  // namespace

double paired_step(const SumModel& m, std::size_t p, double log_zj, double log_zd, double* eps, Rng& rng,
                   PairedStepWork& w) {
  const auto n = static_cast<std::size_t>(m.n);
  const std::size_t terms = m.terms();
  const auto J = static_cast<Eigen::Index>(p), D = J + 1;
  const double slope = m.pair_slope[p];
  w.cj.resize(terms);
  w.cd.resize(terms);
  w.pick.resize(terms);
  double bj = 1.0, bd = 1.0;  // remaining shares of z_j and z_d
  std::size_t random_count = 0;
  double pick_total = 0.0;
  for (std::size_t mu = 0; mu < terms; ++mu) {
    const Eigen::MatrixXd& l = m.chol[mu];
    double cj = m.mean[mu](J), cd = m.mean[mu](D);
    for (std::size_t b = 0; b < p; ++b) {
      cj += l(J, static_cast<Eigen::Index>(b)) * eps[mu * n + b];
      cd += l(D, static_cast<Eigen::Index>(b)) * eps[mu * n + b];
    }
    w.cj[mu] = cj;
    w.cd[mu] = cd;
    eps[mu * n + p + 1] = 0.0;
    const double sd = l(J, J);
    if (sd > 0.0) {
      ++random_count;
      const double e = (log_zj - cj) / sd;
      w.pick[mu] = std::exp(-0.5 * e * e) / sd;
      pick_total += w.pick[mu];
    } else {
      w.pick[mu] = -1.0;
      eps[mu * n + p] = 0.0;
      bj -= std::exp(cj - log_zj);
      bd -= std::exp(cd - log_zd);
    }
  }
  if (!(bj > 0.0 && bd > 0.0) || random_count < 2) return -kInf;
  // w = 1 (the plan prefers it): pivots at the extreme ratios, every draw kept
  // inside the cone where a root exists, so no particle dies of a missing root.
  if (std::abs(slope - 1.0) <= 1e-12) return cone_step(m, p, log_zj, log_zd, eps, rng, w, bj, bd);
  // Two pivots, each as the single step picks one (10% uniform, 90% by the
  // density of T_j^u alone at z_j); the second among the rest. The choice
  // depends on the past only, so the mixture stays unbiased.
  auto draw_pivot = [&](std::size_t skip) {
    double total = 0.0;
    std::size_t count = 0;
    for (std::size_t mu = 0; mu < terms; ++mu)
      if (w.pick[mu] >= 0.0 && mu != skip) {
        total += w.pick[mu];
        ++count;
      }
    const double uniform_part = total > 0.0 ? kUniformPivot : 1.0;
    const double r = rng.uniform();
    double acc = 0.0;
    std::size_t pivot = terms;
    for (std::size_t mu = 0; mu < terms; ++mu) {
      if (w.pick[mu] < 0.0 || mu == skip) continue;
      acc += uniform_part / static_cast<double>(count) + (total > 0.0 ? (1.0 - uniform_part) * w.pick[mu] / total : 0.0);
      pivot = mu;
      if (r < acc) break;
    }
    return pivot;
  };
  const std::size_t u1 = draw_pivot(terms);
  const std::size_t u2 = draw_pivot(u1);
  // The others, small expected terms first (as in the single step), each
  // truncated so that both budgets stay positive.
  order_others(m, J, u1, u2, w);
  double lw = 0.0;
  for (std::size_t mu : w.order) {
    const double sd = m.chol[mu](J, J), kappa = m.chol[mu](D, J);
    double lo = -kInf, hi = (log_zj + std::log(bj) - w.cj[mu]) / sd;
    const double limit_d = (log_zd + std::log(bd) - w.cd[mu]) / kappa;
    if (kappa > 0.0) hi = std::min(hi, limit_d);
    if (kappa < 0.0) lo = limit_d;
    if (!(lo < hi)) return -kInf;
    double log_mass = 0.0;
    const double eta = truncated_normal(lo, hi, rng, log_mass);
    if (log_mass == -kInf) return -kInf;
    lw += log_mass;
    eps[mu * n + p] = eta;
    bj -= std::exp(w.cj[mu] + sd * eta - log_zj);
    bd -= std::exp(w.cd[mu] + kappa * eta - log_zd);
    if (!(bj > 0.0 && bd > 0.0)) return -kInf;
  }
  // The pivots: xi_u = T_j^u / z_j, T_d^u / z_d = A_u xi_u^w with
  // ln A_u = c_d^u - ln z_d + w (ln z_j - c_j^u). Solve xi_1 + xi_2 = bj,
  // A_1 xi_1^w + A_2 xi_2^w = bd for t = xi_2 in log-odds u = ln(t / (bj - t)).
  const double log_a1 = w.cd[u1] - log_zd + slope * (log_zj - w.cj[u1]);
  const double log_a2 = w.cd[u2] - log_zd + slope * (log_zj - w.cj[u2]);
  const std::vector<double> roots = fibre_roots(log_a1, log_a2, slope, bj, bd);
  if (roots.empty()) return -kInf;
  const double s1 = m.chol[u1](J, J), s2 = m.chol[u2](J, J);
  double contribution[2] = {-kInf, -kInf}, eta1[2] = {0.0, 0.0}, eta2[2] = {0.0, 0.0};
  const double log_bj = std::log(bj);
  for (std::size_t k = 0; k < roots.size() && k < 2; ++k) {
    const double log_xi1 = log_bj + log_sigmoid(-roots[k]), log_xi2 = log_bj + log_sigmoid(roots[k]);
    eta1[k] = (log_xi1 + log_zj - w.cj[u1]) / s1;
    eta2[k] = (log_xi2 + log_zj - w.cj[u2]) / s2;
    // |d(z_j, z_d) / d(eta_1, eta_2)| = s1 s2 z_j z_d |w| |xi_1 A_2 xi_2^w - xi_2 A_1 xi_1^w|.
    const double cross = std::exp(log_xi1 + log_a2 + slope * log_xi2) - std::exp(log_xi2 + log_a1 + slope * log_xi1);
    if (!(std::abs(cross) > 0.0)) continue;
    contribution[k] = -0.5 * eta1[k] * eta1[k] - 0.5 * eta2[k] * eta2[k] - 2.0 * kHalfLog2Pi - std::log(s1) -
                      std::log(s2) - log_zj - log_zd - std::log(std::abs(slope)) - std::log(std::abs(cross));
  }
  const double top = std::max(contribution[0], contribution[1]);
  if (top == -kInf) return -kInf;
  const double e0 = std::exp(contribution[0] - top), e1 = std::exp(contribution[1] - top);
  // Keep one root as the particle's state, chosen in proportion to its part
  // of the density (the weight is the sum over both).
  const std::size_t keep = roots.size() > 1 && rng.uniform() * (e0 + e1) >= e0 ? 1 : 0;
  eps[u1 * n + p] = eta1[keep];
  eps[u2 * n + p] = eta2[keep];
  return lw + top + std::log(e0 + e1);
}

}  // namespace syninfo::truth::detail
