// Static mean-field theory of the retrieval state in the strongly diluted
// limit (c -> 0, K = c N inputs per neuron, load alpha = p / K); derived in
// proofs/attractor_model.md, implemented apart from the simulation.
//
// Retrieving pattern 1, neuron i's input is A f(phi(xi_i)) q plus the
// crosstalk of the other p - 1 patterns, Gaussian with variance
//   Delta = alpha A^2 E[f^2] E[g^2] E[r^2],
// and the order parameters solve
//   q     = E_{xi,z}[ g(phi(xi)) phi(A f(phi(xi)) q + sqrt(Delta) z) ],
//   E[r^k] = E_{xi,z}[ phi(A f(phi(xi)) q + sqrt(Delta) z)^k ],
// xi, z independent standard normals. q = 0 always solves them (E[g] = 0);
// retrieval is the largest solution q > 0. The capacity alpha_c is the load
// where that solution disappears (a saddle-node).
#pragma once

#include "syninfo/attractor/model.hpp"

#include <cstddef>
#include <vector>

namespace syninfo::attractor {

struct RetrievalState {
  double alpha = 0;
  bool retrieval = false;  // a solution with q > 0 exists
  double q = 0, delta = 0, m = 0, mean_rate = 0, mean_rate2 = 0;
  double residual = 0;     // |q - overlap_map(q)| at the reported q
};

class MeanField {
 public:
  // z_nodes: Gauss-Hermite nodes for the crosstalk noise z; xi_step: the
  // trapezoid step for the pattern's current xi (see mean_field.cpp).
  explicit MeanField(const AttractorParameters& parameters, std::size_t z_nodes = 48, double xi_step = 0.05);

  // Delta(q) solving the crosstalk equation at load alpha.
  double noise_variance(double q, double alpha) const;
  // The right-hand side of the q equation, with Delta = noise_variance(q, alpha).
  double overlap_map(double q, double alpha) const;
  RetrievalState retrieval_state(double alpha) const;
  // Largest alpha with a retrieval state, to relative tolerance tol.
  double capacity(double tol = 1e-5) const;

  const LearningRule& rule() const { return rule_; }
  double q_max() const { return q_max_; }

 private:
  // E[phi(a_xi + s z)^k] and E[g_xi phi(a_xi + s z)] at once.
  struct Moments { double r1, r2, gr; };
  Moments moments(double q, double sd) const;

  AttractorParameters parameters_;
  LearningRule rule_;
  std::vector<double> z_, wz_;               // Gauss-Hermite nodes and weights for z (sum 1)
  std::vector<double> wxi_, f_xi_, g_xi_;    // trapezoid weights for xi (sum 1), f and g there
  double q_max_ = 0;                 // bound on q: sqrt(E[g^2]) r_max
};

}  // namespace syninfo::attractor
