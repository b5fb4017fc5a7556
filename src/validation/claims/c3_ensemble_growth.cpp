// C3: the ensemble information rises with n; the closed form fails (NaN/inf)
// from about 5 synapses at large rho (Fig. 3A/B).
#include "claims.hpp"

#include "../report_util.hpp"

namespace syninfo::validation::detail {

ClaimResult evaluate_c3_ensemble_growth(const Analysis& a, const ValidationConfig&) {
  const CurveAnalysis& c = a.curves;
  ClaimResult r;
  r.id = "C3";
  r.claim = "ensemble MI rises with n; NaN/inf from ~5 synapses at large rho";
  r.paper = "qualitative (Fig. 3A/B); failures from n ~ 5";
  r.closed_form = "rises with n in " +
                  StepCount{c.t3a.across.claimed + c.t3b.across.claimed, c.t3a.across.total + c.t3b.across.total}.text() +
                  " steps; first failure on Fig. 3B at n = " +
                  (c.smallest_failing_n ? std::to_string(c.smallest_failing_n) : "none") +
                  (c.smallest_failing_n ? " (rho = " + fmt(c.smallest_failing_rho) + ")" : "");
  if (mark_without_truth(a, r)) return r;
  r.truth = "n steps " + c.c3_n.text() + "; truth finite and reliable at " + std::to_string(c.truth_at_invalid_reliable) +
            " of " + std::to_string(c.truth_at_invalid) + " points where the closed form fails";
  r.decision = decision_from_string(c.c3_n.verdict());
  r.reason = "adding a synapse never lowers the true I (exact); the failures are the surrogate's (the true I exists), "
             "reliable truth only for n <= " +
             (c.truth_n.empty() ? std::string("-") : std::to_string(c.truth_n.back()));
  return r;
}

}  // namespace syninfo::validation::detail
