#include "set_correlations.hpp"

#include "../report_util.hpp"

namespace syninfo::validation::detail {

Region truth_region(double paper_r) {
  Region region;
  region.name = "r";
  if (paper_r < 0.0)
    region.high = paper_r / 2.0;
  else
    region.low = paper_r / 2.0;
  return region;
}

void reproduce_set_correlations(const CorrelationClaim& claim, const Correlation& set2, const Correlation& set3,
                                ClaimResult& r) {
  const std::size_t m = kPaperCorrelations.samples;
  const Reproduction r2 = reproduce_correlation(set2.valid ? set2.r : nan, set2.count, claim.paper_set2, m);
  const Reproduction r3 = reproduce_correlation(set3.valid ? set3.r : nan, set3.count, claim.paper_set3, m);
  r.reproduction = combine(r2.decision, r3.decision);
  r.reproduction_reason = "set 2: " + r2.text("r") + "; set 3: " + r3.text("r") + " (the paper's r from " +
                          std::to_string(m) + " samples each)";
}

void decide_set_correlations(const CorrelationClaim& claim, const Correlation& set2, const Correlation& set3,
                             ClaimResult& r) {
  const Region g2 = truth_region(claim.paper_set2), g3 = truth_region(claim.paper_set3);
  const Decision d2 = set2.valid ? decide(set2.ci_low, set2.ci_high, g2) : Decision::undecided;
  const Decision d3 = set3.valid ? decide(set3.ci_low, set3.ci_high, g3) : Decision::undecided;
  r.decision = combine(d2, d3);
  r.reason = std::string("claimed region (half the paper's effect): set 2 ") + g2.text() + " " + to_string(d2) +
             ", set 3 " + g3.text() + " " + to_string(d3) + ", from the 95% CI of r";
  std::string todo;
  const auto add = [&](const char* name, Decision d, const Correlation& c, const Region& g) {
    if (d != Decision::undecided) return;
    todo += std::string(todo.empty() ? "" : "; ") + name + ": " +
            (c.valid ? correlation_power(c.r, c.count, g).text("reliable problems") : "too few reliable problems for r");
  };
  add("set 2", d2, set2, g2);
  add("set 3", d3, set3, g3);
  r.to_decide = todo;
}

}  // namespace syninfo::validation::detail
