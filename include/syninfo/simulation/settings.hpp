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

// Random sets 2 and 3 (scatter plots, Fig. 2C/D, 3C/D, 4).
struct RandomSetSettings {
  std::size_t neurons = 64;           // N
  std::size_t min_patterns = 2, max_patterns = 50;  // P uniform on {min..max} (paper)
  std::size_t min_synapses = 1, max_synapses = 20;  // n uniform on {min..max}
  bool self_connections = false;      // Hopfield networks have no W_ii
  double mean_low = -1.0, mean_high = 1.0;          // each mean component uniform (paper)
  // rho uniform on [rho_low, rho_high]; rho_low below -1/(N-1) is raised to it.
  double rho_low = -1.0, rho_high = 1.0;
  // Set 2: S = sigma2((1 - rho) I + rho 11') + bb_scale B B', B standard normal N x N.
  // bb_scale <= 0 means 1/N.
  double bb_scale = 0.0;
  // Set 3: S^mu = sigma2((1 - rho) I + rho 11') + c^mu Q^mu D^mu Q^mu'.
  double eigen_mean = 0.01, eigen_sd = 1.2;  // D = diag(|Normal(mean, sd)|) (paper; absolute value ours)
  double factor_high = 1.44;                 // c uniform on [0, factor_high] (paper)

  double effective_bb_scale() const { return bb_scale > 0.0 ? bb_scale : 1.0 / static_cast<double>(neurons); }
  double effective_rho_low() const;
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
  std::string source;  // "paper" or "lost: default"
  std::string reason;
};

std::vector<ParameterRow> parameter_table(const RandomSetSettings& random, const CurveSettings& curves);

// A short decimal for tables ("0.05", "1.44", "0.015873").
std::string short_number(double x);

}  // namespace syninfo::simulation
