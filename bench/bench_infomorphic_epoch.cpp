// Time per full-batch training epoch of an infomorphic Hopfield network (the
// goal, its exact gradient and one Adam step), against the operation count of
// its two dense products, both at the seed's N = 100 near capacity (M = 159).
// The seed's PyTorch reference could not be run here (python3-torch is not
// installed on this machine), so the comparison the issue asks for is left to
// a machine with it; this gives the C++ side and the arithmetic it does.
//
// usage: bench_infomorphic_epoch [N] [M] [EPOCHS]   (defaults 100, 159, 500)
#include "syninfo/hopfield/infomorphic.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace syninfo::hopfield;

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
  const std::size_t m = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 159;
  const std::size_t epochs = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 500;
  syninfo::Rng rng(1);
  const Matrix<double> xi = random_patterns<double>(n, m, rng);
  InfomorphicOptions o;
  Matrix<double> w = Matrix<double>::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  for (Eigen::Index i = 0; i < w.rows(); ++i)
    for (Eigen::Index j = 0; j < w.cols(); ++j)
      if (i != j) w(i, j) = rng.uniform(-1e-4, 1e-4);
  Adam adam(o.learning_rate);
  double best = 1e300, total = 0, goal = 0;
  for (std::size_t e = 0; e < epochs; ++e) {
    const auto t0 = std::chrono::steady_clock::now();
    const NetworkGoal g = infomorphic_goal(w, xi, o);
    adam.ascend(w, g.gradient);
    const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, dt);
    total += dt;
    goal = g.goal;
  }
  // Two products per epoch (fields Xi W^T and gradient D^T Xi), M N^2 multiply-adds each.
  const double flops = 4.0 * static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(n);
  std::printf("N %zu, M %zu, %zu epochs: mean %.3f ms/epoch, best %.3f ms; dense products %.2f Mflop/epoch "
              "(%.2f Gflop/s at the best epoch); PID tables %zu cells x %zu neurons; final goal %.3f bits\n",
              n, m, epochs, 1e3 * total / static_cast<double>(epochs), 1e3 * best, flops / 1e6, flops / best / 1e9,
              4 * o.bins, n, goal);
  return 0;
}
