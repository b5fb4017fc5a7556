// The true information I(W_E; x^k) of a synaptic-model problem by every
// independent method that applies (theory.md sections 5-6), each with its own
// standard error, and notes on the methods skipped and why.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::truth {

using estimators::Estimate;

struct TruthOptions {
  std::size_t samples = 20000;  // KSG samples and CMC outer samples
  std::size_t inner = 256;      // CMC inner draws per outer sample
  bool ksg = true, cmc = true, quadrature = true;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  int k = 3;  // KSG neighbours
};

struct TruthReport {
  std::vector<Estimate> estimates;  // method "ksg1", "cmc", "quadrature"
  std::vector<std::string> notes;   // skipped methods and the reasons; choices made
  std::string ksg_y;                // which Y the KSG run used: "ln T^k", "y^k_J" or "principal ln T^k"
  std::size_t ksg_y_columns = 0;
  std::size_t cmc_zero_density = 0;   // outer samples with zero estimated density (W_E or R^(k))
  double cmc_bias_correction = 0.0;   // net delta-method correction applied to the CMC estimate
  double gaussian_channel = 0.0;      // 0.5 ln(det C / det C') (NaN if singular), for reference
};

// Throws InvalidInput for an invalid problem; every method failure becomes a note.
TruthReport estimate_true_information(const Problem<double>& problem, const TruthOptions& options);

}  // namespace syninfo::truth
