// The model sequential Monte Carlo factorises (sequential_monte_carlo.cpp):
// every term's log in a step order, its lower-triangular semi-definite
// Cholesky factor in that order, and the plan of steps. A step is one synapse
// that some term leaves free given the earlier ones, or, for a degenerate
// ensemble, a pair (j, d): j free, d determined by j and the earlier synapses
// in every term (proofs/degenerate_ensembles.md section 6).
#pragma once

#include "syninfo/truth/model_sampling.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <string>
#include <vector>

namespace syninfo::truth::detail {

// Lower-triangular semi-definite Cholesky factor in the given order: a column
// whose conditional variance is at most tol * scale is zero (the coordinate is
// determined by the earlier ones).
Eigen::MatrixXd semidefinite_cholesky(const Eigen::MatrixXd& cov, double tol);

struct SumModel {
  Eigen::Index n = 0;
  std::vector<Eigen::VectorXd> mean;  // per term, in step order
  std::vector<Eigen::MatrixXd> chol;  // per term, in step order
  // Step order: position -> coordinate of the points (the ensemble's order).
  // The identity unless paired steps were planned.
  std::vector<Eigen::Index> order;
  // pair_first[p]: positions p and p + 1 are one paired step; pair_slope[p]
  // is w, with ln T_{p+1} = w ln T_p + (terms of earlier positions) in every term.
  std::vector<char> pair_first;
  std::vector<double> pair_slope;
  std::size_t pairs = 0;
  // First coordinate (ensemble order) at which nothing can be factorised, or -1.
  Eigen::Index determined = -1;
  std::string why;  // why, when determined >= 0 and pairing was tried
  std::size_t terms() const { return mean.size(); }
};

// The model of the sum of the terms. When some synapse is determined by the
// earlier ones in every term and pair_steps is set, plans paired steps
// (proofs/degenerate_ensembles.md section 6); a model with no determined
// synapse keeps the ensemble order and single steps (bit-identical results).
SumModel make_sum_model(const std::vector<LogTerm>& terms, double tol, bool pair_steps);

}  // namespace syninfo::truth::detail
