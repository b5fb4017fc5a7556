// The draws shared by the full and the compact sample generators
// (sample_sets.cpp, compact_sample.cpp), in the stream order that defines a
// sample. Not installed.
#pragma once

#include "syninfo/simulation/sample_sets.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>

namespace syninfo::simulation::detail {

void check_settings(const RandomSetSettings& s);
// The header's draws (P, n, k, sigma2, rho); the size law then sets n.
SampleHeader draw_header(Rng& rng, const RandomSetSettings& s, std::uint64_t index);
// The stream of sample `index`: its own, or under the nested law its block's.
Rng sample_stream(SetId set, const RandomSetSettings& s, std::uint64_t seed, std::uint64_t index);
// The sample's ensemble (under the nested law: the block's sequence, cut at n).
Ensemble sample_ensemble(Rng& rng, const RandomSetSettings& s, const SampleHeader& h);
Eigen::VectorXd uniform_vector(Rng& rng, std::size_t size, double lo, double hi);
// Row-major fill order, fixed: the stream position is part of the sample's definition.
Eigen::MatrixXd normal_matrix(Rng& rng, std::size_t rows, std::size_t cols);
// One eigenvalue of set 3's D, kept positive by the settings' rule.
double positive_eigenvalue(Rng& rng, const RandomSetSettings& s);
// Exact symmetry (the model rejects asymmetric covariances).
void symmetrise(Eigen::MatrixXd& m);

}  // namespace syninfo::simulation::detail
