// The PID of a sample: the plug-in (empirical-distribution) decomposition with
// the Miller-Madow estimate of the plug-in bias of its mutual informations and
// a seeded bootstrap of every atom (standard error and bias).
#pragma once

#include "syninfo/pid/shared_exclusion.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::pid {

struct SampleOptions {
  std::size_t bootstrap = 0;  // replicates; 0 = no bootstrap
  std::uint64_t seed = 1;
};

// The reported quantities in one flat list, so that the bootstrap treats them
// alike: the averaged atoms in lattice order, then H(Y), I(Y;S_j) for each
// source, I(Y;S_all), the co-information and the residual entropy.
std::vector<double> reported_quantities(const PidResult<double>& r);
std::vector<std::string> reported_quantity_names(const RedundancyLattice& lattice,
                                                 const std::vector<std::string>& source_names);

struct SampleEstimate {
  PidResult<double> plug_in;
  std::size_t samples = 0;
  // Miller-Madow: E[plug-in] - true ~ (K_YX - K_Y - K_X + 1) / (2 N ln 2) bits for
  // I(Y;X) and -(K_Y - 1) / (2 N ln 2) for H(Y), K = occupied cells.
  double miller_madow_target_entropy = 0;
  std::vector<double> miller_madow_source_mi;  // per source
  double miller_madow_joint_mi = 0;
  // Bootstrap over reported_quantities (empty without --bootstrap): bias =
  // mean of the replicates - plug-in; standard error = their standard deviation.
  std::size_t replicates = 0;
  std::vector<double> bootstrap_bias, bootstrap_standard_error;
};

// Rows are samples (targets[i], source_rows[i]); throws std::invalid_argument
// for no rows, rows of the wrong width, or a source count outside 1..max_sources.
SampleEstimate estimate_from_samples(std::size_t sources, const std::vector<Symbol>& targets,
                                     const std::vector<std::vector<Symbol>>& source_rows,
                                     const SampleOptions& options);

}  // namespace syninfo::pid
