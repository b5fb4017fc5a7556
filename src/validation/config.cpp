#include "syninfo/validation/config.hpp"

#include "syninfo/validation/config_json.hpp"

#include <stdexcept>

namespace syninfo::validation {

const char* to_string(Scale scale) {
  switch (scale) {
    case Scale::test: return "test";
    case Scale::quick: return "quick";
    case Scale::paper: return "paper";
  }
  return "unknown";
}

Scale scale_from_string(const std::string& name) {
  if (name == "test") return Scale::test;
  if (name == "quick") return Scale::quick;
  if (name == "paper") return Scale::paper;
  throw std::invalid_argument("--scale must be quick, paper or test, got '" + name + "'");
}

ValidationConfig config_for_scale(Scale scale) {
  ValidationConfig c;
  c.scale = scale;
  switch (scale) {
    case Scale::test:
      // Seconds, also under AddressSanitizer: tiny counts, coarse curves.
      c.set2_samples = 40;
      c.set3_samples = 40;
      c.fig4_samples = 120;
      c.curves.grid_points = 9;
      c.c7_samples = 8;
      c.c7_neurons = {16, 32};
      c.truth_plan.outer = 200;
      c.truth_plan.fig2_patterns = {2, 10};
      c.truth_plan.curve_points = 2;
      c.truth_plan.fig3_sizes = {2};
      c.truth_plan.scatter = 3;
      c.truth_plan.scatter_max_synapses = 2;
      c.truth_plan.synergy_sizes = {1, 2};
      c.truth_plan.synergy_per_size = 2;
      c.truth_plan.c7_problems = 1;
      break;
    case Scale::quick:
      break;  // the defaults above
    case Scale::paper:
      // The paper's counts (1000 per set, 20,000 for Fig. 4) and larger truth subsamples.
      c.set2_samples = 1000;
      c.set3_samples = 1000;
      c.fig4_samples = 20000;
      c.curves.grid_points = 40;
      c.c7_samples = 300;
      // smc is reliable up to n = 20 (truth/true_information.hpp), so the
      // scatter and synergy subsamples cover the whole range of n; 2000 outer
      // samples (fewer for the largest n P, see `work`) keep the run near an hour.
      c.truth_plan.outer = 2000;
      c.truth_plan.work = 100000;  // 2000 outer samples up to n P = 50, 500 at n = 20, P = 50
      c.truth_plan.max_particles = 128;
      c.truth_plan.fig2_patterns = {2, 3, 5, 10, 20, 30};
      c.truth_plan.curve_points = 6;
      c.truth_plan.fig3_sizes = {2, 3, 4, 5, 6, 8};
      c.truth_plan.scatter = 40;
      c.truth_plan.scatter_max_synapses = 20;
      c.truth_plan.synergy_sizes = {1, 2, 3, 4, 6, 8, 12, 16, 20};
      c.truth_plan.synergy_per_size = 6;
      c.truth_plan.c7_problems = 3;
      break;
  }
  return c;
}

json::Value config_fingerprint(const ValidationConfig& c) { return config_to_json(c); }

}  // namespace syninfo::validation
