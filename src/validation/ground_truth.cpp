#include "syninfo/validation/ground_truth.hpp"

#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"
#include "syninfo/truth/reliability.hpp"
#include "syninfo/truth/true_information.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace syninfo::validation {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The truth driver with sequential Monte Carlo only (the cheapest call that
// carries a verdict; KSG and the one-pivot CMC are not trusted for ensembles).
GroundTruth driver_verdict(const Problem<double>& problem, const GroundTruthBudget& budget, const std::string& prefix) {
  GroundTruth out;
  out.value = out.standard_error = nan;
  out.method = "none";
  truth::TruthOptions o;
  o.ksg = o.cmc = o.quadrature = false;
  o.smc = true;
  // Degenerate ensembles keep the cheap sub-ensemble bound here: a bound is
  // never a reliable ground truth, and the noise ladder costs ~7 smc runs.
  o.noise_levels = 0;
  o.smc_samples = budget.samples;
  if (budget.work > 0) {
    const std::size_t np = problem.ensemble.size() * problem.patterns.count();
    o.smc_samples = std::min(budget.samples, std::max(budget.min_samples, budget.work / np));
  }
  o.smc_max_particles = budget.max_particles;
  o.seed = budget.seed;
  o.threads = budget.threads;
  const truth::TruthReport r = truth::estimate_true_information(problem, o);
  out.note = prefix + r.reliability_note;
  if (r.best.method.empty() || !std::isfinite(r.best.value)) {
    for (const auto& n : r.notes) out.note += "; " + n;
    return out;
  }
  out.value = r.best.value;
  out.standard_error = r.best.standard_error;
  out.method = r.best.method;
  out.reliable = r.reliable && !r.best_is_lower_bound && std::isfinite(r.best.standard_error);
  if (r.best_is_lower_bound)
    out.note = prefix + "degenerate ensemble: only a lower bound from " + std::to_string(r.lower_bound_synapses.size()) +
               " of " + std::to_string(problem.ensemble.size()) + " synapses";
  return out;
}

}  // namespace

GroundTruth ground_truth(const Problem<double>& problem, const GroundTruthBudget& budget) {
  if (problem.ensemble.size() == 1) {
    GroundTruth out;
    try {
      truth::QuadratureOptions qo;
      qo.points_per_sd = budget.quadrature_points_per_sd;
      const auto q = truth::quadrature_mutual_information(problem, qo);
      out.value = q.estimate.value;
      out.standard_error = q.estimate.standard_error;
      out.method = "quadrature";
      // The shared verdict rule (truth/reliability.hpp), as truth and audit use it.
      truth::ReliabilityInput in;
      in.best = &q.estimate;
      in.resolution_problem = truth::resolution_problem(truth::log_terms(problem), problem.pattern);
      const truth::Reliability v = truth::judge_reliability(in);
      out.reliable = v.reliable;
      if (!out.reliable) out.note = v.note;
      return out;
    } catch (const truth::QuadratureUnavailable& e) {
      return driver_verdict(problem, budget, std::string("quadrature unavailable (") + e.what() + "); ");
    }
  }
  try {
    return driver_verdict(problem, budget, "");
  } catch (const std::exception& e) {
    GroundTruth out;
    out.value = out.standard_error = nan;
    out.method = "none";
    out.note = std::string("truth driver failed: ") + e.what();
    return out;
  }
}

}  // namespace syninfo::validation
