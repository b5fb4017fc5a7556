// Recall accuracy of a Hopfield network and its capacity from a load sweep;
// the exact single-step stability of Hebbian storage (signal-to-noise theory).
#pragma once

#include "syninfo/hopfield/network.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace syninfo::hopfield {

struct AccuracyOptions {
  double flip_fraction = 0;  // cue = pattern with this fraction of bits flipped
  double theta = 0.95;       // a pattern counts as recalled when its cosine >= theta
  RecallOptions recall;
};

struct Accuracy {
  double mean_cosine = 0;         // a_cos
  double fraction_recalled = 0;   // a_theta
  std::size_t fixed_points = 0, two_cycles = 0, step_limits = 0;
};

// Recalls every stored pattern from its cue and scores the final states.
template <class Scalar>
Accuracy recall_accuracy(const Matrix<Scalar>& w, const Matrix<Scalar>& patterns, const AccuracyOptions& o, Rng& rng) {
  Accuracy a;
  const auto m = static_cast<std::size_t>(patterns.rows());
  if (m == 0) throw std::invalid_argument("recall_accuracy: no patterns");
  for (Eigen::Index mu = 0; mu < patterns.rows(); ++mu) {
    const Vector<Scalar> xi = patterns.row(mu).transpose();
    const auto r = recall(w, noisy_cue(xi, o.flip_fraction, rng), o.recall, rng);
    const double c = cosine_overlap(r.state, xi);
    a.mean_cosine += c;
    if (c >= o.theta) a.fraction_recalled += 1;
    if (r.end == RecallEnd::fixed_point) ++a.fixed_points;
    else if (r.end == RecallEnd::two_cycle) ++a.two_cycles;
    else ++a.step_limits;
  }
  a.mean_cosine /= static_cast<double>(m);
  a.fraction_recalled /= static_cast<double>(m);
  return a;
}

enum class Criterion { cosine, theta };  // accuracy measured by a_cos or by a_theta
std::string to_string(Criterion c);

struct CapacityOptions {
  std::size_t neurons = 100;
  std::vector<double> alphas;  // loads M / N, ascending, each > 0
  std::size_t seeds = 20;
  std::uint64_t seed = 1;      // network s uses the streams of Rng(seed + s, alpha index)
  Criterion criterion = Criterion::theta;
  double required_accuracy = 0.95;
  AccuracyOptions accuracy;
  unsigned threads = 1;        // networks in parallel (0: all cores); the result does not depend on it
  // Per seed, skip the loads above the first one that fails, as the seed's
  // reference capacity runs do: alpha_c depends only on the loads up to the
  // first failure, so it is unchanged, and the (costly) trained networks above
  // capacity are not built. The loads that run give the same numbers as
  // without it (same streams).
  bool stop_after_failure = false;
};

struct CapacityResult {
  std::vector<double> alphas;
  std::vector<std::size_t> patterns;             // M = round(alpha N) (at least 1) per alpha
  std::vector<std::vector<Accuracy>> accuracy;   // [alpha][seed]
  std::vector<std::vector<char>> evaluated;      // [alpha][seed]: 0 where stop_after_failure skipped the load
  // Per seed: the largest grid load up to which (from the smallest) every load
  // meets the required accuracy; 0 when the smallest already fails.
  std::vector<double> alpha_c;
  double median = 0, low = 0, high = 0;          // median and central 90% (5th, 95th percentile)
};

// std::invalid_argument for N < 2, an empty grid, a load <= 0 or a grid that
// is not ascending, or no seeds (the checks of every load sweep).
void check_capacity_grid(const CapacityOptions& options);
// M = round(alpha N), at least 1, per load of the grid.
std::vector<std::size_t> patterns_per_load(const CapacityOptions& options);

// A learning rule: the weights that store the patterns (M x N); it may draw
// from rng (the network's own stream) and knows its (load, seed) slot.
using WeightRule = std::function<Matrix<double>(const Matrix<double>& patterns, Rng& rng, std::size_t load,
                                                std::size_t seed)>;

// Networks built by `rule` over the grid of loads: network s at load index a
// draws its patterns, then the rule's draws, then the recall cues from
// Rng(seed + s, a). std::invalid_argument as check_capacity_grid.
CapacityResult capacity_sweep(const CapacityOptions& options, const WeightRule& rule);

// Hebbian networks over the grid of loads; std::invalid_argument for N < 2,
// an empty grid, a load <= 0 or a grid that is not ascending, or no seeds.
CapacityResult hebbian_capacity(const CapacityOptions& options);

// Percentile q in [0, 1] by linear interpolation between order statistics.
double percentile(std::vector<double> values, double q);

// Exact probability that one bit of a stored pattern flips in one synchronous
// step from the pattern (Hebbian weights, N neurons, M random patterns): the
// crosstalk is a sum of K = (M - 1)(N - 1) independent +-1 terms, so the bit
// flips iff (N - 1) + 2B - K < 0 with B ~ Binomial(K, 1/2) (a zero field keeps
// the bit). Derivation: proofs/pid_hopfield_stability.md.
double single_step_flip_probability(std::size_t neurons, std::size_t patterns);

}  // namespace syninfo::hopfield
