#include "decision.hpp"

#include "../report_util.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace syninfo::validation::detail {

const char* to_string(Decision d) {
  switch (d) {
    case Decision::holds: return "holds";
    case Decision::fails: return "fails";
    case Decision::undecided: return "undecided";
    case Decision::not_applicable: return "n/a";
  }
  return "undecided";
}

Decision decision_from_string(const std::string& s) {
  if (s == "holds") return Decision::holds;
  if (s == "fails") return Decision::fails;
  if (s == "undecided") return Decision::undecided;
  if (s == "n/a") return Decision::not_applicable;
  throw std::logic_error("unknown decision '" + s + "'");
}

Decision combine(Decision a, Decision b) {
  if (a == Decision::fails || b == Decision::fails) return Decision::fails;
  if (a == Decision::holds && b == Decision::holds) return Decision::holds;
  return Decision::undecided;
}

std::string Region::text() const {
  const bool lo = std::isfinite(low), hi = std::isfinite(high);
  if (lo && hi) return fmt(low) + " <= " + name + " <= " + fmt(high);
  if (lo) return name + " >= " + fmt(low);
  if (hi) return name + " <= " + fmt(high);
  return name + " any";
}

Decision decide(double ci_low, double ci_high, const Region& region) {
  if (!std::isfinite(ci_low) || !std::isfinite(ci_high)) return Decision::undecided;
  if (ci_low >= region.low && ci_high <= region.high) return Decision::holds;
  if (ci_high < region.low || ci_low > region.high) return Decision::fails;
  return Decision::undecided;
}

namespace {

// The boundary of the region nearest to the estimate (the one the interval
// has to clear to decide).
double nearest_boundary(double estimate, const Region& region) {
  const double dl = std::isfinite(region.low) ? std::fabs(estimate - region.low) : std::numeric_limits<double>::infinity();
  const double dh = std::isfinite(region.high) ? std::fabs(estimate - region.high) : std::numeric_limits<double>::infinity();
  return dl <= dh ? region.low : region.high;
}

std::size_t needed_from(double ratio_squared, std::size_t offset) {
  if (!std::isfinite(ratio_squared) || ratio_squared > 1e12) return 0;
  return static_cast<std::size_t>(std::ceil(ratio_squared)) + offset;
}

}  // namespace

std::string Power::text(const std::string& unit_name) const {
  return (std::isfinite(minimal_effect)
              ? "minimal detectable effect at this size: " + fmt(minimal_effect, 2) + " from " + fmt(boundary) + "; "
              : "too few " + unit_name + " for an interval; ") +
         (needed > 0 ? "about " + std::to_string(needed) + " " + unit_name + " would decide the observed effect (80% power)"
                     : "the observed effect sits on the boundary: no sample size decides it");
}

Power correlation_power(double r_hat, std::size_t m, const Region& region) {
  Power p;
  p.boundary = nearest_boundary(r_hat, region);
  const double z0 = std::atanh(std::clamp(p.boundary, -0.999999, 0.999999));
  if (m > 3) {
    const double shift = kPowerZ / std::sqrt(static_cast<double>(m - 3));
    p.minimal_effect = std::min(std::fabs(std::tanh(z0 + shift) - p.boundary), std::fabs(std::tanh(z0 - shift) - p.boundary));
  } else {
    p.minimal_effect = std::numeric_limits<double>::infinity();
  }
  const double dz = std::atanh(std::clamp(r_hat, -0.999999, 0.999999)) - z0;
  p.needed = needed_from((kPowerZ / dz) * (kPowerZ / dz), 3);
  return p;
}

Power proportion_power(double p_hat, std::size_t m, const Region& region) {
  Power p;
  p.boundary = nearest_boundary(p_hat, region);
  const double s0 = std::sqrt(p.boundary * (1.0 - p.boundary));
  p.minimal_effect = m > 0 ? kPowerZ * s0 / std::sqrt(static_cast<double>(m)) : std::numeric_limits<double>::infinity();
  // The one-sample proportion test's size: the 95% bound at the boundary's
  // variance, the 80% power at the true proportion's (exact at p_hat = 0 or 1 too).
  const double d = p_hat - p.boundary;
  const double s1 = std::sqrt(p_hat * (1.0 - p_hat));
  const double zs = (kZ95 * s0 + kZ80 * s1) / d;
  p.needed = needed_from(zs * zs, 0);
  return p;
}

Power standard_error_power(double estimate, double se, std::size_t m, const Region& region) {
  Power p;
  p.boundary = nearest_boundary(estimate, region);
  p.minimal_effect = kPowerZ * se;
  const double d = estimate - p.boundary;
  // se(m') = se sqrt(m / m'): the interval clears the boundary with 80% power when |d| = kPowerZ se(m').
  p.needed = needed_from(static_cast<double>(m) * (kPowerZ * se / d) * (kPowerZ * se / d), 0);
  return p;
}

}  // namespace syninfo::validation::detail
