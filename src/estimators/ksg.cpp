#include "syninfo/estimators/ksg.hpp"

#include "syninfo/estimators/block_error.hpp"
#include "syninfo/estimators/digamma.hpp"
#include "syninfo/estimators/kd_tree.hpp"
#include "syninfo/estimators/range_counter.hpp"
#include "syninfo/estimators/sample_checks.hpp"
#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"
#include "syninfo/estimators/message.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace syninfo::estimators {

namespace {

// The estimate on n rows given row-major x (n x dx) and y (n x dy).
double ksg_core(const std::vector<double>& x, const std::vector<double>& y, std::size_t n, std::size_t dx,
                std::size_t dy, std::size_t k, int algorithm, unsigned threads) {
  const std::size_t dz = dx + dy;
  std::vector<double> joint(n * dz);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t c = 0; c < dx; ++c) joint[i * dz + c] = x[i * dx + c];
    for (std::size_t c = 0; c < dy; ++c) joint[i * dz + dx + c] = y[i * dy + c];
  }
  // The marginal searches are built on a second thread while this one builds
  // the joint tree (they are independent, so the result cannot depend on it).
  std::unique_ptr<RangeCounter> marginal_x, marginal_y;
  std::exception_ptr failure;
  const auto build_marginals = [&] {
    try {
      marginal_x = std::make_unique<RangeCounter>(x.data(), n, dx);
      marginal_y = std::make_unique<RangeCounter>(y.data(), n, dy);
    } catch (...) {
      failure = std::current_exception();
    }
  };
  std::unique_ptr<KdTree> joint_tree;
  if ((threads == 0 ? default_threads() : threads) > 1) {
    std::thread helper(build_marginals);
    try {
      joint_tree = std::make_unique<KdTree>(joint.data(), n, dz);
    } catch (...) {
      helper.join();
      throw;
    }
    helper.join();
  } else {
    build_marginals();
    joint_tree = std::make_unique<KdTree>(joint.data(), n, dz);
  }
  if (failure) std::rethrow_exception(failure);
  const KdTree& tree = *joint_tree;
  const RangeCounter& count_x = *marginal_x;
  const RangeCounter& count_y = *marginal_y;
  const DigammaTable psi(n);
  const double inv_k = 1.0 / static_cast<double>(k);
  std::vector<double> term(n);

  parallel_for(n, threads, [&](std::size_t begin, std::size_t end) {
    std::vector<Neighbour> nearest;
    for (std::size_t i = begin; i < end; ++i) {
      const double* zi = joint.data() + i * dz;
      const double* xi = x.data() + i * dx;
      const double* yi = y.data() + i * dy;
      double eps_x = 0.0, eps_y = 0.0, eps = 0.0;
      if (algorithm == 1) {
        eps = tree.kth_neighbour_distance(i, k, Norm::max);
      } else {
        tree.k_nearest(i, k, Norm::max, nearest);
        eps = nearest.back().distance;
        for (const auto& nb : nearest) {
          eps_x = std::max(eps_x, max_norm_distance(xi, x.data() + nb.index * dx, dx));
          eps_y = std::max(eps_y, max_norm_distance(yi, y.data() + nb.index * dy, dy));
        }
      }
      if (eps == 0.0) {
        // More than k exact duplicates: the mixture term (see ksg.hpp).
        const std::size_t ki = tree.count_within(zi, 0.0, Norm::max) - 1;
        const std::size_t mx = count_x.count_within(xi, 0.0) - 1;
        const std::size_t my = count_y.count_within(yi, 0.0) - 1;
        term[i] = psi(ki) - (psi(mx + 1) + psi(my + 1));
      } else if (algorithm == 1 || eps_x == 0.0 || eps_y == 0.0) {
        // Algorithm 1, and algorithm 2's fallback for a neighbourhood of zero
        // width in X or in Y (see ksg.hpp).
        const double r = std::nextafter(eps, 0.0);  // strict: distance < eps
        const std::size_t nx = count_x.count_within(xi, r) - 1;
        const std::size_t ny = count_y.count_within(yi, r) - 1;
        term[i] = psi(k) - (psi(nx + 1) + psi(ny + 1));
      } else {
        const std::size_t nx = count_x.count_within(xi, eps_x) - 1;  // non-strict
        const std::size_t ny = count_y.count_within(yi, eps_y) - 1;
        term[i] = (psi(k) - inv_k) - (psi(nx) + psi(ny));
      }
    }
  });
  // Compensated sum in row order: the same for every thread count.
  double sum = 0.0, comp = 0.0;
  for (double t : term) {
    const double s = sum + t;
    comp += std::fabs(sum) >= std::fabs(t) ? (sum - s) + t : (t - s) + sum;
    sum = s;
  }
  return psi(n) + (sum + comp) / static_cast<double>(n);
}

void add_noise(Eigen::MatrixXd& x, Eigen::MatrixXd& y, double noise, std::uint64_t seed) {
  const auto spread = [](const Eigen::MatrixXd& m, Eigen::Index c) {
    const double n = static_cast<double>(m.rows());
    const double mean = m.col(c).sum() / n;
    const double var = m.rows() > 1 ? (m.col(c).array() - mean).square().sum() / (n - 1.0) : 0.0;
    return var > 0.0 ? std::sqrt(var) : 1.0;
  };
  std::vector<double> sx(static_cast<std::size_t>(x.cols())), sy(static_cast<std::size_t>(y.cols()));
  for (Eigen::Index c = 0; c < x.cols(); ++c) sx[static_cast<std::size_t>(c)] = noise * spread(x, c);
  for (Eigen::Index c = 0; c < y.cols(); ++c) sy[static_cast<std::size_t>(c)] = noise * spread(y, c);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    Rng rng(seed, static_cast<std::uint64_t>(i));
    for (Eigen::Index c = 0; c < x.cols(); ++c) x(i, c) += sx[static_cast<std::size_t>(c)] * rng.normal();
    for (Eigen::Index c = 0; c < y.cols(); ++c) y(i, c) += sy[static_cast<std::size_t>(c)] * rng.normal();
  }
}

}  // namespace

Estimate ksg_mutual_information(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const KsgOptions& options) {
  const std::string who = "ksg";
  if (options.k < 1) throw std::invalid_argument(message(who, ": k must be at least 1 (got ", options.k, ")"));
  if (options.algorithm != 1 && options.algorithm != 2)
    throw std::invalid_argument(message(who, ": algorithm must be 1 or 2 (got ", options.algorithm, ")"));
  if (x.rows() != y.rows())
    throw std::invalid_argument(message(who, ": x has ", x.rows(), " rows but y has ", y.rows()));
  if (!(std::isfinite(options.noise) && options.noise >= 0.0))
    throw std::invalid_argument(message(who, ": noise must be finite and >= 0 (got ", options.noise, ")"));
  require_finite_columns(x, who, "x");
  require_finite_columns(y, who, "y");
  const auto n = static_cast<std::size_t>(x.rows());
  const auto k = static_cast<std::size_t>(options.k);
  if (n <= k)
    throw std::invalid_argument(message(who, ": need more samples than neighbours (N = ", n, ", k = ", k, ")"));

  Eigen::MatrixXd xs = x, ys = y;
  if (options.noise > 0.0) add_noise(xs, ys, options.noise, options.seed);
  if (options.copula) {
    xs = rank_columns(xs);
    ys = rank_columns(ys);
  }
  const auto dx = static_cast<std::size_t>(xs.cols()), dy = static_cast<std::size_t>(ys.cols());

  Estimate out;
  out.samples = n;
  out.method = options.algorithm == 1 ? "ksg1" : "ksg2";
  out.value = ksg_core(row_major(xs), row_major(ys), n, dx, dy, k, options.algorithm, options.threads);
  const BlockError err = block_standard_error(n, options.blocks, 2 * (k + 1), options.seed,
                                              [&](const std::vector<std::size_t>& rows) {
                                                return ksg_core(row_major(xs, &rows), row_major(ys, &rows),
                                                                rows.size(), dx, dy, k, options.algorithm,
                                                                options.threads);
                                              });
  out.standard_error = err.standard_error;
  out.error_method = err.description;
  return out;
}

}  // namespace syninfo::estimators
