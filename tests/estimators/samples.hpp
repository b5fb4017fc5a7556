// Reproducible test samples for the estimator tests.
#pragma once

#include "syninfo/random.hpp"

#include <Eigen/Dense>

#include <cstdint>

namespace syninfo::estimators::testing {

// n rows from Normal(0, cov); row i is drawn from Rng(seed, i).
inline Eigen::MatrixXd gaussian_rows(const Eigen::MatrixXd& cov, Eigen::Index n, std::uint64_t seed) {
  const Eigen::MatrixXd l = cov.llt().matrixL();
  Eigen::MatrixXd out(n, cov.rows());
  Eigen::VectorXd g(cov.rows());
  for (Eigen::Index i = 0; i < n; ++i) {
    Rng rng(seed, static_cast<std::uint64_t>(i));
    for (Eigen::Index c = 0; c < g.size(); ++c) g(c) = rng.normal();
    out.row(i) = (l * g).transpose();
  }
  return out;
}

// Bivariate Gaussian with unit variances and correlation rho, as an n x 2 matrix.
inline Eigen::MatrixXd bivariate_gaussian(double rho, Eigen::Index n, std::uint64_t seed) {
  Eigen::MatrixXd cov(2, 2);
  cov << 1.0, rho, rho, 1.0;
  return gaussian_rows(cov, n, seed);
}

// n x d uniform on [0, 1)^d.
inline Eigen::MatrixXd uniform_rows(Eigen::Index n, Eigen::Index d, std::uint64_t seed) {
  Eigen::MatrixXd out(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    Rng rng(seed, static_cast<std::uint64_t>(i));
    for (Eigen::Index c = 0; c < d; ++c) out(i, c) = rng.uniform();
  }
  return out;
}

}  // namespace syninfo::estimators::testing
