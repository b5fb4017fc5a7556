// The validation report: assembles report.md, claims.csv and the CSVs from
// the run's statistics (claims/analysis.hpp), the claim evaluators
// (claims/claims.hpp) and the figures (figures/figures.hpp).
#include "syninfo/validation/report.hpp"

#include "syninfo/validation/config_json.hpp"

#include "claims/claims.hpp"
#include "figures/figures.hpp"
#include "report_util.hpp"
#include "syninfo/simulation/settings.hpp"
#include "syninfo/truth/true_information.hpp"
#include "syninfo/validation/ground_truth.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace syninfo::validation {
namespace {

using namespace detail;

void write_curves_section(std::ostringstream& md, const Analysis& a, const ValidationConfig&) {
  const CurveAnalysis& c = a.curves;
  md << "## Set 1: curves (Fig. 2A/B, 3A/B)\n\n"
       << "One fixed example (means drawn once, pattern k = 0, a fixed sequence of random synapses, the ensemble of size n "
          "is its first n), exchangeable covariance shared by all patterns. Closed form in double on the touched neurons; "
          "ground truth by quadrature (n = 1) and the ground-truth adapter (n >= 2) at "
       << c.truth_total << " points (" << c.truth_reliable << " reliable).\n\n"
       << "![Fig. 2A](fig2a.png) ![Fig. 2B](fig2b.png)\n\n![Fig. 3A](fig3a.png) ![Fig. 3B](fig3b.png)\n\n"
       << table_header({"trend", "closed form (steps in the claimed direction / valid steps)", "ground truth"})
       << table_row({"Fig. 2A: rises with sigma2 (along each P curve)", c.t2a.along.text(), c.c1_sigma.text()})
       << table_row({"Fig. 2B: rises with rho (along each P curve)", c.t2b.along.text(), c.c1_rho.text()})
       << table_row({"Fig. 2A/B: falls as P grows (across curves)",
                     StepCount{c.t2a.across.claimed + c.t2b.across.claimed, c.t2a.across.total + c.t2b.across.total}.text(), c.c1_p.text()})
       << table_row({"Fig. 3A: rises with sigma2 (along each n curve)", c.t3a.along.text(), "-"})
       << table_row({"Fig. 3B: rises with rho (along each n curve)", c.t3b.along.text(), "-"})
       << table_row({"Fig. 3A/B: rises with n (across curves)",
                     StepCount{c.t3a.across.claimed + c.t3b.across.claimed, c.t3a.across.total + c.t3b.across.total}.text(), c.c3_n.text()})
       << "\nA ground-truth step counts as significant when the difference exceeds 1.96 times its standard error. "
       << "Largest relative error of the closed form against the reliable single-synapse truth on the curves: "
       << fmt_percent(c.c1_max_rel_error) << ".\n\n"
       << "Closed-form failures on the curves: " << c.invalid << " of " << c.total << " points. First non-PD point "
       << "per Fig. 3B curve (50-digit verdict): " << c.first_invalid_text << ". Ground truth computed at " << c.truth_at_invalid
       << " of the failing points, finite and reliable at " << c.truth_at_invalid_reliable << ".\n"
       << "Data: `fig2a.csv`, `fig2b.csv`, `fig3a.csv`, `fig3b.csv` (closed form; `plotted_bits` stops at the first failure, "
          "as the paper's curves did), `fig2a_truth.csv`, `fig2b_truth.csv`, `fig3a_truth.csv`, `fig3b_truth.csv`, "
          "`curves_first_invalid.csv`.\n\n";
}

void write_claims_section(std::ostringstream& md, const Analysis& a, const ValidationConfig& config,
                          const std::vector<ClaimRow>& claims) {
  const SetFits& fits2 = a.sets.fits2;
  const SetFits& fits3 = a.sets.fits3;
  const CapacityFit& cap2 = a.capacity.cap2;
  const CapacityFit& cap3 = a.capacity.cap3;
  md << "# syninfo validate: the paper's experiments against the true information\n\n"
     << "Scale `" << to_string(config.scale) << "`, seed " << config.seed << ". Closed form: Fenton-Wilkinson I_FW in double. "
     << "Ground truth: quadrature for one synapse, sequential Monte Carlo over the synapses (smc) for ensembles, "
     << "each with the truth driver's reliability verdict; every verdict uses reliable estimates only (" << a.truths.reliable << " of " << a.truths.total
     << " estimates reliable). Information in bits. 95% intervals throughout.\n\n"
     << "## Claims\n\n"
     << table_header({"claim", "statement", "paper", "closed form (this run)", "reproduces the paper", "true information",
                      "holds for the truth", "why"});
  for (const auto& c : claims)
    md << table_row({c.id, c.claim, c.paper, c.closed_form, "**" + c.reproduces + "**: " + c.reproduction_reason, c.truth,
                     "**" + c.verdict + "**", c.reason});
  md << "\nTwo verdicts per claim. *Reproduces the paper*: this run's closed-form statistic against the paper's number "
     << "(the difference with both sampling errors where the paper's is known, within a stated margin: `holds` inside, "
     << "`fails` when the 95% interval excludes the margin, `undecided` otherwise). *Holds for the truth*: the claim as a "
     << "region of the ground-truth statistic (the paper's effect with its margin): `holds` when the 95% interval lies "
     << "inside, `fails` when it excludes the region, `undecided` when it contains both; `n/a` when the claim is about "
     << "the approximation only. How each margin was chosen: docs/claims.md.\n\n";
  bool any_undecided = false;
  for (const auto& c : claims) any_undecided = any_undecided || (c.verdict == "undecided" && !c.to_decide.empty());
  if (any_undecided) {
    md << "What would decide the undecided claims (80% power, two-sided 95% intervals):\n\n";
    for (const auto& c : claims)
      if (c.verdict == "undecided" && !c.to_decide.empty()) md << "- " << c.id << ": " << md_escape(c.to_decide) << "\n";
    md << "\n";
  }
  md << "The paper's lost exponents, as "
     << "measured here (closed form, invalid samples substituted): I ~ P^-a with a = " << fmt(-fits2.p[0].fit.slope) << " "
     << ci_text(-fits2.p[0].fit.slope_ci_high, -fits2.p[0].fit.slope_ci_low) << " (set 2), " << fmt(-fits3.p[0].fit.slope) << " "
     << ci_text(-fits3.p[0].fit.slope_ci_high, -fits3.p[0].fit.slope_ci_low) << " (set 3); I ~ n^g with g = "
     << fmt(fits2.n[0].fit.slope) << " " << ci_text(fits2.n[0].fit.slope_ci_low, fits2.n[0].fit.slope_ci_high) << " (set 2), "
     << fmt(fits3.n[0].fit.slope) << " " << ci_text(fits3.n[0].fit.slope_ci_low, fits3.n[0].fit.slope_ci_high)
     << " (set 3); capacity P ~ N^x with x = " << fmt(cap2.exponent) << " (set 2), " << fmt(cap3.exponent) << " (set 3).\n\n";

}

void write_run_section(std::ostringstream& md, const Analysis& a, const ValidationConfig& config) {
  const SetData& set2 = a.sets.set2();
  const SetData& set3 = a.sets.set3();
  const SetData& fig4 = a.sets.fig4();
  md << "## Run\n\n"
     << table_header({"item", "value"})
     << table_row({"configuration", "fingerprint " + config_hash(config) + " (`syninfo validate --print-config` with these options shows it in full)"})
     << table_row({"samples", "set 2: " + std::to_string(set2.size()) + ", set 3: " + std::to_string(set3.size()) +
                                  ", set 3 for Fig. 4: " + std::to_string(fig4.size()) + "; C7 runs: " +
                                  std::to_string(config.c7_samples) + " per set at each N in the C7 table"})
     << table_row({"set-1 curves", std::to_string(config.curves.grid_points) + " grid points per curve"})
     << table_row({"ground truth budget", "smc " + std::to_string(config.truth_plan.outer) + " outer samples" +
                                              (config.truth_plan.work > 0 ? " (at most " + std::to_string(config.truth_plan.work) +
                                                   " / (n P), at least " + std::to_string(GroundTruthBudget{}.min_samples) + ")"
                                                                            : std::string()) +
                                              ", " + std::to_string(truth::TruthOptions{}.smc_particles) + " particles x " +
                                              std::to_string(truth::TruthOptions{}.smc_replicates) + " replicates, up to " +
                                              std::to_string(config.truth_plan.max_particles) +
                                              " when noisy; quadrature " +
                                              fmt(config.truth_plan.quadrature_points_per_sd) + " points per sd (doubled for the error bound)"})
     << table_row({"ground truth subsamples", "curves: " + std::to_string(a.curves.truth_total) + " points; scatter: first " +
                                                  std::to_string(config.truth_plan.scatter) + " samples of sets 2 and 3; synergy: " +
                                                  std::to_string(config.truth_plan.synergy_per_size) + " per n in the Fig. 4 run"})
     << table_row({"invalid samples", "status not ok (K or K' not positive definite, or non-finite); non-positive I_FW is valid but left out of log-log fits"})
     << table_row({"substitute features", "six features of theory.md 7, z-scored over the set (mean, sample sd), Euclidean distance, ties to the lower index; feature 4 is the mean log-determinant"})
     << table_row({"nearest-PD repair", "Higham projection, eigenvalue floor " + fmt(config.repair_floor) + " x the largest |eigenvalue|"})
     << table_row({"Fig. 4B t-tests", [&] {
                     std::string s;
                     for (const auto& p : config.ttest_pairs) s += (s.empty() ? "" : ", ") + std::string("n = ") + std::to_string(p.first) + " vs " + std::to_string(p.second);
                     return s + " (the paper's pairs are lost)";
                   }()})
     << "\n### Parameters of the simulation sets\n\n"
     << table_header({"parameter", "value", "source", "reason"});
  const ValidationConfig defaults = config_for_scale(config.scale);
  for (const auto& p : simulation::parameter_table(config.random, config.curves, defaults.random, defaults.curves))
    md << table_row({p.name, p.value, p.source, p.reason});
  md << "\n";
}

void write_sets_section(std::ostringstream& md, const Analysis& a, const ValidationConfig&) {
  const auto& sets = a.sets.sets;
  const auto& counts = a.sets.counts;
  const SetFits& fits2 = a.sets.fits2;
  const SetFits& fits3 = a.sets.fits3;
  // Random sets: statuses and regressions.
  md << "## Sets 2 and 3: closed form, invalid samples, regressions (Fig. 2C/D, 3C/D)\n\n"
     << "![Fig. 2C](fig2c.png) ![Fig. 2D](fig2d.png)\n\n![Fig. 3C](fig3c.png) ![Fig. 3D](fig3d.png)\n\n"
     << table_header({"set", "samples", "ok", "not PD", "non-finite", "50 digits: real", "50 digits: rounding", "not checked",
                      "repair gives a value", "ok but I_FW <= 0", "invalid (95% CI)"});
  for (std::size_t s = 0; s < sets.size(); ++s) {
    const auto& c = counts[s];
    const Proportion p = wilson_interval(c.total - c.ok, c.total);
    md << table_row({set_title(sets[s].set), std::to_string(c.total), std::to_string(c.ok), std::to_string(c.not_pd),
                     std::to_string(c.non_finite), std::to_string(c.real), std::to_string(c.rounding),
                     std::to_string(c.unchecked), std::to_string(c.repaired_ok), std::to_string(c.non_positive),
                     fmt_percent(p.estimate) + " " + ci_text(100 * p.ci_low, 100 * p.ci_high) + "%"});
  }
  md << "\nEnsembles whose incidence vectors e_a are linearly dependent (degenerate: the ground truth gives only a "
        "lower bound; this is what a small N would cause): ";
  for (std::size_t s = 0; s < sets.size(); ++s) {
    std::size_t dependent = 0, large = 0, large_dependent = 0;
    for (auto* x : sets[s].samples) {
      dependent += x->independent ? 0 : 1;
      if (x->header.synapses >= 15) {
        ++large;
        large_dependent += x->independent ? 0 : 1;
      }
    }
    md << (s ? "; " : "") << set_title(sets[s].set) << " " << dependent << "/" << sets[s].size() << " (n >= 15: "
       << large_dependent << "/" << large << ")";
  }
  md << " (column `e_independent`).\n\n"
     << "Fraction invalid against n, rho and P: `invalid_map.csv`, ![invalid map](invalid_map.png)\n\n"
     << "How the treatment of invalid samples changes the regressions (log10 I in bits against log10 P or log10 n; "
        "`used` = samples in the fit, `I<=0` = left out of the log):\n\n"
     << table_header({"set", "treatment", "vs P: r [CI]", "slope [CI]", "p", "used", "I<=0", "vs n: r [CI]", "slope [CI]", "p",
                      "used", "capacity x [CI]"});
  for (const auto* pr : {&fits2, &fits3}) {
    const std::string name = pr == &fits2 ? "set 2" : "set 3";
    for (int m = 0; m < 3; ++m) {
      const auto& fp = pr->p[m];
      const auto& fn = pr->n[m];
      const auto& cap = pr->capacity[m];
      md << table_row({name, mode_name(kModes[m]), fmt(fp.corr.r, 3) + " " + ci_text(fp.corr.ci_low, fp.corr.ci_high),
                       slope_text(fp.fit), fmt_p(fp.fit.p_value), std::to_string(fp.used), std::to_string(fp.non_positive),
                       fmt(fn.corr.r, 3) + " " + ci_text(fn.corr.ci_low, fn.corr.ci_high), slope_text(fn.fit),
                       fmt_p(fn.fit.p_value), std::to_string(fn.used),
                       fmt(cap.exponent) + " " + ci_text(cap.exponent - kZ * cap.exponent_se, cap.exponent + kZ * cap.exponent_se)});
    }
  }
  md << "\nData: `set2_samples.csv`, `set3_samples.csv`, `set3_fig4_samples.csv` (one row per sample: header draws, the six "
        "features, status, 50-digit verdict, I_FW, the substitute's index and value, the repaired value).\n\n";
}

void write_scatter_section(std::ostringstream& md, const Analysis& a, const ValidationConfig& config) {
  const ScatterTruth& st2 = a.sets.st2;
  const ScatterTruth& st3 = a.sets.st3;
  // Ground truth on the scatter subsamples.
  md << "### Ground truth on the scatter subsamples\n\n"
     << "The first " << config.truth_plan.scatter << " samples of sets 2 and 3 (a random subsample by construction). "
     << "Correlations of log10 I with log10 P and log10 n over the reliable estimates with I > 0, "
        "and the closed form's correlations on the same problems:\n\n"
     << table_header({"set", "problems", "reliable", "truth <= 0", "truth vs P: r [CI]", "closed form vs P", "truth vs n: r [CI]",
                      "closed form vs n", "truth slope vs P", "truth slope vs n"});
  for (const ScatterTruth* s : {&st2, &st3})
    md << table_row({s == &st2 ? "set 2" : "set 3", std::to_string(s->all.size()), std::to_string(s->reliable.size()),
                     std::to_string(s->non_positive), r_text(s->corr_p), fmt(s->cf_corr_p.r, 2), r_text(s->corr_n),
                     fmt(s->cf_corr_n.r, 2), slope_text(s->fit_p), slope_text(s->fit_n)});
  md << "\nSize of the subsample: with m reliable problems the Fisher interval of r has half-width about 1.96/sqrt(m - 3) "
        "in z; m = 30 separates r = -0.69 from 0, m = 100 separates the paper's value from values 0.15 away. Data: "
        "`truth_scatter.csv`.\n\n";
}

void write_fig4_section(std::ostringstream& md, const Analysis& a, const ValidationConfig&) {
  const SetData& fig4 = a.sets.fig4();
  const auto& fig4_fits = a.synergy.fig4_fits;
  const auto& pair_tests = a.synergy.pair_tests;
  // Fig. 4.
  md << "## Fig. 4: per-synapse information (set 3 law, " << fig4.size() << " samples)\n\n"
     << "![Fig. 4A](fig4a.png) ![Fig. 4B](fig4b.png)\n\n"
     << table_header({"treatment", "mean I/n vs n: r", "slope [CI]", "p", "sd I/n vs n: r", "slope [CI]", "p"});
  for (int m = 0; m < 3; ++m) {
    const auto& f = fig4_fits[m];
    md << table_row({mode_name(kModes[m]), fmt(f.mean_fit.r, 3), slope_text(f.mean_fit), fmt_p(f.mean_fit.p_value),
                     fmt(f.sd_fit.r, 3), slope_text(f.sd_fit), fmt_p(f.sd_fit.p_value)});
  }
  md << "\nTwo-sided t-tests of I/n between ensemble sizes (substituted values):\n\n"
     << table_header({"sizes", "samples", "mean difference (bits) [CI]", "Welch t", "dof", "p", "Student t", "p"});
  for (const auto& p : pair_tests)
    md << table_row({std::to_string(p.a) + " vs " + std::to_string(p.b), std::to_string(p.na) + ", " + std::to_string(p.nb),
                     fmt(p.welch.mean_difference) + " " + ci_text(p.welch.ci_low, p.welch.ci_high), fmt(p.welch.t),
                     fmt(p.welch.dof), fmt_p(p.welch.p_value), fmt(p.student.t), fmt_p(p.student.p_value)});
  md << "\nData: `fig4_per_n.csv` (count, mean and sd of I/n per n under each treatment), `fig4_histograms.csv`.\n\n";
}

void write_synergy_section(std::ostringstream& md, const Analysis& a, const ValidationConfig& config) {
  const SynergyAnalysis& y = a.synergy;
  // Synergy.
  md << "## C5: synergy against the true information\n\n"
     << "Stratified subsample of the Fig. 4 run: the first " << config.truth_plan.synergy_per_size
     << " samples of each size n. For each, the true I(W_E) (ground-truth adapter) and the true I(W_a) of every synapse alone "
        "(quadrature); synergy = I(W_E) - sum_a I(W_a), its standard error from the estimates' errors. Significant: |z| > 1.96.\n\n"
     << "![synergy](synergy.png)\n\n"
     << table_header({"n", "problems", "joint truth reliable", "usable (all reliable)", "mean synergy (bits) +- se",
                      "significant synergy", "significant redundancy", "closed-form synergy (same cases)",
                      "closed form - truth (bits) +- se", "relative error"});
  for (const auto& [n, s] : y.by_size) {
    const Summary syn = summarise(s.synergy), cfs = summarise(s.cf_synergy), err = summarise(s.cf_error),
                  rel = summarise(s.cf_rel_error);
    const double syn_se = s.synergy.size() > 1 ? syn.sd / std::sqrt(static_cast<double>(s.synergy.size())) : nan;
    const double err_se = s.cf_error.size() > 1 ? err.sd / std::sqrt(static_cast<double>(s.cf_error.size())) : nan;
    const Proportion pos = wilson_interval(s.synergistic, s.usable), neg = wilson_interval(s.redundant, s.usable);
    md << table_row({std::to_string(n), std::to_string(s.cases), std::to_string(s.joint_reliable), std::to_string(s.usable),
                     n < 2 ? "0 (one synapse)" : fmt(syn.mean) + " +- " + fmt(syn_se, 2),
                     n < 2 ? "-" : std::to_string(s.synergistic) + " (" + fmt_percent(pos.estimate, 2) + " " + ci_text(100 * pos.ci_low, 100 * pos.ci_high) + "%)",
                     n < 2 ? "-" : std::to_string(s.redundant) + " (" + fmt_percent(neg.estimate, 2) + ")",
                     n < 2 ? "-" : fmt(cfs.mean), fmt(err.mean) + " +- " + fmt(err_se, 2), fmt_percent(rel.mean, 2)});
  }
  md << "\nTrend of the true I/n with n over the reliable joint estimates: slope " << slope_text(y.truth_trend)
     << " bits per synapse per added synapse, r = " << fmt(y.truth_trend.r, 2) << ", p = " << fmt_p(y.truth_trend.p_value)
     << ", m = " << y.truth_trend.count << "; the closed form on the same problems: slope " << slope_text(y.cf_trend_same)
     << "; the closed form on all " << y.cf_trend_population.count << " Fig. 4 samples in the same range of n: slope "
     << slope_text(y.cf_trend_population) << (y.trend_selected ? " (outside the interval above: the reliable problems are a selected subset)" : "")
     << ". Data: `synergy.csv`.\n\n";
}

void write_c7_section(std::ostringstream& md, const Analysis& a, const ValidationConfig& config) {
  const NeuronAnalysis& nr = a.neurons;
  // C7.
  md << "## C7: dependence on N\n\n"
     << "Closed form of Fig. 3A problems as full problems at N = |J| (smallest holding the ensemble), " << config.curves.neurons
     << " and " << 2 * config.curves.neurons << " against the touched-neuron computation: max relative difference "
     << fmt(nr.max_rel, 2) << " over " << nr.compared << " points. Ground truth of " << nr.truth_compared
     << " problems at N and embedded at 2N: " << nr.truth_identical << " identical.\n\n"
     << "The random sets' laws change with N (B B' is scaled by 1/N; Q D Q' spreads over more directions), so their "
        "statistics may move with N even though each problem's information does not:\n\n"
     << table_header({"N", "set", "samples", "invalid", "r (log I, log P)", "slope", "r (log I, log n)", "slope",
                      "r (I/n, n) [CI]"});
  for (const auto& row : nr.rows)
    md << table_row({std::to_string(row.neurons), set_title(row.set), std::to_string(row.samples), std::to_string(row.invalid),
                     fmt(row.p.corr.r, 3), fmt(row.p.fit.slope), fmt(row.n.corr.r, 3), fmt(row.n.fit.slope),
                     fmt(row.per_synapse.r, 2) + " " + ci_text(row.per_synapse.ci_low, row.per_synapse.ci_high)});
  md << "\nData: `c7_neurons.csv`.\n\n";
}

void write_c8_section(std::ostringstream& md, const Analysis& a, const ValidationConfig&) {
  const CapacityAnalysis& k = a.capacity;
  // C8.
  md << "## C8: capacity (a reconstruction)\n\n"
     << "The paper's equations are lost; this is the argument its text describes, rebuilt. If I(W_E; x^k) ~ n^g P^-a, the full "
        "network (n = N(N-1)/2 ~ N^2/2 synapses) holds I ~ N^{2g} P^-a bits about each pattern. Storing a pattern of N "
        "components needs information proportional to N, so N^{2g} P^-a ~ N, i.e. P ~ N^x with x = (2g - 1)/a "
        "(the same x follows from requiring P N bits for all P patterns together). Standard errors by the delta method.\n\n"
     << table_header({"data", "fit", "g", "a", "x [95% CI]"});
  auto cap_row = [&](const std::string& data, const std::string& how, const CapacityFit& c) {
    md << table_row({data, how, fmt(c.g) + " +- " + fmt(c.g_se, 2), fmt(c.a) + " +- " + fmt(c.a_se, 2),
                     fmt(c.exponent) + " " + ci_text(c.exponent - kZ * c.exponent_se, c.exponent + kZ * c.exponent_se)});
  };
  cap_row("set 2, closed form", "joint", k.cap2);
  cap_row("set 2, closed form", "separate C2/C4 slopes", k.cap2_sep);
  cap_row("set 3, closed form", "joint", k.cap3);
  cap_row("set 3, closed form", "separate C2/C4 slopes", k.cap3_sep);
  cap_row("truth subsample (sets 2 + 3)", "joint", k.truth);
  cap_row("closed form on the truth subsample", "joint", k.truth_cf);
  md << "\n";
}

void write_truth_section(std::ostringstream& md, const Analysis& a, const ValidationConfig&) {
  // Ground truth bookkeeping.
  md << "## Ground truth: methods and reliability\n\n" << table_header({"use", "estimates", "reliable", "unreliable"});
  for (const auto& [kind, e] : a.truths.by_kind)
    md << table_row({kind, std::to_string(e.first), std::to_string(e.second), std::to_string(e.first - e.second)});
  md << "\n" << table_header({"method", "estimates"});
  for (const auto& [m, k] : a.truths.methods) md << table_row({m, std::to_string(k)});
  md << "\nThe adapter (`validation::ground_truth`) uses quadrature for one synapse; for ensembles the truth driver with "
        "sequential Monte Carlo only, its `best` estimate and its `reliable` verdict (no zero densities, low relative "
        "variance of the densities, bias allowance within the statistical error; degenerate ensembles get a lower bound, "
        "never reliable). "
        "Unreliable estimates are listed in the CSVs and drawn in gray but enter no verdict.\n\n";
}

void write_claim_tables(OutputDir& out, const Analysis& a, const std::vector<ClaimResult>& claims) {
  {
    CsvTable t({"N", "set", "samples", "invalid", "r_log_I_log_P", "r_log_I_log_n", "slope_log_P", "slope_log_n",
                "r_I_per_n_n"});
    for (const auto& row : a.neurons.rows)
      t.add({cell(row.neurons), simulation::to_string(row.set), cell(row.samples), cell(row.invalid), cell(row.p.corr.r),
             cell(row.n.corr.r), cell(row.p.fit.slope), cell(row.n.fit.slope), cell(row.per_synapse.r)});
    out.csv("c7_neurons.csv", t);
  }
  {
    CsvTable t({"id", "claim", "paper", "closed_form", "reproduces", "reproduction_reason", "truth", "verdict", "reason",
                "to_decide"});
    for (const auto& c : claims)
      t.add({c.id, c.claim, c.paper, c.closed_form, to_string(c.reproduction), c.reproduction_reason, c.truth,
             to_string(c.decision), c.reason, c.to_decide});
    out.csv("claims.csv", t);
  }
  // Machine-readable numbers behind the claims (checked by the tests against the CSVs).
  CsvTable t({"quantity", "value"});
  for (const auto& c : claims)
    for (const auto& [q, v] : c.numbers) t.add({q, cell(v)});
  out.csv("claims_numbers.csv", t);
}

void write_files_section(std::ostringstream& md, const OutputDir& out) {
  if (!out.failures().empty()) {
    md << "## Figures not drawn\n\n";
    for (const auto& f : out.failures()) md << "- " << f << "\n";
    md << "\n";
  }
  md << "## Files\n\n";
  std::vector<std::string> files = out.files();
  files.push_back("report.md");
  files.push_back("report.html");
  std::sort(files.begin(), files.end());
  for (const auto& f : files) md << "- `" << f << "`\n";
}

}  // namespace

ReportSummary write_report(const ValidationConfig& config, const Records& records, const std::filesystem::path& out_dir) {
  OutputDir out(out_dir);
  const Analysis a = analyse(config, records);
  // Figures and their CSVs, in the order the report was always written.
  write_curve_figures(out, config, a.curves);
  write_sample_tables(out, a.sets);
  write_invalid_map(out, config, records, a.sets);
  write_scatter_figures(out, a.sets);
  write_fig4_figures(out, config, a.sets.fig4(), a.synergy);
  write_synergy_figure(out, a.synergy);

  const std::vector<ClaimResult> claims = evaluate_claims(a, config);
  write_claim_tables(out, a, claims);
  ReportSummary summary;
  for (const auto& c : claims) summary.claims.push_back(c.row());

  std::ostringstream md;
  write_claims_section(md, a, config, summary.claims);
  write_run_section(md, a, config);
  write_curves_section(md, a, config);
  write_sets_section(md, a, config);
  write_scatter_section(md, a, config);
  write_fig4_section(md, a, config);
  write_synergy_section(md, a, config);
  write_c7_section(md, a, config);
  write_c8_section(md, a, config);
  write_truth_section(md, a, config);
  write_files_section(md, out);
  out.markdown_report(md.str());
  summary.files = out.files();
  summary.figure_failures = out.failures();
  return summary;
}

}  // namespace syninfo::validation
