// C5: synergy. The closed form's mean I/n grows with n on the Fig. 4 run
// (corr 0.70 in the paper); for the truth, the trend of I/n on the synergy
// subsample and the majority sign of I(W_E) - sum_a I(W_a).
#include "claims.hpp"

#include "../report_util.hpp"

#include <algorithm>

namespace syninfo::validation::detail {

ClaimResult evaluate_c5_synergy(const Analysis& a, const ValidationConfig&) {
  const SynergyAnalysis& s = a.synergy;
  const Fig4Fit& f = s.fig4_fits[0];
  ClaimResult r;
  r.id = "C5";
  r.claim = "synergy: I/n grows with n; I(W_E) > sum of singles";
  r.paper = "corr(mean I/n, n) = 0.70, corr(sd, n) = -0.62 (set 3, 20,000 samples)";
  r.closed_form = "corr(mean, n) " + fmt(f.mean_fit.r, 2) + " " + ci_text(f.mean_corr.ci_low, f.mean_corr.ci_high) +
                  " (p = " + fmt_p(f.mean_fit.p_value) + ", slope " + slope_text(f.mean_fit) +
                  " bits/synapse per added synapse), corr(sd, n) " + fmt(f.sd_fit.r, 2) + " " +
                  ci_text(f.sd_corr.ci_low, f.sd_corr.ci_high) + " (p = " + fmt_p(f.sd_fit.p_value) + "); " +
                  std::to_string(a.sets.fig4().size()) + " samples";
  r.numbers = {{"c5_mean_r", f.mean_fit.r}, {"c5_sd_r", f.sd_fit.r}, {"c5_truth_slope", s.truth_trend.slope}};
  if (mark_without_truth(a, r)) return r;
  r.truth = "true I/n against n: slope " + slope_text(s.truth_trend) + " bits/synapse per added synapse, r = " +
            fmt(s.truth_trend.r, 2) + " on " + std::to_string(s.truth_trend.count) +
            " reliable problems (closed form on the same: slope " + slope_text(s.cf_trend_same) +
            "); significant synergy in " + std::to_string(s.synergistic) + ", redundancy in " +
            std::to_string(s.redundant) + " of " + std::to_string(s.usable) + " ensembles with n >= 2 and reliable truths";
  std::string trend = sign_verdict(s.truth_trend.slope_ci_low, s.truth_trend.slope_ci_high, true);
  if (s.trend_selected && trend == "holds") trend = "undecided";
  std::string syn = "undecided";
  if (s.usable > 0)
    syn = s.synergistic > s.redundant && s.synergistic * 2 > s.usable
              ? "holds"
              : (s.redundant > s.synergistic && s.redundant * 2 > s.usable ? "fails" : "undecided");
  r.decision = decision_from_string(combine_verdicts({trend, syn}));
  r.reason = "trend: " + trend +
             (s.trend_selected
                  ? " (selection: the closed form's slope is " + slope_text(s.cf_trend_same) + " on these problems but " +
                        fmt(s.cf_trend_population.slope) + " on all " + std::to_string(s.cf_trend_population.count) +
                        " Fig. 4 samples with n <= " +
                        fmt(s.trend_n.empty() ? nan : *std::max_element(s.trend_n.begin(), s.trend_n.end())) + ")"
                  : "") +
             ", synergy majority: " + syn + "; " + std::to_string(s.unreliable) +
             " of the n >= 2 synergy problems lack a reliable truth (left out)";
  return r;
}

}  // namespace syninfo::validation::detail
