// What one `syninfo validate` run computes: the scale (sample counts and
// ground-truth budgets), the simulation settings, the seed and the shard.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/simulation/settings.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace syninfo::validation {

enum class Scale { test, quick, paper };
const char* to_string(Scale scale);
// Throws std::invalid_argument for an unknown name.
Scale scale_from_string(const std::string& name);

struct TruthPlan {
  std::size_t outer = 800;   // smc outer samples (ensembles), at most
  std::size_t work = 0;      // cap on outer x n x P per estimate (0: none); see GroundTruthBudget
  std::size_t max_particles = 256;
  double quadrature_points_per_sd = 4.0;  // single-synapse quadrature resolution (the fine run doubles it)
  // Fig. 2A/B: quadrature at these P curves, at `curve_points` grid points each.
  std::vector<std::size_t> fig2_patterns{2, 10, 30};
  std::size_t curve_points = 4;
  // Fig. 3A/B: ensemble sizes (besides n = 1) with ground truth, at curve_points grid points.
  std::vector<std::size_t> fig3_sizes{2};
  // Scatter plots: the first `scatter` samples of sets 2 and 3 each with at
  // most `scatter_max_synapses` synapses (bounds the cost of the ground truth,
  // which grows like n P per outer sample).
  std::size_t scatter = 10;
  std::size_t scatter_max_synapses = 4;
  // Synergy (C5): `synergy_per_size` samples of the Fig. 4 set for each size.
  std::vector<std::size_t> synergy_sizes{1, 2, 4};
  std::size_t synergy_per_size = 3;
  // C7: problems whose ground truth is recomputed embedded at 2N.
  std::size_t c7_problems = 1;
};

struct ValidationConfig {
  Scale scale = Scale::quick;
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0: all cores; results never depend on it
  bool truth = true;
  bool progress = true;
  std::size_t shard_index = 0, shard_count = 1;

  simulation::RandomSetSettings random;
  simulation::CurveSettings curves;
  std::size_t set2_samples = 300, set3_samples = 300, fig4_samples = 1500;
  std::vector<std::size_t> c7_neurons{16, 32, 128};  // other N for claim C7
  std::size_t c7_samples = 40;                       // per other N, for each of sets 2 and 3
  TruthPlan truth_plan;
  // Fig. 4B t-tests between these ensemble sizes (the paper's pairs are lost).
  std::vector<std::pair<std::size_t, std::size_t>> ttest_pairs{{2, 10}, {10, 20}};
  std::vector<std::size_t> histogram_sizes{1, 5, 10, 15, 20};
  // Whether non-ok closed forms get a 50-digit verdict (real or rounding).
  bool high_precision_verdict = true;
  double repair_floor = 1e-6;  // nearest-PD repair, relative eigenvalue floor
};

// The presets of --scale.
ValidationConfig config_for_scale(Scale scale);

// Everything that determines the results (not threads, shard, progress), as
// JSON (config_to_json in config_json.hpp): shards must carry the same one to
// be merged.
json::Value config_fingerprint(const ValidationConfig& config);

}  // namespace syninfo::validation
