#include "claims.hpp"


namespace syninfo::validation::detail {

ClaimRow ClaimResult::row() const {
  return ClaimRow{id,    claim,   paper,   closed_form, to_string(reproduction), reproduction_reason, truth,
                  to_string(decision), reason, to_decide};
}

bool mark_without_truth(const Analysis& a, ClaimResult& r) {
  if (a.have_truth) return false;
  r.truth = "not computed (--no-truth)";
  r.decision = Decision::undecided;
  r.reason = "no ground truth in this run";
  r.to_decide = "run with the ground truth";
  return true;
}

std::vector<ClaimResult> evaluate_claims(const Analysis& a, const ValidationConfig& config) {
  return {evaluate_c1_singleton_trends(a, config), evaluate_c2_patterns(a, config), evaluate_c3_ensemble_growth(a, config),
          evaluate_c4_synapses(a, config),         evaluate_c5_synergy(a, config),  evaluate_c6_invalid_fraction(a, config),
          evaluate_c7_neuron_count(a, config),     evaluate_c8_capacity(a, config)};
}

}  // namespace syninfo::validation::detail
