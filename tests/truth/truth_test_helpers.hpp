// Small builders of synaptic-model problems for the truth tests.
#pragma once

#include "syninfo/model.hpp"

#include <Eigen/Core>

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

}  // namespace syninfo::truth::testing
