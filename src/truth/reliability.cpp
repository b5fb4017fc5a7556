#include "syninfo/truth/reliability.hpp"

#include "short_number.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace syninfo::truth {
namespace {

using detail::fmt;

// Log sd of the sum at synapse a (moment-matched: sqrt(ln(1 + Var/E^2)))
// and the largest log-term mean + var/2, from shifted logs (no overflow).
struct SumScale {
  double log_sd = 0.0;
  double top = 0.0;
};

SumScale sum_scale(const std::vector<LogTerm>& terms, std::ptrdiff_t skip, Eigen::Index a) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  SumScale s;
  s.top = -kInf;
  for (std::size_t mu = 0; mu < terms.size(); ++mu)
    if (static_cast<std::ptrdiff_t>(mu) != skip) s.top = std::max(s.top, terms[mu].mean(a) + 0.5 * terms[mu].cov(a, a));
  if (!std::isfinite(s.top)) {
    s.log_sd = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  double mean = 0.0, var = 0.0;
  for (std::size_t mu = 0; mu < terms.size(); ++mu) {
    if (static_cast<std::ptrdiff_t>(mu) == skip) continue;
    const double v = std::max(terms[mu].cov(a, a), 0.0);
    const double r = std::exp(terms[mu].mean(a) + 0.5 * v - s.top);
    mean += r;
    var += r * r * std::expm1(v);
  }
  s.log_sd = std::sqrt(std::log1p(var / (mean * mean)));
  return s;
}

}  // namespace

std::string resolution_problem(const std::vector<LogTerm>& terms, std::size_t k, double resolution) {
  if (terms.empty()) return "";
  const Eigen::Index n = terms.front().mean.size();
  for (const std::ptrdiff_t skip : {std::ptrdiff_t{-1}, static_cast<std::ptrdiff_t>(k)}) {
    if (skip >= 0 && terms.size() < 2) continue;
    const char* what = skip < 0 ? "W_E" : "R^(k)";
    for (Eigen::Index a = 0; a < n; ++a) {
      const SumScale s = sum_scale(terms, skip, a);
      const double floor = resolution * std::max(1.0, std::abs(s.top));
      if (!(s.log_sd > floor) && s.log_sd != 0.0)
        return std::string("not resolvable in double precision: at synapse ") + std::to_string(a) + " the log " +
               "standard deviation of " + what + " is " + fmt(s.log_sd) + " against its log scale " + fmt(s.top) +
               " (needs > " + fmt(resolution) + " x max(1, |log scale|)); the sampled sums are constants in "
               "double and no estimate means anything";
    }
  }
  return "";
}

Reliability judge_reliability(const ReliabilityInput& in, const ReliabilityRule& rule) {
  std::vector<std::string> problems;
  std::vector<std::string> checks;
  if (!in.resolution_problem.empty()) problems.push_back(in.resolution_problem);
  const Estimate* best = in.best;
  if (!best) {
    problems.push_back("no method produced an estimate (see notes)");
  } else {
    const bool finite = std::isfinite(best->value) && std::isfinite(best->standard_error) && best->standard_error >= 0;
    if (!finite) {
      problems.push_back(best->method + " estimate " + fmt(best->value) + " +- " + fmt(best->standard_error) +
                         " is not a finite value with a finite standard error");
    } else if (best->value < -rule.negative_sigmas * best->standard_error) {
      problems.push_back(best->method + " estimate " + fmt(best->value) + " +- " + fmt(best->standard_error) +
                         " is negative by more than " + fmt(rule.negative_sigmas) + " standard errors (I >= 0)");
    }
    for (const auto& p : in.method_problems) problems.push_back(p);
    for (const auto& c : in.cross_checks) {
      if (!c.estimate) continue;
      const Estimate& o = *c.estimate;
      const double se = std::hypot(best->standard_error, o.standard_error);
      const bool usable = finite && std::isfinite(o.value) && std::isfinite(o.standard_error);
      if (usable && !(std::abs(best->value - o.value) > rule.agreement_sigmas * se)) {
        checks.push_back("agrees with " + o.method);
        continue;
      }
      problems.push_back(best->method + " and " + o.method + " (" + c.why_it_applies + ") " +
                         (usable ? "disagree: " : "cannot be compared: ") + fmt(best->value) + " +- " +
                         fmt(best->standard_error) + " vs " + fmt(o.value) + " +- " + fmt(o.standard_error) +
                         " nats" + (usable ? ", more than " + fmt(rule.agreement_sigmas) + " combined standard errors" : ""));
    }
  }
  Reliability r;
  r.reliable = problems.empty();
  if (r.reliable) {
    r.note = in.checked;
    for (const auto& c : checks) r.note += (r.note.empty() ? "" : "; ") + c;
  } else {
    for (std::size_t i = 0; i < problems.size(); ++i) r.note += (i ? "; " : "") + problems[i];
  }
  return r;
}

}  // namespace syninfo::truth
