// The PID profile of the neurons of a Hebbian Hopfield network against load
// (seed 003, its Fig. 1D): for every neuron i and every stored pattern mu,
// the target T = xi_i^mu (the pattern bit, a non-driving input), the
// recurrent input R = (W s)_i at the network state s that produces the output
// (binned), and the output Y = the neuron's state; the shared-exclusion PID
// (pid/shared_exclusion.hpp) of Y by T and R over the M patterns, averaged
// over the neurons, then summarised over network seeds (median and central
// 90%). Where Y = T and Y is a function of bin(R) (below capacity), the
// redundancy is H(Y) and every other atom is 0 (proofs/pid_hopfield_stability.md).
#pragma once

#include "syninfo/hopfield/capacity.hpp"
#include "syninfo/hopfield/network.hpp"
#include "syninfo/pid/distribution.hpp"
#include "syninfo/pid/shared_exclusion.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace syninfo::hopfield {

// Which state produces Y. recall (the default): the neurons start in the
// target state xi^mu and the network runs to the end of recall; Y is a
// neuron's final state and R its field there, so Y fails to follow T exactly
// when recall fails, which is what the seed's profile tracks (its redundancy
// collapses with the accuracy). one_step: Y = sign(R) with R the field at
// xi^mu, one synchronous step; Y then stays close to T well above capacity
// (a bit flips with the single-step probability of capacity.hpp, ~6% at
// alpha = 0.4), so its redundancy does not collapse.
enum class PidOutput { one_step, recall };
std::string to_string(PidOutput o);

struct PidProfileOptions {
  std::size_t neurons = 500;
  std::vector<double> alphas;  // ascending loads M / N, each > 0
  std::size_t seeds = 20;
  std::uint64_t seed = 1;      // network s at load index a draws from Rng(seed + s, a), as hebbian_capacity
  // R in `bins` equal-width bins over [-max|R|, max|R|] of the neuron's M
  // values; an even count puts 0 on a bin edge, so sign(R) is a function of
  // the bin. The seed does not state its binning: 8 keeps ~4 samples per
  // occupied (T, R, Y) cell at M = 70 (N = 500 near capacity).
  std::size_t bins = 8;
  PidOutput output = PidOutput::recall;
  RecallOptions recall;
  double theta = 0.95;  // accuracy a_theta of recall from the patterns, beside the profile
  unsigned threads = 0;
};

// Mean over the neurons of one network, in bits.
struct NeuronAtoms {
  double redundancy = 0, unique_target = 0, unique_recurrent = 0, synergy = 0, residual = 0, output_entropy = 0;
};

struct Summary {
  double median = 0, low = 0, high = 0;  // median and 5th / 95th percentiles over seeds
};

struct PidProfileResult {
  std::vector<double> alphas;
  std::vector<std::size_t> patterns;               // M per load
  std::vector<std::vector<NeuronAtoms>> networks;  // [alpha][seed]
  std::vector<std::vector<double>> accuracy;       // [alpha][seed]: a_theta of recall from the patterns
  // Per load: redundancy, unique T, unique R, synergy, residual, H(Y), accuracy.
  std::vector<std::vector<Summary>> summary;
  static constexpr const char* columns[7] = {"redundancy", "unique_target", "unique_recurrent", "synergy",
                                             "residual",   "output_entropy", "accuracy"};
};

// The PID of one neuron from its M samples (T and Y in {-1, +1}, R real):
// plug-in distribution of (Y; T, bin(R)). std::invalid_argument for
// mismatched lengths, no samples or bins < 2.
NeuronAtoms neuron_pid(const std::vector<double>& target, const std::vector<double>& recurrent,
                       const std::vector<double>& output, std::size_t bins);

// std::invalid_argument as hebbian_capacity, and for bins < 2.
PidProfileResult hebbian_pid_profile(const PidProfileOptions& options);

}  // namespace syninfo::hopfield
