// Baseline high-capacity learning rules for binary Hopfield networks, beside
// Hebbian storage (network.hpp) and infomorphic training (infomorphic.hpp).
#pragma once

#include "syninfo/hopfield/network.hpp"

namespace syninfo::hopfield {

// Descent L2 of Tolmachev & Manton (2020, arXiv:2010.01472), non-incremental:
// for every neuron i the incoming weights w_i (w_ii = 0) minimise
//   C_i(w) = 1/2 sum_mu (lambda h_i^mu - xi_i^mu)^2 + ridge/2 |w|^2,
//   h_i^mu = sum_{j != i} w_ij xi_j^mu.
// C_i is a ridge regression, so the minimiser solves the normal equations
//   (lambda^2 X^T X + ridge I) w = lambda X^T y   (X: the patterns without column i, y: column i),
// which we solve exactly (Cholesky) where the authors iterate L-BFGS-B to a
// tolerance. Their defaults lambda = 0.5, ridge = 0.001 (the "alpha" of their
// code, renamed here so as not to clash with the load). Their optional bias is
// left out: the patterns are unbiased and our recall has no thresholds.
// std::invalid_argument for lambda <= 0, ridge <= 0 (the system must be
// positive definite) or non-finite values.
struct DescentL2Options {
  double lambda = 0.5;
  double ridge = 0.001;
};

Matrix<double> descent_l2_weights(const Matrix<double>& patterns, const DescentL2Options& options);

}  // namespace syninfo::hopfield
