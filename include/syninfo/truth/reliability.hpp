// The one verdict rule for an estimate of the true information I(W_E; x^k),
// shared by `syninfo truth` (true_information.hpp), the audit
// (audit/fenton_wilkinson_audit.hpp) and the validation's ground truth
// (validation/ground_truth.hpp), so the three never disagree on the same
// estimate.
//
// An estimate is reliable when all of these hold:
//   - the problem is resolvable in double precision: at every synapse, the
//     log standard deviation of W_E and of R^(k) exceeds 1e-8 x max(1, |ln|
//     of the largest term|) (log-means near 1e300, or variances near 1e-278,
//     make the sampled sums constants in double and every estimate noise);
//   - its value and standard error are finite, the standard error >= 0;
//   - I >= 0 within negative_sigmas (3) standard errors (I is never negative);
//   - the method's own diagnostics raise no problem (passed in by the caller:
//     zero-density samples, noisy densities, a large refinement bound, ...);
//   - it agrees with every cross-check that applies (the caller says which
//     apply and why) within agreement_sigmas (4) combined standard errors; a
//     cross-check with a non-finite value or error cannot confirm it and
//     counts as a disagreement.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"
#include "syninfo/truth/model_sampling.hpp"

#include <string>
#include <vector>

namespace syninfo::truth {

using estimators::Estimate;

struct ReliabilityRule {
  double negative_sigmas = 3.0;   // I < -negative_sigmas x SE is a failure
  double agreement_sigmas = 4.0;  // cross-checks further apart than this many combined SEs disagree
  double resolution = 1e-8;       // smallest log sd relative to max(1, |largest log-term|)
};

struct CrossCheck {
  const Estimate* estimate = nullptr;
  std::string why_it_applies;  // e.g. "quadrature", "joint dimension 2"
};

struct ReliabilityInput {
  const Estimate* best = nullptr;          // nullptr: no estimate at all
  std::vector<std::string> method_problems;  // from the method's own diagnostics
  std::vector<CrossCheck> cross_checks;
  std::string resolution_problem;          // resolution_problem(terms, k), "" if none
  std::string checked;                     // what the method checked, for the note when reliable
};

struct Reliability {
  bool reliable = false;
  std::string note;  // the reasons (joined by "; "), or what was checked
};

Reliability judge_reliability(const ReliabilityInput& input, const ReliabilityRule& rule = {});

// Why double precision cannot resolve W_E or R^(k) of these log-terms (k the
// pattern left out of R^(k)), or "" when it can. Cheap: moments only.
std::string resolution_problem(const std::vector<LogTerm>& terms, std::size_t k, double resolution = 1e-8);

}  // namespace syninfo::truth
