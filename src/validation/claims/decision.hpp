// Decisions of a claim against the paper's effect size, and the power
// calculation that says how many ground-truth problems would decide an
// undecided claim.
//
// A claim is a region of its statistic (the claimed effect, margin included).
// holds: the 95% interval lies inside the region; fails: the interval is
// disjoint from it (the data exclude the claimed effect); undecided: the
// interval meets the region and its complement.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

namespace syninfo::validation::detail {

enum class Decision { holds, fails, undecided, not_applicable };
const char* to_string(Decision d);
Decision decision_from_string(const std::string& s);  // "holds", "fails", "undecided", "n/a"
// fails if any fails; holds if all hold; undecided otherwise.
Decision combine(Decision a, Decision b);

struct Region {
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  std::string text() const;  // "r <= -0.345", "1 < x <= 1.5", ...
  std::string name = "x";
};
Decision decide(double ci_low, double ci_high, const Region& region);

// Power at 80% with a two-sided 95% interval: the smallest distance from the
// region's nearest boundary that `m` problems resolve (minimal detectable
// effect), and the number of problems at which an effect as large as the
// observed one would decide (the interval clears the boundary) with 80% power.
inline constexpr double kZ95 = 1.959963984540054, kZ80 = 0.8416212335729143;  // z_{0.975}, z_{0.80}
inline constexpr double kPowerZ = kZ95 + kZ80;
struct Power {
  double boundary = 0.0;               // the boundary the interval has to clear
  double minimal_effect = 0.0;         // in the statistic's units, at the current m
  std::size_t needed = 0;              // problems for 80% power at the observed effect (0: not computable)
  std::string text(const std::string& unit_name) const;
};
// Pearson r (Fisher z: se = 1 / sqrt(m - 3)).
Power correlation_power(double r_hat, std::size_t m, const Region& region);
// A proportion against a boundary p0 (normal approximation, se = sqrt(p (1 - p) / m)).
Power proportion_power(double p_hat, std::size_t m, const Region& region);
// A statistic whose standard error shrinks as 1 / sqrt(m) (slopes, the capacity exponent).
Power standard_error_power(double estimate, double se, std::size_t m, const Region& region);

}  // namespace syninfo::validation::detail
