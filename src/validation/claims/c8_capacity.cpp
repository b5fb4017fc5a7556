// C8: capacity from synaptic information, P ~ N^x with x slightly above 1
// (a reconstruction: x = (2g - 1)/a from the joint fit of log I on log n, log P).
#include "claims.hpp"

#include "../report_util.hpp"

#include <cmath>

namespace syninfo::validation::detail {
namespace {

std::string capacity_verdict(const CapacityFit& c) {
  if (!std::isfinite(c.exponent) || !std::isfinite(c.exponent_se)) return "undecided";
  const double lo = c.exponent - kZ * c.exponent_se, hi = c.exponent + kZ * c.exponent_se;
  if (lo > 1.0 && hi <= 1.5) return "holds";
  if (hi < 1.0 || lo > 1.5) return "fails";
  return "undecided";
}

std::string capacity_text(const CapacityFit& c) {
  return "x = " + fmt(c.exponent) + " " + ci_text(c.exponent - kZ * c.exponent_se, c.exponent + kZ * c.exponent_se) +
         " (g = " + fmt(c.g) + " +- " + fmt(c.g_se, 2) + ", a = " + fmt(c.a) + " +- " + fmt(c.a_se, 2) + ")";
}

}  // namespace

ClaimResult evaluate_c8_capacity(const Analysis& a, const ValidationConfig&) {
  const CapacityAnalysis& c = a.capacity;
  ClaimResult r;
  r.id = "C8";
  r.claim = "capacity from synaptic information: P ~ N^x, slightly superlinear";
  r.paper = "x slightly > 1 (x lost)";
  r.closed_form = "joint fit log I = b + g log n - a log P, x = (2g - 1)/a: set 2 " + capacity_text(c.cap2) + "; set 3 " +
                  capacity_text(c.cap3);
  r.numbers = {{"c8_set2_x", c.cap2.exponent}, {"c8_set3_x", c.cap3.exponent}, {"c8_truth_x", c.truth.exponent}};
  if (mark_without_truth(a, r)) return r;
  r.truth = "reliable truth subsample (sets 2 and 3 pooled, m = " + std::to_string(c.truth.used) + "): " +
            capacity_text(c.truth) + "; closed form on the same: x = " + fmt(c.truth_cf.exponent);
  r.decision = decision_from_string(capacity_verdict(c.truth));
  r.reason = "reconstruction (the paper's equations are lost): 'slightly superlinear' read as 1 < x <= 1.5 with the 95% CI; "
             "closed form: set 2 " +
             capacity_verdict(c.cap2) + ", set 3 " + capacity_verdict(c.cap3);
  return r;
}

}  // namespace syninfo::validation::detail
