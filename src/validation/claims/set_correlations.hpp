// The two claims that test a log-log correlation of sets 2 and 3 against the
// paper's (C2: log I on log P, C4: log I on log n): both verdicts, shared so
// the two claims apply one rule.
#pragma once

#include "claims.hpp"
#include "paper_numbers.hpp"

namespace syninfo::validation::detail {

struct CorrelationClaim {
  const char* id;
  double paper_set2, paper_set3;
};

// The claimed region for the truth: r at least half the paper's effect, in its
// direction (r <= r_paper / 2 for a negative r). Half is the margin of an
// equivalence test: a correlation weaker than half the reported one is not the
// paper's finding, even if it has the right sign.
Region truth_region(double paper_r);

// Verdict 1: each set's closed-form r against the paper's (reproduction.hpp).
void reproduce_set_correlations(const CorrelationClaim& claim, const Correlation& set2, const Correlation& set3,
                                ClaimResult& r);
// Verdict 2: each set's true r against truth_region; fills decision, reason
// (which the caller may extend) and to_decide.
void decide_set_correlations(const CorrelationClaim& claim, const Correlation& set2, const Correlation& set3,
                             ClaimResult& r);

}  // namespace syninfo::validation::detail
