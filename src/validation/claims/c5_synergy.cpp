// C5: synergy. The closed form's mean I/n grows with n on the Fig. 4 run
// (corr 0.70 in the paper); for the truth, the trend of I/n on the synergy
// subsample and the majority sign of I(W_E) - sum_a I(W_a).
#include "claims.hpp"
#include "paper_numbers.hpp"

#include "../report_util.hpp"

#include <algorithm>

namespace syninfo::validation::detail {
namespace {
constexpr double kPaperMeanCorrelation = kPaperSynergy.mean_r, kPaperSdCorrelation = kPaperSynergy.sd_r;
constexpr std::size_t kPaperSizes = kPaperSynergy.sizes;
}  // namespace

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
  // Verdict 1: the paper's two correlations, each over the per-n statistics
  // of n = 1..20 (20 points), against this run's over its sizes.
  const Reproduction mean = reproduce_correlation(f.mean_corr.valid ? f.mean_corr.r : nan, f.mean_corr.count,
                                                  kPaperMeanCorrelation, kPaperSizes);
  const Reproduction sd =
      reproduce_correlation(f.sd_corr.valid ? f.sd_corr.r : nan, f.sd_corr.count, kPaperSdCorrelation, kPaperSizes);
  r.reproduction = combine(mean.decision, sd.decision);
  r.reproduction_reason = "corr(mean, n): " + mean.text("r") + "; corr(sd, n): " + sd.text("r") +
                          " (the paper's from " + std::to_string(kPaperSizes) + " ensemble sizes)";
  if (mark_without_truth(a, r)) return r;
  const Proportion majority = wilson_interval(s.positive, s.usable);
  r.truth = "true I/n against n: slope " + slope_text(s.truth_trend) + " bits/synapse per added synapse, r = " +
            fmt(s.truth_trend.r, 2) + " on " + std::to_string(s.truth_trend.count) +
            " reliable problems (closed form on the same: slope " + slope_text(s.cf_trend_same) +
            "); I(W_E) - sum_a I(W_a) > 0 in " + std::to_string(s.positive) + " of " + std::to_string(s.usable) +
            " ensembles with n >= 2 and reliable truths (" + fmt_percent(majority.estimate) + " " +
            ci_text(100 * majority.ci_low, 100 * majority.ci_high) + "%; significant synergy in " +
            std::to_string(s.synergistic) + ", redundancy in " + std::to_string(s.redundant) + ")";
  // Verdict 2, two parts. The trend: the slope of true I/n on n is positive
  // (the paper gives a correlation of per-n means, not a slope, and the truth's
  // subsample is too small for per-n means). Synergy in most ensembles: the
  // fraction with a positive synergy estimate is above one half.
  Region rising;
  rising.name = "slope";
  rising.low = 0.0;
  Decision trend = s.truth_trend.valid ? decide(s.truth_trend.slope_ci_low, s.truth_trend.slope_ci_high, rising)
                                       : Decision::undecided;
  const bool selected = s.trend_selected && trend == Decision::holds;
  if (selected) trend = Decision::undecided;
  Region most;
  most.name = "fraction";
  most.low = 0.5;
  const Decision syn = s.usable > 0 ? decide(majority.ci_low, majority.ci_high, most) : Decision::undecided;
  r.decision = combine(trend, syn);
  r.reason = "trend (" + rising.text() + "): " + to_string(trend) +
             (s.trend_selected
                  ? " (selection: the closed form's slope is " + slope_text(s.cf_trend_same) + " on these problems but " +
                        fmt(s.cf_trend_population.slope) + " on all " + std::to_string(s.cf_trend_population.count) +
                        " Fig. 4 samples with n <= " +
                        fmt(s.trend_n.empty() ? nan : *std::max_element(s.trend_n.begin(), s.trend_n.end())) + ")"
                  : "") +
             "; synergy in most ensembles (" + most.text() + ", Wilson 95% CI): " + to_string(syn) + "; " +
             std::to_string(s.unreliable) + " of the n >= 2 synergy problems lack a reliable truth (left out)";
  std::string todo;
  if (trend == Decision::undecided && s.truth_trend.valid && !selected)
    todo = "trend: " + standard_error_power(s.truth_trend.slope, s.truth_trend.slope_se, s.truth_trend.count, rising)
                           .text("reliable problems");
  if (trend == Decision::undecided && selected)
    todo = "trend: a subsample representative of the Fig. 4 run (the reliable problems are selected)";
  if (syn == Decision::undecided && s.usable > 0)
    todo += (todo.empty() ? "" : "; ") + std::string("synergy majority: ") +
            proportion_power(majority.estimate, s.usable, most).text("ensembles with n >= 2");
  r.to_decide = todo;
  return r;
}

}  // namespace syninfo::validation::detail
