// Small builders of synaptic-model problems for the truth tests.
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/random.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace syninfo::truth::testing {

// Single synapse (0, 1) over N = 2 neurons; pattern mu has mean (m_mu/2, m_mu/2)
// and covariance diag(v_mu/2, v_mu/2), so ln T^mu ~ Normal(m_mu, v_mu).
inline Problem<double> single_synapse(const std::vector<double>& means, const std::vector<double>& vars,
                                      std::size_t k = 0) {
  Problem<double> p;
  for (std::size_t mu = 0; mu < means.size(); ++mu) {
    Pattern<double> pat;
    pat.mean = Eigen::Vector2d(means[mu] / 2, means[mu] / 2);
    pat.cov = Eigen::Matrix2d::Identity() * (vars[mu] / 2);
    p.patterns.list.push_back(pat);
  }
  p.ensemble = {Synapse{0, 1}};
  p.pattern = k;
  return p;
}

// Two synapses sharing neuron 1, (0, 1) and (1, 2), N = 3, P = 2, k = 0, with
// correlated heterogeneous covariances: the case of the 2-D quadrature
// reference (generate_two_synapse_reference.cpp).
inline Problem<double> two_synapse_problem() {
  Problem<double> p;
  Eigen::Matrix3d s1, s2;
  s1 << 0.40, 0.10, 0.05, 0.10, 0.30, 0.12, 0.05, 0.12, 0.50;
  s2 << 0.60, -0.10, 0.00, -0.10, 0.45, 0.15, 0.00, 0.15, 0.35;
  p.patterns.list.push_back({Eigen::Vector3d(0.2, -0.1, 0.3), s1});
  p.patterns.list.push_back({Eigen::Vector3d(-0.3, 0.1, 0.2), s2});
  p.ensemble = {Synapse{0, 1}, Synapse{1, 2}};
  p.pattern = 0;
  return p;
}

// n disjoint synapses (2a, 2a + 1) over N = 2n independent neurons (diagonal
// covariance s), P patterns with means uniform in [-1, 1] (seeded): the W_a
// are independent, so h(W_E) and I(W_E; x^k) are sums of single-synapse values.
inline Problem<double> independent_disjoint(std::size_t n, std::size_t patterns, double s, std::uint64_t seed) {
  Problem<double> p;
  const auto neurons = static_cast<Eigen::Index>(2 * n);
  Rng rng(seed, 0);
  for (std::size_t mu = 0; mu < patterns; ++mu) {
    Pattern<double> pat;
    pat.mean = Eigen::VectorXd(neurons);
    for (Eigen::Index i = 0; i < neurons; ++i) pat.mean(i) = rng.uniform(-1.0, 1.0);
    pat.cov = Eigen::MatrixXd::Identity(neurons, neurons) * s;
    p.patterns.list.push_back(pat);
  }
  for (std::size_t a = 0; a < n; ++a) p.ensemble.push_back(Synapse{2 * a, 2 * a + 1});
  p.pattern = 0;
  return p;
}

// The exact information of independent synapses: the sum of the single-synapse
// quadratures; *bound receives the sum of their error bounds (~1e-6 each at 8
// points per sd, far below any Monte Carlo error it is compared with).
inline double sum_of_single_synapse_informations(const Problem<double>& p, double* bound) {
  double total = 0.0;
  *bound = 0.0;
  for (const auto& synapse : p.ensemble) {
    Problem<double> one = p;
    one.ensemble = {synapse};
    QuadratureOptions qo;
    qo.points_per_sd = 8.0;
    const QuadratureMutualInformation q = quadrature_mutual_information(one, qo);
    total += q.estimate.value;
    *bound += q.estimate.standard_error;
  }
  return total;
}

// ln q at u by cubic interpolation of ln q on the quadrature grid (24 nodes
// per sd: interpolation error ~1e-5 in ln q, far below the Monte Carlo noise).
inline double log_density_of_log(const LogSumDensity& d, double u) {
  const double s = (u - d.lo) / d.step;
  const auto i = static_cast<long>(std::floor(s));
  const double f = s - static_cast<double>(i);
  const auto last = static_cast<long>(d.q.size()) - 1;
  auto lq = [&](long j) { return std::log(std::max(d.q[static_cast<std::size_t>(std::clamp(j, 0L, last))], 1e-300)); };
  const double p0 = lq(i - 1), p1 = lq(i), p2 = lq(i + 1), p3 = lq(i + 2);
  return p1 + 0.5 * f * (p2 - p0 + f * (2 * p0 - 5 * p1 + 4 * p2 - p3 + f * (3 * (p1 - p2) + p3 - p0)));
}

}  // namespace syninfo::truth::testing
