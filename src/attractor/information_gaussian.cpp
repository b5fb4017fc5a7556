#include "syninfo/attractor/information_gaussian.hpp"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <stdexcept>
#include <string>

namespace syninfo::attractor {

namespace {

// phi'(h) = beta phi (1 - phi / r_max).
double transfer_slope(const TransferFunction& phi, double h) {
  const double r = phi(h);
  return phi.beta * r * (1 - r / phi.r_max);
}

double log_det_spd(const Eigen::MatrixXd& S) {
  const Eigen::LLT<Eigen::MatrixXd> llt(S);
  if (llt.info() != Eigen::Success) throw std::invalid_argument("linear channel: a covariance is not positive definite");
  return 2 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
}

// The cued fixed point: relaxation from phi(b) (the dynamics' own flow with a
// step of tau / 2), then Newton's method on F(r) = phi(b + W r) - r.
Eigen::VectorXd cued_fixed_point(const TransferFunction& phi, const Eigen::MatrixXd& W, const Eigen::VectorXd& b) {
  const auto F = [&](const Eigen::VectorXd& r) {
    return Eigen::VectorXd((b + W * r).unaryExpr([&](double h) { return phi(h); }) - r);
  };
  Eigen::VectorXd r = b.unaryExpr([&](double h) { return phi(h); });
  for (int it = 0; it < 400; ++it) {
    const Eigen::VectorXd step = F(r);
    r += 0.5 * step;
    if (step.cwiseAbs().maxCoeff() < 1e-3 * phi.r_max) break;  // close enough for Newton
  }
  const auto n = r.size();
  for (int it = 0; it < 30; ++it) {
    const Eigen::VectorXd residual = F(r);
    if (residual.cwiseAbs().maxCoeff() < 1e-11 * phi.r_max) break;
    const Eigen::VectorXd h = b + W * r;
    Eigen::MatrixXd jac = -Eigen::MatrixXd::Identity(n, n);
    for (Eigen::Index i = 0; i < n; ++i) jac.row(i) += transfer_slope(phi, h[i]) * W.row(i);
    r -= jac.partialPivLu().solve(residual);
  }
  return r;
}

}  // namespace

LinearChannel linearised_channel_information(const AttractorParameters& parameters, const Network& network,
                                             const Eigen::VectorXd& cue, const Eigen::MatrixXd& directions,
                                             double stimulus_sd, double noise_sd, const Eigen::MatrixXd& projection) {
  const auto N = static_cast<Eigen::Index>(network.size.N);
  if (network.size.N > linear_channel_max_neurons)
    throw std::invalid_argument("the Gaussian-channel formula uses dense matrices: N <= " +
                                std::to_string(linear_channel_max_neurons));
  if (cue.size() != N || directions.rows() != N || projection.cols() != N)
    throw std::invalid_argument("linear channel: sizes do not match the network");
  if (!(noise_sd > 0)) throw std::invalid_argument("linear channel: the noise sd must be positive");
  const Eigen::MatrixXd W = dense_weights(network);
  LinearChannel out;
  out.fixed_point = cued_fixed_point(parameters.phi, W, cue);
  const Eigen::VectorXd h = cue + W * out.fixed_point;
  Eigen::VectorXd D(N);
  for (Eigen::Index i = 0; i < N; ++i) D[i] = transfer_slope(parameters.phi, h[i]);
  out.fixed_point_residual =
      (h.unaryExpr([&](double x) { return parameters.phi(x); }) - out.fixed_point).cwiseAbs().maxCoeff();
  if (!(out.fixed_point_residual < 1e-8 * parameters.phi.r_max))
    throw std::invalid_argument("linear channel: no fixed point under the cue (residual " +
                                std::to_string(out.fixed_point_residual) + " Hz)");
  const Eigen::MatrixXd DW = D.asDiagonal() * W;
  out.largest_real_eigenvalue = Eigen::EigenSolver<Eigen::MatrixXd>(DW, false).eigenvalues().real().maxCoeff();
  if (!(out.largest_real_eigenvalue < 1))
    throw std::invalid_argument("linear channel: the cued fixed point is unstable");
  // P M = P (1 - D W)^{-1} D, from the transposed solve.
  const Eigen::MatrixXd lhs = Eigen::MatrixXd::Identity(N, N) - DW;
  const Eigen::MatrixXd PM = lhs.transpose().partialPivLu().solve(projection.transpose()).transpose() * D.asDiagonal();
  const Eigen::MatrixXd PMU = PM * directions;
  const Eigen::MatrixXd noise = noise_sd * noise_sd * PM * PM.transpose();
  const Eigen::MatrixXd signal = stimulus_sd * stimulus_sd * PMU * PMU.transpose();
  out.mi_nats = 0.5 * (log_det_spd(noise + signal) - log_det_spd(noise));
  return out;
}

}  // namespace syninfo::attractor
