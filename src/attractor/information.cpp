#include "syninfo/attractor/information.hpp"

#include "syninfo/estimators/sample_checks.hpp"
#include "syninfo/estimators/standardise.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

namespace syninfo::attractor {

estimators::Estimate stimulus_information(const Eigen::MatrixXd& stimulus, const Eigen::MatrixXd& response,
                                          StimulusDesign design, estimators::KsgOptions options) {
  if (design == StimulusDesign::coordinates) return estimators::ksg_mutual_information(stimulus, response, options);
  if (stimulus.cols() != 1) throw std::invalid_argument("the identity design has one stimulus column");
  // The label's spacing must exceed every max-norm distance between two
  // readouts, so that the k joint neighbours of a trial are trials of its own
  // stimulus and the label marginal counts exactly its stimulus' trials.
  const Eigen::MatrixXd ranked = options.copula ? estimators::rank_columns(response) : response;
  const Eigen::MatrixXd y = estimators::standardised_columns(ranked);
  const double widest = y.size() > 0 ? (y.colwise().maxCoeff() - y.colwise().minCoeff()).maxCoeff() : 0.0;
  const Eigen::MatrixXd x = stimulus * (2 * widest + 1);
  options.copula = false;
  options.normalise = false;  // the label's scale is the point; y is standardised already
  return estimators::ksg_mutual_information(x, y, options);
}

InformationResult measure_information(const AttractorParameters& parameters, const Network& network,
                                      const ExperimentDesign& design, const IntegrationOptions& integration,
                                      const estimators::KsgOptions& ksg) {
  InformationResult out;
  out.samples = run_trials(parameters, network, design, integration);
  out.after_cue = stimulus_information(out.samples.stimulus, out.samples.after_cue, design.design, ksg);
  out.after_delay = stimulus_information(out.samples.stimulus, out.samples.after_delay, design.design, ksg);
  return out;
}

estimators::Estimate pattern_information_per_neuron(const Eigen::VectorXd& currents, const Eigen::VectorXd& rates,
                                                    const estimators::KsgOptions& options) {
  estimators::KsgOptions o = options;
  o.copula = true;
  return estimators::ksg_mutual_information(currents, rates, o);
}

double mean_field_pattern_information(const AttractorParameters& parameters, const MeanField& mean_field,
                                      double alpha) {
  const RetrievalState state = mean_field.retrieval_state(alpha);
  if (!state.retrieval || !(state.delta > 0)) return std::nan("");
  const LearningRule& rule = mean_field.rule();
  const double sd = std::sqrt(state.delta);
  // Mixture components: a(xi) = A f(phi(xi)) q on a trapezoid grid in xi
  // (step 0.01; the mixture density is smooth on the scale sd, and the
  // test doubles both resolutions).
  constexpr double xi_step = 0.01, xi_max = 8.5;
  std::vector<double> a, w;
  double wsum = 0;
  for (double xi = -xi_max; xi <= xi_max + 1e-12; xi += xi_step) {
    a.push_back(rule.A * rule.f(parameters.phi(xi)) * state.q);
    w.push_back(std::exp(-0.5 * xi * xi));
    wsum += w.back();
  }
  for (double& v : w) v /= wsum;
  double lo = a[0], hi = a[0];
  for (double v : a) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  // H(h) = -int p ln p over [lo - 9 sd, hi + 9 sd] (the Gaussian tail beyond
  // 9 sd is below 1e-18), trapezoid with step sd / 16.
  const double h_step = sd / 16;
  const double norm = 1 / (std::sqrt(2 * M_PI) * sd);
  double entropy = 0;
  for (double h = lo - 9 * sd; h <= hi + 9 * sd; h += h_step) {
    double density = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const double u = (h - a[i]) / sd;
      density += w[i] * norm * std::exp(-0.5 * u * u);
    }
    if (density > 0) entropy -= h_step * density * std::log(density);
  }
  return entropy - 0.5 * std::log(2 * M_PI * M_E * state.delta);
}

}  // namespace syninfo::attractor
