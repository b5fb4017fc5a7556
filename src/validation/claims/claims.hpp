// The paper's claims C1-C8, one evaluator each (one file each in this
// folder): from the run's statistics (analysis.hpp, computed from the records
// and the configuration) to a typed result. A claim's rule lives in its file.
#pragma once

#include "analysis.hpp"
#include "decision.hpp"
#include "reproduction.hpp"

#include "syninfo/validation/report.hpp"

#include <string>
#include <utility>
#include <vector>

namespace syninfo::validation::detail {

struct ClaimResult {
  std::string id;           // "C1" .. "C8"
  std::string claim;        // short statement
  std::string paper;        // the paper's number(s)
  std::string closed_form;  // this run's reproduction with CI
  // Verdict 1: does the closed form reproduce the paper's number?
  Decision reproduction = Decision::undecided;
  std::string reproduction_reason;  // the comparison and its margin
  std::string truth;                // the ground-truth numbers
  // Verdict 2: does the claim hold for the true information?
  Decision decision = Decision::undecided;
  std::string reason;     // one line: the region and the numbers that decided
  std::string to_decide;  // for an undecided truth verdict: minimal detectable effect and problems needed
  // The numbers behind the decision (name, value), for claims_numbers.csv.
  std::vector<std::pair<std::string, double>> numbers;

  ClaimRow row() const;
};

// Fills truth / decision / reason of a claim when the run has no ground
// truth; returns true then.
bool mark_without_truth(const Analysis& a, ClaimResult& r);

ClaimResult evaluate_c1_singleton_trends(const Analysis& a, const ValidationConfig& config);
ClaimResult evaluate_c2_patterns(const Analysis& a, const ValidationConfig& config);
ClaimResult evaluate_c3_ensemble_growth(const Analysis& a, const ValidationConfig& config);
ClaimResult evaluate_c4_synapses(const Analysis& a, const ValidationConfig& config);
ClaimResult evaluate_c5_synergy(const Analysis& a, const ValidationConfig& config);
ClaimResult evaluate_c6_invalid_fraction(const Analysis& a, const ValidationConfig& config);
ClaimResult evaluate_c7_neuron_count(const Analysis& a, const ValidationConfig& config);
ClaimResult evaluate_c8_capacity(const Analysis& a, const ValidationConfig& config);

// All eight, in order.
std::vector<ClaimResult> evaluate_claims(const Analysis& a, const ValidationConfig& config);

}  // namespace syninfo::validation::detail
