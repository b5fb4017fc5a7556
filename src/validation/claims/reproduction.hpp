// Whether the closed form reproduces a number the paper reports (the first of
// each claim's two verdicts; the second, whether the claim holds for the true
// information, is decision.hpp's). The statistic of this run is compared with
// the paper's, with both sampling errors where the paper's is known, against
// an equivalence margin:
//   holds     the 95% interval of the difference lies within +-margin
//   fails     it is disjoint from +-margin (the reconstruction's number is
//             not the paper's)
//   undecided otherwise.
#pragma once

#include "decision.hpp"

#include <cstddef>
#include <limits>
#include <string>

namespace syninfo::validation::detail {

// A difference of two correlations is read within +-0.10 in r: the paper
// gives r to two digits, and 0.1 is a third of the width of the usual
// weak / moderate / strong bands, so a reconstruction within it reports the
// same strength of association.
inline constexpr double kCorrelationMargin = 0.10;

struct Reproduction {
  Decision decision = Decision::undecided;
  double paper = std::numeric_limits<double>::quiet_NaN();
  double difference = std::numeric_limits<double>::quiet_NaN();  // this run - paper
  double ci_low = std::numeric_limits<double>::quiet_NaN(), ci_high = std::numeric_limits<double>::quiet_NaN();
  double margin = kCorrelationMargin;
  double p_equal = std::numeric_limits<double>::quiet_NaN();  // two-sided p of "same population value"
  // "r - paper = -0.57 [-0.86, -0.06] (margin +-0.1; p = 0.03 for equality): fails"
  std::string text(const std::string& name) const;
};

// r from m pairs against the paper's r from paper_m pairs, in Fisher z:
// atanh r - atanh r_paper has standard error sqrt(1/(m-3) + 1/(paper_m-3));
// the interval and the margin are mapped back to r around the paper's value.
Reproduction reproduce_correlation(double r, std::size_t m, double paper_r, std::size_t paper_m,
                                   double margin = kCorrelationMargin);

}  // namespace syninfo::validation::detail
