#include "syninfo/attractor/information_trials.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"

#include <cmath>
#include <stdexcept>

namespace syninfo::attractor {

const char* to_string(Familiarity f) { return f == Familiarity::familiar ? "familiar" : "novel"; }

StimulusDesign parse_stimulus_design(const std::string& name) {
  if (name == "identity") return StimulusDesign::identity;
  if (name == "coordinates") return StimulusDesign::coordinates;
  throw std::invalid_argument("the stimulus design must be identity or coordinates, got '" + name + "'");
}
const char* to_string(StimulusDesign d) { return d == StimulusDesign::identity ? "identity" : "coordinates"; }

Readout parse_readout(const std::string& name) {
  if (name == "projection") return Readout::projection;
  if (name == "overlaps") return Readout::overlaps;
  throw std::invalid_argument("the readout must be projection or overlaps, got '" + name + "'");
}
const char* to_string(Readout r) { return r == Readout::projection ? "projection" : "overlaps"; }

namespace {

// Stimuli the design uses: n for identity, the base stimulus alone for coordinates.
std::size_t stimulus_count(const ExperimentDesign& d) {
  return d.design == StimulusDesign::identity ? d.stimuli : 1;
}

std::size_t readout_dimension(const ExperimentDesign& d) {
  return d.readout == Readout::projection ? d.projection_dimension : stimulus_count(d);
}

}  // namespace

void validate(const ExperimentDesign& d, const Network& network) {
  const auto duration = [](double ms, const char* name) {
    if (!(std::isfinite(ms) && ms >= 0)) throw std::invalid_argument(std::string(name) + " must be a non-negative duration");
  };
  duration(d.background_ms, "background");
  duration(d.cue_ms, "cue");
  duration(d.delay_ms, "delay");
  if (d.design == StimulusDesign::identity && d.stimuli < 2)
    throw std::invalid_argument("the identity design needs at least 2 stimuli");
  if (d.design == StimulusDesign::coordinates && d.coordinates < 1)
    throw std::invalid_argument("the stimulus coordinates' dimension must be at least 1");
  if (d.familiarity == Familiarity::familiar && stimulus_count(d) > network.size.p)
    throw std::invalid_argument("familiar stimuli are stored patterns: " + std::to_string(stimulus_count(d)) +
                                " stimuli need p >= " + std::to_string(stimulus_count(d)) + " (p = " +
                                std::to_string(network.size.p) + ")");
  if (d.readout == Readout::projection && d.projection_dimension < 1)
    throw std::invalid_argument("the projection dimension must be at least 1");
  if (d.trials < 2 * stimulus_count(d)) throw std::invalid_argument("at least 2 trials per stimulus are needed");
  if (!(std::isfinite(d.cue_noise) && d.cue_noise >= 0)) throw std::invalid_argument("the cue noise must be non-negative");
  if (!(std::isfinite(d.stimulus_sd) && d.stimulus_sd >= 0))
    throw std::invalid_argument("the stimulus sd must be non-negative");
  if (d.batch < 1) throw std::invalid_argument("the batch must be at least 1");
}

Eigen::MatrixXd stimulus_currents(const Network& network, const ExperimentDesign& d) {
  const std::size_t n = stimulus_count(d);
  const auto N = static_cast<Eigen::Index>(network.size.N);
  Eigen::MatrixXd out(N, static_cast<Eigen::Index>(n));
  for (std::size_t k = 0; k < n; ++k) {
    const auto col = static_cast<Eigen::Index>(k);
    if (d.familiarity == Familiarity::familiar) {
      out.col(col) = network.currents.col(col);
    } else {
      Rng rng(d.novel_seed, k);
      for (Eigen::Index i = 0; i < N; ++i) out(i, col) = rng.normal();
    }
  }
  return out;
}

Eigen::MatrixXd projection_matrix(const ExperimentDesign& d, std::size_t N) {
  const auto dim = static_cast<Eigen::Index>(d.projection_dimension);
  Eigen::MatrixXd P(dim, static_cast<Eigen::Index>(N));
  const double scale = 1 / std::sqrt(static_cast<double>(N));
  for (Eigen::Index a = 0; a < dim; ++a) {
    Rng rng(d.projection_seed, static_cast<std::uint64_t>(a));
    for (Eigen::Index i = 0; i < P.cols(); ++i) P(a, i) = scale * rng.normal();
  }
  return P;
}

Eigen::MatrixXd stimulus_directions(const ExperimentDesign& d, std::size_t N) {
  Eigen::MatrixXd U(static_cast<Eigen::Index>(N), static_cast<Eigen::Index>(d.coordinates));
  for (Eigen::Index i = 0; i < U.rows(); ++i) {
    Rng rng(d.direction_seed, static_cast<std::uint64_t>(i));
    for (Eigen::Index a = 0; a < U.cols(); ++a) U(i, a) = rng.normal();
  }
  return U;
}

namespace {

// k = (phi(J R + I) - R) / tau for every column, each column's sum over a
// row's connections in the row's order (as SparseRows::multiply).
void block_derivative(const AttractorParameters& parameters, const SparseRows& J, const RateBlock& I,
                      const RateBlock& R, RateBlock& k, std::vector<double>& sums) {
  const auto B = R.cols();
  const bool has_input = I.size() > 0;
  for (std::size_t i = 0; i < J.n; ++i) {
    std::fill(sums.begin(), sums.end(), 0.0);
    for (std::size_t c = J.row_start[i]; c < J.row_start[i + 1]; ++c) {
      const double v = J.values[c];
      const double* x = R.row(J.cols[c]).data();
      for (Eigen::Index b = 0; b < B; ++b) sums[static_cast<std::size_t>(b)] += v * x[b];
    }
    const auto row = static_cast<Eigen::Index>(i);
    for (Eigen::Index b = 0; b < B; ++b) {
      const double h = sums[static_cast<std::size_t>(b)] + (has_input ? I(row, b) : 0.0);
      k(row, b) = (parameters.phi(h) - R(row, b)) / parameters.tau_ms;
    }
  }
}

}  // namespace

void integrate_block(const AttractorParameters& parameters, const SparseRows& J, const RateBlock& I, RateBlock& R,
                     std::size_t steps, const IntegrationOptions& options) {
  validate(options);
  const double dt = options.dt_ms;
  RateBlock k1(R.rows(), R.cols()), k2(R.rows(), R.cols()), trial(R.rows(), R.cols());
  std::vector<double> sums(static_cast<std::size_t>(R.cols()));
  for (std::size_t s = 0; s < steps; ++s) {
    block_derivative(parameters, J, I, R, k1, sums);
    if (options.scheme == Scheme::euler) {
      R += dt * k1;
    } else {
      trial = R + dt * k1;
      block_derivative(parameters, J, I, trial, k2, sums);
      R += (dt / 2) * (k1 + k2);
    }
  }
}

namespace {

struct Readouts {
  Readout kind;
  Eigen::MatrixXd P;        // projection: d x N
  Eigen::MatrixXd g_rates;  // overlaps: N x n, g(phi(stimulus_k))
  double g_norm = 1;        // sqrt(E[g^2])

  // Column b of R read out into row `trial` of out.
  void read(const RateBlock& R, Eigen::Index b, Eigen::Index trial, Eigen::MatrixXd& out) const {
    const Eigen::VectorXd r = R.col(b);
    if (kind == Readout::projection) {
      out.row(trial) = (P * r).transpose();
      return;
    }
    const double N = static_cast<double>(r.size());
    const double sd = std::sqrt(std::max(0.0, (r.array() - r.mean()).square().mean()));
    const Eigen::VectorXd q = g_rates.transpose() * r / N;
    out.row(trial) = sd > 0 ? Eigen::RowVectorXd(q.transpose() / (g_norm * sd)) : Eigen::RowVectorXd::Zero(q.size());
  }
};

}  // namespace

TrialSamples run_trials(const AttractorParameters& parameters, const Network& network, const ExperimentDesign& d,
                        const IntegrationOptions& options) {
  validate(d, network);
  validate(options);
  const std::size_t N = network.size.N;
  const auto Ni = static_cast<Eigen::Index>(N);
  const std::size_t n = stimulus_count(d);
  const Eigen::MatrixXd stimuli = stimulus_currents(network, d);
  const bool coordinates = d.design == StimulusDesign::coordinates;
  const Eigen::MatrixXd U = coordinates ? stimulus_directions(d, N) : Eigen::MatrixXd();

  Readouts readouts{d.readout, {}, {}, std::sqrt(network.rule.mean_g2)};
  if (d.readout == Readout::projection) {
    readouts.P = projection_matrix(d, N);
  } else {
    readouts.g_rates.resize(Ni, stimuli.cols());
    for (Eigen::Index i = 0; i < Ni; ++i)
      for (Eigen::Index k = 0; k < stimuli.cols(); ++k) readouts.g_rates(i, k) = network.rule.g(parameters.phi(stimuli(i, k)));
  }

  const auto trials = static_cast<Eigen::Index>(d.trials);
  const auto dim = static_cast<Eigen::Index>(readout_dimension(d));
  TrialSamples out;
  out.stimulus.resize(trials, coordinates ? static_cast<Eigen::Index>(d.coordinates) : 1);
  out.after_cue.resize(trials, dim);
  out.after_delay.resize(trials, dim);
  out.final_rates.resize(Ni, static_cast<Eigen::Index>(n));

  const auto steps_of = [&](double ms) { return static_cast<std::size_t>(std::llround(ms / options.dt_ms)); };
  IntegrationOptions serial = options;
  serial.threads = 1;
  const std::size_t batches = (d.trials + d.batch - 1) / d.batch;
  parallel_for_each_dynamic(batches, options.threads, [&](std::size_t batch) {
    const std::size_t first = batch * d.batch;
    const auto B = static_cast<Eigen::Index>(std::min(d.batch, d.trials - first));
    RateBlock R(Ni, B), cue(Ni, B);
    for (Eigen::Index b = 0; b < B; ++b) {
      const auto t = static_cast<Eigen::Index>(first) + b;
      Rng rng(d.trial_seed, static_cast<std::uint64_t>(t));
      for (Eigen::Index i = 0; i < Ni; ++i) R(i, b) = parameters.phi(rng.normal());
      const Eigen::Index k = coordinates ? 0 : t % static_cast<Eigen::Index>(n);
      for (Eigen::Index i = 0; i < Ni; ++i) cue(i, b) = stimuli(i, k) + d.cue_noise * rng.normal();
      if (coordinates) {
        Eigen::VectorXd s(static_cast<Eigen::Index>(d.coordinates));
        for (Eigen::Index a = 0; a < s.size(); ++a) s[a] = rng.normal();
        cue.col(b) += d.stimulus_sd * (U * s);
        out.stimulus.row(t) = s.transpose();
      } else {
        out.stimulus(t, 0) = static_cast<double>(k);
      }
    }
    const RateBlock none;
    integrate_block(parameters, network.J, none, R, steps_of(d.background_ms), serial);
    integrate_block(parameters, network.J, cue, R, steps_of(d.cue_ms), serial);
    for (Eigen::Index b = 0; b < B; ++b) readouts.read(R, b, static_cast<Eigen::Index>(first) + b, out.after_cue);
    integrate_block(parameters, network.J, none, R, steps_of(d.delay_ms), serial);
    for (Eigen::Index b = 0; b < B; ++b) {
      const auto t = static_cast<Eigen::Index>(first) + b;
      readouts.read(R, b, t, out.after_delay);
      if (t < static_cast<Eigen::Index>(n)) out.final_rates.col(t) = R.col(b);
    }
  });
  return out;
}

}  // namespace syninfo::attractor
