// syninfo attractor information: I(R;S) between a stimulus and the network's
// response, familiar vs novel stimuli (design: proofs/attractor_information.md).
#include "attractor_common.hpp"

#include "syninfo/attractor/information.hpp"
#include "syninfo/attractor/information_gaussian.hpp"

#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>

namespace syninfo::cli::attractor_cli {
namespace {

using namespace syninfo::attractor;

ExperimentDesign design_from(const Args& args) {
  ExperimentDesign d;
  const auto seed = [&](const char* name, std::uint64_t fallback) {
    return static_cast<std::uint64_t>(args.get_int(name, static_cast<long long>(fallback), 0, std::numeric_limits<long long>::max()));
  };
  d.design = parse_stimulus_design(args.get_or("design", "identity"));
  d.stimuli = static_cast<std::size_t>(args.get_int("stimuli", 4, 2, 100000));
  d.coordinates = static_cast<std::size_t>(args.get_int("coordinates", 2, 1, 1000));
  d.stimulus_sd = args.get_double("stimulus-sd", d.stimulus_sd, 0, 1e6);
  d.trials = static_cast<std::size_t>(args.get_int("trials", 400, 2, 100'000'000));
  d.cue_noise = args.get_double("cue-noise", d.cue_noise, 0, 1e6);
  d.readout = parse_readout(args.get_or("readout", "projection"));
  d.projection_dimension = static_cast<std::size_t>(args.get_int("dimension", 4, 0, 10000));
  if (d.readout == Readout::projection && d.projection_dimension == 0)
    throw UsageError("--dimension must be at least 1 (the projection's dimension)");
  d.projection_seed = seed("projection-seed", d.projection_seed);
  d.trial_seed = seed("trial-seed", d.trial_seed);
  d.novel_seed = seed("novel-seed", d.novel_seed);
  d.direction_seed = seed("direction-seed", d.direction_seed);
  d.background_ms = args.get_double("background", d.background_ms, 0, 1e9);
  d.cue_ms = args.get_double("cue", d.cue_ms, 0, 1e9);
  d.delay_ms = args.get_double("delay", d.delay_ms, 0, 1e9);
  d.batch = static_cast<std::size_t>(args.get_int("batch", 8, 1, 4096));
  return d;
}

json::Value estimate_json(const estimators::Estimate& e) {
  json::Value out = json::Value::object();
  set_information_fields(out, "mi", e.value, e.standard_error);
  json::Value warnings = json::Value::array();
  for (const auto& w : e.warnings) warnings.push(json::Value::string(w));
  out.set("samples", count_json(e.samples)).set("warnings", std::move(warnings));
  return out;
}

json::Value difference_json(const estimators::Estimate& a, const estimators::Estimate& b) {
  json::Value out = json::Value::object();
  // Independent trials (different stimuli and noise draws): errors add in quadrature.
  set_information_fields(out, "mi_difference", a.value - b.value, std::hypot(a.standard_error, b.standard_error));
  return out;
}

// The Gaussian-channel value at the end of the cue (coordinates design,
// projection readout), or null with the reason.
void set_gaussian_channel(json::Value& out, const AttractorParameters& p, const Network& net, const ExperimentDesign& d) {
  std::string reason;
  if (d.design != StimulusDesign::coordinates) reason = "only for the coordinates design";
  else if (d.readout != Readout::projection) reason = "only for the projection readout (linear in r)";
  else if (net.size.N > linear_channel_max_neurons) reason = "dense linear algebra: N <= 4000";
  if (reason.empty()) {
    try {
      const LinearChannel ch = linearised_channel_information(p, net, stimulus_currents(net, d).col(0),
                                                              stimulus_directions(d, net.size.N), d.stimulus_sd,
                                                              d.cue_noise, projection_matrix(d, net.size.N));
      out.set("gaussian_channel_nats", num(ch.mi_nats)).set("gaussian_channel_bits", num(ch.mi_nats / std::log(2.0)))
          .set("largest_real_eigenvalue", num(ch.largest_real_eigenvalue));
      return;
    } catch (const std::invalid_argument& e) {
      reason = e.what();
    }
  }
  out.set("gaussian_channel_nats", json::Value()).set("gaussian_channel_reason", json::Value::string(reason));
}

// I(r_i; xi_i) of the end-of-delay states of familiar trials, one per cued
// pattern, and the bits per synapse it implies, beside the mean-field value.
json::Value pattern_information_json(const AttractorParameters& p, const Network& net, const TrialSamples& samples,
                                     const estimators::KsgOptions& ksg) {
  const auto n = samples.final_rates.cols();
  double sum = 0, se_sum = 0;
  json::Value per_pattern = json::Value::array(), final_m = json::Value::array();
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::VectorXd r = samples.final_rates.col(k);
    const auto e = pattern_information_per_neuron(net.currents.col(k), r, ksg);
    sum += e.value;
    se_sum += e.standard_error;
    per_pattern.push(num(e.value));
    final_m.push(num(overlaps(net, r).m[k]));
  }
  const double ln2 = std::log(2.0);
  const double per_neuron = sum / static_cast<double>(n);
  const double se = se_sum / static_cast<double>(n) / std::sqrt(static_cast<double>(n));
  const double K = net.size.c * static_cast<double>(net.size.N);
  const double alpha = static_cast<double>(net.size.p) / K;
  const double to_synapses = static_cast<double>(net.size.p) * static_cast<double>(net.size.N) /
                             static_cast<double>(net.J.nonzeros());
  const double mf = mean_field_pattern_information(p, MeanField(p), alpha);
  json::Value out = json::Value::object();
  out.set("definition", json::Value::string("I(r_i; xi_i) over the neurons of the end-of-delay state of one familiar "
                                            "trial per cued pattern (KSG on ranks); bits per synapse = p N I / connections"));
  set_information_fields(out, "per_neuron", per_neuron, se);
  out.set("per_pattern_nats", std::move(per_pattern))
      .set("per_pattern_final_m", std::move(final_m))
      .set("bits_per_synapse", num(per_neuron / ln2 * to_synapses))
      .set("bits_per_synapse_standard_error", num(se / ln2 * to_synapses))
      .set("mean_field_per_neuron_nats", num(mf))
      .set("mean_field_per_neuron_bits", num(mf / ln2))
      .set("mean_field_bits_per_synapse", num(alpha * mf / ln2));
  return out;
}

}  // namespace

int run_information(int argc, char** argv) {
  std::set<std::string> options = {"design", "stimuli", "coordinates", "stimulus-sd", "trials", "cue-noise", "readout",
                                   "dimension", "projection-seed", "trial-seed", "novel-seed", "direction-seed",
                                   "background", "cue", "delay", "batch", "familiarity", "k", "blocks"};
  for (const auto* group : {&model_options, &network_options, &integration_options})
    options.insert(group->begin(), group->end());
  const Args args = parse_args(argc, argv, 3, options, {});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
  const AttractorParameters p = model_from(args);
  const NetworkSize size = network_size_from(args, NetworkSize{2000, 0.05, 10, 1});
  const IntegrationOptions integration = integration_from(args, 0.5);
  const ExperimentDesign base = design_from(args);
  const std::string which = args.get_or("familiarity", "both");
  if (which != "both" && which != "familiar" && which != "novel")
    throw UsageError("--familiarity must be both, familiar or novel, got '" + which + "'");
  estimators::KsgOptions ksg;
  ksg.k = static_cast<int>(args.get_int("k", 3, 1, 1000));
  ksg.blocks = static_cast<std::size_t>(args.get_int("blocks", 10, 0, 1000));
  ksg.threads = integration.threads;

  const auto t0 = std::chrono::steady_clock::now();
  const Network net = build_network(p, size, integration.threads);
  std::vector<Familiarity> runs;
  if (which != "novel") runs.push_back(Familiarity::familiar);
  if (which != "familiar") runs.push_back(Familiarity::novel);
  for (Familiarity f : runs) {  // refuse bad designs before any trial runs
    ExperimentDesign d = base;
    d.familiarity = f;
    validate(d, net);
  }
  json::Value results = json::Value::object();
  std::vector<InformationResult> measured;
  json::Value pattern_information;
  for (Familiarity f : runs) {
    ExperimentDesign d = base;
    d.familiarity = f;
    measured.push_back(measure_information(p, net, d, integration, ksg));
    const InformationResult& r = measured.back();
    json::Value entry = json::Value::object();
    entry.set("after_cue", estimate_json(r.after_cue)).set("after_delay", estimate_json(r.after_delay));
    set_gaussian_channel(entry, p, net, d);
    results.set(to_string(f), std::move(entry));
    if (f == Familiarity::familiar && d.design == StimulusDesign::identity)
      pattern_information = pattern_information_json(p, net, r.samples, ksg);
  }
  if (measured.size() == 2)
    results.set("familiar_minus_novel", json::Value::object()
                                            .set("after_cue", difference_json(measured[0].after_cue, measured[1].after_cue))
                                            .set("after_delay", difference_json(measured[0].after_delay, measured[1].after_delay)));
  const auto t1 = std::chrono::steady_clock::now();

  json::Value design = json::Value::object();
  design.set("stimulus", json::Value::string(to_string(base.design)))
      .set("stimuli", base.design == StimulusDesign::identity ? count_json(base.stimuli) : json::Value())
      .set("coordinates", base.design == StimulusDesign::coordinates ? count_json(base.coordinates) : json::Value())
      .set("stimulus_sd", base.design == StimulusDesign::coordinates ? num(base.stimulus_sd) : json::Value())
      .set("trials", count_json(base.trials)).set("cue_noise", num(base.cue_noise))
      .set("noise_source", json::Value::string("per-trial cue noise cue_noise * eta (eta standard normal per neuron) "
                                               "and random initial rates phi(u), u standard normal"))
      .set("readout", json::Value::string(to_string(base.readout)))
      .set("readout_dimension", count_json(base.readout == Readout::projection
                                               ? base.projection_dimension
                                               : (base.design == StimulusDesign::identity ? base.stimuli : 1)))
      .set("projection_seed", json::Value::number(static_cast<unsigned long long>(base.projection_seed)))
      .set("trial_seed", json::Value::number(static_cast<unsigned long long>(base.trial_seed)))
      .set("novel_seed", json::Value::number(static_cast<unsigned long long>(base.novel_seed)))
      .set("background_ms", num(base.background_ms)).set("cue_ms", num(base.cue_ms)).set("delay_ms", num(base.delay_ms));
  json::Value estimator = json::Value::object();
  estimator.set("method", json::Value::string("ksg1"))
      .set("k", json::Value::number(ksg.k))
      .set("error_method", json::Value::string("batch means over " + std::to_string(ksg.blocks) + " blocks of shuffled trials"))
      .set("bias", json::Value::string("not corrected"))
      .set("label_handling", json::Value::string(base.design == StimulusDesign::identity
                                                     ? "readout standardised, labels spaced beyond every readout distance (Ross 2014)"
                                                     : "both sides standardised"));
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("attractor information"))
      .set("model", model_json(p, net.rule))
      .set("network", network_json(size, net.J.nonzeros()))
      .set("integration", integration_json(integration))
      .set("design", std::move(design))
      .set("estimator", std::move(estimator))
      .set("upper_bound_nats", base.design == StimulusDesign::identity ? num(std::log(static_cast<double>(base.stimuli)))
                                                                       : json::Value())
      .set("information", std::move(results))
      .set("pattern_information", std::move(pattern_information))
      .set("seconds", num(std::chrono::duration<double>(t1 - t0).count()));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

}  // namespace syninfo::cli::attractor_cli
