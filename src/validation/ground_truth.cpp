#include "syninfo/validation/ground_truth.hpp"

#include "syninfo/truth/conditional_monte_carlo.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/true_information.hpp"

#include <cmath>
#include <exception>
#include <limits>
#include <sstream>

namespace syninfo::validation {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::string short_text(double x) {
  std::ostringstream s;
  s.precision(3);
  s << x;
  return s.str();
}

GroundTruth ksg_fallback(const Problem<double>& problem, const GroundTruthBudget& budget, const std::string& why) {
  GroundTruth out;
  out.value = out.standard_error = nan;
  out.method = "none";
  out.note = why;
  truth::TruthOptions o;
  o.samples = budget.samples;
  o.seed = budget.seed;
  o.threads = budget.threads;
  o.ksg = true;
  o.cmc = o.quadrature = false;
  try {
    const truth::TruthReport r = truth::estimate_true_information(problem, o);
    for (const auto& e : r.estimates) {
      if (e.method != "ksg1") continue;
      out.value = e.value;
      out.standard_error = e.standard_error;
      out.method = "ksg1";
      out.note = why + "; KSG used instead (biased low in high joint dimension)";
    }
    if (out.method == "none")
      for (const auto& n : r.notes) out.note += "; " + n;
  } catch (const std::exception& e) {
    out.note += std::string("; ksg failed: ") + e.what();
  }
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
      out.reliable = std::isfinite(out.value) && std::isfinite(out.standard_error);
      if (!out.reliable) out.note = "quadrature returned a non-finite value";
      return out;
    } catch (const truth::QuadratureUnavailable& e) {
      return ksg_fallback(problem, budget, std::string("quadrature unavailable: ") + e.what());
    }
  }
  truth::CmcOptions co;
  co.outer = budget.samples;
  co.inner = budget.inner;
  co.seed = budget.seed;
  co.threads = budget.threads;
  try {
    const truth::CmcMutualInformation r = truth::cmc_mutual_information(problem, co);
    const std::size_t zero = r.h_w.zero_density + r.h_r.zero_density;
    GroundTruth out;
    out.value = r.estimate.value;
    out.standard_error = r.estimate.standard_error;
    out.method = "cmc";
    if (zero > 0) {
      out.note = std::to_string(zero) + " CMC outer samples had zero estimated density";
    } else if (!(r.bias_allowance < r.statistical_error)) {
      out.note = "CMC bias allowance " + short_text(r.bias_allowance) + " nats is not below its statistical error " +
                 short_text(r.statistical_error) + " nats";
    } else if (!std::isfinite(out.value) || !std::isfinite(out.standard_error)) {
      out.note = "CMC returned a non-finite value";
    } else {
      out.reliable = true;
      return out;
    }
    GroundTruth fallback = ksg_fallback(problem, budget, "cmc not reliable: " + out.note);
    if (fallback.method == "none") {
      out.note = fallback.note;  // keep the (unreliable) CMC value rather than nothing
      return out;
    }
    return fallback;
  } catch (const truth::CmcUnavailable& e) {
    return ksg_fallback(problem, budget, std::string("cmc unavailable: ") + e.what());
  }
}

}  // namespace syninfo::validation
