// Rate dynamics tau dr/dt = -r + phi(I_ext + J r), integrated with a fixed
// step by explicit Euler (order 1; the published model's scheme) or Heun
// (order 2), and the delayed-match-to-sample protocol: background, a cue
// (I_ext = a stored pattern's input currents), delay.
#pragma once

#include "syninfo/attractor/network.hpp"

#include <Eigen/Dense>

#include <functional>
#include <string>
#include <vector>

namespace syninfo::attractor {

enum class Scheme { euler, heun };
Scheme parse_scheme(const std::string& name);  // "euler" or "heun"; std::invalid_argument otherwise
const char* to_string(Scheme s);

struct IntegrationOptions {
  double dt_ms = 0.5;
  Scheme scheme = Scheme::euler;
  unsigned threads = 0;
};
void validate(const IntegrationOptions& o);  // dt > 0 and finite

// dr/dt for the rates r under the external input I (empty = zero input).
// Exposed so tests can hand the same right-hand side to an independent
// integrator.
void rate_derivative(const AttractorParameters& parameters, const SparseRows& J, const Eigen::VectorXd& I,
                     const Eigen::VectorXd& r, Eigen::VectorXd& drdt, unsigned threads);

// Advances r by `steps` steps of dt under constant input I; calls observe(step)
// after each step when given.
void integrate(const AttractorParameters& parameters, const SparseRows& J, const Eigen::VectorXd& I, Eigen::VectorXd& r,
               std::size_t steps, const IntegrationOptions& options, const std::function<void(std::size_t)>& observe = {});

// Overlaps with every stored pattern: q_mu = (1/N) sum_i g(phi(xi_i^mu)) r_i
// and the normalised m_mu = q_mu / (sqrt(E[g^2]) sd(r)) (sd over neurons;
// 0 when every rate is equal).
struct Overlaps {
  Eigen::VectorXd q, m;
};
Overlaps overlaps(const Network& network, const Eigen::VectorXd& r);

struct ProtocolOptions {
  double background_ms = 500;
  double cue_ms = 500;
  double delay_ms = 2000;
  std::size_t cue_pattern = 0;
  double cue_amplitude = 1.0;
  double record_every_ms = 5;
  double retrieval_threshold = 0.5;  // on m of the cued pattern at the end of the delay
  std::uint64_t initial_seed = 11;   // initial rates phi(u), u standard normal
};
void validate(const ProtocolOptions& o, const Network& network);

struct ProtocolResult {
  std::vector<double> time_ms;           // recording times
  std::vector<Eigen::VectorXd> m;        // m_mu at each recording time
  std::vector<Eigen::VectorXd> q;
  Eigen::VectorXd final_rates;
  double final_m = 0;                    // cued pattern, end of delay
  double largest_other_m = 0;            // largest |m| of the other patterns at the end
  bool retrieved = false;                // final_m >= threshold and above every other pattern's m
  double time_to_retrieve_ms = -1;       // from cue onset to the first m >= threshold; -1 if never
};
ProtocolResult delayed_match_to_sample(const AttractorParameters& parameters, const Network& network,
                                       const ProtocolOptions& protocol, const IntegrationOptions& options);

}  // namespace syninfo::attractor
