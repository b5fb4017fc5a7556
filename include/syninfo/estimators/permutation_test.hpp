// Permutation (surrogate) significance tests for the KSG mutual information
// and the Frenzel-Pompe conditional mutual information.
//
// The observed estimate is compared with the estimates on `permutations`
// surrogate data sets made under the null hypothesis, and
//   p = (1 + #{surrogates >= observed}) / (1 + permutations),
// which is a valid p-value (P(p <= a) <= a under the null) whenever the
// surrogates are exchangeable with the data under the null; its smallest
// value is 1 / (1 + permutations).
//
// - MI, null X independent of Y: the rows of Y are shuffled against X (a
//   uniform random permutation, Fisher-Yates), the surrogate of JIDT and
//   IDTxl.
// - CMI, null X independent of Y given Z: a plain shuffle of X would also
//   break the dependence of X on Z and test the wrong null (X independent
//   of (Y, Z)). Instead X is permuted locally, within neighbourhoods in Z
//   (Runge 2018, "Conditional independence testing based on a
//   nearest-neighbor estimator of conditional mutual information", AISTATS,
//   algorithm 1): the neighbourhood of row i is row i and its
//   `neighbours - 1` nearest rows in Z (max-norm; ties in distance broken by
//   a seeded random order of the rows, not by row index). The rows are
//   visited in a random order; row i takes the X of a random member of its
//   neighbourhood not yet taken, or of a random member when all are taken.
//   The surrogate keeps X's relation to Z (approximately, as far as Z varies
//   little within a neighbourhood) and breaks X's relation to Y given Z.
//   Runge recommends a neighbourhood of 5 to 10 rows. It is meant for
//   continuous Z; with many ties in Z (a discrete Z) the neighbourhoods are
//   arbitrary subsets of a tied class.
//
// Surrogate s (0-based) is drawn from Rng(seed', s + 1) alone, with seed'
// derived from `seed`, and the neighbourhood order from Rng(seed', 0), so the
// result is the same for every thread count; surrogates run in parallel.
#pragma once

#include "syninfo/estimators/ksg.hpp"
#include "syninfo/estimators/ksg_conditional.hpp"
#include "syninfo/estimators/sample_checks.hpp"
#include "syninfo/random.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::estimators {

struct PermutationOptions {
  std::size_t permutations = 100;  // surrogates, >= 1
  std::uint64_t seed = 1;
  // CMI only: rows per Z-neighbourhood (the row itself included), >= 2 and
  // <= N.
  std::size_t neighbours = 5;
  unsigned threads = 0;  // 0 = hardware
};

struct PermutationTest {
  double observed = 0.0;          // the estimate on the data, nats
  double p_value = 1.0;
  std::size_t permutations = 0;
  std::size_t at_least_observed = 0;  // surrogates with estimate >= observed
  double surrogate_mean = 0.0;    // nats
  double surrogate_sd = 0.0;      // nats, divisor permutations - 1 (0 for one)
  std::string null_method;        // how the surrogates were made
};

// The estimator's options are used as given (its standard error is not
// computed). Throws std::invalid_argument for bad input or options.
PermutationTest mi_permutation_test(MatrixView x, MatrixView y, const KsgOptions& estimator,
                                    const PermutationOptions& options = {});
PermutationTest cmi_permutation_test(MatrixView x, MatrixView y, MatrixView z, const CmiOptions& estimator,
                                     const PermutationOptions& options = {});

// The Z-neighbourhoods of the CMI test (exposed for testing): for every row
// i, `neighbours` row indices starting with i itself, then the nearest
// others in Z in (distance, random rank) order. The same for every thread
// count (0: all cores).
std::vector<std::vector<std::size_t>> z_neighbourhoods(MatrixView z, std::size_t neighbours, std::uint64_t seed,
                                                       unsigned threads = 0);

// One local permutation drawn from rng (see above): row i of the surrogate
// takes the X of row source[i]. Every source[i] lies in neighbourhoods[i].
std::vector<std::size_t> local_permutation(const std::vector<std::vector<std::size_t>>& neighbourhoods, Rng& rng);

}  // namespace syninfo::estimators
