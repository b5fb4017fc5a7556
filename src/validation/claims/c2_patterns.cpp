// C2: log I against log P has a negative correlation (I ~ P^-a), on sets 2 and 3.
#include "set_correlations.hpp"

#include "../report_util.hpp"

namespace syninfo::validation::detail {

ClaimResult evaluate_c2_patterns(const Analysis& a, const ValidationConfig&) {
  const SetAnalysis& s = a.sets;
  ClaimResult r;
  r.id = "C2";
  r.claim = "MI vs P, log-log: negative correlation; I ~ P^-a";
  r.paper = "r = -0.69 (set 2), -0.54 (set 3); a lost";
  r.closed_form = "set 2: " + r_text(s.fits2.p[0].corr) + ", slope " + slope_text(s.fits2.p[0].fit) + "; set 3: " +
                  r_text(s.fits3.p[0].corr) + ", slope " + slope_text(s.fits3.p[0].fit);
  r.numbers = {{"c2_set2_r", s.fits2.p[0].corr.r},
               {"c2_set3_r", s.fits3.p[0].corr.r},
               {"c2_set2_slope", s.fits2.p[0].fit.slope},
               {"c2_set3_slope", s.fits3.p[0].fit.slope}};
  const CorrelationClaim claim{"C2", kPaperCorrelations.c2_set2, kPaperCorrelations.c2_set3};
  reproduce_set_correlations(claim, s.fits2.p[0].corr, s.fits3.p[0].corr, r);
  if (mark_without_truth(a, r)) return r;
  r.truth = "set 2: " + r_text(s.st2.corr_p) + " (closed form on the same samples r = " + fmt(s.st2.cf_corr_p.r, 2) +
            "); set 3: " + r_text(s.st3.corr_p) + " (closed form r = " + fmt(s.st3.cf_corr_p.r, 2) + ")";
  decide_set_correlations(claim, s.st2.corr_p, s.st3.corr_p, r);
  r.reason += " on " + std::to_string(s.st2.reliable.size() + s.st3.reliable.size()) + " of " +
              std::to_string(s.st2.all.size() + s.st3.all.size()) + " subsampled problems with a reliable truth (" +
              std::to_string(s.st2.non_positive + s.st3.non_positive) + " with truth <= 0 left out of the log)";
  return r;
}

}  // namespace syninfo::validation::detail
