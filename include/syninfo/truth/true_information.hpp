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
//           allowance (jackknife vs delta method, and the particle check).
//           reliable = no zero-density samples, mean relative variance of the
//           densities <= 0.5 (after the automatic rerun with more particles),
//           not negative beyond 3 SE (the bias allowance is in the SE), and
//           agreement within agreement_sigmas with every trusted cross-check
//           (quadrature; KSG up to ksg_max_joint_dimension; CMC for n <= 2).
// Cheapest useful call: TruthOptions o; o.ksg = o.cmc = false; (smc only,
// smc_samples 4000: n = 10, P = 10 in ~8 s on 2 cores, SE ~0.03 nats).
//   degenerate ensembles (at some synapse every pattern's term is determined by
//           the earlier synapses: n above the rank of the touched neurons, or an
//           even cycle; proofs/degenerate_ensembles.md):
//           - smc itself when paired steps can factorise W_E and R^(k)
//             (every determined synapse paired with a free synapse of its own,
//             section 6): an estimate of I with the usual verdict, and
//             smc_paired_steps in the report says how many pairs it used;
//           otherwise:
//           - first the density test (density_rank.hpp): when R^(k) has no
//             density but W_E has, I is infinite (information "infinite",
//             best.value = +inf, reliable = true: a proof, not an estimate);
//             when W_E has none, the identity gives nothing (information
//             "undefined", best.value NaN, reliable = false). No sampling.
//           - otherwise two LOWER BOUNDS: the smc estimate of I(W_A; x^k) for the
//             largest sub-ensemble A (greedy, in ensemble order) that smc can
//             treat (monotonicity, theory.md 5.2), method smc_lower_bound; and,
//             with noise_levels >= 2, I(W_E + N_eps; x^k) at the smallest noise
//             level eps (data processing), method smc_noise_lower_bound, with the
//             extrapolation to eps = 0 beside it (smc_noise_extrapolated, a
//             diagnostic: its eps^2 rate was not found). `best` is the larger
//             bound and reliable = false (a bound is not I).
//
// Measured (Release, 2 shared cores) against exact oracles (tests/truth and
// sequential_monte_carlo.hpp): smc within 2.2 standard errors on 27
// independent-synapse cases n = 2..10 (and 1.3 at n = 15, 20), and on a
// correlated pair sharing a neuron against a 2-D quadrature reference.
// The cases that first showed the estimators disagreeing (syninfo truth,
// 5000 KSG/CMC samples, 4000 smc samples):
//   N = 10, P = 20, sigma^2 0.8, rho 0.3, 3 synapses: smc 0.078 +- 0.019;
//     KSG 0.055 +- 0.009 (low: 6-D joint space), one-pivot CMC 0.176 +- 0.028
//     (high), closed form 0.106.
//   N = 20, P = 10, sigma^2 0.5, rho 0.3, 10 disjoint synapses: smc
//     0.521 +- 0.026 (0.515 +- 0.020 at 128 particles, same points), KSG
//     0.067 +- 0.007 (20-D joint space), CMC 0.736 +- 0.091, closed form 0.507.
//   N = 8, 10 synapses (a connected bipartite graph: rank 7): degenerate;
//     lower bound 0.587 +- 0.038 from 7 synapses, KSG 0.157 +- 0.013 (18-D),
//     closed form 0.844.
// KSG against the exact value for independent synapses (P = 10, sigma^2 0.5):
// n = 2 (4-D): 0.030 +- 0.006 vs 0.030; n = 5 (10-D): 0.027 at 5000 samples,
// 0.046 at 20000, vs 0.111.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"
#include "syninfo/truth/block_store.hpp"

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
  std::size_t smc_control_samples = 16;  // control-variate draws per outer sample (SmcOptions::control_samples); 0 off
  std::size_t smc_check_extensions = 3;  // re-measurements of a significant particle check (SmcOptions::check_extensions)
  // Degenerate ensembles: smc with paired steps where an order allows it
  // (SmcOptions::pair_steps; proofs/degenerate_ensembles.md section 6). false:
  // the lower bounds below, as before (the reference set v1 keeps this).
  bool smc_pair_steps = true;
  bool smc_bridge = false;  // SmcOptions::bridge_proposal (experimental, measured noisier; proofs/smc_bridge_proposal.md)
  // When the density estimates are noisy (mean relative variance above 0.35),
  // rerun smc with 4x the particles (same outer points), up to this many.
  // smc_particles_used in the report says what was used. 0 or <= smc_particles: off.
  std::size_t smc_max_particles = 256;
  bool cmc_for_ensembles = false;   // run the one-pivot CMC for n >= 3 too (biased there; diagnostics only)
  std::size_t ksg_max_joint_dimension = 4;  // KSG counts as a cross-check only up to this joint dimension
  double agreement_sigmas = 4.0;    // methods disagree when further apart than this many combined SEs
  // Degenerate ensembles: the noise-regularised ladder eps = 0.2, 0.1, ... of
  // this many levels (particles x 2 per level, so ~2^levels - 1 smc runs of
  // the ensemble plus a noise term); 0 turns it off (the sub-ensemble bound only).
  std::size_t noise_levels = 3;
  // Keep the finished blocks of outer samples of smc (including the noise
  // levels' runs) and cmc here, and read back those it holds
  // (block_store.hpp: `syninfo truth --checkpoint`); same result either way.
  // KSG and quadrature are single units and always recomputed.
  BlockStore* store = nullptr;
};

struct TruthReport {
  std::vector<Estimate> estimates;  // method "ksg1", "cmc", "smc", "quadrature"
  std::size_t smc_paired_steps = 0; // paired steps of a degenerate ensemble's smc (0: none)
  std::vector<std::string> notes;   // skipped methods and the reasons; choices made
  std::string ksg_y;                // which Y the KSG run used: "ln T^k", "y^k_J" or "principal ln T^k"
  std::size_t ksg_y_columns = 0;
  std::size_t cmc_zero_density = 0;   // outer samples with zero estimated density (W_E or R^(k))
  double cmc_bias_correction = 0.0;   // net delta-method correction applied to the CMC estimate
  double gaussian_channel = 0.0;      // 0.5 ln(det C / det C') (NaN if singular), for reference

  // What the identity I = h(W_E) - h(R^(k)) gives (density_rank.hpp):
  // "finite", "infinite" or "undefined", and why when not finite.
  std::string information = "finite";
  std::string information_reason;
  // Degenerate ensembles with noise_levels >= 2: I(W_E + N_eps; x^k) per level
  // (each a lower bound), and the change between the last two extrapolations.
  std::vector<std::pair<double, Estimate>> noise_levels;
  double noise_remainder = 0.0, noise_remainder_error = 0.0;

  // Verdict.
  Estimate best;                 // the estimate to use; method "" and value NaN when there is none
  bool best_is_lower_bound = false;  // best is a lower bound on I (degenerate ensemble)
  std::vector<std::size_t> lower_bound_synapses;  // the sub-ensemble A of smc_lower_bound, as positions
  bool reliable = false;
  std::string reliability_note;  // why not reliable, or what was checked

  // SMC diagnostics (zero when SMC did not run).
  double smc_bias_correction = 0.0;
  double smc_bias_allowance = 0.0;
  double smc_statistical_error = 0.0;
  double smc_mean_relative_variance = 0.0;  // of the density estimates, mean over W_E and R^(k) samples
  double smc_max_relative_variance = 0.0;
  std::size_t smc_zero_density = 0;
  std::size_t smc_particles_used = 0;
  double smc_particle_check_shift = 0.0;  // see SmcMutualInformation
  double smc_particle_check_error = 0.0;
  bool smc_control_variate = false;       // the log-normal surrogates' control variates were used
  double smc_control_correlation = 0.0;   // their multiple correlation with the per-sample differences
  double smc_uncontrolled_error = 0.0;    // the statistical error without them

  // Cost.
  std::vector<std::pair<std::string, double>> seconds;  // per method, wall-clock
  double total_seconds = 0.0;
};

// The methods a name selects (the CLI's --method, Python's method=), for an
// ensemble of `synapses` synapses:
//   "auto"  the `best` rule's method alone, no cross-checks (the default): quadrature
//           for one synapse, smc otherwise. Same best estimate as "all", at a
//           fraction of the cost (on one synapse "all" spends ~90% on CMC).
//   "all"   every method that applies (the cross-checks enter the verdict);
//   "ksg", "cmc", "smc", "quadrature": that method alone ("cmc" also for n >= 3).
// Returns false, leaving options unchanged, for any other name.
bool select_methods(TruthOptions& options, const std::string& method, std::size_t synapses);

// Whether select_methods knows the name (to reject a bad --method before reading a spec).
bool is_method_name(const std::string& method);

// Throws InvalidInput for an invalid problem; every method failure becomes a note.
TruthReport estimate_true_information(const Problem<double>& problem, const TruthOptions& options);

}  // namespace syninfo::truth
