// One single step of sequential Monte Carlo (sequential_monte_carlo.hpp): at
// position a of the step order, an unbiased estimate of p(z_a | a particle's
// past). A pivot term takes the remainder of z_a; the other random terms are
// drawn one after another, truncated below the remaining budget.
//
// Two proposals for those draws (proofs/smc_bridge_proposal.md):
//   - plain: each term's own conditional normal (in its log), truncated to
//     the budget; the weight is the product of the truncation probabilities.
//     With many comparable terms the sum of the others spreads about
//     sqrt(P) times wider than the pivot's density, so the pivot's remainder
//     mostly lands in its tails: the inner noise that dominates at P = 50.
//   - bridge (experimental, SmcOptions::bridge_proposal): each term is
//     proposed from its distribution given that it and the terms still to
//     come (pivot included) add up to the remaining budget, with the rest
//     replaced by a moment-matched normal and the result matched back to a
//     log-normal; mixed 90/10 with the plain proposal (defensive: each
//     weight factor stays below 10). The importance weight corrects the
//     approximation exactly, so the estimate of p stays unbiased; but the
//     weights are heavy-tailed where the moment-matched rest is a poor
//     normal, and measured it is noisier than the plain proposal (-ln p more
//     biased at 32 particles), so it is off by default.
#pragma once

#include "smc_sum_model.hpp"

#include "syninfo/random.hpp"

#include <cstddef>
#include <vector>

namespace syninfo::truth::detail {

struct SingleStepWork {
  std::vector<double> cm, pick;
  std::vector<std::size_t> order;
};

// ln of the estimate (-inf if the particle dies). eps is the particle's
// standardised draws, term-major ([mu * n + position]); the step writes the
// draws at position a of every random term. bridge = false is the plain
// proposal, bit for bit as before the bridge existed.
double single_step(const SumModel& m, std::size_t a, double log_z, double* eps, Rng& rng, SingleStepWork& w,
                   bool bridge);

}  // namespace syninfo::truth::detail
