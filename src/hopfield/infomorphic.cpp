#include "syninfo/hopfield/infomorphic.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace syninfo::hopfield {
namespace {

// sigmoid(x) and sigmoid(-x) = 1 - sigmoid(x), each from the exponential of a
// non-positive number, so neither overflows and the smaller one keeps its
// relative accuracy.
void sigmoid_pair(double x, double& fire, double& silent) {
  const double e = std::exp(-std::fabs(x));
  const double big = 1 / (1 + e), small = e / (1 + e);
  fire = x >= 0 ? big : small;
  silent = x >= 0 ? small : big;
}

void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument("infomorphic: " + what);
}

// The log-spaced checkpoint epochs floor(epochs^(k / (K - 1))), k = 0..K-1, as
// the reference code spaces them (K = 1: the last epoch only).
std::set<std::size_t> checkpoint_epochs(std::size_t epochs, std::size_t count) {
  std::set<std::size_t> at;
  if (count == 0 || epochs == 0) return at;
  if (count == 1) return {epochs};
  for (std::size_t k = 0; k < count; ++k) {
    const double e = std::pow(static_cast<double>(epochs), static_cast<double>(k) / static_cast<double>(count - 1));
    at.insert(std::clamp<std::size_t>(static_cast<std::size_t>(std::floor(e + 1e-9)), 1, epochs));
  }
  return at;
}

}  // namespace

Adam::Adam(double learning_rate, double beta1, double beta2, double epsilon)
    : lr_(learning_rate), b1_(beta1), b2_(beta2), eps_(epsilon) {}

void Adam::ascend(Matrix<double>& x, const Matrix<double>& g) {
  if (t_ == 0) {
    m_ = Matrix<double>::Zero(x.rows(), x.cols());
    v_ = Matrix<double>::Zero(x.rows(), x.cols());
  }
  if (g.rows() != x.rows() || g.cols() != x.cols() || m_.rows() != x.rows() || m_.cols() != x.cols())
    throw std::invalid_argument("Adam: the gradient and the parameters differ in shape");
  ++t_;
  m_ = b1_ * m_ + (1 - b1_) * g;
  v_ = b2_ * v_ + (1 - b2_) * g.cwiseProduct(g);
  const double c1 = 1 - std::pow(b1_, static_cast<double>(t_)), c2 = 1 - std::pow(b2_, static_cast<double>(t_));
  x.array() += lr_ * (m_.array() / c1) / ((v_.array() / c2).sqrt() + eps_);
}

pid::AtomVector named_goal(const std::string& name) {
  if (name == "redundancy") return {1, 0, 0, 0, 0};
  if (name == "mi") return {1, 1, 0, 0, 0};
  if (name == "coinformation") return {1, 0, 0, -1, 0};
  if (name == "optimized-i") return {0.68, -0.27, -0.68, -0.77, -0.8};
  if (name == "optimized-ii") return {0.25, 0.48, -0.16, 0.04, -0.63};
  throw std::invalid_argument("unknown goal '" + name +
                              "' (redundancy, mi, coinformation, optimized-i, optimized-ii or five numbers)");
}

void check_infomorphic_options(const InfomorphicOptions& o) {
  for (double g : o.gamma) require(std::isfinite(g), "the goal weights gamma must be finite");
  require(std::isfinite(o.external_weight), "the external weight must be finite");
  require(std::isfinite(o.init_scale) && o.init_scale >= 0, "the initial weight scale must be finite and >= 0");
  require(std::isfinite(o.beta) && o.beta > 0, "beta must be a positive finite number");
  require(o.bins >= 1, "at least one bin is needed for R");
  require(std::isfinite(o.bin_range) && o.bin_range > 0, "the bin range must be a positive finite number");
  require(std::isfinite(o.learning_rate) && o.learning_rate > 0, "the learning rate must be a positive finite number");
  require(std::isfinite(o.stop_accuracy), "the stopping accuracy must be finite");
  require(o.theta >= 0 && o.theta <= 1, "theta must lie in [0, 1]");
}

int recurrent_bin(double r, std::size_t bins, double range) {
  const double u = (r + range) / (2 * range) * static_cast<double>(bins);
  return static_cast<int>(std::clamp(std::floor(u), 0.0, static_cast<double>(bins - 1)));
}

NetworkGoal infomorphic_goal(const Matrix<double>& w, const Matrix<double>& xi, const InfomorphicOptions& o) {
  const Eigen::Index m = xi.rows(), n = xi.cols();
  if (w.rows() != n || w.cols() != n) throw std::invalid_argument("infomorphic_goal: weights and patterns differ in size");
  if (m == 0) throw std::invalid_argument("infomorphic_goal: no patterns");
  const Matrix<double> field = xi * w.transpose();  // field(mu, i) = sum_j W_ij xi_j^mu = a_R
  Matrix<double> slope(m, n);                       // d goal / d a_R(mu, i)
  NetworkGoal out;
  out.atoms.resize(static_cast<std::size_t>(n));
  const auto mu_count = static_cast<std::size_t>(m);
  std::vector<int> tb(mu_count), rb(mu_count);
  std::vector<double> fire(mu_count), silent(mu_count);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index mu = 0; mu < m; ++mu) {
      const auto k = static_cast<std::size_t>(mu);
      tb[k] = xi(mu, i) > 0 ? 1 : 0;
      rb[k] = recurrent_bin(field(mu, i), o.bins, o.bin_range);
      sigmoid_pair(o.beta * (o.external_weight * xi(mu, i) + field(mu, i)), fire[k], silent[k]);
    }
    const pid::BinnedTable table = pid::firing_table(tb, rb, fire, silent, o.bins);
    const pid::GoalGradient g = pid::binned_goal(table, o.gamma);
    const std::vector<double> d = pid::firing_gradient(g, table, tb, rb);
    // d fire / d a_R = beta fire (1 - fire), with the bin of a_R held fixed.
    for (Eigen::Index mu = 0; mu < m; ++mu) {
      const auto k = static_cast<std::size_t>(mu);
      slope(mu, i) = d[k] * o.beta * fire[k] * silent[k];
    }
    out.atoms[static_cast<std::size_t>(i)] = g.atoms;
    out.goal += g.goal;
  }
  out.gradient = slope.transpose() * xi;  // d goal / d W_ij = sum_mu slope(mu, i) xi_j^mu
  out.gradient.diagonal().setZero();      // no self-connection
  return out;
}

TrainedNetwork train_infomorphic(const Matrix<double>& xi, const InfomorphicOptions& o, Rng& rng) {
  check_infomorphic_options(o);
  const Eigen::Index n = xi.cols();
  require_neurons(static_cast<std::size_t>(n));
  TrainedNetwork net;
  const double half_width = o.init_scale / std::sqrt(static_cast<double>(n));
  net.weights.resize(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) net.weights(i, j) = i == j ? 0.0 : rng.uniform(-half_width, half_width);
  Adam adam(o.learning_rate);
  const std::set<std::size_t> checks = o.stop_accuracy <= 1 ? checkpoint_epochs(o.epochs, o.checkpoints)
                                                             : std::set<std::size_t>{};
  AccuracyOptions clean;  // clean cues: the check is deterministic for synchronous recall
  clean.theta = o.theta;
  clean.recall = o.recall;
  for (std::size_t epoch = 1; epoch <= o.epochs; ++epoch) {
    adam.ascend(net.weights, infomorphic_goal(net.weights, xi, o).gradient);
    net.summary.epochs_run = epoch;
    if (checks.count(epoch) && recall_accuracy(net.weights, xi, clean, rng).fraction_recalled >= o.stop_accuracy) {
      net.summary.stopped_early = epoch < o.epochs;
      break;
    }
  }
  const NetworkGoal final_goal = infomorphic_goal(net.weights, xi, o);
  net.summary.goal = final_goal.goal;
  for (const auto& a : final_goal.atoms)
    for (std::size_t k = 0; k < 5; ++k) net.summary.mean_atoms[k] += a[k] / static_cast<double>(n);
  return net;
}

InfomorphicCapacityResult infomorphic_capacity(const CapacityOptions& sweep, const InfomorphicOptions& o) {
  check_infomorphic_options(o);
  InfomorphicCapacityResult r;
  r.training.assign(sweep.alphas.size(), std::vector<TrainingSummary>(sweep.seeds));
  // Each (load, seed) slot is written by exactly one task, so no lock is needed.
  r.capacity = capacity_sweep(sweep, [&](const Matrix<double>& xi, Rng& rng, std::size_t a, std::size_t s) {
    TrainedNetwork net = train_infomorphic(xi, o, rng);
    r.training[a][s] = net.summary;
    return net.weights;
  });
  return r;
}

}  // namespace syninfo::hopfield
