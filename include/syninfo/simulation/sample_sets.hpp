// Generators of the paper's simulation sets (theory.md section 7).
//
// Sample i of a set is a pure function of (seed, set id, i): it is drawn from
// Rng(set_seed(seed, set), i) alone, so any subset of samples can be computed
// independently (threads, shards) and regenerated later (ground truth). The
// draws come in a fixed order: P, n, k, sigma2, rho first (the "header", cheap
// to regenerate), then the ensemble, the means and the covariance parts.
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/random.hpp"
#include "syninfo/simulation/settings.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <string>

namespace syninfo::simulation {

enum class SetId : std::uint64_t {
  set1 = 1,       // curves (fixed example)
  set2 = 2,       // shared covariance: exchangeable + scaled B B'
  set3 = 3,       // per-pattern covariance: exchangeable + c Q D Q'
  set3_fig4 = 4,  // the 20,000-sample run of set 3's law for Fig. 4 (separate stream)
};

const char* to_string(SetId set);
// The law a set follows (set3_fig4 follows set 3's).
SetId law_of(SetId set);

// Seed of a set's streams: mixes the run seed, the set id and the neuron
// count (runs at another N for claim C7 are new draws, not a relabelling).
std::uint64_t set_seed(std::uint64_t seed, SetId set, std::size_t neurons);

struct SampleHeader {
  std::size_t patterns = 0;  // P
  std::size_t synapses = 0;  // n
  std::size_t pattern = 0;   // k (0-based)
  double sigma2 = 0.0;
  double rho = 0.0;
};

struct RandomSample {
  SetId set = SetId::set2;
  std::uint64_t index = 0;
  SampleHeader header;
  Problem<double> problem;  // full N-dimensional patterns
};

// Only the header draws (microseconds).
SampleHeader sample_header(SetId set, const RandomSetSettings& settings, std::uint64_t seed, std::uint64_t index);
// The whole sample (for set 3 this costs P QR decompositions of N x N).
RandomSample generate_sample(SetId set, const RandomSetSettings& settings, std::uint64_t seed, std::uint64_t index);

// n distinct unordered neuron pairs among N neurons, uniformly (without
// self-connections unless allowed). Throws std::invalid_argument when n
// exceeds the number of available pairs.
Ensemble random_ensemble(Rng& rng, std::size_t neurons, std::size_t synapses, bool self_connections);

// `synapses` synapses by the settings' membership law (settings.membership).
Ensemble draw_ensemble(Rng& rng, const RandomSetSettings& settings, std::size_t synapses);

// The number of distinct synapses among `neurons` neurons.
std::size_t pair_count(std::size_t neurons, bool self_connections);

// The same problem on the touched neurons J only (patterns restricted to J,
// ensemble re-indexed, neurons in increasing order). The closed form and the
// true information depend on nothing else (theory.md 5.6): this is the
// problem the validation computes, at |J| <= 2n instead of N dimensions.
Problem<double> restrict_to_touched(const Problem<double>& problem);

// Whether the incidence vectors e_a = unit(i_a) + unit(j_a) of the ensemble
// are linearly independent (rank of the n x N incidence matrix is n).
bool incidence_independent(const Ensemble& ensemble);

// sigma2((1 - rho) I + rho 11').
Eigen::MatrixXd exchangeable_covariance(std::size_t neurons, double sigma2, double rho);
// A Haar-distributed orthogonal N x N matrix: Q of the QR decomposition of a
// standard normal matrix, columns signed so that R has a positive diagonal.
Eigen::MatrixXd random_orthogonal(Rng& rng, std::size_t neurons);

}  // namespace syninfo::simulation
