// Positive-definiteness, log-determinant and spectrum of a symmetric matrix
// (the log-domain covariances K and K' of theory.md section 3).
//
// LLT has no determinant(): the log-determinant is 2 sum ln L_ii from the
// Cholesky factor. A matrix counts as positive definite when its smallest
// eigenvalue exceeds the rounding threshold below *and* the Cholesky
// factorisation succeeds, so that a matrix that is singular in exact
// arithmetic (e.g. K' = E S E' from one pattern when n > N) is not declared
// positive definite because rounding nudged an eigenvalue above zero.
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/scalar_math.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

namespace syninfo {

template <class T>
struct SymmetricAnalysis {
  bool positive_definite = false;
  T log_determinant = quiet_nan<T>();  // only meaningful when positive_definite
  T min_eigenvalue = quiet_nan<T>();
  T max_eigenvalue = quiet_nan<T>();
  // max |eigenvalue| / min eigenvalue; only meaningful when positive_definite.
  T condition_number = quiet_nan<T>();
  // Eigenvalues at or below this count as zero: 16 n eps max|eigenvalue|, a
  // small multiple of the backward error of forming K entrywise (each entry
  // carries ~eps relative rounding) and of the symmetric eigen-solver.
  T singular_threshold = quiet_nan<T>();
  bool numerically_singular = false;  // min eigenvalue in [-threshold, threshold]
};

template <class T>
T singular_threshold(const T& largest_magnitude, Eigen::Index n) {
  return 16 * T(static_cast<int>(n)) * std::numeric_limits<T>::epsilon() * largest_magnitude;
}

template <class T>
SymmetricAnalysis<T> analyse_symmetric(const Matrix<T>& k) {
  using std::abs;
  using std::log;
  SymmetricAnalysis<T> out;
  Eigen::SelfAdjointEigenSolver<Matrix<T>> eig(k, Eigen::EigenvaluesOnly);
  if (eig.info() != Eigen::Success) return out;
  const auto& ev = eig.eigenvalues();
  out.min_eigenvalue = ev(0);
  out.max_eigenvalue = ev(ev.size() - 1);
  out.singular_threshold = singular_threshold(T((std::max)(abs(out.min_eigenvalue), abs(out.max_eigenvalue))), k.rows());
  out.numerically_singular = abs(out.min_eigenvalue) <= out.singular_threshold;
  if (!(out.min_eigenvalue > out.singular_threshold)) return out;
  Eigen::LLT<Matrix<T>> llt(k);
  if (llt.info() != Eigen::Success) return out;
  T log_det = 0;
  const auto& l = llt.matrixLLT();
  for (Eigen::Index i = 0; i < k.rows(); ++i) log_det += log(T(l(i, i)));
  out.log_determinant = 2 * log_det;
  out.positive_definite = true;
  out.condition_number = (std::max)(abs(out.max_eigenvalue), abs(out.min_eigenvalue)) / out.min_eigenvalue;
  return out;
}

}  // namespace syninfo
