#include "syninfo/attractor/dynamics.hpp"

#include "syninfo/random.hpp"

#include <cmath>
#include <stdexcept>

namespace syninfo::attractor {

Scheme parse_scheme(const std::string& name) {
  if (name == "euler") return Scheme::euler;
  if (name == "heun") return Scheme::heun;
  throw std::invalid_argument("scheme must be euler or heun, got '" + name + "'");
}

const char* to_string(Scheme s) { return s == Scheme::euler ? "euler" : "heun"; }

void validate(const IntegrationOptions& o) {
  if (!(std::isfinite(o.dt_ms) && o.dt_ms > 0)) throw std::invalid_argument("the time step dt must be positive and finite");
}

void rate_derivative(const AttractorParameters& parameters, const SparseRows& J, const Eigen::VectorXd& I,
                     const Eigen::VectorXd& r, Eigen::VectorXd& drdt, unsigned threads) {
  J.multiply(r, drdt, threads);
  const bool has_input = I.size() > 0;
  for (Eigen::Index i = 0; i < r.size(); ++i) {
    const double h = drdt[i] + (has_input ? I[i] : 0.0);
    drdt[i] = (parameters.phi(h) - r[i]) / parameters.tau_ms;
  }
}

void integrate(const AttractorParameters& parameters, const SparseRows& J, const Eigen::VectorXd& I, Eigen::VectorXd& r,
               std::size_t steps, const IntegrationOptions& options, const std::function<void(std::size_t)>& observe) {
  validate(options);
  const double dt = options.dt_ms;
  Eigen::VectorXd k1(r.size()), k2(r.size()), trial(r.size());
  for (std::size_t s = 0; s < steps; ++s) {
    rate_derivative(parameters, J, I, r, k1, options.threads);
    if (options.scheme == Scheme::euler) {
      r += dt * k1;
    } else {
      trial = r + dt * k1;
      rate_derivative(parameters, J, I, trial, k2, options.threads);
      r += (dt / 2) * (k1 + k2);
    }
    if (observe) observe(s);
  }
}

Overlaps overlaps(const Network& network, const Eigen::VectorXd& r) {
  Overlaps o;
  const double N = static_cast<double>(r.size());
  o.q = network.g_rates.transpose() * r / N;
  const double mean = r.mean();
  const double sd = std::sqrt(std::max(0.0, (r.array() - mean).square().mean()));
  const double norm = std::sqrt(network.rule.mean_g2) * sd;
  o.m = norm > 0 ? Eigen::VectorXd(o.q / norm) : Eigen::VectorXd::Zero(o.q.size());
  return o;
}

void validate(const ProtocolOptions& o, const Network& network) {
  auto non_negative = [](double x, const char* name) {
    if (!(std::isfinite(x) && x >= 0)) throw std::invalid_argument(std::string(name) + " must be a non-negative duration");
  };
  non_negative(o.background_ms, "background");
  non_negative(o.cue_ms, "cue");
  non_negative(o.delay_ms, "delay");
  if (!(std::isfinite(o.record_every_ms) && o.record_every_ms > 0))
    throw std::invalid_argument("the recording interval must be positive");
  if (o.cue_pattern >= network.size.p)
    throw std::invalid_argument("cue pattern " + std::to_string(o.cue_pattern) + " does not exist (p = " +
                                std::to_string(network.size.p) + ")");
  if (!std::isfinite(o.cue_amplitude)) throw std::invalid_argument("the cue amplitude must be finite");
}

ProtocolResult delayed_match_to_sample(const AttractorParameters& parameters, const Network& network,
                                       const ProtocolOptions& protocol, const IntegrationOptions& options) {
  validate(protocol, network);
  validate(options);
  const auto N = static_cast<Eigen::Index>(network.size.N);
  ProtocolResult out;
  Eigen::VectorXd r(N);
  Rng rng(protocol.initial_seed, 0);
  for (Eigen::Index i = 0; i < N; ++i) r[i] = parameters.phi(rng.normal());

  const auto steps_of = [&](double ms) { return static_cast<std::size_t>(std::llround(ms / options.dt_ms)); };
  const std::size_t record_every = std::max<std::size_t>(1, steps_of(protocol.record_every_ms));
  const std::size_t cue_start = steps_of(protocol.background_ms);
  std::size_t global_step = 0;
  const auto record = [&] {
    const Overlaps o = overlaps(network, r);
    out.time_ms.push_back(static_cast<double>(global_step) * options.dt_ms);
    out.q.push_back(o.q);
    out.m.push_back(o.m);
    const double m_cue = o.m[static_cast<Eigen::Index>(protocol.cue_pattern)];
    if (global_step >= cue_start && out.time_to_retrieve_ms < 0 && m_cue >= protocol.retrieval_threshold)
      out.time_to_retrieve_ms = static_cast<double>(global_step - cue_start) * options.dt_ms;
  };
  record();
  const auto run = [&](const Eigen::VectorXd& input, double ms) {
    integrate(parameters, network.J, input, r, steps_of(ms), options, [&](std::size_t) {
      ++global_step;
      if (global_step % record_every == 0) record();
    });
  };
  const Eigen::VectorXd none;
  run(none, protocol.background_ms);
  const Eigen::VectorXd cue =
      protocol.cue_amplitude * network.currents.col(static_cast<Eigen::Index>(protocol.cue_pattern));
  run(cue, protocol.cue_ms);
  run(none, protocol.delay_ms);
  if (global_step % record_every != 0) record();

  const Overlaps last = overlaps(network, r);
  out.final_rates = r;
  out.final_m = last.m[static_cast<Eigen::Index>(protocol.cue_pattern)];
  for (Eigen::Index mu = 0; mu < last.m.size(); ++mu)
    if (mu != static_cast<Eigen::Index>(protocol.cue_pattern))
      out.largest_other_m = std::max(out.largest_other_m, std::abs(last.m[mu]));
  out.retrieved = out.final_m >= protocol.retrieval_threshold && out.final_m > out.largest_other_m;
  return out;
}

}  // namespace syninfo::attractor
