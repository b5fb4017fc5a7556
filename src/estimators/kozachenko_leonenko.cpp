#include "syninfo/estimators/kozachenko_leonenko.hpp"

#include "syninfo/estimators/block_error.hpp"
#include "syninfo/estimators/digamma.hpp"
#include "syninfo/estimators/kd_tree.hpp"
#include "syninfo/estimators/sample_checks.hpp"
#include "syninfo/estimators/message.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::estimators {

namespace {

// Scales the points by a power of two (exact for normal results) that brings
// the largest |coordinate| into [0.5, 1), and returns the binary exponent
// removed. Without it, squared Euclidean distances overflow to infinity for
// values near 1e300 and underflow to 0 (false "exact duplicates") near
// 1e-310; the estimator is equivariant under scaling, h(cX) = h(X) + d ln c,
// so the exponent is added back exactly.
int scale_to_unit(std::vector<double>& points) {
  double largest = 0.0;
  for (double v : points) largest = std::max(largest, std::fabs(v));
  if (largest == 0.0) return 0;
  int exponent = 0;
  std::frexp(largest, &exponent);
  if (exponent == 0) return 0;
  for (double& v : points) v = std::ldexp(v, -exponent);
  return exponent;
}

double kl_core(std::vector<double> points, std::size_t n, std::size_t d, std::size_t k, Norm norm,
               unsigned threads) {
  const int exponent = scale_to_unit(points);
  const KdTree tree(points.data(), n, d);
  std::vector<double> log_eps;
  tree.all_kth_neighbour_distances(k, norm, log_eps, threads);
  std::size_t zeros = 0;
  for (double& e : log_eps) {
    if (e > 0.0) e = std::log(e);
    else ++zeros;
  }
  if (zeros > 0)
    throw std::invalid_argument(message("kozachenko_leonenko: ", zeros, " samples have more than k = ", k,
                                        " exact duplicates (k-th neighbour distance 0; the entropy would be "
                                        "-infinity)"));
  double sum = 0.0, comp = 0.0;
  for (double t : log_eps) {
    const double s = sum + t;
    comp += std::fabs(sum) >= std::fabs(t) ? (sum - s) + t : (t - s) + sum;
    sum = s;
  }
  const DigammaTable psi(n);
  return psi(n) - psi(k) + log_unit_ball_volume(d, norm) +
         static_cast<double>(d) * ((sum + comp) / static_cast<double>(n) + exponent * std::numbers::ln2);
}

}  // namespace

Estimate kozachenko_leonenko_entropy(MatrixView x, const KlOptions& options) {
  const std::string who = "kozachenko_leonenko";
  if (options.k < 1) throw std::invalid_argument(message(who, ": k must be at least 1 (got ", options.k, ")"));
  require_finite_columns(x, who, "x");
  const auto n = static_cast<std::size_t>(x.rows());
  const auto k = static_cast<std::size_t>(options.k);
  if (n <= k)
    throw std::invalid_argument(message(who, ": need more samples than neighbours (N = ", n, ", k = ", k, ")"));
  const auto d = static_cast<std::size_t>(x.cols());
  Estimate out;
  out.samples = n;
  out.method = options.norm == Norm::max ? "kozachenko_leonenko_max" : "kozachenko_leonenko_euclidean";
  out.value = kl_core(row_major(x), n, d, k, options.norm, options.threads);
  const BlockError err = block_standard_error(
      n, options.blocks, 2 * (k + 1), options.seed,
      [&](const std::vector<std::size_t>& rows) {
        return kl_core(row_major(x, &rows), rows.size(), d, k, options.norm, 1);  // blocks run in parallel
      },
      options.threads);
  out.standard_error = err.standard_error;
  out.error_method = err.description;
  return out;
}

}  // namespace syninfo::estimators
