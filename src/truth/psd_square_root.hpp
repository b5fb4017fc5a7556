// A square-root factor F of a symmetric positive semi-definite matrix (F F' =
// S, from the symmetric part's eigen-decomposition with negative round-off
// eigenvalues set to 0), so singular covariances are sampled exactly. Shared
// by the truth estimators' samplers (private to src/truth).
#pragma once

#include <Eigen/Core>

#include <cmath>
#include <Eigen/Eigenvalues>

namespace syninfo::truth::detail {

// relative_floor > 0 makes it rank-revealing: eigenvalues at most
// relative_floor x the largest |eigenvalue| (round-off of a singular matrix)
// are dropped too (density_rank.cpp counts dimensions with it).
inline Eigen::MatrixXd psd_square_root(const Eigen::MatrixXd& cov, double relative_floor = 0.0) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(0.5 * (cov + cov.transpose()));
  if (relative_floor == 0.0) return eig.eigenvectors() * eig.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  Eigen::VectorXd root = eig.eigenvalues();
  const double floor = relative_floor * root.cwiseAbs().maxCoeff();
  for (Eigen::Index i = 0; i < root.size(); ++i) root(i) = root(i) > floor ? std::sqrt(root(i)) : 0.0;
  return eig.eigenvectors() * root.asDiagonal();
}

}  // namespace syninfo::truth::detail
