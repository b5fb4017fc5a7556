// C4: log I against log n has a positive correlation (I ~ n^g), on sets 2 and 3.
#include "set_correlations.hpp"

#include "../report_util.hpp"

#include <algorithm>

namespace syninfo::validation::detail {

ClaimResult evaluate_c4_synapses(const Analysis& a, const ValidationConfig& config) {
  const SetAnalysis& s = a.sets;
  ClaimResult r;
  r.id = "C4";
  r.claim = "MI vs n, log-log: positive correlation; I ~ n^g";
  r.paper = "r = 0.61 (set 2), 0.59 (set 3); g lost";
  r.closed_form = "set 2: " + r_text(s.fits2.n[0].corr) + ", slope g = " + slope_text(s.fits2.n[0].fit) + "; set 3: " +
                  r_text(s.fits3.n[0].corr) + ", g = " + slope_text(s.fits3.n[0].fit);
  r.numbers = {{"c4_set2_r", s.fits2.n[0].corr.r},
               {"c4_set3_r", s.fits3.n[0].corr.r},
               {"c4_set2_slope", s.fits2.n[0].fit.slope},
               {"c4_set3_slope", s.fits3.n[0].fit.slope}};
  const CorrelationClaim claim{"C4", kPaperCorrelations.c4_set2, kPaperCorrelations.c4_set3};
  reproduce_set_correlations(claim, s.fits2.n[0].corr, s.fits3.n[0].corr, r);
  if (mark_without_truth(a, r)) return r;
  r.truth = "set 2: " + r_text(s.st2.corr_n) + " (closed form r = " + fmt(s.st2.cf_corr_n.r, 2) + "); set 3: " +
            r_text(s.st3.corr_n) + " (closed form r = " + fmt(s.st3.cf_corr_n.r, 2) + ")";
  decide_set_correlations(claim, s.st2.corr_n, s.st3.corr_n, r);
  std::size_t max_n_reliable = 0;
  for (const ScatterTruth* st : {&s.st2, &s.st3})
    for (auto* t : st->reliable) max_n_reliable = std::max(max_n_reliable, t->synapses);
  r.reason += "; ";
  if (max_n_reliable < config.random.max_synapses)
    r.reason += "reliable truth reaches n = " + std::to_string(max_n_reliable) + " only (of " +
                std::to_string(config.random.max_synapses) + "), so the range of n is truncated";
  else
    r.reason += "reliable truth covers the sets' whole range of n (up to " + std::to_string(max_n_reliable) + ")";
  return r;
}

}  // namespace syninfo::validation::detail
