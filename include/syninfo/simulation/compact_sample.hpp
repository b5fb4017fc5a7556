// A random sample in the form the validation consumes: the problem on its
// touched neurons J (what the closed form and the true information depend
// on, theory.md 5.6), the six features of the full N-neuron sample (for the
// nearest-valid substitute of invalid samples), and whether the ensemble's
// incidence vectors are independent.
//
// Set 2 is generate_sample's full problem, restricted (bit for bit the same).
// Set 3 never forms its N x N covariances: with S^mu = a I + b 11' + c Q D Q'
// only the rows Q_J of the Haar matrix Q and the vector z = Q'1 are needed.
// Both come from one (|J| + 1)-column Stiefel draw: for the (|J| + 1) x N
// matrix M = [rows e_j' of J; 1'/sqrt(N)], M Q has the law of L W, with M M'
// = L L' and W uniform on the Stiefel manifold, which gives Q_J = W_J and
// Q'1 = Q_J'1 + sqrt(N - |J|) w. S_JJ then costs |J|^2 N instead of N^3, and
// the features follow from the eigenvalues of diag(lambda) + b z z'
// (rank_one_covariance_features). The law is generate_sample's (tested
// against it); the draws are not.
#pragma once

#include "syninfo/simulation/features.hpp"
#include "syninfo/simulation/sample_sets.hpp"

#include <cstddef>
#include <cstdint>

namespace syninfo::simulation {

struct CompactSample {
  SetId set = SetId::set2;
  std::uint64_t index = 0;
  SampleHeader header;
  std::size_t neurons = 0;  // N of the full sample
  Problem<double> problem;  // on the touched neurons, as restrict_to_touched gives it
  Features features{};      // of the full N-neuron sample
  bool independent = false;
};

CompactSample compact_sample(SetId set, const RandomSetSettings& settings, std::uint64_t seed, std::uint64_t index);

// The thin Q (N x columns) of the QR decomposition of an N x columns standard
// normal matrix, columns signed so that R has a positive diagonal: uniform on
// the Stiefel manifold of orthonormal column sets.
Eigen::MatrixXd random_stiefel(Rng& rng, std::size_t neurons, std::size_t columns);

}  // namespace syninfo::simulation
