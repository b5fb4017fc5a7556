#include "syninfo/pid/differentiable.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace syninfo::pid {
namespace {

constexpr double ln2 = 0.693147180559945309417232121458176568;

// log2 of a probability; an empty union event (0) at the smallest positive
// double, so that its derivative stays finite (see binned_goal).
double log2_floored(double x) {
  constexpr double floor = std::numeric_limits<double>::min();
  return x > floor ? std::log2(x) : -1022.0;  // log2 of the smallest normal double, without the call
}

// The marginals of p(t, r, y) that the union events need.
struct Marginals {
  explicit Marginals(const BinnedTable& tab)
      : bins(tab.bins), ry(2 * tab.bins, 0.0), r(tab.bins, 0.0), tr(2 * tab.bins, 0.0) {
    for (std::size_t t = 0; t < 2; ++t)
      for (std::size_t b = 0; b < bins; ++b)
        for (std::size_t y = 0; y < 2; ++y) {
          const double p = tab.at(t, b, y);
          ty[t][y] += p;
          ry[b * 2 + y] += p;
          tr[t * bins + b] += p;
          this->t[t] += p;
          r[b] += p;
          this->y[y] += p;
        }
  }
  std::size_t bins;
  double ty[2][2] = {{0, 0}, {0, 0}}, t[2] = {0, 0}, y[2] = {0, 0};
  std::vector<double> ry, r, tr;
};

// The four antichains of two sources by their union event at an outcome
// (t, r): T = t; R = r; T = t and R = r; T = t or R = r.
enum class Union { target, recurrent, both, either };

// P(U, Y = y) at (t, r, y): the union event together with the output.
double union_with_output(const BinnedTable& tab, const Marginals& m, Union u, std::size_t t, std::size_t r,
                         std::size_t y) {
  switch (u) {
    case Union::target: return m.ty[t][y];
    case Union::recurrent: return m.ry[r * 2 + y];
    case Union::both: return tab.at(t, r, y);
    case Union::either: return m.ty[t][y] + m.ry[r * 2 + y] - tab.at(t, r, y);
  }
  return 0;
}

// P(U) at (t, r): the union event of the sources alone.
double union_of_sources(const Marginals& m, Union u, std::size_t t, std::size_t r) {
  switch (u) {
    case Union::target: return m.t[t];
    case Union::recurrent: return m.r[r];
    case Union::both: return m.tr[t * m.bins + r];
    case Union::either: return m.t[t] + m.r[r] - m.tr[t * m.bins + r];
  }
  return 0;
}

// Sum of w over the cells c whose union event (of kind u) contains cell k's
// sources, given the line sums of w: over r at fixed t (by_t), over t at fixed
// r (by_r) and the cell itself (own).
double union_sum(Union u, double by_t, double by_r, double own) {
  switch (u) {
    case Union::target: return by_t;
    case Union::recurrent: return by_r;
    case Union::both: return own;
    case Union::either: return by_t + by_r - own;
  }
  return 0;
}

// I^sx(Y : alpha) = sum_c p_c log2 [P(U_c, y_c) / (P(U_c) P(y_c))] and its
// gradient (added with weight `scale` into grad): proofs/infomorphic_gradient.md, section 3.
// Each logarithm is taken once per cell (P(U_c) once per source cell) and
// shared by the value and the gradient: they are most of the training's cost.
double shared_information(const BinnedTable& tab, const Marginals& m, Union u, double scale,
                          std::vector<double>& grad) {
  const std::size_t bins = tab.bins;
  std::vector<double> log_a(tab.p.size()), log_s(2 * bins);  // log2 P(U_c, y_c), log2 P(U_c)
  std::vector<double> with_y(tab.p.size(), 0.0), sources(tab.p.size(), 0.0);  // p_c / P(U_c, y_c), p_c / P(U_c)
  const double log_y[2] = {log2_floored(m.y[0]), log2_floored(m.y[1])};
  double value = 0;
  for (std::size_t t = 0; t < 2; ++t)
    for (std::size_t r = 0; r < bins; ++r) {
      const double s = union_of_sources(m, u, t, r);
      log_s[t * bins + r] = log2_floored(s);
      for (std::size_t y = 0; y < 2; ++y) {
        const std::size_t c = tab.cell(t, r, y);
        const double a = union_with_output(tab, m, u, t, r, y);
        log_a[c] = log2_floored(a);
        const double p = tab.p[c];
        if (!(p > 0)) continue;  // 0 log 0 = 0; else a, s, P(y) >= p > 0 and the floors do not apply
        value += p * (log_a[c] - log_s[t * bins + r] - log_y[y]);
        with_y[c] = p / a;
        sources[c] = p / s;
      }
    }
  if (scale == 0) return value;
  // Line sums of both weights: with_y at fixed (t, y) and (r, y); sources at fixed t, r and (t, r).
  double with_y_t[2][2] = {{0, 0}, {0, 0}}, sources_t[2] = {0, 0};
  std::vector<double> with_y_r(2 * bins, 0.0), sources_r(bins, 0.0), sources_tr(2 * bins, 0.0);
  for (std::size_t t = 0; t < 2; ++t)
    for (std::size_t r = 0; r < bins; ++r)
      for (std::size_t y = 0; y < 2; ++y) {
        const std::size_t c = tab.cell(t, r, y);
        with_y_t[t][y] += with_y[c];
        with_y_r[r * 2 + y] += with_y[c];
        sources_t[t] += sources[c];
        sources_r[r] += sources[c];
        sources_tr[t * bins + r] += sources[c];
      }
  for (std::size_t t = 0; t < 2; ++t)
    for (std::size_t r = 0; r < bins; ++r) {
      const double sum_s = union_sum(u, sources_t[t], sources_r[r], sources_tr[t * bins + r]);
      for (std::size_t y = 0; y < 2; ++y) {
        const std::size_t k = tab.cell(t, r, y);
        const double sum_a = union_sum(u, with_y_t[t][y], with_y_r[r * 2 + y], with_y[k]);
        const double sum_y = m.y[y] > 0 ? 1.0 : 0.0;  // sum of p_c / P(y) over the cells with output y
        grad[k] += scale * (log_a[k] - log_s[t * bins + r] - log_y[y] + (sum_a - sum_s - sum_y) / ln2);
      }
    }
  return value;
}

// H(Y) in bits and its gradient (weight `scale`).
double output_entropy(const BinnedTable& tab, const Marginals& m, double scale, std::vector<double>& grad) {
  double h = 0;
  for (std::size_t y = 0; y < 2; ++y)
    if (m.y[y] > 0) h -= m.y[y] * std::log2(m.y[y]);
  if (scale != 0)
    for (std::size_t t = 0; t < 2; ++t)
      for (std::size_t r = 0; r < tab.bins; ++r)
        for (std::size_t y = 0; y < 2; ++y)
          grad[tab.cell(t, r, y)] -= scale * (log2_floored(m.y[y]) + (m.y[y] > 0 ? 1.0 : 0.0) / ln2);
  return h;
}

}  // namespace

GoalGradient binned_goal(const BinnedTable& table, const AtomVector& gamma) {
  if (table.bins == 0 || table.p.size() != 4 * table.bins) throw std::invalid_argument("binned_goal: malformed table");
  double total = 0;
  for (double p : table.p) {
    if (!std::isfinite(p) || p < 0) throw std::invalid_argument("binned_goal: a cell is negative or not finite");
    total += p;
  }
  if (!(total > 0)) throw std::invalid_argument("binned_goal: the cells sum to 0");
  const Marginals m(table);
  // gamma . atoms as a combination of I_either (= redundancy), I_T, I_R,
  // I_TR and H(Y): red = I_e, unq_T = I_T - I_e, unq_R = I_R - I_e,
  // syn = I_TR - I_T - I_R + I_e, res = H - I_TR.
  const double c_either = gamma[redundancy] - gamma[unique_target] - gamma[unique_recurrent] + gamma[synergy];
  const double c_target = gamma[unique_target] - gamma[synergy];
  const double c_recurrent = gamma[unique_recurrent] - gamma[synergy];
  const double c_both = gamma[synergy] - gamma[residual];
  const double c_entropy = gamma[residual];
  GoalGradient g;
  g.gradient.assign(table.p.size(), 0.0);
  const double i_either = shared_information(table, m, Union::either, c_either, g.gradient);
  const double i_target = shared_information(table, m, Union::target, c_target, g.gradient);
  const double i_recurrent = shared_information(table, m, Union::recurrent, c_recurrent, g.gradient);
  const double i_both = shared_information(table, m, Union::both, c_both, g.gradient);
  const double h = output_entropy(table, m, c_entropy, g.gradient);
  g.atoms = {i_either, i_target - i_either, i_recurrent - i_either, i_both - i_target - i_recurrent + i_either,
             h - i_both};
  for (std::size_t k = 0; k < 5; ++k) g.goal += gamma[k] * g.atoms[k];
  return g;
}

BinnedTable firing_table(const std::vector<int>& target_bin, const std::vector<int>& recurrent_bin,
                         const std::vector<double>& fire, const std::vector<double>& silent, std::size_t bins) {
  const std::size_t m = target_bin.size();
  if (m == 0 || recurrent_bin.size() != m || fire.size() != m || silent.size() != m)
    throw std::invalid_argument("firing_table: no patterns, or bins and probabilities differ in length");
  BinnedTable tab(bins);
  const double share = 1.0 / static_cast<double>(m);
  for (std::size_t mu = 0; mu < m; ++mu) {
    if (target_bin[mu] < 0 || target_bin[mu] > 1 || recurrent_bin[mu] < 0 ||
        static_cast<std::size_t>(recurrent_bin[mu]) >= bins)
      throw std::invalid_argument("firing_table: pattern " + std::to_string(mu) + " has a bin out of range");
    const auto t = static_cast<std::size_t>(target_bin[mu]), r = static_cast<std::size_t>(recurrent_bin[mu]);
    tab.at(t, r, 1) += share * fire[mu];
    tab.at(t, r, 0) += share * silent[mu];
  }
  return tab;
}

std::vector<double> firing_gradient(const GoalGradient& g, const BinnedTable& table,
                                    const std::vector<int>& target_bin, const std::vector<int>& recurrent_bin) {
  const std::size_t m = target_bin.size();
  std::vector<double> d(m);
  const double share = 1.0 / static_cast<double>(m);
  for (std::size_t mu = 0; mu < m; ++mu) {
    const auto t = static_cast<std::size_t>(target_bin[mu]), r = static_cast<std::size_t>(recurrent_bin[mu]);
    d[mu] = share * (g.gradient[table.cell(t, r, 1)] - g.gradient[table.cell(t, r, 0)]);
  }
  return d;
}

}  // namespace syninfo::pid
