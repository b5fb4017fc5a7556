// The graded-rate attractor network of Pereira & Brunel (Neuron 99:227, 2018),
// whose Hebbian rule was inferred from inferior-temporal-cortex recordings
// (Lim et al., Nat. Neurosci. 2015): the static transfer function, the two
// factors of the learning rule, and the Gaussian averages the theory needs.
// The derivations are in proofs/attractor_model.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace syninfo::attractor {

// phi(h) = r_max / (1 + exp(-beta (h - h0))), rates in Hz, currents in units
// of the standard deviation of the input currents of novel stimuli.
struct TransferFunction {
  double r_max = 76.2;
  double beta = 0.82;
  double h0 = 2.46;
  double operator()(double h) const;
};

// One factor of the separable rule: (1/2)(2q - 1 + tanh(beta (r - x))).
struct RuleFactor {
  double q = 0.5;
  double beta = 0.28;
  double x = 26.6;
  double operator()(double r) const;
};

// Every parameter of the model; the defaults are the medians of the published
// fits (see README's attractor section for where each comes from).
struct AttractorParameters {
  TransferFunction phi;
  double A = 3.55;       // strength of the learned connectivity
  double q_f = 0.83;     // post-synaptic factor f
  double beta_f = 0.28;  // 1/Hz
  double x_f = 26.6;     // Hz
  double beta_g = 0.28;  // pre-synaptic factor g (q_g follows from E[g] = 0)
  double x_g = 26.6;
  double tau_ms = 20.0;
};

// Throws std::invalid_argument naming the first parameter out of range.
void validate(const AttractorParameters& p);

// The learning rule with g's offset solved from E[g(phi(xi))] = 0 for a
// standard normal xi, and the moments the mean-field theory uses.
struct LearningRule {
  RuleFactor f, g;
  double A = 0;
  double mean_f2 = 0;  // E[f(phi(xi))^2]
  double mean_g2 = 0;  // E[g(phi(xi))^2]
  double mean_g = 0;   // E[g(phi(xi))] after the solve: zero to quadrature accuracy
};
LearningRule make_learning_rule(const AttractorParameters& p);

// E[F(xi)] for a standard normal xi by adaptive quadrature on the real line
// (GSL qagi, relative tolerance 1e-12). abs_error, when given, receives
// GSL's own error estimate.
double standard_normal_expectation(const std::function<double(double)>& F, double* abs_error = nullptr);

}  // namespace syninfo::attractor
