// Binary (+1/-1) Hopfield networks: random unbiased patterns, Hebbian weights
// and recall dynamics (synchronous or asynchronous) to a fixed point, a
// 2-cycle or a step limit.
#pragma once

#include "syninfo/random.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::hopfield {

template <class Scalar>
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
template <class Scalar>
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

inline void require_neurons(std::size_t neurons) {
  if (neurons < 2) throw std::invalid_argument("a Hopfield network needs N >= 2 neurons, got " + std::to_string(neurons));
}

// patterns x neurons matrix; every entry +1 or -1 with probability 1/2.
template <class Scalar>
Matrix<Scalar> random_patterns(std::size_t neurons, std::size_t patterns, Rng& rng) {
  require_neurons(neurons);
  Matrix<Scalar> xi(static_cast<Eigen::Index>(patterns), static_cast<Eigen::Index>(neurons));
  for (Eigen::Index mu = 0; mu < xi.rows(); ++mu)
    for (Eigen::Index i = 0; i < xi.cols(); ++i) xi(mu, i) = (rng.next() >> 63) ? Scalar(1) : Scalar(-1);
  return xi;
}

// Hebbian (outer-product) weights sum_mu xi^mu xi^mu^T with zero diagonal.
// Left unscaled: the usual 1/N changes no sign, and integer entries are exact
// in any floating type, so a local field that should be zero is exactly zero.
template <class Scalar>
Matrix<Scalar> hebbian_weights(const Matrix<Scalar>& patterns) {
  require_neurons(static_cast<std::size_t>(patterns.cols()));
  Matrix<Scalar> w = patterns.transpose() * patterns;
  w.diagonal().setZero();
  return w;
}

enum class Update { synchronous, asynchronous };
enum class RecallEnd { fixed_point, two_cycle, step_limit };
std::string to_string(RecallEnd end);

struct RecallOptions {
  Update update = Update::synchronous;
  std::size_t max_steps = 100;  // synchronous updates, or asynchronous sweeps over all neurons
};

template <class Scalar>
struct RecallResult {
  Vector<Scalar> state;
  std::size_t steps = 0;  // updates (sweeps) made
  RecallEnd end = RecallEnd::step_limit;
};

// sign(h) with sign(0) = the neuron's current state (a zero field leaves it).
template <class Scalar>
Scalar updated_state(const Scalar& field, const Scalar& current) {
  return field > 0 ? Scalar(1) : field < 0 ? Scalar(-1) : current;
}

// Synchronous: s <- sign(W s) until s repeats (fixed point), returns to the
// state before (2-cycle; the last state is returned) or max_steps is reached.
// Asynchronous: sweeps over the neurons in a fresh random order from rng,
// each updated with the current fields, until a sweep changes nothing.
template <class Scalar>
RecallResult<Scalar> recall(const Matrix<Scalar>& w, const Vector<Scalar>& cue, const RecallOptions& options,
                            Rng& rng) {
  if (w.rows() != w.cols() || w.rows() != cue.size())
    throw std::invalid_argument("recall: the weights and the cue differ in size");
  RecallResult<Scalar> r;
  r.state = cue;
  const Eigen::Index n = cue.size();
  if (options.update == Update::synchronous) {
    Vector<Scalar> previous = cue, next(n);
    for (r.steps = 1; r.steps <= options.max_steps; ++r.steps) {
      const Vector<Scalar> field = w * r.state;
      for (Eigen::Index i = 0; i < n; ++i) next(i) = updated_state(field(i), r.state(i));
      if (next == r.state) {
        r.end = RecallEnd::fixed_point;
        return r;
      }
      const bool cycle = r.steps > 1 && next == previous;
      previous = r.state;
      r.state = next;
      if (cycle) {
        r.end = RecallEnd::two_cycle;
        return r;
      }
    }
    r.steps = options.max_steps;
    r.end = RecallEnd::step_limit;
    return r;
  }
  std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  for (r.steps = 1; r.steps <= options.max_steps; ++r.steps) {
    for (std::size_t k = order.size() - 1; k > 0; --k) std::swap(order[k], order[rng.uniform_int(0, k)]);
    bool changed = false;
    for (Eigen::Index i : order) {
      const Scalar s = updated_state(Scalar(w.row(i).dot(r.state)), r.state(i));
      if (s != r.state(i)) {
        r.state(i) = s;
        changed = true;
      }
    }
    if (!changed) {
      r.end = RecallEnd::fixed_point;
      return r;
    }
  }
  r.steps = options.max_steps;
  r.end = RecallEnd::step_limit;
  return r;
}

// The pattern with round(fraction * N) distinct bits flipped, chosen by rng.
template <class Scalar>
Vector<Scalar> noisy_cue(const Vector<Scalar>& pattern, double fraction, Rng& rng) {
  if (!(fraction >= 0 && fraction <= 1)) throw std::invalid_argument("the flipped fraction must lie in [0, 1]");
  const std::size_t n = static_cast<std::size_t>(pattern.size());
  const auto flips = static_cast<std::size_t>(std::llround(fraction * static_cast<double>(n)));
  std::vector<std::size_t> index(n);
  for (std::size_t i = 0; i < n; ++i) index[i] = i;
  Vector<Scalar> cue = pattern;
  for (std::size_t k = 0; k < flips; ++k) {  // partial Fisher-Yates: the first `flips` of a random order
    std::swap(index[k], index[rng.uniform_int(k, n - 1)]);
    cue(static_cast<Eigen::Index>(index[k])) = -cue(static_cast<Eigen::Index>(index[k]));
  }
  return cue;
}

// The cosine of two +-1 vectors.
template <class Scalar>
double cosine_overlap(const Vector<Scalar>& a, const Vector<Scalar>& b) {
  return static_cast<double>(a.dot(b)) / static_cast<double>(a.size());
}

}  // namespace syninfo::hopfield
