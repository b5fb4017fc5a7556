// The retrieval curve from simulations: the delayed-match-to-sample protocol
// at loads alpha = p / K over a few network seeds, and the capacity read off
// it, for comparison with the mean-field curve (mean_field.hpp).
#pragma once

#include "syninfo/attractor/dynamics.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace syninfo::attractor {

struct CapacityScanOptions {
  std::size_t N = 5000;
  double c = 0.05;
  std::vector<double> alphas;  // p = max(1, round(alpha K))
  std::size_t seeds = 3;       // networks with seeds first_seed, first_seed + 1, ...
  std::uint64_t first_seed = 1;
  ProtocolOptions protocol;    // cue pattern 0; initial_seed is set to the network's seed
};

struct LoadResult {
  double alpha = 0;             // as asked
  std::size_t p = 0;
  double realised_alpha = 0;    // p / K
  std::vector<double> final_m;  // per seed
  std::vector<bool> retrieved;  // per seed
  double mean_m = 0, standard_error_m = 0;  // over seeds (SE NaN for one seed)
  double retrieved_fraction = 0;
};

struct CapacityScan {
  std::vector<LoadResult> loads;
  // The load where the retrieved fraction first falls below 1/2 (loads in
  // increasing order), linearly interpolated from the grid load before it;
  // NaN when it never falls, or falls at the first load.
  double alpha_c = 0;
};

// One run per (load, seed), spread over threads (each run single-threaded);
// the result does not depend on the thread count.
CapacityScan simulate_capacity(const AttractorParameters& parameters, const CapacityScanOptions& options,
                               const IntegrationOptions& integration);

}  // namespace syninfo::attractor
