// Sequential Monte Carlo (SMC) over the synapses: the density of a sum of
// independent n-dimensional log-normal terms, and from it h(W_E), h(R^(k))
// and the true information I(W_E; x^k) = h(W_E) - h(R^(k)) (theory.md
// sections 4 and 6). This is the ground truth for ensembles (n >= 2).
//
// Why not conditional Monte Carlo with one pivot term. CMC
// (conditional_monte_carlo.hpp) averages p_{T^u}(z - V_u) over draws of the
// other terms. With independent synapses that weight is a product of n
// per-synapse weights, so its relative variance grows like exp(n c): at
// n = 10 the inner averages are dominated by single draws, -ln(average) is
// biased upwards by an amount the jackknife cannot see, and many outer samples
// have no draw with V_u < z at all (they were dropped).
//
// Factorisation. p_Z(z) = prod_a p(z_a | z_1..z_{a-1}). Write every term's log
// as g^mu = m^mu + L^mu eps^mu with L^mu the lower-triangular (semi-definite)
// Cholesky factor in the synapse order, so given its earlier coordinates,
// g_a^mu is Normal(c_a^mu, (L^mu_aa)^2) independently over mu. A particle
// carries every term's earlier coordinates; at synapse a it
//   - subtracts the terms that are determined by their past (L_aa = 0, e.g.
//     constant patterns),
//   - picks a pivot u among the random terms (probability: 10% uniform, 90%
//     proportional to the density of T_a^u alone at z_a, the likely dominant
//     term),
//   - draws the other random terms one after another, in increasing order of
//     their conditional means, from their conditional normals truncated below
//     the remaining budget (so the pivot's remainder is always positive: no
//     zero-density draws; bridge_proposal is an experimental alternative,
//     proofs/smc_bridge_proposal.md),
//   - gives the pivot the remainder, and multiplies its weight by
//         p_{T_a^u | past}(remainder) * prod_{mu != u} P(T_a^mu < budget_mu),
//     an unbiased estimate of p(z_a | the particle's past) (each pivot's
//     estimator is unbiased, so is a random choice among them) that is
//     bounded by the largest conditional log-normal density.
// Particles are resampled (systematic) when their effective number falls
// below half. The product over synapses of the mean weights is an unbiased
// estimate of p_Z(z) whose relative variance grows about linearly in n rather
// than exponentially. The method needs, at every synapse, one term that is not
// determined by its past. Where every pattern's log-term is degenerate in the
// same direction (n above the rank of the touched neurons, or an even cycle of
// synapses) it reorders the synapses and takes each determined synapse d
// together with a free one j in a paired step (src/truth/smc_paired_step.hpp,
// proofs/degenerate_ensembles.md section 6): two pivot terms solved on the
// pair's fibre, still unbiased. It fails (SmcUnavailable) when no such order
// exists (more determined synapses than free ones, or shared supports).
//
// Jensen bias. Each density is the mean of `replicates` independent SMC runs;
// -ln of it is corrected by a jackknife over the replicates (the delta method
// -ln p_hat - rv/2, rv = relative variance of the mean, is computed beside
// it). For the information, a fraction of the outer samples is re-estimated
// with more particles (the particle check: a paired comparison with only the
// inner noise as error). The bias allowance added in quadrature to the
// standard error is max(|jackknife - delta method|, |correction|), raised to
// the bias the check implies (|shift| f / (f - 1) for f x particles, as if
// the bias fell like 1/particles) when the shift exceeds 2 of its standard
// errors.
//
// Measured (Release, 2 shared cores, 32 particles x 4 replicates, 2000 outer
// samples) on exact oracles:
//   - independent disjoint synapses, I = sum of single-synapse quadratures,
//     n in {2, 5, 10} x P in {3, 10, 30} x log variance per term in {0.5, 1, 2}:
//     all 27 cases within 2.2 standard errors (z from -2.1 to
//     +1.6); n = 15 and
//     20 (P = 10): +1.25 and +0.25 SE; n = 10 with term log variance 4:
//     +1.8 SE; n = 10, P = 2: +1.75 SE.
//   - pointwise (the exact -ln p(w) of every outer point is a sum of 1-D
//     quadratures, so only the inner noise is left): the jackknife leaves a
//     bias of 0.08-0.15 nats in -ln p at n = 5-10 (0.02 at 128 particles), 1.1
//     nats at term log variance 4, but it is the same for W_E and R^(k): the
//     bias of the information is -0.01 +- 0.04 (n = 10, P = 10), 0.002 +- 0.03
//     (n = 10, P = 3, log variance 2), 0.03 +- 0.1 (log variance 4), 0.02 +- 0.08
//     (n = 20). Exception: P = 2, where R^(k) is a single exact term and nothing
//     cancels: 0.026 +- 0.010 at 32 particles, 0.007 +- 0.005 at 128 (I = 9.2).
//     So h(W_E) and h(R^(k)) alone are biased upwards beyond their error bars
//     from n = 4-5 on (callers flag them as biased from n = 4); the
//     information is not.
//   - cost: ~0.25 microseconds per (synapse x pattern x particle x replicate x
//     density): n = 10, P = 10: ~5 s per 2000 outer samples; n = 10, P = 30:
//     ~35 s; n = 5, P = 50: ~24 s per 1000; n = 2: < 2 s. The outer variance
//     dominates the error: per-sample sd of the information ~2 nats at n = 10,
//     so the standard error is ~2 / sqrt(outer).
//
// Cost per unit variance (issue 12; bench/truth_efficiency.cpp measures SE^2
// x CPU seconds, old against new in one run, on chains, stars and random
// ensembles, n = 2..20, P = 10 and 50):
//   - control variates (control_samples): the closed form's log-normal
//     surrogates of W_E and R^(k) at every outer draw, means from 16x cheap
//     extra draws. Their multiple correlation with the per-sample differences
//     is 0.75-0.85 at P = 10 for n >= 5 (statistical error 2-3x smaller in
//     variance) but only 0.16-0.4 at P = 50, where the information is small
//     and the per-sample spread is mostly the inner noise of the densities,
//     which no function of the draw can track.
//   - the particle check is re-measured when significant (check_extensions):
//     with 40 checked samples a 2-SE fluctuation alone set an allowance ten
//     times the statistical error (chain n = 2, P = 50: SE 0.23 -> 0.027).
//   Neither touches the inner noise at large P; a mixture over pivots (balance
//   heuristic) would, and is the next step.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"
#include "syninfo/truth/block_store.hpp"
#include "syninfo/truth/model_sampling.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::truth {

using estimators::Estimate;

// P = 1 (infinite information), R^(k) deterministic, or a synapse at which
// every pattern's term is determined by the earlier synapses.
class SmcUnavailable : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};

struct SmcOptions {
  std::size_t outer = 4000;      // outer samples (points W_E, R^(k))
  std::size_t particles = 32;    // particles per SMC run (>= 2)
  std::size_t replicates = 4;    // independent SMC runs per density (>= 2), for the jackknife
  std::uint64_t seed = 1;
  unsigned threads = 0;          // 0: all cores; results do not depend on it
  double determined_tolerance = 1e-12;  // conditional variance / variance below which a term is determined
  // Measured bias check (mutual information only): the first
  // check_fraction of the outer samples are estimated again with
  // check_factor times the particles (independent inner draws, same points).
  // The mean paired shift measures the remaining bias directly; a significant
  // one enters the bias allowance. 0 turns the check off (cost: +fraction x factor).
  double check_fraction = 0.1;
  std::size_t check_factor = 4;
  // A significant shift is measured again on up to this many further
  // disjoint sets of check_fraction x outer samples (stopping as soon as it is
  // no longer significant) before it enters the allowance. 0: one set only.
  std::size_t check_extensions = 3;
  // Control variates (mutual information only): per sample, the closed
  // form's log-normal surrogates c = (-ln q_W(w), -ln q_R(r)), which track the
  // sample's -ln p(w) and -ln p(r) and cost one triangular solve each. Their
  // means are estimated from control_samples x outer extra draws of the
  // patterns (no smc; a random stream of their own), and the estimate is
  // mean(D - beta . c) + beta . mean_extra(c), beta by least squares.
  // Unbiased up to O(1/outer) from estimating beta. 0 turns it off; off too
  // when either surrogate has no density (K not positive definite).
  std::size_t control_samples = 16;
  // Degenerate ensembles (a synapse determined by the earlier ones in every
  // term): factorise with paired steps where an order allows it
  // (proofs/degenerate_ensembles.md section 6). false: such a sum is
  // unavailable, as before (the reference set v1 keeps this).
  bool pair_steps = true;
  // The bridge proposal for the draws of a single step (smc_single_step.hpp,
  // proofs/smc_bridge_proposal.md): each term drawn given that it and the
  // terms still to come add up to the remaining budget (moment-matched rest,
  // 10% plain proposal as a defence). Unbiased, but measured noisier than the
  // plain proposal (its weights are heavy-tailed where the moment-matched
  // rest is a poor normal), so off by default: an experiment kept so that
  // its measurement can be repeated. false: the plain proposal.
  bool bridge_proposal = false;
  // Mutual information only: keep the finished blocks of outer samples (and
  // of the particle check's extensions) here and read back those it holds
  // (block_store.hpp); the result is the same with or without it.
  BlockStore* store = nullptr;
};

struct SmcEntropy {
  Estimate estimate;                    // h(Z) in nats, bias-corrected
  double bias_correction = 0.0;         // mean applied (jackknife) correction
  double bias_allowance = 0.0;          // max(|jackknife - delta method|, |correction|), in the standard error
  double statistical_error = 0.0;       // sd / sqrt(outer) of the corrected values
  double mean_relative_variance = 0.0;  // mean over outer samples of Var(p_hat) / p_hat^2
  double max_relative_variance = 0.0;
  std::size_t zero_density = 0;         // samples whose every particle died (counted as -ln p = the max seen, see notes)
};

// The estimate at given points, for diagnostics and tests: row i of
// log_points is ln z_i (length n); point i uses Rng(options.seed, i) only.
struct SmcPoint {
  double neg_log_p = 0.0;  // jackknife-corrected -ln p_Z(z)
  double raw = 0.0;        // -ln of the mean of the replicates (uncorrected)
  double relative_variance = 0.0;
  double delta = 0.0;      // delta-method alternative: raw - relative_variance / 2
  double lognormal = 0.0;  // log-normal alternative: -(mean of ln p_r + variance of ln p_r / 2)
  bool zero = false;       // every particle of every replicate died (even after retries)
};
std::vector<SmcPoint> smc_log_densities(const std::vector<LogTerm>& terms, const Eigen::MatrixXd& log_points,
                                        const SmcOptions& options);

// h(sum of the terms). Outer sample i uses Rng(options.seed, i) only.
SmcEntropy smc_entropy(const std::vector<LogTerm>& terms, const SmcOptions& options);

struct SmcMutualInformation {
  Estimate estimate;  // I(W_E; x^k) = h(W_E) - h(R^(k)) in nats
  SmcEntropy h_w, h_r;
  double bias_correction = 0.0;    // net applied correction (W_E minus R^(k))
  double bias_allowance = 0.0;
  double statistical_error = 0.0;  // of the (controlled, when control_variate) mean of the per-sample differences
  double outer_sd = 0.0;           // sd of the raw per-sample differences
  // The control variate (SmcOptions::control_samples): whether it was used,
  // its coefficient, the correlation of the differences with it, and the
  // statistical error the estimate would have had without it.
  bool control_variate = false;
  double control_beta = 0.0;         // beta_W - beta_R (about 1 when both surrogates track their densities)
  double control_correlation = 0.0;  // multiple correlation of the differences with the two surrogates
  double uncontrolled_error = 0.0;
  // The particle check: mean over the checked samples of (estimate with
  // check_factor x particles) - (estimate with particles), its standard error
  // (inner noise only: same points), and the number of samples checked.
  double particle_check_shift = 0.0;
  double particle_check_error = 0.0;
  std::size_t particle_check_samples = 0;
  // Outer sample i's corrected -ln p(w_i) + ln p(r_i) (NaN where a density
  // estimate vanished): for estimators that combine runs sample by sample.
  std::vector<double> sample_differences;
  std::size_t paired_steps = 0;  // paired steps in the factorisation of R^(k) (0: none, the ensemble is not degenerate)
};

// Common random numbers: outer sample i draws every pattern once and uses it
// for both W_E and R^(k). Throws SmcUnavailable or InvalidInput.
SmcMutualInformation smc_mutual_information(const Problem<double>& problem, const SmcOptions& options);

// The same on given log-terms: I = h(sum of all terms) - h(sum without term
// k). Any term other than k may be an independent addition to both sums (for
// example a noise term, see noise_regularised_information.hpp). Throws
// SmcUnavailable when the sum without term k cannot be factorised.
SmcMutualInformation smc_mutual_information_of_terms(const std::vector<LogTerm>& terms, std::size_t k,
                                                     const SmcOptions& options);

// Why SMC cannot treat this problem, or "" if it can (cheap, no sampling).
std::string smc_unavailable_reason(const Problem<double>& problem, double determined_tolerance = 1e-12,
                                   bool pair_steps = true);

}  // namespace syninfo::truth
