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

}  // namespace syninfo::truth::testing
