#include "syninfo/hopfield/learning_rules.hpp"

#include <cmath>
#include <stdexcept>

namespace syninfo::hopfield {

Matrix<double> descent_l2_weights(const Matrix<double>& xi, const DescentL2Options& o) {
  if (!(std::isfinite(o.lambda) && o.lambda > 0)) throw std::invalid_argument("descent L2: lambda must be positive and finite");
  if (!(std::isfinite(o.ridge) && o.ridge > 0)) throw std::invalid_argument("descent L2: the ridge must be positive and finite");
  const Eigen::Index n = xi.cols();
  require_neurons(static_cast<std::size_t>(n));
  const Matrix<double> gram = xi.transpose() * xi;  // X^T X of every neuron is this without row and column i
  Matrix<double> w = Matrix<double>::Zero(n, n);
  Matrix<double> a(n - 1, n - 1);
  Vector<double> b(n - 1);
  for (Eigen::Index i = 0; i < n; ++i) {
    // Index k of the reduced system is neuron k (k < i) or k + 1 (k >= i).
    for (Eigen::Index k = 0; k < n - 1; ++k) {
      const Eigen::Index jk = k < i ? k : k + 1;
      for (Eigen::Index l = 0; l < n - 1; ++l) a(k, l) = o.lambda * o.lambda * gram(jk, l < i ? l : l + 1);
      a(k, k) += o.ridge;
      b(k) = o.lambda * gram(jk, i);  // (X^T y)_k = sum_mu xi_jk^mu xi_i^mu
    }
    const Eigen::LLT<Matrix<double>> llt(a);
    if (llt.info() != Eigen::Success) throw std::runtime_error("descent L2: the normal equations are not positive definite");
    const Vector<double> wi = llt.solve(b);
    for (Eigen::Index k = 0; k < n - 1; ++k) w(i, k < i ? k : k + 1) = wi(k);
  }
  return w;
}

}  // namespace syninfo::hopfield
