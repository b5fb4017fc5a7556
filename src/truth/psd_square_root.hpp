// A square-root factor F of a symmetric positive semi-definite matrix (F F' =
// S, from the symmetric part's eigen-decomposition with negative round-off
// eigenvalues set to 0), so singular covariances are sampled exactly. Shared
// by the truth estimators' samplers (private to src/truth).
#pragma once

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

namespace syninfo::truth::detail {

inline Eigen::MatrixXd psd_square_root(const Eigen::MatrixXd& cov) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(0.5 * (cov + cov.transpose()));
  return eig.eigenvectors() * eig.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
}

}  // namespace syninfo::truth::detail
