// How much the attractor network's response R says about its stimulus S
// (design and derivations: proofs/attractor_information.md), measured with
// syninfo's KSG estimator:
// - I(R;S) from the trials of information_trials.hpp, at the end of the cue
//   and at the end of the delay;
// - the information a retrieval state holds about its pattern, per neuron,
//   I(r_i; xi_i), from the neurons of one state, and its mean-field value,
//   which give the bits per synapse of the stored patterns.
#pragma once

#include "syninfo/attractor/information_trials.hpp"
#include "syninfo/attractor/mean_field.hpp"
#include "syninfo/estimators/estimate.hpp"
#include "syninfo/estimators/ksg.hpp"

namespace syninfo::attractor {

// KSG estimate of I(R;S), rows are trials. For the identity design the
// stimulus column is a label: the readout's columns are standardised and the
// labels spaced wider than any readout distance (no normalisation of the
// label), so every joint neighbourhood lies within one stimulus' trials and
// the estimator is the discrete-continuous one of Ross (2014). For the
// coordinates design both sides are continuous (options as given).
estimators::Estimate stimulus_information(const Eigen::MatrixXd& stimulus, const Eigen::MatrixXd& response,
                                          StimulusDesign design, estimators::KsgOptions options);

struct InformationResult {
  estimators::Estimate after_cue, after_delay;
  TrialSamples samples;
};
InformationResult measure_information(const AttractorParameters& parameters, const Network& network,
                                      const ExperimentDesign& design, const IntegrationOptions& integration,
                                      const estimators::KsgOptions& ksg);

// KSG estimate of I(r_i; xi_i) over the N neurons of one state r (pattern
// mu's currents xi^mu), on ranks (copula: I is invariant to the monotone
// phi, and the rates' long tail does not set the neighbourhoods).
estimators::Estimate pattern_information_per_neuron(const Eigen::VectorXd& currents, const Eigen::VectorXd& rates,
                                                    const estimators::KsgOptions& options);

// Mean-field I(xi; r) per neuron in the retrieval state at load alpha: r =
// phi(h), h = A f(phi(xi)) q + sqrt(Delta) z, so I = H(h) - ln(2 pi e Delta)/2
// with H(h) the entropy of a Gaussian mixture, by trapezoid quadrature
// (NaN when there is no retrieval state or Delta = 0).
double mean_field_pattern_information(const AttractorParameters& parameters, const MeanField& mean_field, double alpha);

}  // namespace syninfo::attractor
