#include "syninfo/truth/true_information.hpp"

#include "short_number.hpp"

#include "syninfo/estimators/ksg.hpp"
#include "syninfo/truth/conditional_monte_carlo.hpp"
#include "syninfo/truth/density_rank.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"
#include "syninfo/truth/noise_regularised_smc.hpp"
#include "syninfo/truth/reliability.hpp"
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include <Eigen/Eigenvalues>

#include <chrono>
#include <cmath>
#include <exception>
#include <limits>

namespace syninfo::truth {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Above this mean relative variance of the density estimates the driver
// reruns smc with more particles (the Jensen bias of -ln grows with it).
constexpr double kNoisyRelativeVariance = 0.35;

// Exception texts start with the method's name; the note adds "skipped".
std::string skipped(const std::string& method, const std::string& what) {
  const std::string prefix = method + ": ";
  return method + " skipped: " + (what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what);
}

// Rank of a PSD matrix by eigenvalues above a relative tolerance, with the
// eigenvectors of the retained directions.
std::size_t numeric_rank(const Eigen::MatrixXd& s, Eigen::MatrixXd* basis = nullptr) {
  if (s.size() == 0) return 0;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(s);
  const double top = eig.eigenvalues().cwiseAbs().maxCoeff();
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < s.rows(); ++i)
    if (top > 0.0 && eig.eigenvalues()(i) > 1e-10 * top) keep.push_back(i);
  if (basis) {
    basis->resize(s.rows(), static_cast<Eigen::Index>(keep.size()));
    for (std::size_t c = 0; c < keep.size(); ++c) basis->col(static_cast<Eigen::Index>(c)) = eig.eigenvectors().col(keep[c]);
  }
  return keep.size();
}

using detail::fmt;

class Timer {
 public:
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

SmcOptions smc_options(const TruthOptions& o) {
  SmcOptions so;
  so.outer = o.smc_samples;
  so.particles = o.smc_particles;
  so.replicates = o.smc_replicates;
  so.control_samples = o.smc_control_samples;
  so.check_extensions = o.smc_check_extensions;
  so.pair_steps = o.smc_pair_steps;
  so.bridge_proposal = o.smc_bridge;
  so.seed = o.seed;
  so.threads = o.threads;
  so.store = o.store;
  return so;
}

// Greedy largest sub-ensemble (positions, in ensemble order) that SMC can treat.
std::vector<std::size_t> treatable_subensemble(const Problem<double>& problem, bool pair_steps) {
  std::vector<std::size_t> keep;
  Problem<double> sub = problem;
  for (std::size_t a = 0; a < problem.ensemble.size(); ++a) {
    sub.ensemble.clear();
    for (std::size_t b : keep) sub.ensemble.push_back(problem.ensemble[b]);
    sub.ensemble.push_back(problem.ensemble[a]);
    if (smc_unavailable_reason(sub, 1e-12, pair_steps).empty()) keep.push_back(a);
  }
  return keep;
}

void run_ksg(const Problem<double>& problem, const std::vector<LogTerm>& terms, const TruthOptions& options,
             TruthReport& report) {
  const std::size_t n = problem.ensemble.size();
  const std::size_t k = problem.pattern;
  const ModelSamples s = sample_model(problem, options.samples, options.seed, options.threads);
  const Eigen::MatrixXd& cov_t = terms[k].cov;
  const auto& j = s.touched;
  Eigen::MatrixXd s_jj(static_cast<Eigen::Index>(j.size()), static_cast<Eigen::Index>(j.size()));
  for (std::size_t a = 0; a < j.size(); ++a)
    for (std::size_t b = 0; b < j.size(); ++b)
      s_jj(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) =
          problem.patterns.list[k].cov(static_cast<Eigen::Index>(j[a]), static_cast<Eigen::Index>(j[b]));
  Eigen::MatrixXd basis;
  const std::size_t rank_t = numeric_rank(cov_t, &basis);
  const std::size_t rank_j = numeric_rank(s_jj);
  Eigen::MatrixXd y;
  if (rank_t == n && (n <= j.size() || rank_j < j.size())) {
    y = s.log_t;
    report.ksg_y = "ln T^k";
  } else if (rank_j == j.size() && j.size() < n) {
    y = s.y_touched;
    report.ksg_y = "y^k_J";
  } else if (rank_t > 0) {
    // Both degenerate: the coordinates of ln T^k on the principal
    // directions of its covariance are a one-to-one function of T^k.
    y = s.log_t * basis;
    report.ksg_y = "principal ln T^k";
    report.notes.push_back("ksg: ln T^k and y^k_J are both degenerate; used ln T^k projected on the " +
                           std::to_string(rank_t) + " principal directions of its covariance");
  }
  if (rank_t == 0) {
    report.notes.push_back("ksg skipped: T^k is a constant, the information is exactly 0");
    return;
  }
  report.ksg_y_columns = static_cast<std::size_t>(y.cols());
  estimators::KsgOptions ko;
  ko.k = options.k;
  ko.algorithm = 1;
  ko.threads = options.threads;
  ko.seed = options.seed;
  ko.normalise = false;  // the committed ground truth and reference set were computed in the natural units
  try {
    Estimate e = estimators::ksg_mutual_information(s.log_w, y, ko);
    e.method = "ksg1";
    report.estimates.push_back(e);
  } catch (const std::exception& ex) {
    report.notes.push_back(std::string("ksg failed: ") + ex.what());
  }
}

// The noise-regularised lower bound of a degenerate ensemble (noise_regularised_smc.hpp).
void run_noise_regularised(const Problem<double>& problem, const TruthOptions& options, TruthReport& report) {
  const Timer t;
  NoiseRegularisedOptions no;
  no.smc = smc_options(options);
  no.levels = options.noise_levels;
  try {
    const NoiseRegularisedInformation nr = noise_regularised_information(problem, no);
    for (const auto& level : nr.levels) report.noise_levels.emplace_back(level.scale, level.mi.estimate);
    report.estimates.push_back(nr.lower_bound);
    report.estimates.push_back(nr.estimate);
    report.noise_remainder = nr.remainder;
    report.noise_remainder_error = nr.remainder_error;
    report.best_is_lower_bound = true;
    for (const auto& p : nr.problems) report.notes.push_back("smc_noise: " + p);
    report.notes.push_back("smc_noise_extrapolated is a diagnostic, never best: the eps^2 rate it assumes was not "
                           "found (proofs/degenerate_ensembles.md section 3)");
  } catch (const SmcUnavailable& ex) {
    report.notes.push_back(skipped("smc_noise", ex.what()));
  }
  report.seconds.emplace_back("smc_noise", t.seconds());
}

const Estimate* find(const TruthReport& r, const std::string& method) {
  for (const auto& e : r.estimates)
    if (e.method == method) return &e;
  return nullptr;
}

// Chooses `best` and decides `reliable` by the shared rule (reliability.hpp),
// with the method's own diagnostics and the cross-checks that apply.
void verdict(const Problem<double>& problem, const std::vector<LogTerm>& terms, const TruthOptions& options,
             TruthReport& r) {
  if (r.information != "finite") {
    // Decided by the density test, not estimated: infinite is exact (the
    // joint law is singular to the product of the marginals), undefined has
    // no number at all.
    const bool infinite = r.information == "infinite";
    r.best.method = "density_rank";
    r.best.value = infinite ? std::numeric_limits<double>::infinity() : kNaN;
    r.best.standard_error = infinite ? 0.0 : kNaN;
    r.best.error_method = "generic rank of the Jacobian of the sums (proofs/degenerate_ensembles.md section 1)";
    r.reliable = infinite;
    r.reliability_note = r.information_reason;
    return;
  }
  const std::size_t n = problem.ensemble.size();
  const Estimate* quad = find(r, "quadrature");
  const Estimate* smc = find(r, r.best_is_lower_bound ? "smc_lower_bound" : "smc");
  const Estimate* ksg = find(r, "ksg1");
  const Estimate* cmc = find(r, "cmc");
  ReliabilityInput in;
  in.resolution_problem = resolution_problem(terms, problem.pattern);
  ReliabilityRule rule;
  rule.agreement_sigmas = options.agreement_sigmas;
  const bool ksg_trusted = ksg && r.ksg_y_columns + n <= options.ksg_max_joint_dimension;
  const bool cmc_trusted = cmc && r.cmc_zero_density == 0 && n <= 2;
  const std::string ksg_why = "joint dimension " + std::to_string(r.ksg_y_columns + n);

  if (quad && quad->standard_error < 1e-4) {
    // Deterministic; smc, when it ran, must agree (KSG is biased low at large
    // I even in two dimensions, so it is no check here).
    in.best = quad;
    in.checked = "quadrature (deterministic, refinement error bound " + fmt(quad->standard_error) + ")";
    if (smc && !r.best_is_lower_bound && r.smc_zero_density == 0) in.cross_checks.push_back({smc, "smc"});
  } else if (smc && !r.best_is_lower_bound) {
    in.best = smc;
    if (r.smc_zero_density > 0)
      in.method_problems.push_back(std::to_string(r.smc_zero_density) + " smc samples had zero estimated density");
    if (r.smc_mean_relative_variance > 0.5)
      in.method_problems.push_back("smc density estimates are noisy (mean relative variance " +
                                   fmt(r.smc_mean_relative_variance) +
                                   " > 0.5): the Jensen-bias correction is unreliable; raise smc_particles");
    // The bias allowance is the measured bracket of the Jensen bias and sits
    // in the standard error; it does not shrink with the outer samples, so it
    // is no reason to distrust the estimate when it exceeds the statistical
    // error (that rule made more samples turn good estimates unreliable).
    in.checked = "smc: no zero-density samples, mean relative variance " + fmt(r.smc_mean_relative_variance) +
                 ", bias allowance " + fmt(r.smc_bias_allowance) + " (in the standard error; statistical error " +
                 fmt(r.smc_statistical_error) + "), particle check shift " + fmt(r.smc_particle_check_shift) +
                 " +- " + fmt(r.smc_particle_check_error);
    if (quad) in.cross_checks.push_back({quad, "quadrature"});
    if (ksg_trusted) in.cross_checks.push_back({ksg, ksg_why});
    if (cmc_trusted) in.cross_checks.push_back({cmc, "n <= 2, no zero-density samples"});
  } else if (const Estimate* noise = find(r, "smc_noise_lower_bound"); r.best_is_lower_bound && (smc || noise)) {
    // Both are lower bounds up to their SE; the larger is the tighter one.
    const bool use_noise = noise && std::isfinite(noise->value) && (!smc || noise->value > smc->value);
    in.best = use_noise ? noise : smc;
    std::string sub;
    if (smc)
      sub = "the smc estimate of I(W_A; x^k) for the sub-ensemble A of " + std::to_string(r.lower_bound_synapses.size()) +
            " of the " + std::to_string(n) + " synapses (" + fmt(smc->value) + ", adding synapses never lowers I)";
    std::string reg;
    if (noise)
      reg = "I(W_E + N_eps; x^k) at the smallest noise level eps = " +
            fmt(r.noise_levels.empty() ? kNaN : r.noise_levels.back().first) + " (" + fmt(noise->value) +
            ", data processing)";
    in.method_problems.push_back(
        "degenerate ensemble: no method estimates I(W_E; x^k) itself; best is a lower bound, " +
        (use_noise ? reg + (sub.empty() ? "" : ", the larger of it and " + sub) : sub + (reg.empty() ? "" : ", the larger of it and " + reg)));
    if (ksg) in.method_problems.push_back("ksg1 (" + ksg_why + ") is biased low in this dimension");
  } else if (quad) {
    in.best = quad;
    in.method_problems.push_back("quadrature refinement error bound " + fmt(quad->standard_error) + " is large");
  } else if (ksg) {
    in.best = ksg;
    in.method_problems.push_back("only ksg1 is available; it is biased low when the joint dimension (" +
                                 std::to_string(r.ksg_y_columns + n) + ") is high");
    if (!ksg_trusted) in.method_problems.push_back("joint dimension above ksg_max_joint_dimension");
  } else if (cmc) {
    in.best = cmc;
    in.method_problems.push_back("only the one-pivot cmc is available");
  }
  if (in.best) {
    r.best = *in.best;
  } else {
    r.best.value = kNaN;
    r.best.standard_error = kNaN;
  }
  const Reliability v = judge_reliability(in, rule);
  r.reliable = v.reliable;
  r.reliability_note = v.note;
}

}  // namespace

bool is_method_name(const std::string& method) {
  return method == "auto" || method == "all" || method == "ksg" || method == "cmc" || method == "smc" ||
         method == "quadrature";
}

bool select_methods(TruthOptions& options, const std::string& method, std::size_t synapses) {
  if (!is_method_name(method)) return false;
  if (method == "auto") {
    options.ksg = options.cmc = options.cmc_for_ensembles = false;
    options.quadrature = synapses == 1;
    options.smc = synapses != 1;
    return true;
  }
  options.ksg = method == "all" || method == "ksg";
  options.cmc = method == "all" || method == "cmc";
  options.cmc_for_ensembles = method == "cmc";
  options.smc = method == "all" || method == "smc";
  options.quadrature = method == "all" || method == "quadrature";
  return true;
}

TruthReport estimate_true_information(const Problem<double>& problem, const TruthOptions& options) {
  const Timer total;
  const std::vector<LogTerm> terms = log_terms(problem);  // validates
  TruthReport report;
  report.gaussian_channel = gaussian_channel_information(problem);
  const std::size_t n = problem.ensemble.size();
  const bool single = terms.size() < 2;
  const std::string degenerate = single ? "" : smc_unavailable_reason(problem, 1e-12, options.smc_pair_steps);
  if (!degenerate.empty()) {
    // Cheap (a few SVDs): decides whether there is a finite I to estimate.
    const DensityVerdict dv = density_verdict(problem);
    if (dv.kind != InformationKind::finite) {
      report.information = dv.kind == InformationKind::infinite ? "infinite" : "undefined";
      report.information_reason = dv.reason;
      // C or C' is singular here: a Gaussian-channel number would be rounding.
      report.gaussian_channel = kNaN;
      report.notes.push_back("every method skipped: the information is " + report.information + " (" + dv.reason + ")");
      verdict(problem, terms, options, report);
      report.total_seconds = total.seconds();
      return report;
    }
  }

  if (options.ksg) {
    const Timer t;
    if (single) {
      report.notes.push_back("ksg skipped: P = 1, the information is infinite");
    } else {
      run_ksg(problem, terms, options, report);
      report.seconds.emplace_back("ksg1", t.seconds());
    }
  }
  if (options.cmc) {
    if (n >= 3 && !options.cmc_for_ensembles) {
      report.notes.push_back("cmc skipped: n >= 3, where the one-pivot CMC is biased (heavy-tailed inner weights); "
                             "smc replaces it (set cmc_for_ensembles to run it anyway)");
    } else {
      const Timer t;
      try {
        CmcOptions co;
        co.outer = options.samples;
        co.inner = options.inner;
        co.seed = options.seed;
        co.threads = options.threads;
        co.store = options.store;
        const CmcMutualInformation r = cmc_mutual_information(problem, co);
        report.estimates.push_back(r.estimate);
        report.cmc_zero_density = r.h_w.zero_density + r.h_r.zero_density;
        report.cmc_bias_correction = r.bias_correction;
        if (report.cmc_zero_density > 0)
          report.notes.push_back("cmc: " + std::to_string(report.cmc_zero_density) +
                                 " outer samples had zero estimated density and were left out (this biases it)");
      } catch (const CmcUnavailable& ex) {
        report.notes.push_back(skipped("cmc", ex.what()));
      }
      report.seconds.emplace_back("cmc", t.seconds());
    }
  }
  if (options.smc) {
    const Timer t;
    try {
      Problem<double> target = problem;
      const std::string& why = degenerate;
      if (!why.empty()) {
        // Sub-ensembles without paired steps: with 4 or more pairs the paired
        // densities degenerated in a measured case (all 10 synapses of a
        // K6 sub-ensemble, mean relative variance ~1), and a bound must be sane.
        report.lower_bound_synapses = treatable_subensemble(problem, false);
        if (report.lower_bound_synapses.empty()) throw SmcUnavailable(why);
        report.best_is_lower_bound = true;
        target.ensemble.clear();
        for (std::size_t a : report.lower_bound_synapses) target.ensemble.push_back(problem.ensemble[a]);
        report.notes.push_back(skipped("smc", why) + "; smc estimated I for the sub-ensemble of the " +
                               std::to_string(target.ensemble.size()) +
                               " synapses it can treat instead, a lower bound (method smc_lower_bound)");
      }
      SmcOptions so = smc_options(options);
      if (report.best_is_lower_bound) so.pair_steps = false;  // the sub-ensemble was chosen without them
      SmcMutualInformation r = smc_mutual_information(target, so);
      auto noisy = [](const SmcMutualInformation& x) {
        return 0.5 * (x.h_w.mean_relative_variance + x.h_r.mean_relative_variance) > kNoisyRelativeVariance;
      };
      while (noisy(r) && so.particles * 4 <= options.smc_max_particles) {
        report.notes.push_back("smc: mean relative variance of the densities " +
                               fmt(0.5 * (r.h_w.mean_relative_variance + r.h_r.mean_relative_variance)) + " with " +
                               std::to_string(so.particles) + " particles; rerun with " +
                               std::to_string(so.particles * 4));
        so.particles *= 4;
        r = smc_mutual_information(target, so);
      }
      report.smc_particles_used = so.particles;
      report.smc_paired_steps = r.paired_steps;
      if (r.paired_steps > 0)
        report.notes.push_back("smc: degenerate ensemble, factorised with " + std::to_string(r.paired_steps) +
                               " paired step(s): each determined synapse with a free one, two pivot terms solved on "
                               "the pair's fibre (proofs/degenerate_ensembles.md section 6)");
      Estimate e = r.estimate;
      if (report.best_is_lower_bound) e.method = "smc_lower_bound";
      report.estimates.push_back(e);
      report.smc_bias_correction = r.bias_correction;
      report.smc_bias_allowance = r.bias_allowance;
      report.smc_statistical_error = r.statistical_error;
      report.smc_mean_relative_variance = 0.5 * (r.h_w.mean_relative_variance + r.h_r.mean_relative_variance);
      report.smc_max_relative_variance = std::max(r.h_w.max_relative_variance, r.h_r.max_relative_variance);
      report.smc_zero_density = r.h_w.zero_density + r.h_r.zero_density;
      report.smc_particle_check_shift = r.particle_check_shift;
      report.smc_particle_check_error = r.particle_check_error;
      report.smc_control_variate = r.control_variate;
      report.smc_control_correlation = r.control_correlation;
      report.smc_uncontrolled_error = r.uncontrolled_error;
    } catch (const SmcUnavailable& ex) {
      report.notes.push_back(skipped("smc", ex.what()));
    }
    report.seconds.emplace_back("smc", t.seconds());
    if (!degenerate.empty() && options.noise_levels >= 2) run_noise_regularised(problem, options, report);
  }
  if (options.quadrature) {
    if (n != 1) {
      report.notes.push_back("quadrature skipped: only for a single synapse");
    } else {
      const Timer t;
      try {
        report.estimates.push_back(quadrature_mutual_information(problem).estimate);
      } catch (const QuadratureUnavailable& ex) {
        report.notes.push_back(skipped("quadrature", ex.what()));
      }
      report.seconds.emplace_back("quadrature", t.seconds());
    }
  }
  TruthReport& r = report;
  verdict(problem, terms, options, r);
  r.total_seconds = total.seconds();
  return r;
}

}  // namespace syninfo::truth
