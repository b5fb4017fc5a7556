// The true information of a degenerate ensemble (its incidence vectors e_a
// linearly dependent, so smc cannot factorise W_E or R^(k) synapse by
// synapse) by noise regularisation (proofs/degenerate_ensembles.md):
//
//   I_eps = I(W_E + N_eps; x^k),  N_eps independent of everything, with
//           ln N_eps ~ Normal(mu_a, s^2 I), mu_a such that sd(N_a) = eps sd(W_a),
//
// is computed by smc on the terms {T^1..T^P, N_eps} (the noise term is never
// determined, so every synapse has a pivot). Two facts make it a ground truth:
//   - I_eps <= I for every eps (data processing: W_E + N_eps is a noisy
//     function of W_E), so every level is a lower bound, with its SE;
//   - I_eps -> I as eps -> 0 (lower semi-continuity of mutual information
//     under convergence in distribution, with the bound above), also when I
//     is infinite;
// and, where W_E and R^(k) have smooth densities with finite Fisher
// information, I - I_eps = c eps^2 + O(eps^4) would follow from the
// small-noise expansion of the entropy of a sum. Measured, it does not hold at
// eps = 0.2..0.05 (the gaps shrink ~1.55x per halving, not 4x; see the proof
// note, section 3), so the extrapolation below is rough and says so; the
// levels are the rigorous part: the truth driver (true_information.hpp) uses
// the smallest level as a lower bound for degenerate ensembles. The estimate is the
// Richardson extrapolation in eps^2 of the two smallest levels of a ladder
// eps_0, eps_0 / 2, ..., formed sample by sample (common random numbers: each
// outer sample draws the patterns and the standardised noise once for every
// level), and the extrapolation of the next pair measures the remainder:
// their difference, when significant, enters the bias allowance.
//
// Before any sampling, density_verdict (density_rank.hpp) decides whether the
// identity applies: infinite and undefined information are reported as such.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"
#include "syninfo/truth/density_rank.hpp"
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace syninfo::truth {

struct NoiseRegularisedOptions {
  SmcOptions smc;                 // per level (outer samples, particles, seed, threads)
  double largest_scale = 0.2;     // eps_0: the noise sd as a fraction of sd(W_a)
  std::size_t levels = 3;         // eps_0 / 2^j, j = 0..levels-1 (>= 2; 3 measures the remainder)
  double log_sd = 0.5;            // s, the noise's log standard deviation at every synapse
  bool scale_particles = true;    // particles x 2^j at level j (the noise pivot narrows like eps)
};

struct NoiseLevel {
  double scale = 0.0;        // eps
  SmcMutualInformation mi;   // I_eps, a lower bound on I
};

struct NoiseRegularisedInformation {
  DensityVerdict density;        // finite, infinite or undefined, before any sampling
  std::vector<NoiseLevel> levels;
  Estimate lower_bound;          // the smallest-noise level's I_eps (a bound on I, up to its SE)
  Estimate estimate;             // Richardson extrapolation to eps = 0 (method "smc_noise_extrapolated")
  double remainder = 0.0;        // mean difference of the last two extrapolations (eps^4 term)
  double remainder_error = 0.0;  // its standard error
  std::vector<std::string> problems;  // diagnostics that make the estimate unreliable
};

// Throws InvalidInput on a bad problem, std::invalid_argument on bad options.
// For infinite or undefined information, levels stay empty and `estimate`
// carries +inf or NaN with the reason in density.reason.
NoiseRegularisedInformation noise_regularised_information(const Problem<double>& problem,
                                                          const NoiseRegularisedOptions& options = {});

// The noise term of scale eps for these log-terms (exposed for tests).
LogTerm noise_term(const std::vector<LogTerm>& terms, double scale, double log_sd);

}  // namespace syninfo::truth
