// Small builders of synaptic-model problems for the truth tests.
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/random.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace syninfo::truth::testing {

// The even cycle (0,1), (1,2), (2,3), (3,0) on 4 neurons: rank E = 3 < n = 4
// (e_01 + e_23 = e_12 + e_30), every single term is degenerate. Pattern mu
// has mean (0.1 mu, -0.2, 0.05 mu, 0.3) and covariance v (0.8 I + 0.2 11');
// k = 1. `ensemble` may list the cycle's synapses in another order.
inline Problem<double> four_cycle(std::size_t patterns, double variance,
                                  std::vector<Synapse> ensemble = {Synapse{0, 1}, Synapse{1, 2}, Synapse{2, 3},
                                                                   Synapse{3, 0}}) {
  Problem<double> p;
  for (std::size_t mu = 0; mu < patterns; ++mu) {
    Eigen::VectorXd m(4);
    m << 0.1 * static_cast<double>(mu), -0.2, 0.05 * static_cast<double>(mu), 0.3;
    Eigen::MatrixXd s = variance * (0.8 * Eigen::MatrixXd::Identity(4, 4) + 0.2 * Eigen::MatrixXd::Ones(4, 4));
    p.patterns.list.push_back({m, s});
  }
  p.ensemble = std::move(ensemble);
  p.pattern = 1;
  return p;
}

// A four_cycle problem with its neurons relabelled 0 1 2 3 -> 2 3 0 1 (the
// means permuted with them; the covariance is invariant under it).
inline Problem<double> relabelled_four_cycle(Problem<double> p) {
  const std::size_t to[4] = {2, 3, 0, 1};
  for (auto& pattern : p.patterns.list) {
    Eigen::VectorXd m(4);
    for (Eigen::Index i = 0; i < 4; ++i) m(static_cast<Eigen::Index>(to[i])) = pattern.mean(i);
    pattern.mean = m;
  }
  for (auto& syn : p.ensemble) syn = Synapse{to[syn.i], to[syn.j]};
  return p;
}

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

// The exact -ln p(w) of independent disjoint synapses at every row of log_w
// (ln w, one column per synapse): a sum of 1-D quadrature densities (error
// ~1e-8), the pointwise oracle of the smc tests.
inline std::vector<double> exact_neg_log_densities(const std::vector<LogTerm>& terms, const Eigen::MatrixXd& log_w) {
  const auto n = terms.front().mean.size();
  std::vector<LogSumDensity> exact;
  for (Eigen::Index a = 0; a < n; ++a) {
    std::vector<ScalarLogNormal> scalars;
    for (const auto& t : terms) scalars.push_back({t.mean(a), t.cov(a, a)});
    exact.push_back(log_sum_density(scalars, 24.0));
  }
  std::vector<double> out(static_cast<std::size_t>(log_w.rows()), 0.0);
  for (Eigen::Index i = 0; i < log_w.rows(); ++i)
    for (Eigen::Index a = 0; a < n; ++a)
      out[static_cast<std::size_t>(i)] += -log_density_of_log(exact[static_cast<std::size_t>(a)], log_w(i, a)) + log_w(i, a);
  return out;
}

}  // namespace syninfo::truth::testing
