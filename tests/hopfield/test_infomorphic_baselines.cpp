// The descent L2 baseline (hopfield/learning_rules.hpp) beside infomorphic
// training: its weights solve the rule's normal equations, and below one
// pattern per neuron it stores every pattern as a fixed point.
#include "syninfo/hopfield/capacity.hpp"
#include "syninfo/hopfield/learning_rules.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace syninfo::hopfield {

// The gradient of C_i, lambda X^T (lambda X w - y) + ridge w, vanishes at the
// minimiser. Entries of lambda^2 X^T X are <= 0.25 M = 10 and the system's
// condition number is <= ~1e4 (smallest eigenvalue >= ridge = 1e-3), so the
// Cholesky residual is ~1e-15 * 10 * |w| with |w| <~ 10: 1e-9 is a wide margin.
TEST_CASE("descent L2 weights solve the normal equations, zero diagonal", "[hopfield][baseline]") {
  for (std::size_t m : {10u, 40u}) {  // fewer and more patterns than neurons
    Rng rng(m, 3);
    const Matrix<double> xi = random_patterns<double>(20, m, rng);
    const DescentL2Options o;
    const Matrix<double> w = descent_l2_weights(xi, o);
    for (Eigen::Index i = 0; i < 20; ++i) {
      CHECK(w(i, i) == 0);
      Matrix<double> x = xi;
      x.col(i).setZero();  // drops neuron i from the regression (w_ii = 0)
      const Vector<double> wi = w.row(i).transpose();
      const Vector<double> grad = o.lambda * x.transpose() * (o.lambda * x * wi - xi.col(i)) + o.ridge * wi;
      for (Eigen::Index j = 0; j < 20; ++j)
        if (j != i) CHECK(std::fabs(grad(j)) < 1e-9);
    }
  }
}

// With M = 25 < N - 1 = 49 the regression nearly interpolates: lambda h_i^mu
// = xi_i^mu up to the ridge's shrinkage (~1e-3 relative), so every field has
// the sign of its bit and recall from each pattern stops there at once.
TEST_CASE("descent L2 stores 25 patterns in 50 neurons as fixed points", "[hopfield][baseline]") {
  Rng rng(9, 1);
  const Matrix<double> xi = random_patterns<double>(50, 25, rng);
  const Accuracy a = recall_accuracy(descent_l2_weights(xi, {}), xi, AccuracyOptions{}, rng);
  CHECK(a.fraction_recalled == 1.0);
  CHECK(a.fixed_points == 25);
}

TEST_CASE("descent L2 rejects a non-positive lambda or ridge", "[hopfield][baseline]") {
  Rng rng(1);
  const Matrix<double> xi = random_patterns<double>(5, 3, rng);
  CHECK_THROWS_AS(descent_l2_weights(xi, {0, 0.001}), std::invalid_argument);
  CHECK_THROWS_AS(descent_l2_weights(xi, {0.5, 0}), std::invalid_argument);
  CHECK_THROWS_AS(descent_l2_weights(xi, {0.5, std::nan("")}), std::invalid_argument);
}

}  // namespace syninfo::hopfield
