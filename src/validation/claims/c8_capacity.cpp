// C8: capacity from synaptic information, P ~ N^x with x slightly above 1
// (a reconstruction: x = (2g - 1)/a from the joint fit of log I on log n, log P).
#include "claims.hpp"

#include "../report_util.hpp"

#include <cmath>

namespace syninfo::validation::detail {
namespace {

// "Slightly superlinear" read as 1 <= x <= 1.5 (the paper's x and its
// equations are lost; 1.5 is halfway to the quadratic capacity of a network
// that stores N^2 synapses' worth).
Region capacity_region() {
  Region g;
  g.name = "x";
  g.low = 1.0;
  g.high = 1.5;
  return g;
}

double lower(const CapacityFit& c) { return c.exponent - kZ * c.exponent_se; }
double upper(const CapacityFit& c) { return c.exponent + kZ * c.exponent_se; }

Decision capacity_decision(const CapacityFit& c) {
  if (!std::isfinite(c.exponent) || !std::isfinite(c.exponent_se)) return Decision::undecided;
  return decide(lower(c), upper(c), capacity_region());
}

std::string capacity_text(const CapacityFit& c) {
  return "x = " + fmt(c.exponent) + " " + ci_text(lower(c), upper(c)) + " (g = " + fmt(c.g) + " +- " + fmt(c.g_se, 2) +
         ", a = " + fmt(c.a) + " +- " + fmt(c.a_se, 2) + ")";
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
  const Region g = capacity_region();
  const Decision d2 = capacity_decision(c.cap2), d3 = capacity_decision(c.cap3);
  r.reproduction = combine(d2, d3);
  r.reproduction_reason = "the paper's x is lost: the closed form's x against " + g.text() + ": set 2 " + to_string(d2) +
                          ", set 3 " + to_string(d3);
  if (mark_without_truth(a, r)) return r;
  r.truth = "reliable truth subsample (sets 2 and 3 pooled, m = " + std::to_string(c.truth.used) + "): " +
            capacity_text(c.truth) + "; closed form on the same: x = " + fmt(c.truth_cf.exponent);
  r.decision = capacity_decision(c.truth);
  r.reason = "reconstruction (the paper's equations are lost): 'slightly superlinear' read as " + g.text() +
             " with the 95% CI (delta method)";
  if (r.decision == Decision::undecided)
    r.to_decide = std::isfinite(c.truth.exponent_se)
                      ? standard_error_power(c.truth.exponent, c.truth.exponent_se, c.truth.used, g).text("reliable problems")
                      : "a capacity fit on the truth (too few reliable problems)";
  return r;
}

}  // namespace syninfo::validation::detail
