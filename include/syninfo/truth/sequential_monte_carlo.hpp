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
//   - picks a pivot u among the random terms (probability: half uniform, half
//     proportional to the density of T_a^u alone at z_a),
//   - draws the other random terms one after another from their conditional
//     normals truncated below the remaining budget (so the pivot's remainder
//     is always positive: no zero-density draws),
//   - gives the pivot the remainder, and multiplies its weight by
//         p_{T_a^u | past}(remainder) * prod_{mu != u} P(T_a^mu < budget_mu),
//     an unbiased estimate of p(z_a | the particle's past) (each pivot's
//     estimator is unbiased, so is a random choice among them) that is
//     bounded by the largest conditional log-normal density.
// Particles are resampled (systematic) when their effective number falls
// below half. The product over synapses of the mean weights is an unbiased
// estimate of p_Z(z) whose relative variance grows about linearly in n rather
// than exponentially. The method needs, at every synapse, one term that is not
// determined by its past: it fails (SmcUnavailable) exactly when every pattern's
// log-term is degenerate in the same direction (n above the rank of the
// touched neurons, or an even cycle of synapses).
//
// Jensen bias. Each density is the mean of `replicates` independent SMC runs;
// -ln of it is corrected by a jackknife over the replicates (the delta method
// -ln p_hat - rv/2, rv = relative variance of the mean, is computed beside
// it); the bias allowance added in quadrature to the standard error is
// max(|jackknife - delta method|, |correction|).
//
// Measured (Release, 2 cores; diagnostics in `relative_variance`): see
// true_information.hpp for the accuracy against the exact oracles.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"
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
  double statistical_error = 0.0;  // of the per-sample differences alone
  double outer_sd = 0.0;           // sd of the per-sample differences (SE = outer_sd / sqrt(outer))
};

// Common random numbers: outer sample i draws every pattern once and uses it
// for both W_E and R^(k). Throws SmcUnavailable or InvalidInput.
SmcMutualInformation smc_mutual_information(const Problem<double>& problem, const SmcOptions& options);

// Why SMC cannot treat this problem, or "" if it can (cheap, no sampling).
std::string smc_unavailable_reason(const Problem<double>& problem, double determined_tolerance = 1e-12);

}  // namespace syninfo::truth
