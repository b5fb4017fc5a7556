// One paired step of sequential Monte Carlo (proofs/degenerate_ensembles.md
// section 6): at positions (p, p + 1) of the step order, where p + 1 is
// determined by p and the earlier positions in every term, an unbiased
// estimate of the joint density of (z_p, z_{p+1}) given a particle's past.
// Two pivot terms are solved for (one scalar equation on the pair's fibre,
// at most two roots); the other terms are drawn truncated to the budgets. For
// w = 1 the pivots are the terms of extreme ratio T_d / T_j and the draws stay
// in the cone between them, where the one root always exists.
#pragma once

#include "smc_sum_model.hpp"

#include "syninfo/random.hpp"

#include <cstddef>
#include <vector>

namespace syninfo::truth::detail {

struct PairedStepWork {
  std::vector<double> cj, cd, pick;
  std::vector<std::size_t> order;
};

// ln of the estimate (-inf if the particle dies). eps is the particle's
// standardised draws, term-major ([mu * n + position]); the step writes the
// draws at position p (and 0 at p + 1) of every random term.
double paired_step(const SumModel& m, std::size_t p, double log_zj, double log_zd, double* eps, Rng& rng,
                   PairedStepWork& w);

// The roots t in (0, b) of a (b - t)^w + c t^w = d (a, c, b, d > 0, w != 0),
// given as ln a, ln c: at most two (the left side is convex or concave in t).
// Exposed for the tests.
std::vector<double> fibre_roots(double log_a, double log_c, double w, double b, double d);

}  // namespace syninfo::truth::detail
