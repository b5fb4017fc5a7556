// Conditional mutual information I(X;Y|Z) in nats by the Frenzel-Pompe
// extension of the KSG estimator (Frenzel & Pompe, PRL 99, 204101, 2007),
// max-norm, with the neighbour semantics of KSG algorithm 1 (ksg.hpp):
//
// - eps_i is the max-norm distance from (x_i, y_i, z_i) to its k-th nearest
//   neighbour among the other points (exact duplicates count, at distance 0).
// - n_xz(i) = #{j != i : d_xz(i, j) < eps_i} (strict; counted as
//   <= std::nextafter(eps_i, 0)), where d_xz is the max-norm distance in the
//   joint (x, z) space; likewise n_yz(i) and n_z(i).
// - I = < psi(k) - psi(n_xz + 1) - psi(n_yz + 1) + psi(n_z + 1) >.
// - Points whose k-th neighbour distance is 0 (more than k exact duplicates)
//   use the mixture term in the manner of Gao et al. (2017) and Mesner &
//   Shalizi (2019): psi(k_i) - psi(m_xz + 1) - psi(m_yz + 1) + psi(m_z + 1),
//   where k_i, m_xz, m_yz, m_z count the other points at distance 0 in the
//   joint space and in the subspaces. Purely discrete data then estimate the
//   discrete conditional mutual information.
// - Ties at positive distances are counted exactly.
// With a constant Z every n_z is N - 1 and the estimate is KSG algorithm 1's
// I(X;Y) (to the rounding of the sum). Work is O(N log N) for low
// dimensions, parallel over points, and the result is bit-for-bit
// independent of the number of threads (per-point terms summed in row order).
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/estimators/sample_checks.hpp"

#include <cstddef>
#include <cstdint>

namespace syninfo::estimators {

struct CmiOptions {
  int k = 3;             // neighbours in the joint space, >= 1 and < N
  unsigned threads = 0;  // 0 = hardware
  std::uint64_t seed = 1;  // for the block shuffle of the standard error
  // Standard error by batch means over `blocks` random disjoint blocks, as
  // for KSG (block_error.hpp); fewer blocks if a block would have fewer than
  // 2(k+1) rows; NaN with fewer than 2 blocks (0 or 1 turns it off).
  std::size_t blocks = 10;
  // Standardise every column of x, y and z (zero mean, unit sample variance;
  // standardise.hpp) first, as KsgOptions::normalise does for KSG: the
  // max-norm neighbourhoods then do not depend on the columns' units.
  bool normalise = true;
};

// x: N x dx, y: N x dy, z: N x dz, rows are samples. Throws
// std::invalid_argument with a specific message on bad input (row mismatch,
// a matrix with no columns, N <= k, non-finite values, k < 1).
Estimate ksg_conditional_mutual_information(MatrixView x, MatrixView y, MatrixView z,
                                            const CmiOptions& options = {});

}  // namespace syninfo::estimators
