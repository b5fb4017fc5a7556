// A network of N rate neurons with sparse random connectivity c_ij ~
// Bernoulli(c) (no self-connections) and the learned weights
//   J_ij = (A / (c N)) c_ij sum_mu f(phi(xi_i^mu)) g(phi(xi_j^mu)),
// xi^mu the input currents of the p stored patterns (independent standard
// normal). Rows are stored compressed (CSR) and built and multiplied in
// parallel; every random draw comes from a stream keyed by (seed, row) or
// (seed, pattern), so the network does not depend on the thread count.
#pragma once

#include "syninfo/attractor/model.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace syninfo::attractor {

struct NetworkSize {
  std::size_t N = 1000;
  double c = 0.25;
  std::size_t p = 10;
  std::uint64_t seed = 1;
};

// Throws std::invalid_argument: N < 2, c outside (0, 1], p < 1, N c < 1, or a
// network too large to store (more than 2^31 - 1 connections).
void validate(const NetworkSize& size);

// Compressed rows: the connections of neuron i are cols[row_start[i] ..
// row_start[i + 1]), with their weights in values.
struct SparseRows {
  std::size_t n = 0;
  std::vector<std::size_t> row_start;
  std::vector<std::int32_t> cols;
  std::vector<double> values;
  std::size_t nonzeros() const { return cols.size(); }
  // y = J x, rows split over threads (0 = all cores).
  void multiply(const Eigen::VectorXd& x, Eigen::VectorXd& y, unsigned threads) const;
};

struct Network {
  NetworkSize size;
  LearningRule rule;
  // N x p, row-major so that one neuron's patterns are contiguous.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> currents;  // xi_i^mu
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> g_rates;  // g(phi(xi_i^mu))
  SparseRows J;
};

Network build_network(const AttractorParameters& parameters, const NetworkSize& size, unsigned threads);

// The same connectivity structure and weights as a dense matrix (tests only:
// small N).
Eigen::MatrixXd dense_weights(const Network& network);

}  // namespace syninfo::attractor
