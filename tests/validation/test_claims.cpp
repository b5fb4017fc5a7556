// The claim evaluators on synthetic statistics whose decisions are known:
// each verdict (reproduces the paper; holds for the truth) in its holds /
// fails / undecided cases, and the sample-size advice of an undecided one.
#include "claims/claims.hpp"
#include "claims/reproduction.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo::validation;
using namespace syninfo::validation::detail;

namespace {

Correlation corr(double r, std::size_t m, double lo, double hi) {
  Correlation c;
  c.valid = true;
  c.count = m;
  c.r = r;
  c.ci_low = lo;
  c.ci_high = hi;
  return c;
}

Analysis with_truth() {
  Analysis a;
  a.have_truth = true;
  return a;
}

}  // namespace

TEST_CASE("reproduce_correlation: within, beyond and across the +-0.1 margin") {
  // Same r at the paper's size: the difference's interval is +-1.96 sqrt(2/997)
  // in z, about +-0.047 in r at r = -0.69, inside +-0.1.
  const Reproduction same = reproduce_correlation(-0.69, 1000, -0.69, 1000);
  CHECK(same.decision == Decision::holds);
  CHECK(same.difference == 0.0);
  CHECK(same.p_equal == Approx(1.0));
  CHECK(same.ci_low < 0.0);
  CHECK(same.ci_high > 0.0);
  // Far away: excludes the margin.
  CHECK(reproduce_correlation(-0.30, 1000, -0.69, 1000).decision == Decision::fails);
  // Twenty points (C5's per-n statistics): too wide to decide a 0.05 difference.
  CHECK(reproduce_correlation(0.65, 20, 0.70, 20).decision == Decision::undecided);
  // C5's published 0.70 against the paper-scale closed form's 0.13 over 20
  // sizes: z difference 0.736 with se sqrt(2/17) = 0.343, p = 0.032.
  const Reproduction c5 = reproduce_correlation(0.13, 20, 0.70, 20);
  CHECK(c5.p_equal == Approx(0.032).margin(0.001));
  CHECK(c5.decision == Decision::undecided);  // the interval reaches into the margin
  // Not computable: no verdict either way.
  CHECK(reproduce_correlation(std::nan(""), 1000, -0.69, 1000).decision == Decision::undecided);
  CHECK(reproduce_correlation(-0.5, 3, -0.69, 1000).decision == Decision::undecided);
}

TEST_CASE("C2: truth region r <= half the paper's r, per set") {
  const ValidationConfig config;
  Analysis a = with_truth();
  a.sets.st2.corr_p = corr(-0.6, 100, -0.71, -0.46);
  a.sets.st3.corr_p = corr(-0.6, 100, -0.71, -0.46);
  CHECK(evaluate_c2_patterns(a, config).decision == Decision::holds);
  a.sets.st3.corr_p = corr(-0.05, 100, -0.24, 0.15);  // excludes r <= -0.27
  CHECK(evaluate_c2_patterns(a, config).decision == Decision::fails);
  a.sets.st3.corr_p = corr(-0.35, 30, -0.63, 0.01);  // straddles -0.27
  const ClaimResult u = evaluate_c2_patterns(a, config);
  CHECK(u.decision == Decision::undecided);
  CHECK(u.to_decide.find("set 3") != std::string::npos);
  CHECK(u.to_decide.find("reliable problems would decide") != std::string::npos);
  // Closed form at the paper's r on 1000 samples each reproduces it.
  a.sets.fits2.p[0].corr = corr(-0.69, 1000, -0.72, -0.66);
  a.sets.fits3.p[0].corr = corr(-0.54, 1000, -0.58, -0.49);
  CHECK(evaluate_c2_patterns(a, config).reproduction == Decision::holds);
  // The paper-scale run's set 3 (r = -0.68 against -0.54): the difference's
  // interval [-0.18, -0.09] reaches into the margin: undecided, not fails.
  a.sets.fits3.p[0].corr = corr(-0.68, 1000, -0.71, -0.65);
  CHECK(evaluate_c2_patterns(a, config).reproduction == Decision::undecided);
  a.sets.fits3.p[0].corr = corr(-0.75, 1000, -0.78, -0.72);  // [-0.25, -0.17]: beyond it
  CHECK(evaluate_c2_patterns(a, config).reproduction == Decision::fails);
}

TEST_CASE("C3: exact monotonicity, refuted only by a family-wise violation") {
  const ValidationConfig config;
  Analysis a = with_truth();
  a.curves.c3_n.compared = 10;
  a.curves.c3_n.z.assign(10, 3.0);
  CHECK(evaluate_c3_ensemble_growth(a, config).decision == Decision::holds);
  // One step at z = -5 is beyond the Bonferroni bound for 10 steps (2.81).
  a.curves.c3_n.z.back() = -5.0;
  CHECK(evaluate_c3_ensemble_growth(a, config).decision == Decision::fails);
  // -2.5 is significant alone but not family-wise, and the family still points up.
  a.curves.c3_n.z.back() = -2.5;
  CHECK(evaluate_c3_ensemble_growth(a, config).decision == Decision::holds);
  // Noise only (combined z = 0.6): undecided, with a budget factor.
  a.curves.c3_n.compared = 4;
  a.curves.c3_n.z = {0.3, 0.3, 0.3, 0.3};
  const ClaimResult u = evaluate_c3_ensemble_growth(a, config);
  CHECK(u.decision == Decision::undecided);
  // (2.80 / 0.3)^2 = 87x the budget for the median step.
  CHECK(u.to_decide.find("87x larger") != std::string::npos);
  // Reproduction: a first failure at n = 5 reproduces "from about 5", n = 8 does not.
  a.curves.smallest_failing_n = 5;
  CHECK(evaluate_c3_ensemble_growth(a, config).reproduction == Decision::undecided);  // no closed-form rise steps
  a.curves.t3a.across = StepCount{10, 10};
  CHECK(evaluate_c3_ensemble_growth(a, config).reproduction == Decision::holds);
  a.curves.smallest_failing_n = 8;
  CHECK(evaluate_c3_ensemble_growth(a, config).reproduction == Decision::fails);
}

TEST_CASE("C5: positive trend and synergy in most ensembles") {
  const ValidationConfig config;
  Analysis a = with_truth();
  a.sets.sets.resize(3);  // set 2, set 3, the Fig. 4 run (empty)
  SynergyAnalysis& s = a.synergy;
  s.truth_trend.valid = true;
  s.truth_trend.count = 50;
  s.truth_trend.slope = 0.015;
  s.truth_trend.slope_se = 0.0025;
  s.truth_trend.slope_ci_low = 0.01;
  s.truth_trend.slope_ci_high = 0.02;
  s.usable = 40;
  s.positive = 35;  // Wilson [0.74, 0.95]
  CHECK(evaluate_c5_synergy(a, config).decision == Decision::holds);
  s.positive = 5;  // Wilson [0.05, 0.26]
  CHECK(evaluate_c5_synergy(a, config).decision == Decision::fails);
  s.positive = 24;  // Wilson [0.45, 0.74]
  const ClaimResult u = evaluate_c5_synergy(a, config);
  CHECK(u.decision == Decision::undecided);
  CHECK(u.to_decide.find("synergy majority") != std::string::npos);
  // A selected subsample cannot make the trend hold.
  s.positive = 35;
  s.trend_selected = true;
  CHECK(evaluate_c5_synergy(a, config).decision == Decision::undecided);
}

TEST_CASE("C6 and C8: the range claims") {
  const ValidationConfig config;
  Analysis a = with_truth();
  a.sets.all_total = 1000;
  a.sets.invalid_all = Proportion{10, 1000, 0.01, 0.0054, 0.018};
  CHECK(evaluate_c6_invalid_fraction(a, config).reproduction == Decision::holds);
  a.sets.invalid_all = Proportion{6, 22000, 0.000273, 0.000125, 0.000595};  // the paper-scale run
  CHECK(evaluate_c6_invalid_fraction(a, config).reproduction == Decision::fails);
  CHECK(evaluate_c6_invalid_fraction(a, config).decision == Decision::not_applicable);

  CapacityFit& t = a.capacity.truth;
  t.used = 80;
  t.exponent = 1.2;
  t.exponent_se = 0.05;
  CHECK(evaluate_c8_capacity(a, config).decision == Decision::holds);
  t.exponent = 2.0;
  CHECK(evaluate_c8_capacity(a, config).decision == Decision::fails);
  t.exponent = 1.02;
  t.exponent_se = 0.18;  // the paper-scale run's [0.667, 1.37]
  const ClaimResult u = evaluate_c8_capacity(a, config);
  CHECK(u.decision == Decision::undecided);
  // Nearest boundary 1, |d| = 0.02: m' = 80 (2.8016 * 0.18 / 0.02)^2 = 50,861 problems.
  CHECK(u.to_decide.find("50861") != std::string::npos);
}
