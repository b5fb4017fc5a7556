#include "syninfo/estimators/ksg_conditional.hpp"
#include "syninfo/estimators/standardise.hpp"

#include "syninfo/estimators/block_error.hpp"
#include "syninfo/estimators/compensated_sum.hpp"
#include "syninfo/estimators/digamma.hpp"
#include "syninfo/estimators/kd_tree.hpp"
#include "syninfo/estimators/message.hpp"
#include "syninfo/estimators/range_counter.hpp"
#include "syninfo/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::estimators {

namespace {

// Row-major samples of one variable: n rows of dims values.
struct Rows {
  const double* data;
  std::size_t dims;
};

// The rows of the given variables side by side (row-major, n rows).
std::vector<double> concatenated(std::size_t n, std::initializer_list<Rows> parts) {
  std::size_t width = 0;
  for (const Rows& p : parts) width += p.dims;
  std::vector<double> out(n * width);
  for (std::size_t i = 0; i < n; ++i) {
    double* row = out.data() + i * width;
    for (const Rows& p : parts) row = std::copy_n(p.data + i * p.dims, p.dims, row);
  }
  return out;
}

// The Frenzel-Pompe estimate on n rows (see ksg_conditional.hpp). The joint
// tree and the three subspace counters are built concurrently; the per-point
// terms depend on the point alone and are summed in row order, so the result
// does not depend on the thread count.
double cmi_core(Rows x, Rows y, Rows z, std::size_t n, std::size_t k, unsigned threads) {
  std::unique_ptr<KdTree> joint;
  std::unique_ptr<RangeCounter> count_xz, count_yz, count_z;
  parallel_for_each_dynamic(4, threads, [&](std::size_t which) {
    switch (which) {
      case 0: {
        std::vector<double> xyz = concatenated(n, {x, y, z});
        joint = std::make_unique<KdTree>(std::move(xyz), x.dims + y.dims + z.dims);
        break;
      }
      case 1: count_xz = std::make_unique<RangeCounter>(concatenated(n, {x, z}).data(), n, x.dims + z.dims); break;
      case 2: count_yz = std::make_unique<RangeCounter>(concatenated(n, {y, z}).data(), n, y.dims + z.dims); break;
      default: count_z = std::make_unique<RangeCounter>(z.data, n, z.dims); break;
    }
  });
  std::vector<double> term;  // eps_i until it is replaced by the term of point i
  joint->all_kth_neighbour_distances(k, Norm::max, term, threads);
  const DigammaTable psi(n);

  constexpr std::size_t points_per_chunk = 2048;
  parallel_for_each_dynamic((n + points_per_chunk - 1) / points_per_chunk, threads, [&](std::size_t chunk) {
    const std::size_t end = std::min(n, (chunk + 1) * points_per_chunk);
    for (std::size_t pos = chunk * points_per_chunk; pos < end; ++pos) {
      const std::size_t i = joint->index_at(pos);  // tree order: queries reuse the cache
      const double eps = term[i];
      if (eps == 0.0) {
        // More than k exact duplicates: the mixture term (see ksg_conditional.hpp).
        const std::size_t ki = joint->count_within(joint->point(i), 0.0, Norm::max) - 1;
        const std::size_t mxz = count_xz->count_around(i, 0.0) - 1;
        const std::size_t myz = count_yz->count_around(i, 0.0) - 1;
        const std::size_t mz = count_z->count_around(i, 0.0) - 1;
        term[i] = psi(ki) - psi(mxz + 1) - psi(myz + 1) + psi(mz + 1);
      } else {
        const double r = std::nextafter(eps, 0.0);  // strict: distance < eps
        const std::size_t nxz = count_xz->count_around(i, r) - 1;
        const std::size_t nyz = count_yz->count_around(i, r) - 1;
        const std::size_t nz = count_z->count_around(i, r) - 1;
        term[i] = psi(k) - psi(nxz + 1) - psi(nyz + 1) + psi(nz + 1);
      }
    }
  });

  // Compensated (Neumaier) sum in row order: the same for every thread count.
  CompensatedSum sum;
  for (double t : term) sum.add(t);
  return sum.value() / static_cast<double>(n);
}

}  // namespace

Estimate ksg_conditional_mutual_information(MatrixView x, MatrixView y, MatrixView z, const CmiOptions& options) {
  const std::string who = "cmi";
  if (options.k < 1) throw std::invalid_argument(message(who, ": k must be at least 1 (got ", options.k, ")"));
  if (x.rows() != y.rows())
    throw std::invalid_argument(message(who, ": x has ", x.rows(), " rows but y has ", y.rows()));
  if (x.rows() != z.rows())
    throw std::invalid_argument(message(who, ": x has ", x.rows(), " rows but z has ", z.rows()));
  require_finite_columns(x, who, "x");
  require_finite_columns(y, who, "y");
  require_finite_columns(z, who, "z");
  const auto n = static_cast<std::size_t>(x.rows());
  const auto k = static_cast<std::size_t>(options.k);
  if (n <= k)
    throw std::invalid_argument(message(who, ": need more samples than neighbours (N = ", n, ", k = ", k, ")"));

  if (options.normalise) {
    CmiOptions raw = options;
    raw.normalise = false;
    return ksg_conditional_mutual_information(standardised_columns(x), standardised_columns(y),
                                              standardised_columns(z), raw);
  }
  const auto dx = static_cast<std::size_t>(x.cols()), dy = static_cast<std::size_t>(y.cols()),
             dz = static_cast<std::size_t>(z.cols());
  const std::vector<double> x_rows = row_major(x), y_rows = row_major(y), z_rows = row_major(z);

  Estimate out;
  out.samples = n;
  out.method = "ksg_cmi";
  out.value = cmi_core({x_rows.data(), dx}, {y_rows.data(), dy}, {z_rows.data(), dz}, n, k, options.threads);
  const BlockError err = block_standard_error(
      n, options.blocks, 2 * (k + 1), options.seed,
      [&](const std::vector<std::size_t>& rows) {
        const auto xb = row_major(x, &rows), yb = row_major(y, &rows), zb = row_major(z, &rows);
        return cmi_core({xb.data(), dx}, {yb.data(), dy}, {zb.data(), dz}, rows.size(), k, 1);
      },
      options.threads);
  out.standard_error = err.standard_error;
  out.error_method = err.description;
  return out;
}

}  // namespace syninfo::estimators
