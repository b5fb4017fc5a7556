// Nearest positive-definite matrix (Higham 1988): for a symmetric A with
// eigen-decomposition Q diag(l) Q', the nearest symmetric positive
// semi-definite matrix in the Frobenius norm is Q diag(max(l, 0)) Q'. To get a
// usable log-determinant we clip at a floor instead of 0. The floor is
// explicit and reported with the result: the repaired determinant, and so
// the repaired I_FW, depends on it directly.
#pragma once

#include "syninfo/model.hpp"

#include <Eigen/Eigenvalues>

namespace syninfo {

template <class T>
struct RepairedMatrix {
  Matrix<T> matrix;
  T frobenius_change = 0;    // ||repaired - original||_F
  int clipped_eigenvalues = 0;
  T floor = 0;
};

// floor_relative: eigenvalues below floor_relative * max(|eigenvalue|) are
// raised to that value.
template <class T>
RepairedMatrix<T> nearest_positive_definite(const Matrix<T>& a, const T& floor_relative) {
  using std::abs;
  using std::sqrt;
  Eigen::SelfAdjointEigenSolver<Matrix<T>> eig(a);
  Vector<T> l = eig.eigenvalues();
  T top = 0;
  for (Eigen::Index i = 0; i < l.size(); ++i) top = (std::max)(top, T(abs(l(i))));
  RepairedMatrix<T> out;
  out.floor = floor_relative * top;
  for (Eigen::Index i = 0; i < l.size(); ++i)
    if (l(i) < out.floor) {
      l(i) = out.floor;
      ++out.clipped_eigenvalues;
    }
  out.matrix = eig.eigenvectors() * l.asDiagonal() * eig.eigenvectors().transpose();
  out.matrix = (out.matrix + out.matrix.transpose()) / 2;  // exact symmetry
  out.frobenius_change = sqrt(T((out.matrix - a).squaredNorm()));
  return out;
}

}  // namespace syninfo
