// The true information I(W_E; x^k) of a synaptic-model problem by every
// independent method that applies (theory.md sections 5-6), each with its own
// standard error, notes on the methods skipped and why, and a verdict: the
// estimate to use (`best`) and whether it can be trusted (`reliable`, with
// `reliability_note` saying why not or what was checked).
//
// Which estimate is `best`:
//   n = 1:  quadrature (deterministic, error bound ~1e-8), else smc.
//   n >= 2: smc (sequential_monte_carlo.hpp), the only method whose error is
//           controlled for ensembles. Its standard error includes the bias
//           allowance of the jackknife.
//   degenerate ensembles (at some synapse every pattern's term is determined by
//           the earlier synapses: n above the rank of the touched neurons, or an
//           even cycle): no method estimates I itself. `best` is then a LOWER
//           BOUND, the smc estimate of I(W_A; x^k) for the largest sub-ensemble A
//           (greedy, in ensemble order) that smc can treat (monotonicity,
//           theory.md 5.2), and reliable = false.
//
// Measured (Release, 2 cores, default options: 4000 outer samples, 32
// particles x 4 replicates) against exact oracles, see tests/truth:
//   - independent disjoint synapses (I = sum of single-synapse quadratures),
//     P = 10, sigma^2 = 0.5: n = 2, 5, 10 within 1.5 standard errors; n = 10
//     costs ~10 s per 4000 outer samples with standard error ~0.035 nats.
//   - KSG (algorithm 1, k = 3) is biased low in high joint dimension: at
//     n = 10 (20 joint dimensions) it returns ~5% of the true value; it is used
//     only as a cross-check when its joint dimension is at most
//     `ksg_max_joint_dimension`.
//   - CMC with one pivot term (conditional_monte_carlo.hpp) is biased high for
//     n >= 3 (heavy-tailed inner weights, dropped zero-density samples); it is
//     no longer run for n >= 3 unless `cmc_for_ensembles` is set.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace syninfo::truth {

using estimators::Estimate;

struct TruthOptions {
  std::size_t samples = 20000;  // KSG samples and CMC outer samples
  std::size_t inner = 256;      // CMC inner draws per outer sample
  bool ksg = true, cmc = true, quadrature = true;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  int k = 3;  // KSG neighbours
  // Sequential Monte Carlo (the ground truth for ensembles).
  bool smc = true;
  std::size_t smc_samples = 4000;   // outer samples; cost ~ n * P * particles * replicates per sample
  std::size_t smc_particles = 32;   // particles per run (below ~16 the Jensen bias grows, see tests)
  std::size_t smc_replicates = 4;   // runs per density (jackknife)
  bool cmc_for_ensembles = false;   // run the one-pivot CMC for n >= 3 too (biased there; diagnostics only)
  std::size_t ksg_max_joint_dimension = 4;  // KSG counts as a cross-check only up to this joint dimension
  double agreement_sigmas = 4.0;    // methods disagree when further apart than this many combined SEs
};

struct TruthReport {
  std::vector<Estimate> estimates;  // method "ksg1", "cmc", "smc", "quadrature"
  std::vector<std::string> notes;   // skipped methods and the reasons; choices made
  std::string ksg_y;                // which Y the KSG run used: "ln T^k", "y^k_J" or "principal ln T^k"
  std::size_t ksg_y_columns = 0;
  std::size_t cmc_zero_density = 0;   // outer samples with zero estimated density (W_E or R^(k))
  double cmc_bias_correction = 0.0;   // net delta-method correction applied to the CMC estimate
  double gaussian_channel = 0.0;      // 0.5 ln(det C / det C') (NaN if singular), for reference

  // Verdict.
  Estimate best;                 // the estimate to use; method "" and value NaN when there is none
  bool best_is_lower_bound = false;  // best estimates I(W_A) for a sub-ensemble A (degenerate ensemble)
  std::vector<std::size_t> lower_bound_synapses;  // A, as positions in the ensemble
  bool reliable = false;
  std::string reliability_note;  // why not reliable, or what was checked

  // SMC diagnostics (zero when SMC did not run).
  double smc_bias_correction = 0.0;
  double smc_bias_allowance = 0.0;
  double smc_statistical_error = 0.0;
  double smc_mean_relative_variance = 0.0;  // of the density estimates, mean over W_E and R^(k) samples
  double smc_max_relative_variance = 0.0;
  std::size_t smc_zero_density = 0;

  // Cost.
  std::vector<std::pair<std::string, double>> seconds;  // per method, wall-clock
  double total_seconds = 0.0;
};

// Throws InvalidInput for an invalid problem; every method failure becomes a note.
TruthReport estimate_true_information(const Problem<double>& problem, const TruthOptions& options);

}  // namespace syninfo::truth
