// Kozachenko-Leonenko k-nearest-neighbour estimator of the differential
// entropy, in nats:
//   h = psi(N) - psi(k) + ln V_d + (d / N) sum_i ln eps_i,
// with eps_i the distance from sample i to its k-th nearest neighbour among
// the others and V_d the volume of the unit ball of the norm (2^d for the
// max-norm, pi^(d/2) / Gamma(d/2 + 1) for the Euclidean norm).
// A sample with k-th neighbour distance 0 (more than k exact duplicates) makes
// the estimate -infinity (the distribution has an atom); that is rejected with
// std::invalid_argument.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/estimators/sample_checks.hpp"
#include "syninfo/estimators/norm.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>

namespace syninfo::estimators {

struct KlOptions {
  int k = 3;
  Norm norm = Norm::max;
  unsigned threads = 0;    // 0 = hardware
  // Standard error by blocks, as in KsgOptions::blocks (seeded shuffle,
  // sd of block estimates / sqrt(blocks)).
  std::size_t blocks = 10;
  std::uint64_t seed = 1;  // for the block shuffle
};

// x: N x d, rows are samples. Throws std::invalid_argument on bad input
// (no columns, N <= k, k < 1, non-finite values, zero neighbour distances).
Estimate kozachenko_leonenko_entropy(MatrixView x, const KlOptions& options = {});

}  // namespace syninfo::estimators
