#include "syninfo/estimators/ksg.hpp"

#include "syninfo/estimators/block_error.hpp"
#include "syninfo/estimators/digamma.hpp"
#include "syninfo/estimators/compensated_sum.hpp"
#include "syninfo/estimators/kd_tree.hpp"
#include "syninfo/estimators/range_counter.hpp"
#include "syninfo/estimators/sample_checks.hpp"
#include "syninfo/estimators/standardise.hpp"
#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"
#include "syninfo/estimators/message.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace syninfo::estimators {

namespace {

// Coordination of ksg_core's threads: which builds are done, and how many
// threads have finished the k-th-distance phase. A failure anywhere releases
// every wait, so an exception can never leave a thread blocked.
class Flow {
 public:
  void set_active(std::size_t threads) { update([&] { active_ = threads; }); }
  void tree_built() { update([&] { tree_ready_ = true; }); }
  void marginals_built() { update([&] { marginals_ready_ = true; }); }
  void distances_finished() { update([&] { ++distances_done_; }); }
  void fail(std::exception_ptr e) {
    update([&] {
      if (!failure_) failure_ = e;
      failed_ = true;
    });
  }
  // Each returns false when the computation has failed.
  bool wait_for_tree() {
    return wait([&] { return tree_ready_; });
  }
  bool wait_for_counts() {
    return wait([&] { return marginals_ready_ && active_ > 0 && distances_done_ == active_; });
  }
  void rethrow() {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  template <class F>
  void update(F f) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      f();
    }
    changed_.notify_all();
  }
  template <class Ready>
  bool wait(Ready ready) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return failed_ || ready(); });
    return !failed_;
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  bool tree_ready_ = false, marginals_ready_ = false, failed_ = false;
  std::size_t active_ = 0, distances_done_ = 0;
  std::exception_ptr failure_;
};

// The estimate on n rows given row-major x (n x dx) and y (n x dy).
//
// Work flow on the threads (the result does not depend on their number:
// every point's term depends on that point alone, and the terms are summed
// in row order). The calling thread builds the joint kd-tree while a second
// builds the two marginal counters; every thread then takes parts of the
// k-th-distance search as soon as the tree exists (the marginal builder
// joins when it is done), and finally ranges of points for the marginal
// counts. Parts are handed out on demand, so threads that start late or run
// slower still share the work evenly.
double ksg_core(const double* x, const double* y, std::size_t n, std::size_t dx, std::size_t dy, std::size_t k,
                int algorithm, unsigned threads) {
  const std::size_t dz = dx + dy;
  std::unique_ptr<KdTree> joint_tree;
  std::unique_ptr<RangeCounter> marginal_x, marginal_y;
  std::unique_ptr<WorkCounter> distance_parts;
  constexpr std::size_t points_per_chunk = 2048;
  WorkCounter count_chunks((n + points_per_chunk - 1) / points_per_chunk);
  std::unique_ptr<DigammaTable> psi_table;
  const double inv_k = 1.0 / static_cast<double>(k);
  // eps_i (algorithm 1) until it is replaced by the term of point i.
  std::vector<double> term;
  Flow flow;

  const auto build_tree = [&] {
    try {
      term.resize(n);
      std::vector<double> joint(n * dz);
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < dx; ++c) joint[i * dz + c] = x[i * dx + c];
        for (std::size_t c = 0; c < dy; ++c) joint[i * dz + dx + c] = y[i * dy + c];
      }
      joint_tree = std::make_unique<KdTree>(std::move(joint), dz);
      distance_parts = std::make_unique<WorkCounter>(algorithm == 1 ? joint_tree->kth_distance_parts() : 0);
      flow.tree_built();
    } catch (...) {
      flow.fail(std::current_exception());
    }
  };
  const auto build_marginals = [&] {
    try {
      psi_table = std::make_unique<DigammaTable>(n);
      marginal_x = std::make_unique<RangeCounter>(x, n, dx);
      marginal_y = std::make_unique<RangeCounter>(y, n, dy);
      flow.marginals_built();
    } catch (...) {
      flow.fail(std::current_exception());
    }
  };
  // The terms of the points at tree positions [begin, end).
  const auto count_range = [&](std::size_t begin, std::size_t end) {
    const KdTree& tree = *joint_tree;
    const RangeCounter& count_x = *marginal_x;
    const RangeCounter& count_y = *marginal_y;
    const DigammaTable& psi = *psi_table;
    thread_local std::vector<Neighbour> nearest;
    for (std::size_t pos = begin; pos < end; ++pos) {
      const std::size_t i = tree.index_at(pos);
      const double* xi = x + i * dx;
      const double* yi = y + i * dy;
      double eps_x = 0.0, eps_y = 0.0, eps = 0.0;
      if (algorithm == 1) {
        eps = term[i];
      } else {
        tree.k_nearest(i, k, Norm::max, nearest);
        eps = nearest.back().distance;
        for (const auto& nb : nearest) {
          eps_x = std::max(eps_x, max_norm_distance(xi, x + nb.index * dx, dx));
          eps_y = std::max(eps_y, max_norm_distance(yi, y + nb.index * dy, dy));
        }
      }
      if (eps == 0.0) {
        // More than k exact duplicates: the mixture term (see ksg.hpp).
        const std::size_t ki = tree.count_within(tree.point(i), 0.0, Norm::max) - 1;
        const std::size_t mx = count_x.count_around(i, 0.0) - 1;
        const std::size_t my = count_y.count_around(i, 0.0) - 1;
        term[i] = psi(ki) - (psi(mx + 1) + psi(my + 1));
      } else if (algorithm == 1 || eps_x == 0.0 || eps_y == 0.0) {
        // Algorithm 1, and algorithm 2's fallback for a neighbourhood of zero
        // width in X or in Y (see ksg.hpp).
        const double r = std::nextafter(eps, 0.0);  // strict: distance < eps
        const std::size_t nx = count_x.count_around(i, r) - 1;
        const std::size_t ny = count_y.count_around(i, r) - 1;
        term[i] = psi(k) - (psi(nx + 1) + psi(ny + 1));
      } else {
        const std::size_t nx = count_x.count_around(i, eps_x) - 1;  // non-strict
        const std::size_t ny = count_y.count_around(i, eps_y) - 1;
        term[i] = (psi(k) - inv_k) - (psi(nx) + psi(ny));
      }
    }
  };
  // What every thread does once its build (if any) is done.
  const auto share_work = [&] {
    if (flow.wait_for_tree()) {
      try {
        for (std::size_t part; distance_parts->take(part);)
          joint_tree->kth_distances_part(part, k, Norm::max, term.data());
      } catch (...) {
        distance_parts->cancel();
        flow.fail(std::current_exception());
      }
    }
    flow.distances_finished();
    if (!flow.wait_for_counts()) return;
    try {
      for (std::size_t c; count_chunks.take(c);)
        count_range(c * points_per_chunk, std::min(n, (c + 1) * points_per_chunk));
    } catch (...) {
      count_chunks.cancel();
      flow.fail(std::current_exception());
    }
  };

  const std::size_t requested = threads == 0 ? default_threads() : threads;
  const std::size_t wanted = std::max<std::size_t>(1, std::min(requested, n));
  std::vector<std::thread> pool;
  try {
    for (std::size_t w = 1; w < wanted; ++w)
      pool.emplace_back([&, w] {
        if (w == 1) build_marginals();
        share_work();
      });
  } catch (...) {
    flow.fail(std::current_exception());  // could not start a thread
  }
  flow.set_active(pool.size() + 1);
  if (pool.empty()) build_marginals();
  build_tree();
  share_work();
  for (auto& t : pool) t.join();
  flow.rethrow();

  // Compensated sum in row order: the same for every thread count.
  const DigammaTable& psi = *psi_table;
  CompensatedSum sum;
  for (double t : term) sum.add(t);
  return psi(n) + sum.value() / static_cast<double>(n);
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

Estimate ksg_mutual_information(MatrixView x, MatrixView y, const KsgOptions& options) {
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

  // Copies only when the data are transformed (noise, ranks) or are not
  // already row-major (one column of a column-major matrix is).
  Eigen::MatrixXd x_transformed, y_transformed;
  const bool normalise = options.normalise && !options.copula;
  const bool transformed = options.noise > 0.0 || options.copula || normalise;
  if (transformed) {
    x_transformed = x;
    y_transformed = y;
    if (options.noise > 0.0) add_noise(x_transformed, y_transformed, options.noise, options.seed);
    if (options.copula) {
      x_transformed = rank_columns(x_transformed);
      y_transformed = rank_columns(y_transformed);
    }
    if (normalise) {
      x_transformed = standardised_columns(x_transformed);
      y_transformed = standardised_columns(y_transformed);
    }
  }
  const MatrixView xs = transformed ? MatrixView(x_transformed) : x;
  const MatrixView ys = transformed ? MatrixView(y_transformed) : y;
  const auto dx = static_cast<std::size_t>(xs.cols()), dy = static_cast<std::size_t>(ys.cols());
  std::vector<double> x_rows, y_rows;
  if (dx > 1) x_rows = row_major(xs);
  if (dy > 1) y_rows = row_major(ys);
  const double* x_data = dx > 1 ? x_rows.data() : xs.data();
  const double* y_data = dy > 1 ? y_rows.data() : ys.data();

  Estimate out;
  out.samples = n;
  out.method = options.algorithm == 1 ? "ksg1" : "ksg2";
  out.value = ksg_core(x_data, y_data, n, dx, dy, k, options.algorithm, options.threads);
  const BlockError err = block_standard_error(n, options.blocks, 2 * (k + 1), options.seed,
                                              [&](const std::vector<std::size_t>& rows) {
                                                const auto xb = row_major(xs, &rows), yb = row_major(ys, &rows);
                                                return ksg_core(xb.data(), yb.data(), rows.size(), dx, dy, k,
                                                                options.algorithm, 1);
                                              },
                                              options.threads);
  out.standard_error = err.standard_error;
  out.error_method = err.description;
  out.warnings = ksg_warnings(x, y, out, options);
  return out;
}

double ksg_ceiling(std::size_t n, int k) {
  if (k < 1 || n <= static_cast<std::size_t>(k))
    throw std::invalid_argument(message("ksg_ceiling: need N > k >= 1 (N = ", n, ", k = ", k, ")"));
  return digamma_integer(n) - digamma_integer(static_cast<std::size_t>(k)) - 1.0 / static_cast<double>(k);
}

std::vector<std::string> ksg_warnings(MatrixView x, MatrixView y, const Estimate& e, const KsgOptions& options) {
  std::vector<std::string> out;
  for (Eigen::Index a = 0; a < x.cols(); ++a)
    for (Eigen::Index b = 0; b < y.cols(); ++b)
      if (x.rows() > 0 && x.col(a) == y.col(b))
        out.push_back(message("x column ", a + 1, " of ", x.cols(), " and y column ", b + 1, " of ", y.cols(),
                              " are identical: the mutual information is infinite and the estimate only reflects "
                              "the sample size (the KSG ceiling)"));
  if (e.samples > static_cast<std::size_t>(options.k) && options.k >= 1 && std::isfinite(e.value)) {
    const double ceiling = ksg_ceiling(e.samples, options.k);
    if (e.value >= ceiling - ksg_ceiling_margin)
      out.push_back(message("the estimate ", e.value, " nats is at the KSG ceiling psi(N) - psi(k) - 1/k = ", ceiling,
                            " nats (within ", ksg_ceiling_margin,
                            "): the marginal neighbourhoods hold hardly more than the k joint neighbours, as for "
                            "near-duplicate columns, so the estimate bounds the information from below only; more "
                            "samples or a smaller k raise the ceiling"));
  }
  return out;
}

}  // namespace syninfo::estimators
