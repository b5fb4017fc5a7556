// Set 1 (theory.md section 7): the curves of Fig. 2A/B and 3A/B. One fixed
// example, as in the paper: pattern means drawn once (uniform on
// [mean_low, mean_high] per component), a fixed sequence of random synapses
// (an ensemble of size n is the first n of it: growing the ensemble by random
// new synapses), pattern k = 0, and the exchangeable covariance
// sigma2((1 - rho) I + rho 11') shared by all patterns.
//
// Patterns are nested (the first P of the largest set), so curves for
// different P differ only by the added patterns. Pattern mu's means are drawn
// from their own stream component by component, so the means of neurons
// 0..N-1 are the same for every N >= N: the example at a larger N is the same
// problem embedded in more neurons (claim C7).
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/simulation/settings.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::simulation {

class CurveExample {
 public:
  // max_patterns and max_synapses bound what problem() can be asked for.
  CurveExample(std::uint64_t seed, std::size_t neurons, std::size_t max_patterns, std::size_t max_synapses,
               bool self_connections);

  std::size_t neurons() const { return neurons_; }
  const Ensemble& synapse_sequence() const { return sequence_; }

  // P patterns, the first n synapses of the sequence, pattern k = 0.
  Problem<double> problem(std::size_t patterns, std::size_t synapses, double sigma2, double rho) const;
  // The same problem with the patterns embedded in `neurons` >= the largest
  // touched neuron + 1 (means of neurons beyond the example's N are drawn from
  // the same per-pattern streams).
  Problem<double> problem_at(std::size_t neurons, std::size_t patterns, std::size_t synapses, double sigma2,
                             double rho) const;

 private:
  std::uint64_t seed_;
  std::size_t neurons_;
  std::size_t max_patterns_;
  Ensemble sequence_;
};

// grid_points values, log-spaced from lo to hi (inclusive).
std::vector<double> log_grid(double lo, double hi, std::size_t points);
// grid_points values, evenly spaced from lo to hi (inclusive).
std::vector<double> linear_grid(double lo, double hi, std::size_t points);

}  // namespace syninfo::simulation
