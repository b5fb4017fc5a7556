// Trials of the stimulus-response experiment behind `syninfo attractor
// information` (design: proofs/attractor_information.md).
//
// A stimulus is a vector of input currents. Familiar stimuli are the stored
// patterns' currents xi^k (k = 0 .. n-1); novel stimuli are fresh standard
// normal currents with the same statistics, drawn from their own stream.
// Each trial: initial rates phi(u) with u standard normal, a background with
// no input, a cue I = stimulus + cue_noise * eta (+ stimulus_sd * U s in the
// coordinates design), a delay with no input. eta (per neuron) and u are
// fresh in every trial: they are the response's noise. The response is read
// at the end of the cue and at the end of the delay through a
// low-dimensional readout.
#pragma once

#include "syninfo/attractor/dynamics.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <string>

namespace syninfo::attractor {

enum class Familiarity { familiar, novel };
const char* to_string(Familiarity f);

// identity: S is the stimulus' index, uniform over n stimuli (I <= ln n).
// coordinates: S = s in R^d, standard normal, the cue's displacement
// stimulus_sd * U s around stimulus 0 (U: N x d, standard normal entries):
// a continuous stimulus whose response is Gaussian for small displacements.
enum class StimulusDesign { identity, coordinates };
StimulusDesign parse_stimulus_design(const std::string& name);  // std::invalid_argument otherwise
const char* to_string(StimulusDesign d);

// projection: R = P r, P (d x N) with independent N(0, 1/N) entries.
// overlaps: R = the normalised overlaps m_k of r with the n stimuli's
// presynaptic factors g(phi(stimulus_k)) (d = n).
enum class Readout { projection, overlaps };
Readout parse_readout(const std::string& name);  // std::invalid_argument otherwise
const char* to_string(Readout r);

struct ExperimentDesign {
  StimulusDesign design = StimulusDesign::identity;
  Familiarity familiarity = Familiarity::familiar;
  std::size_t stimuli = 4;              // identity: n
  std::size_t coordinates = 2;          // coordinates: d of s
  double stimulus_sd = 0.05;            // coordinates: scale of U s, in sd of the patterns' currents
  std::size_t trials = 400;             // identity: trial t shows stimulus t mod n
  double cue_noise = 1.0;               // sd of eta's term, in sd of the patterns' currents
  Readout readout = Readout::projection;
  std::size_t projection_dimension = 4;
  std::uint64_t projection_seed = 7;
  std::uint64_t trial_seed = 13;        // u, eta and s of trial t come from Rng(trial_seed, t)
  std::uint64_t novel_seed = 17;        // novel stimulus k from Rng(novel_seed, k)
  std::uint64_t direction_seed = 19;    // U's row i from Rng(direction_seed, i)
  double background_ms = 100;
  double cue_ms = 300;
  double delay_ms = 300;
  std::size_t batch = 8;                // trials integrated together (one pass over J per step)
};

// Throws std::invalid_argument naming the first bad field (for this network:
// n <= p for familiar stimuli, trials >= 2 per stimulus, dimensions >= 1, ...).
void validate(const ExperimentDesign& d, const Network& network);

// The n stimuli's currents (N x n): stored patterns or fresh draws.
Eigen::MatrixXd stimulus_currents(const Network& network, const ExperimentDesign& d);
// The projection P (d x N).
Eigen::MatrixXd projection_matrix(const ExperimentDesign& d, std::size_t N);
// The coordinates design's directions U (N x d).
Eigen::MatrixXd stimulus_directions(const ExperimentDesign& d, std::size_t N);

struct TrialSamples {
  Eigen::MatrixXd stimulus;     // trials x 1 (identity: the index) or trials x d (coordinates: s)
  Eigen::MatrixXd after_cue;    // trials x readout dimension, at the end of the cue
  Eigen::MatrixXd after_delay;  // at the end of the delay
  Eigen::MatrixXd final_rates;  // N x n: the end-of-delay rates of the first trial of each stimulus (identity)
};

// Runs every trial; trials are split over threads in batches, each trial's
// draws depend only on its index, so the samples do not depend on threads.
TrialSamples run_trials(const AttractorParameters& parameters, const Network& network, const ExperimentDesign& d,
                        const IntegrationOptions& options);

// Integrates B trials at once: column b of R (N x B) under the constant
// input column b of I (empty = no input), the same scheme and arithmetic as
// integrate() for each column. Exposed for the test that they agree.
using RateBlock = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
void integrate_block(const AttractorParameters& parameters, const SparseRows& J, const RateBlock& I, RateBlock& R,
                     std::size_t steps, const IntegrationOptions& options);

}  // namespace syninfo::attractor
