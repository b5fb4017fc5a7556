// The Gaussian-channel value of I(R;S) for the coordinates design with the
// projection readout at the end of a long cue (proofs/attractor_information.md,
// section 3). For small displacements the cued fixed point r* of
// r = phi(b + J r) moves linearly, dr = M dI with M = (1 - D J)^{-1} D and
// D = diag(phi'(b + J r*)); with dI = stimulus_sd U s + noise_sd eta,
//   I(R;S) = (1/2) ln det(S_n + S_s) - (1/2) ln det S_n,
//   S_n = noise_sd^2 (P M)(P M)^T,  S_s = stimulus_sd^2 (P M U)(P M U)^T.
// Dense linear algebra: for networks of up to a few thousand neurons.
#pragma once

#include "syninfo/attractor/network.hpp"

#include <Eigen/Dense>

#include <cstddef>

namespace syninfo::attractor {

struct LinearChannel {
  double mi_nats = 0;
  Eigen::VectorXd fixed_point;         // r* under the noise-free cue b
  double fixed_point_residual = 0;     // max |phi(b + J r*) - r*|, Hz
  double largest_real_eigenvalue = 0;  // of D J: below 1 for a stable fixed point
};

// Largest network the dense computation accepts.
inline constexpr std::size_t linear_channel_max_neurons = 4000;

// Throws std::invalid_argument when the network is too large or the fixed
// point cannot be found or is unstable (the linear limit then does not exist).
LinearChannel linearised_channel_information(const AttractorParameters& parameters, const Network& network,
                                             const Eigen::VectorXd& cue, const Eigen::MatrixXd& directions,
                                             double stimulus_sd, double noise_sd, const Eigen::MatrixXd& projection);

}  // namespace syninfo::attractor
