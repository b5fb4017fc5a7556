// Deterministic reference for a single synapse (n = 1): the density of a sum
// of independent scalar log-normal terms by recursive one-dimensional
// convolution in the log domain, and from it h(W), h(R^(k)) and the true
// information I = h(W) - h(R^(k)).
//
// Method. With q the density of ln X and phi that of ln Y (Gaussian), the
// density of ln(X + Y) is, after the substitution X = e^u r, Y = e^u (1 - r),
// r = 1/(1 + e^-t),
//     q'(u) = integral over t of q(u - softplus(-t)) phi(u - softplus(t)) dt,
// a smooth integrand on the real line. Each partial sum's log-density is kept
// on a uniform grid (spacing = the smallest of its moment-matched log standard
// deviation and every term's log standard deviation, divided by
// points_per_sd), read between nodes by 6-point Lagrange interpolation, and
// the t-integral is a trapezoid sum over the exact window where both factors
// are non-negligible (spectrally accurate for smooth, decaying integrands).
// Grids are trimmed after each step where q < 1e-22 max q. The entropy is
// h(W) = h(ln W) + E[ln W], by the trapezoid rule on the final grid.
//
// Constant terms (log variance 0) are dropped: adding a constant does not
// change a differential entropy.
//
// Error estimate: the whole computation is repeated with twice the resolution
// (grid and t-step halved); the reported value is the fine one and the
// standard_error field holds |fine - coarse| plus the normalisation errors
// (a conservative bound: the interpolation error falls as spacing^6).
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"

#include <cstddef>
#include <stdexcept>
#include <vector>

namespace syninfo::truth {

using estimators::Estimate;

// ln T ~ Normal(mean, var); var = 0 is the constant e^mean.
struct ScalarLogNormal {
  double mean = 0.0;
  double var = 0.0;
};

class QuadratureUnavailable : public std::domain_error {
 public:
  using std::domain_error::domain_error;
};

struct QuadratureOptions {
  double points_per_sd = 20.0;  // coarse resolution; the fine run doubles it
  double tail_sd = 12.0;        // each Gaussian factor is cut at mean +- tail_sd sd
  std::size_t max_points = 1u << 16;  // cap on grid nodes per partial sum
  // Cap on the integrand evaluations of one density (a few seconds of work);
  // beyond it the method declines (QuadratureUnavailable) instead of running
  // for hours: log-variances of hundreds next to ones of order 1 need windows
  // of ~1e4 panels at each of ~6e4 nodes.
  std::size_t max_evaluations = 50000000;
};

// The log-domain density of one sum at one resolution.
struct LogSumDensity {
  double lo = 0.0;          // ln w of node 0
  double step = 0.0;        // grid spacing in ln w
  std::vector<double> q;    // density of ln W at the nodes
  double normalisation = 0.0;  // integral of q (should be 1)
  double entropy = 0.0;        // h(W) in nats (of W, not of ln W)
  double mean_log = 0.0;       // E[ln W]
};

// Density at resolution points_per_sd. Throws QuadratureUnavailable when no
// term is random (the sum is a constant: no density), or when the grid or the
// work would exceed max_evaluations (log-variances spanning too
// many scales: the reason names the variances).
LogSumDensity log_sum_density(const std::vector<ScalarLogNormal>& terms, double points_per_sd,
                              const QuadratureOptions& options = {});

struct QuadratureEntropy {
  Estimate estimate;                 // h(W); standard_error = refinement error bound
  double normalisation_error = 0.0;  // |integral of q - 1| at the fine resolution
  std::size_t grid_points = 0;       // nodes of the final fine grid
};

QuadratureEntropy quadrature_entropy(const std::vector<ScalarLogNormal>& terms, const QuadratureOptions& options = {});

struct QuadratureMutualInformation {
  Estimate estimate;  // I = h(W) - h(R^(k)); standard_error = refinement error bound
  QuadratureEntropy h_w, h_r;
};

// Requires a single synapse (InvalidInput-free problems with n != 1 throw
// QuadratureUnavailable), P >= 2 and a random term among the patterns other
// than k (else the information is infinite: QuadratureUnavailable).
QuadratureMutualInformation quadrature_mutual_information(const Problem<double>& problem,
                                                          const QuadratureOptions& options = {});

}  // namespace syninfo::truth
