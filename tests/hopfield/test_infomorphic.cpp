// Infomorphic Hopfield networks (hopfield/infomorphic.hpp): Adam on a
// quadratic, the weight gradient of the goal against central differences, the
// named goals, and a regression case: N = 100 storing alpha = 1.0.
#include "syninfo/hopfield/infomorphic.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace syninfo::hopfield {
namespace {

using M = Matrix<double>;

// Random weights with the zero diagonal of the model.
M random_weights(Eigen::Index n, double scale, Rng& rng) {
  M w(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) w(i, j) = i == j ? 0.0 : rng.uniform(-scale, scale);
  return w;
}

}  // namespace

// f(x) = -sum_k c_k (x_k - x*_k)^2 has its maximum at x*; Adam's step is
// ~lr at first and shrinks as m^ -> 0, so after 3000 steps at lr 0.01 the
// iterate sits within ~lr of x* (here < 1e-3: the steps decay with the
// gradient). The first step is exactly lr sign(g) (m^ = g, v^ = g^2), up to
// eps / |g| ~ 1e-8 relative.
TEST_CASE("Adam ascends a quadratic to its maximum", "[hopfield][infomorphic]") {
  M x(1, 3), target(1, 3), curvature(1, 3);
  x << 0, 0, 0;
  target << 1, -2, 0.5;
  curvature << 1, 10, 0.1;
  Adam adam(0.01);
  M g = 2 * curvature.cwiseProduct(target - x);
  M first = x;
  adam.ascend(first, g);
  for (Eigen::Index k = 0; k < 3; ++k) CHECK(first(0, k) == Approx(0.01 * (g(0, k) > 0 ? 1 : -1)).epsilon(1e-6));
  x = first;
  for (int step = 1; step < 3000; ++step) adam.ascend(x, 2 * curvature.cwiseProduct(target - x));
  CHECK(adam.steps() == 3000);
  for (Eigen::Index k = 0; k < 3; ++k) CHECK(std::fabs(x(0, k) - target(0, k)) < 1e-3);
}

TEST_CASE("named goals: redundancy, mi, coinformation and the two optimised goals", "[hopfield][infomorphic]") {
  CHECK(named_goal("redundancy") == pid::AtomVector{1, 0, 0, 0, 0});
  CHECK(named_goal("mi") == pid::AtomVector{1, 1, 0, 0, 0});
  CHECK(named_goal("coinformation") == pid::AtomVector{1, 0, 0, -1, 0});
  CHECK(named_goal("optimized-i") == pid::AtomVector{0.68, -0.27, -0.68, -0.77, -0.8});
  CHECK(named_goal("optimized-ii") == pid::AtomVector{0.25, 0.48, -0.16, 0.04, -0.63});
  CHECK_THROWS_AS(named_goal("synergy"), std::invalid_argument);
}

TEST_CASE("recurrent bins: equal width over the range, clamped at the edges", "[hopfield][infomorphic]") {
  CHECK(recurrent_bin(-20, 60, 20) == 0);
  CHECK(recurrent_bin(-100, 60, 20) == 0);
  CHECK(recurrent_bin(0, 60, 20) == 30);  // 0 is a bin edge: an even count splits the signs
  CHECK(recurrent_bin(-1e-9, 60, 20) == 29);
  CHECK(recurrent_bin(19.99, 60, 20) == 59);
  CHECK(recurrent_bin(20, 60, 20) == 59);
  CHECK(recurrent_bin(1e300, 60, 20) == 59);
}

// d goal / d W_ij against central differences with step h = 1e-6 on a network
// of N = 6, M = 9 whose fields are far (> 1e-3) from every bin edge, so the
// bins do not move. Weights of size ~1 keep the firing probabilities in
// ~[0.02, 0.98], the goal's third derivative in W is O(10^3) and the
// truncation error h^2 f''' / 6 ~ 1e-10; rounding of the goal (~1e-14 bits over
// 6 neurons) over 2h is ~1e-8. Budget 1e-6 (1 + |g|): a factor >= 100.
TEST_CASE("weight gradient of the goal equals central differences", "[hopfield][infomorphic]") {
  int tested = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    Rng rng(seed, 77);
    const M xi = random_patterns<double>(6, 9, rng);
    const M w = random_weights(6, 1.0, rng);
    InfomorphicOptions o;
    o.bins = 4;
    o.bin_range = 3;
    o.external_weight = 0.7;
    o.beta = 1.3;
    o.gamma = {rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)};
    const M field = xi * w.transpose();
    bool near_edge = false;  // a field within 1e-3 of an edge could change bin under the step
    for (Eigen::Index k = 0; k < field.size(); ++k) {
      const double u = (field(k) + o.bin_range) / (2 * o.bin_range) * static_cast<double>(o.bins);
      if (std::fabs(u - std::round(u)) < 1e-3 * o.bins / (2 * o.bin_range)) near_edge = true;
    }
    if (near_edge) continue;
    ++tested;
    const NetworkGoal g = infomorphic_goal(w, xi, o);
    const double h = 1e-6;
    for (Eigen::Index i = 0; i < 6; ++i)
      for (Eigen::Index j = 0; j < 6; ++j) {
        if (i == j) {
          CHECK(g.gradient(i, j) == 0);
          continue;
        }
        M up = w, down = w;
        up(i, j) += h;
        down(i, j) -= h;
        const double fd = (infomorphic_goal(up, xi, o).goal - infomorphic_goal(down, xi, o).goal) / (2 * h);
        CHECK(std::fabs(fd - g.gradient(i, j)) <= 1e-6 * (1 + std::fabs(g.gradient(i, j))));
      }
  }
  CHECK(tested >= 3);  // the edge check must not skip the test away
}

TEST_CASE("infomorphic options are checked", "[hopfield][infomorphic]") {
  InfomorphicOptions o;
  o.gamma[2] = std::nan("");
  CHECK_THROWS_AS(check_infomorphic_options(o), std::invalid_argument);
  o = InfomorphicOptions{};
  o.beta = 0;
  CHECK_THROWS_AS(check_infomorphic_options(o), std::invalid_argument);
  o = InfomorphicOptions{};
  o.bin_range = -1;
  CHECK_THROWS_AS(check_infomorphic_options(o), std::invalid_argument);
}

// Regression case of the issue: N = 100, M = 100 (alpha = 1.0), the default
// hyperparameters, network seed 1 (the streams of capacity sweeps). a_theta is a
// fraction of 100 patterns; the requirement is the issue's, >= 0.95.
TEST_CASE("infomorphic network at N = 100 stores alpha = 1.0 (regression)", "[hopfield][infomorphic]") {
  CapacityOptions sweep;
  sweep.neurons = 100;
  sweep.alphas = {1.0};
  sweep.seeds = 1;
  sweep.seed = 1;
  sweep.threads = 1;
  const InfomorphicCapacityResult r = infomorphic_capacity(sweep, InfomorphicOptions{});
  const Accuracy& a = r.capacity.accuracy[0][0];
  INFO("a_theta " << a.fraction_recalled << ", a_cos " << a.mean_cosine << ", epochs " << r.training[0][0].epochs_run
                  << ", redundancy " << r.training[0][0].mean_atoms[0]);
  CHECK(a.fraction_recalled >= 0.95);
}

}  // namespace syninfo::hopfield

namespace syninfo::hopfield {

// Skipping the loads above a seed's first failure changes neither alpha_c
// nor any load that runs (same streams): compared exactly.
TEST_CASE("stop_after_failure: the same alpha_c and accuracies as the full sweep", "[hopfield][infomorphic]") {
  CapacityOptions sweep;
  sweep.neurons = 40;
  sweep.alphas = {0.5, 1.0, 1.5, 2.0};
  sweep.seeds = 3;
  sweep.threads = 2;
  InfomorphicOptions o;
  o.epochs = 200;
  const CapacityResult full = infomorphic_capacity(sweep, o).capacity;
  sweep.stop_after_failure = true;
  const CapacityResult cut = infomorphic_capacity(sweep, o).capacity;
  CHECK(cut.alpha_c == full.alpha_c);
  std::size_t skipped = 0;
  for (std::size_t a = 0; a < sweep.alphas.size(); ++a)
    for (std::size_t s = 0; s < sweep.seeds; ++s) {
      if (!cut.evaluated[a][s]) {
        ++skipped;
        continue;
      }
      CHECK(cut.accuracy[a][s].fraction_recalled == full.accuracy[a][s].fraction_recalled);
      CHECK(cut.accuracy[a][s].mean_cosine == full.accuracy[a][s].mean_cosine);
    }
  CHECK(skipped > 0);  // alpha = 2 cannot be stored at N = 40 in 200 epochs, so something was skipped
}

}  // namespace syninfo::hopfield
