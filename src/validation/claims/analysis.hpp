// The statistics of one complete set of records, computed once and shared by
// the claim evaluators (claims.hpp), the figures (figures/figures.hpp) and the
// report's sections. Everything is a function of the configuration and the
// records; the pointers point into the records, which must outlive it.
#pragma once

#include "common.hpp"

#include "syninfo/validation/config.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace syninfo::validation::detail {

// Set 1: the curves of Fig. 2A/B and 3A/B (claims C1, C3).
struct CurveAnalysis {
  std::map<CurveKey, const CurveRecord*> points;
  std::map<CurveKey, const TruthRecord*> truth;
  struct FirstInvalid {
    std::string figure;
    std::size_t curve;
    double x;
    std::string status, verdict;
  };
  std::vector<FirstInvalid> first_invalid;  // per figure and curve, in grid order
  CurveTrends t2a, t2b, t3a, t3b;           // closed form
  std::vector<std::size_t> truth_p, truth_n;  // curves with ground truth
  TruthSteps c1_sigma, c1_rho, c1_p, c3_n;
  std::size_t truth_total = 0, truth_reliable = 0;
  double c1_max_rel_error = 0.0;  // closed form against reliable single-synapse truth
  std::size_t smallest_failing_n = 0;  // on Fig. 3B (0: none)
  double smallest_failing_rho = nan;
  std::size_t invalid = 0, total = 0;  // closed-form failures at the main N
  std::string first_invalid_text;      // Fig. 3B, per curve
  std::size_t truth_at_invalid = 0, truth_at_invalid_reliable = 0;
};
CurveAnalysis analyse_curves(const ValidationConfig& config, const Records& records);

// Closed-form statuses of a set (claim C6).
struct StatusCounts {
  std::size_t total = 0, ok = 0, not_pd = 0, non_finite = 0, other = 0, real = 0, rounding = 0, unchecked = 0,
              non_positive = 0, repaired_ok = 0;
};
StatusCounts status_counts(const SetData& d);

// Log-log regressions of a set under the three treatments (C2, C4, C8).
struct SetFits {
  LogLogFit p[3], n[3];
  CapacityFit capacity[3];
};
SetFits fits_of(const SetData& d);

// Ground truth on the scatter subsample of a set (C2, C4, C8).
struct ScatterTruth {
  std::vector<const TruthRecord*> all, reliable;
  std::vector<double> p, n, truth_bits;  // reliable, truth > 0
  std::size_t non_positive = 0;
  Correlation corr_p, corr_n, cf_corr_p, cf_corr_n;
  LinearFit fit_p, fit_n;
};
ScatterTruth scatter_truth(const Records& records, SetId set);

// Sets 2, 3 and the Fig. 4 run at the main N.
struct SetAnalysis {
  std::vector<SetData> sets;  // set 2, set 3, Fig. 4
  std::vector<StatusCounts> counts;
  std::size_t all_total = 0, all_invalid = 0;
  Proportion invalid_all;
  SetFits fits2, fits3;
  ScatterTruth st2, st3;
  const SetData& set2() const { return sets[0]; }
  const SetData& set3() const { return sets[1]; }
  const SetData& fig4() const { return sets[2]; }
};
SetAnalysis analyse_sets(const ValidationConfig& config, const Records& records);

// Fig. 4 and synergy (C5).
struct Fig4Fit {
  LinearFit mean_fit, sd_fit;
  Correlation mean_corr, sd_corr;
};
struct PairTest {
  std::size_t a, b;
  TTest welch, student;
  std::size_t na, nb;
};
struct SynergyBySize {
  std::size_t n = 0, cases = 0, usable = 0, joint_reliable = 0, synergistic = 0, redundant = 0, cf_usable = 0;
  std::size_t positive = 0;  // usable cases whose synergy estimate is > 0
  std::vector<double> synergy, cf_synergy, cf_error, cf_rel_error;  // bits
  double estimate_var = 0.0;  // sum of squared synergy SEs (bits^2)
};
struct SynergyAnalysis {
  // I/n in bits per ensemble size (index n = 0..max) under each treatment.
  std::vector<std::array<std::vector<double>, 3>> per_size;
  Fig4Fit fig4_fits[3];
  std::vector<PairTest> pair_tests;
  std::vector<SynergyCase> cases;  // in index order
  std::map<std::size_t, SynergyBySize> by_size;
  std::vector<double> trend_n, trend_truth, trend_cf;  // reliable joint estimates: I/n in bits
  LinearFit truth_trend, cf_trend_same, cf_trend_population;
  bool trend_selected = false;
  std::size_t cases_total = 0, usable = 0, synergistic = 0, redundant = 0, unreliable = 0;  // n >= 2 (cases_total: all)
  std::size_t positive = 0;  // n >= 2, usable, synergy estimate > 0
};
SynergyAnalysis analyse_synergy(const ValidationConfig& config, const Records& records, const SetData& fig4);

// C7: the same problems at other N, and the random sets' statistics at other N.
struct C7Row {
  std::size_t neurons;
  SetId set;
  std::size_t samples, invalid;
  LogLogFit p, n;
  Correlation per_synapse;  // sample-level corr(I/n, n), substituted values
};
struct NeuronAnalysis {
  double max_rel = 0.0;
  std::size_t compared = 0, status_mismatch = 0;
  std::size_t truth_compared = 0, truth_identical = 0;
  double truth_max_z = 0.0;
  std::vector<C7Row> rows;
};
NeuronAnalysis analyse_neurons(const ValidationConfig& config, const Records& records, const CurveAnalysis& curves,
                               const SetAnalysis& sets);

// C8: the capacity exponent.
struct CapacityAnalysis {
  CapacityFit cap2, cap3, cap2_sep, cap3_sep, truth, truth_cf;
};
CapacityAnalysis analyse_capacity(const SetAnalysis& sets);

// Counts of the ground-truth estimates.
struct TruthBookkeeping {
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_kind;  // kind -> (total, reliable)
  std::map<std::string, std::size_t> methods;
  std::size_t total = 0, reliable = 0;
};
TruthBookkeeping count_truths(const Records& records);

struct Analysis {
  CurveAnalysis curves;
  SetAnalysis sets;
  SynergyAnalysis synergy;
  NeuronAnalysis neurons;
  CapacityAnalysis capacity;
  TruthBookkeeping truths;
  bool have_truth = false;  // the run computed ground truth
};
Analysis analyse(const ValidationConfig& config, const Records& records);

}  // namespace syninfo::validation::detail
