// The parameters of the paper's three simulation sets (theory.md section 7).
// The paper's text lost many of them; each lost one is an explicit field here
// with its default, and `parameter_table` gives every field with a one-line
// reason, so a report can print exactly what was run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::simulation {

// How the n synapses of a random sample are chosen (the paper's law is lost).
enum class Membership {
  random_pairs,         // n distinct unordered pairs among all N neurons, uniformly
  subset_pairs,         // n distinct pairs among a random subset of subset_neurons neurons
  all_pairs_of_subset,  // the smallest neuron subset whose pairs hold n, its pairs in random order
  connected,            // grown one synapse at a time, each sharing a neuron with the ones before
};
// The law of the ensemble size n of sample i.
enum class SizeLaw {
  uniform,   // n uniform on {min..max}, independently per sample
  balanced,  // n = min + (i mod K), K = max - min + 1: equal counts per size
  nested,    // blocks of K samples share one problem; sample i has the first
             // min + (i mod K) synapses of the block's sequence (a growing ensemble)
};
// How set 3 combines the exchangeable part E and the random part c Q D Q'.
enum class Set3Combination {
  sum,                  // E + c Q D Q'
  scaled_exchangeable,  // c E + Q D Q'
  random_only,          // c Q D Q' (sigma2 and rho unused)
};
// How set 3's eigenvalues d ~ Normal(eigen_mean, eigen_sd) are kept positive.
enum class EigenPositivity {
  absolute,  // |d|
  reject,    // redraw until d > 0 (the normal truncated to (0, inf))
  floor,     // max(d, eigen_floor)
};

const char* to_string(Membership m);
const char* to_string(SizeLaw s);
const char* to_string(Set3Combination c);
const char* to_string(EigenPositivity e);
// Each throws std::invalid_argument naming the accepted values.
Membership membership_from_string(const std::string& name);
SizeLaw size_law_from_string(const std::string& name);
Set3Combination set3_combination_from_string(const std::string& name);
EigenPositivity eigen_positivity_from_string(const std::string& name);

// Random sets 2 and 3 (scatter plots, Fig. 2C/D, 3C/D, 4).
struct RandomSetSettings {
  std::size_t neurons = 64;           // N
  std::size_t min_patterns = 2, max_patterns = 50;  // P uniform on {min..max} (paper)
  std::size_t min_synapses = 1, max_synapses = 20;  // n uniform on {min..max}
  bool self_connections = false;      // Hopfield networks have no W_ii
  Membership membership = Membership::random_pairs;
  std::size_t subset_neurons = 0;     // subset_pairs: m (0: the smallest m whose pairs hold max_synapses)
  SizeLaw size_law = SizeLaw::uniform;
  double mean_low = -1.0, mean_high = 1.0;          // each mean component uniform (paper)
  // rho uniform on [rho_low, rho_high]; rho_low below -1/(N-1) is raised to it.
  double rho_low = -1.0, rho_high = 1.0;
  // Set 2: S = sigma2((1 - rho) I + rho 11') + bb_scale B B', B standard normal N x N.
  // bb_scale <= 0 means 1/N. B has bb_columns columns (0: N, square).
  double bb_scale = 0.0;
  std::size_t bb_columns = 0;
  // Set 3: S^mu = sigma2((1 - rho) I + rho 11') + c^mu Q^mu D^mu Q^mu'.
  double eigen_mean = 0.01, eigen_sd = 1.2;  // D = diag(|Normal(mean, sd)|) (paper; absolute value ours)
  double factor_high = 1.44;                 // c uniform on [0, factor_high] (paper)
  Set3Combination set3_combination = Set3Combination::sum;
  EigenPositivity eigen_positivity = EigenPositivity::absolute;
  double eigen_floor = 1e-3;                 // EigenPositivity::floor only

  double effective_bb_scale() const { return bb_scale > 0.0 ? bb_scale : 1.0 / static_cast<double>(neurons); }
  double effective_rho_low() const;
  std::size_t effective_bb_columns() const { return bb_columns > 0 ? bb_columns : neurons; }
  // The subset size of subset_pairs (as given, or the smallest that holds max_synapses).
  std::size_t effective_subset_neurons() const;
  std::size_t size_count() const { return max_synapses - min_synapses + 1; }
};

// Set 1 (curves, Fig. 2A/B, 3A/B): one fixed example (pattern means and a
// sequence of random synapses), with exchangeable covariance shared by all
// patterns, S = sigma2((1 - rho) I + rho 11').
struct CurveSettings {
  std::size_t neurons = 64;
  std::vector<std::size_t> fig2_patterns{2, 3, 5, 10, 20, 30};  // one curve per P
  double fig2a_rho = 0.5;        // Fig. 2A: rho fixed, sigma2 varied
  double fig2b_sigma2 = 1.0;     // Fig. 2B: sigma2 fixed, rho varied
  std::size_t fig3_patterns = 10;  // Fig. 3A/B: P fixed
  double fig3a_rho = 0.5;
  double fig3b_sigma2 = 1.0;
  std::vector<std::size_t> fig3_sizes{1, 2, 3, 4, 5, 6, 8, 10};  // one curve per ensemble size
  double sigma2_low = 0.05, sigma2_high = 4.0;  // log-spaced grid
  double rho_low = 0.0, rho_high = 0.99;        // linear grid
  std::size_t grid_points = 25;
  bool self_connections = false;
};

struct ParameterRow {
  std::string name;
  std::string value;
  std::string source;  // "paper", "lost: default" or "configured"
  std::string reason;
};

std::vector<ParameterRow> parameter_table(const RandomSetSettings& random, const CurveSettings& curves);

// The same, with every row whose value differs from the defaults' marked
// "configured" and its reason saying the default value, source and reason.
std::vector<ParameterRow> parameter_table(const RandomSetSettings& random, const CurveSettings& curves,
                                          const RandomSetSettings& default_random, const CurveSettings& default_curves);

// A short decimal for tables ("0.05", "1.44", "0.015873").
std::string short_number(double x);

}  // namespace syninfo::simulation
