// Conditional Monte Carlo (CMC) entropies of sums of independent log-normal
// terms, and the true information h(W_E) - h(R^(k)) built on them
// (theory.md sections 4 and 6).
//
// For Z = sum_{mu in M} T^mu and any term u whose log-domain covariance is
// positive definite ("eligible"), p_Z(z) = E[p_{T^u}(z - V_u)] with
// V_u = sum_{mu != u} T^mu. The estimator mixes these identities over every
// eligible u with fixed weights (proportional to each term's share of the
// variance of Z), so it stays unbiased for p_Z(z).
//
// Left tail: p_{T^u}(z - V_u) is zero unless V_u < z componentwise, which
// requires every term T^mu < z. The inner draws therefore sample each term
// from its distribution truncated to ln T^mu < ln z (the GHK sequential
// sampler on a pivoted LDLT factor, which also handles singular and zero
// covariances) and carry the exact truncation probability as a weight. This is
// an exact importance-sampling identity, not an approximation, and it removes
// the zero-density (-inf) samples of the naive estimator in the left tail.
// Any outer sample whose estimated density is still zero is counted in
// `zero_density` and left out of the average (it is not turned into -inf).
//
// Jensen bias: -ln of an average of `inner` draws overestimates -ln p by
// about CV^2/2 (CV^2 = squared coefficient of variation of the inner average),
// i.e. O(1/inner) when the inner weights have a finite variance. Each outer
// sample is corrected by a jackknife over the two halves of its inner draws
// (2 x full - mean of halves, which cancels a 1/inner term); the
// delta-method correction (subtract the sample's own estimated CV^2/2) is
// computed beside it. The standard error adds, in quadrature, the allowance
// max(|jackknife - delta-method corrected means|, |applied correction|) for
// the bias that remains. A sample one of whose halves has zero density falls
// back to the delta method (counted in `delta_fallback`).
//
// Measured: for two synapses with strongly correlated terms (P = 3, I ~ 0.83
// nats, same outer draws) the corrected estimate still drifts by ~0.01 nats
// from inner = 64 to 256 and ~0.005 from 256 to 1024, i.e. the residual bias
// decays more slowly than 1/inner (heavy-tailed inner weights) and is about
// the size of the applied correction, which is why that enters the allowance.
// For a single synapse (tests against quadrature) it is far below the
// statistical error at inner >= 64.
//
// Not for ensembles of three or more synapses. With one pivot term the inner
// weight is a product over synapses, its relative variance grows like
// exp(n c), and the estimate is biased upwards far beyond its standard error:
// e.g. 10 disjoint synapses, P = 10 (N = 20, exchangeable sigma^2 0.5, rho 0.3):
// 0.736 +- 0.091 with 218 of 5000 samples left out, where sequential Monte
// Carlo gives 0.521 +- 0.026; 3 synapses, P = 20: 0.176 +- 0.028 (23 left
// out) against 0.078 +- 0.019. The samples left out (zero estimated density,
// in the left tail) bias h upwards too. Use sequential_monte_carlo.hpp;
// estimate_true_information runs this one only for n <= 2 unless asked.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"
#include "syninfo/truth/block_store.hpp"
#include "syninfo/truth/model_sampling.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace syninfo::truth {

using estimators::Estimate;

// No term of the sum has a positive-definite log covariance, so CMC has no
// density to condition on (the sum may have no density at all), or the
// information is infinite (P = 1, or R^(k) is deterministic).
class CmcUnavailable : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};

struct CmcOptions {
  std::size_t outer = 20000;   // outer samples Z_i
  std::size_t inner = 256;     // inner draws per outer sample (>= 4)
  std::uint64_t seed = 1;
  unsigned threads = 0;        // 0: all cores; results do not depend on it
  bool truncate = true;        // false: naive inner draws (for diagnostics only)
  double eligibility_tolerance = 1e-10;  // min eigenvalue / max eigenvalue of an eligible term
  // Mutual information only: keep the finished blocks of outer samples here
  // and read back those it holds (block_store.hpp); same result either way.
  BlockStore* store = nullptr;
};

struct CmcEntropy {
  Estimate estimate;              // h(Z) in nats, bias-corrected
  double bias_correction = 0.0;   // mean applied (jackknife) correction, subtracted from -ln p_hat
  double bias_allowance = 0.0;    // max(|jackknife - delta method|, |correction|), in the standard error
  double statistical_error = 0.0; // standard error of the outer average alone
  std::size_t zero_density = 0;   // outer samples left out: estimated density 0
  std::size_t delta_fallback = 0; // samples corrected by the delta method (a half had density 0)
  std::size_t eligible_terms = 0;
};

// h(sum of the given terms) (terms with an empty mean vector are not allowed).
// Outer sample i uses Rng(options.seed, i). Throws CmcUnavailable when no term
// is eligible.
CmcEntropy cmc_entropy(const std::vector<LogTerm>& terms, const CmcOptions& options);

struct CmcMutualInformation {
  Estimate estimate;  // I(W_E; x^k) = h(W_E) - h(R^(k)) in nats
  CmcEntropy h_w;     // h(W_E) from the same outer draws
  CmcEntropy h_r;     // h(R^(k)) from the same outer draws
  double bias_correction = 0.0;    // net applied correction (W_E minus R^(k))
  double bias_allowance = 0.0;     // the same allowance for the difference, in the standard error
  double statistical_error = 0.0;  // of the per-sample differences alone
};

// Common random numbers: outer sample i draws every pattern once and uses it
// for both W_E_i and R^(k)_i, and the standard error is that of the per-sample
// differences (plus the bias allowance). Samples where either density is 0
// are left out of the difference and counted in h_w/h_r.zero_density. Throws CmcUnavailable for P = 1 or
// when W_E or R^(k) has no eligible term, InvalidInput for an invalid problem.
CmcMutualInformation cmc_mutual_information(const Problem<double>& problem, const CmcOptions& options);

}  // namespace syninfo::truth
