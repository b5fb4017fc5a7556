#include "reproduction.hpp"

#include "common.hpp"
#include "../report_util.hpp"

#include <algorithm>
#include <cmath>

namespace syninfo::validation::detail {

std::string Reproduction::text(const std::string& name) const {
  if (!std::isfinite(difference)) return name + ": not computable; " + to_string(decision);
  return name + " - paper = " + fmt(difference, 2) + " [" + fmt(ci_low, 2) + ", " + fmt(ci_high, 2) + "] (margin +-" +
         fmt(margin, 2) + (std::isfinite(p_equal) ? "; p = " + fmt_p(p_equal) + " for equality" : std::string()) +
         "): " + to_string(decision);
}

Reproduction reproduce_correlation(double r, std::size_t m, double paper_r, std::size_t paper_m, double margin) {
  Reproduction out;
  out.paper = paper_r;
  out.margin = margin;
  if (!std::isfinite(r) || m < 4 || paper_m < 4 || std::fabs(r) >= 1.0 || std::fabs(paper_r) >= 1.0) return out;
  const double zp = std::atanh(paper_r);
  const double dz = std::atanh(r) - zp;
  const double se = std::sqrt(1.0 / static_cast<double>(m - 3) + 1.0 / static_cast<double>(paper_m - 3));
  out.difference = r - paper_r;
  out.ci_low = std::tanh(zp + dz - kZ * se) - paper_r;
  out.ci_high = std::tanh(zp + dz + kZ * se) - paper_r;
  out.p_equal = std::erfc(std::fabs(dz / se) / std::sqrt(2.0));
  // The margin +-margin in r around the paper's value (clipped to (-1, 1)).
  Region region;
  region.low = std::max(paper_r - margin, -1.0) - paper_r;
  region.high = std::min(paper_r + margin, 1.0) - paper_r;
  out.decision = decide(out.ci_low, out.ci_high, region);
  return out;
}

}  // namespace syninfo::validation::detail
