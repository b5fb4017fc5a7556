// Statistics of the set-1 curves (Fig. 2A/B, 3A/B): closed-form trends,
// ground-truth steps, first failures.
#include "analysis.hpp"

#include "../report_util.hpp"

#include <algorithm>
#include <cmath>

namespace syninfo::validation::detail {

CurveAnalysis analyse_curves(const ValidationConfig& config, const Records& records) {
  CurveAnalysis a;
  for (const auto& c : records.curves) a.points[CurveKey{c.figure, c.curve, c.grid}] = &c;
  for (const auto& t : records.truths)
    if (t.kind == "curve") a.truth[CurveKey{t.figure, t.curve, t.grid}] = &t;
  const std::size_t grid_points = config.curves.grid_points;

  for (const std::string figure : {"2A", "2B", "3A", "3B"}) {
    const auto& curves = figure[0] == '2' ? config.curves.fig2_patterns : config.curves.fig3_sizes;
    for (auto c : curves) {
      for (std::size_t g = 0; g < grid_points; ++g) {
        auto it = a.points.find(CurveKey{figure, c, g});
        if (it == a.points.end()) continue;
        const CurveRecord& r = *it->second;
        if (!r.cf.ok()) {
          a.first_invalid.push_back({figure, c, r.x, r.cf.status, r.cf.verdict});
          break;
        }
      }
    }
  }

  // C1: closed-form trends and ground-truth comparisons.
  const auto& p_curves = config.curves.fig2_patterns;
  const auto& n_curves = config.curves.fig3_sizes;
  a.t2a = curve_trends(a.points, "2A", p_curves, grid_points, false);
  a.t2b = curve_trends(a.points, "2B", p_curves, grid_points, false);
  a.t3a = curve_trends(a.points, "3A", n_curves, grid_points, true);
  a.t3b = curve_trends(a.points, "3B", n_curves, grid_points, true);
  for (auto p : p_curves)
    for (const auto& [k, t] : a.truth)
      if (k.figure == "2A" && k.curve == p) {
        a.truth_p.push_back(p);
        break;
      }
  for (auto n : n_curves)
    for (const auto& [k, t] : a.truth)
      if ((k.figure == "3A" || k.figure == "3B") && k.curve == n) {
        a.truth_n.push_back(n);
        break;
      }
  a.c1_sigma = truth_steps(a.truth, "2A", a.truth_p, true, true);
  a.c1_rho = truth_steps(a.truth, "2B", a.truth_p, true, true);
  a.c1_p = truth_steps(a.truth, "2A", a.truth_p, false, false);
  a.c1_p.merge(truth_steps(a.truth, "2B", a.truth_p, false, false));
  a.c3_n = truth_steps(a.truth, "3A", a.truth_n, false, true);
  a.c3_n.merge(truth_steps(a.truth, "3B", a.truth_n, false, true));
  for (const auto& [k, t] : a.truth) {
    ++a.truth_total;
    a.truth_reliable += t->truth.reliable ? 1 : 0;
  }
  // Closed form against the truth on the curves.
  for (const auto& [k, t] : a.truth)
    if (t->truth.reliable && t->cf.ok() && t->synapses == 1 && t->truth.value > 0.0)
      a.c1_max_rel_error = std::max(a.c1_max_rel_error, std::fabs(t->cf.mi_nats - t->truth.value) / t->truth.value);

  // C3: first failures on Fig. 3B.
  for (const auto& c : records.curves) {
    if (c.figure.find('@') != std::string::npos) continue;
    ++a.total;
    a.invalid += c.cf.ok() ? 0 : 1;
  }
  for (const auto& f : a.first_invalid)
    if (f.figure == "3B" && (a.smallest_failing_n == 0 || f.curve < a.smallest_failing_n)) {
      a.smallest_failing_n = f.curve;
      a.smallest_failing_rho = f.x;
    }
  for (const auto& f : a.first_invalid)
    if (f.figure == "3B")
      a.first_invalid_text += (a.first_invalid_text.empty() ? "" : "; ") + std::string("n = ") + std::to_string(f.curve) +
                              " at rho = " + fmt(f.x) + " (" + f.verdict + ")";
  if (a.first_invalid_text.empty()) a.first_invalid_text = "none";
  // Truth is finite at every reliable point with a non-PD closed form.
  for (const auto& [k, t] : a.truth)
    if (!t->cf.ok()) {
      ++a.truth_at_invalid;
      a.truth_at_invalid_reliable += t->truth.reliable && std::isfinite(t->truth.value) ? 1 : 0;
    }
  return a;
}

}  // namespace syninfo::validation::detail
