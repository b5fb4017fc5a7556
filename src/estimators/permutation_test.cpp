#include "syninfo/estimators/permutation_test.hpp"
#include "syninfo/estimators/standardise.hpp"

#include "syninfo/estimators/kd_tree.hpp"
#include "syninfo/estimators/message.hpp"
#include "syninfo/parallel.hpp"

#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace syninfo::estimators {

namespace {

// Mixed into the user's seed so that the surrogate streams differ from the
// streams the estimators draw from the same seed (block shuffle, noise).
constexpr std::uint64_t surrogate_seed_key = 0x5375727267617465ull;

std::uint64_t surrogate_seed(std::uint64_t seed) { return seed ^ surrogate_seed_key; }

// Uniform random permutation of 0 .. n-1 (Fisher-Yates).
std::vector<std::size_t> random_permutation(std::size_t n, Rng& rng) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.uniform_int(0, i - 1)]);
  return order;
}

// m with row i replaced by row source[i].
Eigen::MatrixXd rows_from(MatrixView m, const std::vector<std::size_t>& source) {
  Eigen::MatrixXd out(m.rows(), m.cols());
  for (Eigen::Index i = 0; i < m.rows(); ++i) out.row(i) = m.row(static_cast<Eigen::Index>(source[static_cast<std::size_t>(i)]));
  return out;
}

void check_permutation_options(const PermutationOptions& options, const std::string& who) {
  if (options.permutations < 1)
    throw std::invalid_argument(message(who, ": permutations must be at least 1 (got ", options.permutations, ")"));
}

// Runs `surrogate(s)` for s = 0 .. permutations-1 in parallel and compares
// with the observed value.
PermutationTest compare_with_surrogates(double observed, const PermutationOptions& options,
                                        const std::function<double(std::size_t)>& surrogate) {
  std::vector<double> values(options.permutations);
  parallel_for_each_dynamic(options.permutations, options.threads,
                            [&](std::size_t s) { values[s] = surrogate(s); });
  PermutationTest out;
  out.observed = observed;
  out.permutations = options.permutations;
  double mean = 0.0;
  for (double v : values) {
    out.at_least_observed += v >= observed;
    mean += v;
  }
  mean /= static_cast<double>(values.size());
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  out.surrogate_mean = mean;
  out.surrogate_sd = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : 0.0;
  out.p_value = static_cast<double>(1 + out.at_least_observed) / static_cast<double>(1 + options.permutations);
  return out;
}

}  // namespace

std::vector<std::vector<std::size_t>> z_neighbourhoods(MatrixView z, std::size_t neighbours, std::uint64_t seed,
                                                       unsigned threads) {
  const auto n = static_cast<std::size_t>(z.rows());
  if (neighbours < 2 || neighbours > n)
    throw std::invalid_argument(
        message("permutation test: neighbours must be at least 2 and at most N = ", n, " (got ", neighbours, ")"));
  // The tree holds the rows in a random order, so that its (distance, index)
  // order breaks ties in distance at random rather than by row number.
  Rng rng(surrogate_seed(seed), 0);
  const std::vector<std::size_t> row_at = random_permutation(n, rng);
  const KdTree tree(row_major(z, &row_at).data(), n, static_cast<std::size_t>(z.cols()));
  std::vector<std::vector<std::size_t>> out(n);
  parallel_for(n, threads, [&](std::size_t begin, std::size_t end) {
    std::vector<Neighbour> nearest;
    for (std::size_t t = begin; t < end; ++t) {
      std::vector<std::size_t>& hood = out[row_at[t]];
      hood.reserve(neighbours);
      hood.push_back(row_at[t]);
      tree.k_nearest(t, neighbours - 1, Norm::max, nearest);
      for (const Neighbour& nb : nearest) hood.push_back(row_at[nb.index]);
    }
  });
  return out;
}

std::vector<std::size_t> local_permutation(const std::vector<std::vector<std::size_t>>& neighbourhoods, Rng& rng) {
  const std::size_t n = neighbourhoods.size();
  std::vector<std::size_t> source(n);
  std::vector<char> taken(n, 0);
  std::vector<std::size_t> candidates;
  for (std::size_t i : random_permutation(n, rng)) {
    candidates = neighbourhoods[i];
    for (std::size_t m = candidates.size(); m > 1; --m) std::swap(candidates[m - 1], candidates[rng.uniform_int(0, m - 1)]);
    // The first candidate not yet taken, else the last (a random member).
    std::size_t pick = 0;
    while (pick + 1 < candidates.size() && taken[candidates[pick]]) ++pick;
    source[i] = candidates[pick];
    taken[candidates[pick]] = 1;
  }
  return source;
}

PermutationTest mi_permutation_test(MatrixView x, MatrixView y, const KsgOptions& estimator,
                                    const PermutationOptions& options) {
  check_permutation_options(options, "ksg permutation test");
  KsgOptions quiet = estimator;
  quiet.blocks = 0;
  const double observed = ksg_mutual_information(x, y, quiet).value;  // also checks the input
  quiet.threads = 1;  // the surrogates run in parallel instead
  const auto n = static_cast<std::size_t>(x.rows());
  PermutationTest out = compare_with_surrogates(observed, options, [&](std::size_t s) {
    Rng rng(surrogate_seed(options.seed), s + 1);
    return ksg_mutual_information(x, rows_from(y, random_permutation(n, rng)), quiet).value;
  });
  out.null_method = "rows of Y shuffled against X (uniform random permutations)";
  return out;
}

PermutationTest cmi_permutation_test(MatrixView x, MatrixView y, MatrixView z, const CmiOptions& estimator,
                                     const PermutationOptions& options) {
  check_permutation_options(options, "cmi permutation test");
  if (estimator.normalise) {
    // Standardised once, so the Z-neighbourhoods are found in the same units
    // as the estimator's and every surrogate sees the same columns. The
    // values are checked first, so that an error names the bad cell.
    require_finite_columns(x, "cmi", "x");
    require_finite_columns(y, "cmi", "y");
    require_finite_columns(z, "cmi", "z");
    CmiOptions raw = estimator;
    raw.normalise = false;
    return cmi_permutation_test(standardised_columns(x), standardised_columns(y), standardised_columns(z), raw, options);
  }
  CmiOptions quiet = estimator;
  quiet.blocks = 0;
  const double observed = ksg_conditional_mutual_information(x, y, z, quiet).value;  // also checks the input
  quiet.threads = 1;  // the surrogates run in parallel instead
  const auto hoods = z_neighbourhoods(z, options.neighbours, options.seed, options.threads);
  PermutationTest out = compare_with_surrogates(observed, options, [&](std::size_t s) {
    Rng rng(surrogate_seed(options.seed), s + 1);
    return ksg_conditional_mutual_information(rows_from(x, local_permutation(hoods, rng)), y, z, quiet).value;
  });
  out.null_method = message("X permuted locally within neighbourhoods of ", options.neighbours,
                            " rows in Z (Runge 2018)");
  return out;
}

}  // namespace syninfo::estimators
