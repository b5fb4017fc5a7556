// Kraskov-Stoegbauer-Grassberger (2004) k-nearest-neighbour estimator of the
// mutual information I(X;Y) in nats, algorithms 1 and 2, max-norm.
//
// Neighbour semantics (exact, no fudge constants):
// - eps_i is the max-norm distance from z_i = (x_i, y_i) to its k-th nearest
//   neighbour among the other points (exact duplicates count, at distance 0).
// - Algorithm 1: n_x(i) = #{j != i : |x_j - x_i| < eps_i} (strict; counted as
//   <= std::nextafter(eps_i, 0)), likewise n_y(i);
//   I = psi(k) + psi(N) - < psi(n_x + 1) + psi(n_y + 1) >.
// - Algorithm 2: the k nearest neighbours of z_i are the first k in
//   (distance, index) order (so ties at the k-th distance are broken by row
//   index); eps_x(i), eps_y(i) are the largest x- and y-distances among them;
//   n_x(i) = #{j != i : |x_j - x_i| <= eps_x(i)} (non-strict), likewise n_y;
//   I = psi(k) - 1/k + psi(N) - < psi(n_x) + psi(n_y) >.
// - Points whose k-th neighbour distance is 0 (more than k exact duplicates of
//   z_i) have no meaningful strict neighbourhood. For them both algorithms use
//   the term of Gao, Kannan, Oh and Viswanath (2017) for discrete-continuous
//   mixtures with digammas: psi(k_i) - psi(m_x + 1) - psi(m_y + 1), where k_i,
//   m_x, m_y count the other points at distance 0 in the joint space, in X and
//   in Y. Purely discrete data then estimates the discrete mutual information
//   instead of growing like psi(N), and a constant column gives about 0.
// - Algorithm 2 needs a neighbourhood of positive width in both X and Y (its
//   -1/k term assumes points on both edges of the rectangle): a point with
//   eps_x(i) = 0 or eps_y(i) = 0 (ties within a marginal, e.g. a constant
//   column, where the plain formula gives -1/k + 1/(N-1)) uses the algorithm-1
//   term instead. In continuous data this never happens.
// - Ties at positive distances are counted exactly; the `noise` option is the
//   remedy when ties are an artefact of rounding or discretisation.
// Digammas come from an exact table (digamma.hpp). Work is O(N log N) for
// low dimensions, parallel over query points, and the result is bit-for-bit
// independent of the number of threads (per-point terms summed in row order).
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/estimators/sample_checks.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::estimators {

struct KsgOptions {
  int k = 3;               // neighbours, >= 1 and < N
  int algorithm = 1;       // 1 or 2
  unsigned threads = 0;    // 0 = hardware
  // Jitter against ties: every value of column c gets noise * s_c * g added,
  // with g standard normal drawn from Rng(seed, row) (x columns first, then y)
  // and s_c the column's standard deviation (1 when the column is constant).
  // 0 = off. Typical value 1e-10. Applied before the copula transform.
  double noise = 0.0;
  std::uint64_t seed = 1;  // for the noise and for the block shuffle
  // Replace every column by its ranks 0 .. N-1 (ties get their average rank)
  // first; the estimate is then exactly invariant to increasing transforms of
  // any column.
  bool copula = false;
  // Standardise every column (zero mean, unit sample variance; a constant
  // column is only centred: standardise.hpp) before estimating, after the
  // noise. The max-norm neighbourhoods then no longer depend on the units of
  // the columns: rescaling a column changes the estimate only by rounding
  // (as in JIDT's normalise and scikit-learn's scaling). Rounding can break
  // exact ties at positive distances (discrete data); use normalise = false
  // to count those exactly in the given units. Ignored with copula (ranks
  // have a common scale already). Internal callers that must reproduce
  // earlier numbers pin it to false.
  bool normalise = true;
  // Standard error: the rows are shuffled (seeded), cut into `blocks`
  // disjoint blocks of nearly equal size, the estimator is run on each, and
  // SE = sd(block estimates) / sqrt(blocks). Fewer blocks are used if a block
  // would have fewer than 2(k+1) rows; with fewer than 2 blocks the standard
  // error is NaN (blocks = 0 or 1 turns it off).
  std::size_t blocks = 10;
};

// x: N x dx, y: N x dy, rows are samples. Throws std::invalid_argument with a
// specific message on bad input (row mismatch, no columns, N <= k,
// non-finite values, k < 1, algorithm not 1 or 2, negative or non-finite noise).
// Estimate::warnings holds the ceiling warnings of ksg_warnings().
Estimate ksg_mutual_information(MatrixView x, MatrixView y,
                                const KsgOptions& options = {});

// The KSG ceiling psi(N) - psi(k) - 1/k: the estimate when every point's
// marginal neighbourhoods hold no point beyond its k joint neighbours (one
// marginal k - 1 strictly inside eps for algorithm 1, k and k for algorithm
// 2), as for Y a near-copy of X. No continuous sample gives more, except
// exact copies under algorithm 1 (k - 1 in both marginals: psi(N) - psi(k)).
// Near it the estimate measures the sample size, not the dependence.
double ksg_ceiling(std::size_t n, int k);

// The estimate is "at the ceiling" when it is within ksg_ceiling_margin
// nats of ksg_ceiling(N, k) or above it: on average each point's marginal
// digamma terms exceed their minimum by at most 0.1 nats (one extra
// neighbour in one marginal costs 1/k to 1/(k+1) nats per point).
inline constexpr double ksg_ceiling_margin = 0.1;

// Warnings for an estimate e of ksg_mutual_information(x, y, options): a
// column of x identical (value for value) to a column of y, and an
// estimate at the ceiling. Empty when neither applies.
std::vector<std::string> ksg_warnings(MatrixView x, MatrixView y, const Estimate& e, const KsgOptions& options);

}  // namespace syninfo::estimators
