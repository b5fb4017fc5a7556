// C7: the information does not depend on N: the same problem embedded at more
// neurons gives the same closed form and the same ground truth.
#include "claims.hpp"

#include "../report_util.hpp"

namespace syninfo::validation::detail {

ClaimResult evaluate_c7_neuron_count(const Analysis& a, const ValidationConfig& config) {
  const NeuronAnalysis& n = a.neurons;
  ClaimResult r;
  r.id = "C7";
  r.claim = "MI does not depend on N";
  r.paper = "qualitative (Results 3)";
  r.closed_form = "same problem embedded at N = |J|, " + std::to_string(config.curves.neurons) + ", " +
                  std::to_string(2 * config.curves.neurons) + ": max relative difference " + fmt(n.max_rel, 2) + " over " +
                  std::to_string(n.compared) + " points, " + std::to_string(n.status_mismatch) +
                  " status mismatches; set statistics at other N in the C7 table";
  // Verdict 1: the same problem at other N gives the same closed form to
  // rounding (1e-9 relative: the embedding permutes and pads the matrices,
  // which changes the order of floating-point operations only).
  r.reproduction = n.compared == 0 ? Decision::undecided
                   : (n.max_rel <= 1e-9 && n.status_mismatch == 0 ? Decision::holds : Decision::fails);
  r.reproduction_reason = "max relative difference " + fmt(n.max_rel, 2) + " against 1e-9, " +
                          std::to_string(n.status_mismatch) + " status mismatches";
  if (mark_without_truth(a, r)) return r;
  r.truth = std::to_string(n.truth_identical) + " of " + std::to_string(n.truth_compared) +
            " ground-truth estimates identical at N and 2N (max |z| = " + fmt(n.truth_max_z, 2) + ")";
  r.decision = n.truth_compared > 0 && n.truth_max_z < kZ ? Decision::holds
                                                          : (n.truth_compared > 0 ? Decision::fails : Decision::undecided);
  if (r.decision == Decision::undecided) r.to_decide = "ground truth for the C7 problems (truth_plan.c7_problems)";
  r.reason = "exact: I(W_E; x^k) is a functional of the touched neurons' law only; the random sets' laws do depend on N "
             "(1/N scale of B B', the spread of Q), see the C7 table";
  return r;
}

}  // namespace syninfo::validation::detail
