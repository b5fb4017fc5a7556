// syninfo attractor: the graded-rate attractor network with the learning rule
// inferred from ITC data (Pereira & Brunel 2018): simulate the delayed
// match-to-sample protocol, or the mean-field retrieval curve and capacity.
#include "attractor_common.hpp"

#include "syninfo/attractor/capacity_scan.hpp"
#include "syninfo/attractor/dynamics.hpp"
#include "syninfo/attractor/information.hpp"
#include "syninfo/attractor/mean_field.hpp"
#include "syninfo/json.hpp"
#include "syninfo/report/atomic_output.hpp"
#include "syninfo/report/gnuplot.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>

namespace syninfo::cli {
namespace {

using namespace syninfo::attractor;
using namespace syninfo::cli::attractor_cli;

// Log-rate statistics of the final state: a log-normal has skewness 0 and
// excess kurtosis 0 in ln r.
json::Value rate_distribution(const Eigen::VectorXd& r) {
  const Eigen::ArrayXd lr = r.array().max(1e-300).log();
  const double mean = lr.mean();
  const Eigen::ArrayXd d = lr - mean;
  const double var = d.square().mean();
  const double skew = var > 0 ? d.cube().mean() / std::pow(var, 1.5) : 0;
  const double kurt = var > 0 ? d.square().square().mean() / (var * var) - 3 : 0;
  json::Value out = json::Value::object();
  out.set("mean_rate_hz", num(r.mean()))
      .set("sd_rate_hz", num(std::sqrt((r.array() - r.mean()).square().mean())))
      .set("mean_log_rate", num(mean))
      .set("sd_log_rate", num(std::sqrt(var)))
      .set("skewness_log_rate", num(skew))
      .set("excess_kurtosis_log_rate", num(kurt));
  return out;
}

int run_simulate(int argc, char** argv) {
  std::set<std::string> options = {"background", "cue", "delay", "cue-pattern", "record-every", "threshold", "out",
                                   "initial-seed"};
  for (const auto* group : {&model_options, &network_options, &integration_options})
    options.insert(group->begin(), group->end());
  const Args args = parse_args(argc, argv, 3, options, {});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
  const AttractorParameters p = model_from(args);
  const NetworkSize size = network_size_from(args, NetworkSize{10000, 0.025, 10, 1});
  const IntegrationOptions integration = integration_from(args, 0.5);
  ProtocolOptions protocol;
  protocol.background_ms = args.get_double("background", protocol.background_ms, 0, 1e9);
  protocol.cue_ms = args.get_double("cue", protocol.cue_ms, 0, 1e9);
  protocol.delay_ms = args.get_double("delay", protocol.delay_ms, 0, 1e9);
  protocol.cue_pattern = static_cast<std::size_t>(args.get_int("cue-pattern", 0, 0, 100'000'000));
  protocol.record_every_ms = args.get_double("record-every", protocol.record_every_ms, 1e-9, 1e9);
  protocol.retrieval_threshold = args.get_double("threshold", protocol.retrieval_threshold, -1, 1);
  protocol.initial_seed = static_cast<std::uint64_t>(args.get_int("initial-seed", 11, 0, std::numeric_limits<long long>::max()));

  const auto t0 = std::chrono::steady_clock::now();
  const Network net = build_network(p, size, integration.threads);
  const auto t1 = std::chrono::steady_clock::now();
  const ProtocolResult result = delayed_match_to_sample(p, net, protocol, integration);
  const auto t2 = std::chrono::steady_clock::now();

  std::vector<std::string> files;
  if (auto dir = args.get("out")) {
    std::filesystem::create_directories(*dir);
    const auto path = std::filesystem::path(*dir) / "overlaps.csv";
    std::ofstream csv(path);
    csv << "time_ms";
    for (std::size_t mu = 0; mu < size.p; ++mu) csv << ",m_" << mu;
    csv << '\n';
    for (std::size_t t = 0; t < result.time_ms.size(); ++t) {
      csv << result.time_ms[t];
      for (Eigen::Index mu = 0; mu < result.m[t].size(); ++mu) csv << ',' << result.m[t][mu];
      csv << '\n';
    }
    if (!csv) throw std::runtime_error("cannot write " + path.string());
    files.push_back(path.string());
  }
  const double seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); }(t1, t2);
  json::Value out = json::Value::object();
  json::Value criterion = json::Value::object();
  criterion.set("rule", json::Value::string("m of the cued pattern at the end of the delay >= threshold and above every other pattern's |m|"))
      .set("threshold", num(protocol.retrieval_threshold));
  json::Value file_list = json::Value::array();
  for (const auto& f : files) file_list.push(json::Value::string(f));
  out.set("command", json::Value::string("attractor simulate"))
      .set("model", model_json(p, net.rule))
      .set("network", network_json(size, net.J.nonzeros()))
      .set("integration", integration_json(integration))
      .set("protocol", json::Value::object().set("background_ms", num(protocol.background_ms)).set("cue_ms", num(protocol.cue_ms))
                           .set("delay_ms", num(protocol.delay_ms)).set("cue_pattern", json::Value::number(static_cast<unsigned long long>(protocol.cue_pattern))))
      .set("retrieved", json::Value::boolean(result.retrieved))
      .set("criterion", std::move(criterion))
      .set("final_m", num(result.final_m))
      .set("largest_other_m", num(result.largest_other_m))
      .set("time_to_retrieve_ms", result.time_to_retrieve_ms >= 0 ? num(result.time_to_retrieve_ms) : json::Value())
      .set("rates", rate_distribution(result.final_rates))
      .set("files", std::move(file_list))
      .set("seconds", json::Value::object().set("build", num(std::chrono::duration<double>(t1 - t0).count())).set("dynamics", num(seconds)));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

std::vector<double> parse_alphas(const std::string& text) {
  std::vector<double> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    char* end = nullptr;
    const double a = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !std::isfinite(a) || a < 0)
      throw UsageError("--alphas expects non-negative numbers separated by commas, got '" + item + "'");
    out.push_back(a);
  }
  if (out.empty()) throw UsageError("--alphas is empty");
  return out;
}

// The simulated curve's JSON, and its CSV beside the theory at the same loads.
json::Value scan_json(const CapacityScan& scan, const CapacityScanOptions& o, const MeanField& mf, std::ostringstream& csv) {
  json::Value loads = json::Value::array();
  csv << "alpha,p,m_theory,m_mean,m_standard_error,retrieved_fraction\n";
  for (const LoadResult& load : scan.loads) {
    json::Value per_seed = json::Value::array();
    for (double m : load.final_m) per_seed.push(num(m));
    const RetrievalState theory = mf.retrieval_state(load.realised_alpha);
    const double m_theory = theory.retrieval ? theory.m : 0.0;
    loads.push(json::Value::object().set("alpha", num(load.realised_alpha)).set("p", count_json(load.p))
                   .set("m_mean", num(load.mean_m)).set("m_standard_error", num(load.standard_error_m))
                   .set("retrieved_fraction", num(load.retrieved_fraction)).set("m_theory", num(m_theory))
                   .set("final_m", std::move(per_seed)));
    csv << load.realised_alpha << ',' << load.p << ',' << m_theory << ',' << load.mean_m << ','
        << (std::isfinite(load.standard_error_m) ? load.standard_error_m : 0.0) << ',' << load.retrieved_fraction << '\n';
  }
  const double K = o.c * static_cast<double>(o.N);
  json::Value out = json::Value::object();
  out.set("N", count_json(o.N)).set("c", num(o.c)).set("K", num(K)).set("seeds", count_json(o.seeds))
      .set("first_seed", json::Value::number(static_cast<unsigned long long>(o.first_seed)))
      .set("protocol", json::Value::object().set("background_ms", num(o.protocol.background_ms))
                           .set("cue_ms", num(o.protocol.cue_ms)).set("delay_ms", num(o.protocol.delay_ms))
                           .set("threshold", num(o.protocol.retrieval_threshold)))
      .set("alpha_c", num(scan.alpha_c))
      .set("alpha_c_definition", json::Value::string(
               "the load where the fraction of seeds that retrieve the cued pattern (m >= threshold at the end of the "
               "delay, above every other pattern's) first falls below 1/2, interpolated linearly from the load before"))
      .set("loads", std::move(loads));
  return out;
}

void write_capacity_figure(const report::AtomicDirectory& dir, const std::string& csv, const MeanField& mf,
                           double alpha_c_theory, const CapacityScan& scan) {
  std::ofstream(dir.staging() / "capacity.csv") << csv;
  {
    std::ofstream theory(dir.staging() / "capacity_theory.csv");
    theory << "alpha,m\n";
    for (int k = 0; k <= 100; ++k) {
      const double a = alpha_c_theory * k / 100.0;
      const RetrievalState st = mf.retrieval_state(std::min(a, alpha_c_theory * (1 - 1e-6)));
      theory << a << ',' << (st.retrieval ? st.m : 0.0) << '\n';
    }
  }
  const std::string script = report::png_and_svg_terminal("capacity", 900, 600, "Sans,11") +
      "set datafile separator ','\nset xlabel 'load alpha = p / K'\nset ylabel 'overlap m at the end of the delay'\n"
      "set yrange [-0.05:1.1]\nset key top right\n"
      "set title " + report::gnuplot_quote("retrieval: theory alpha_c = " + std::to_string(alpha_c_theory).substr(0, 5) +
                                           ", simulation alpha_c = " + (std::isfinite(scan.alpha_c) ? std::to_string(scan.alpha_c).substr(0, 5) : std::string("n/a"))) +
      " noenhanced\n"
      "plot 'capacity_theory.csv' every ::1 using 1:2 with lines lw 2 lc " + report::series_colour(0) +
      " title 'mean-field theory', 'capacity.csv' every ::1 using 1:4:5 with yerrorbars pt 7 lc " + report::series_colour(1) +
      " title 'simulation (mean +- SE over seeds)'\n";
  report::run_gnuplot(script, dir.staging() / "capacity.gp");
  report::run_gnuplot(script, dir.staging() / "capacity.gp", "svg = 1");
}

int run_capacity(int argc, char** argv) {
  std::set<std::string> options = {"alphas", "nodes", "N", "c", "seeds", "seed", "background", "cue", "delay",
                                   "threshold", "out"};
  for (const auto* group : {&model_options, &integration_options}) options.insert(group->begin(), group->end());
  const Args args = parse_args(argc, argv, 3, options, {"theory", "simulate", "force"});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
  const bool simulate = args.flags.count("simulate") > 0;
  if (!args.flags.count("theory") && !simulate)
    throw UsageError("give --theory (the mean-field curve) or --simulate (simulations beside the theory)");
  if (!simulate)
    for (const char* o : {"N", "c", "seeds", "seed", "background", "cue", "delay", "threshold", "out", "dt", "scheme", "threads"})
      if (args.has(o)) throw UsageError(std::string("--") + o + " needs --simulate");
  const AttractorParameters p = model_from(args);
  const MeanField mf(p, static_cast<std::size_t>(args.get_int("nodes", 48, 8, 400)));  // Gauss-Hermite nodes for z
  const double alpha_c = mf.capacity();
  const std::vector<double> alphas =
      parse_alphas(args.get_or("alphas", simulate ? "0.1,0.2,0.3,0.4,0.5,0.6,0.7" : "0,0.05,0.1,0.2,0.3,0.4,0.5"));
  json::Value curve = json::Value::array();
  for (double a : alphas) {
    const RetrievalState s = mf.retrieval_state(a);
    // I(r; xi) per neuron in the retrieval state, and alpha times it: the
    // stored patterns' information per synapse (proofs/attractor_information.md, section 4).
    const double info_bits = s.retrieval ? mean_field_pattern_information(p, mf, a) / std::log(2.0) : std::nan("");
    curve.push(json::Value::object().set("alpha", num(a)).set("retrieval", json::Value::boolean(s.retrieval))
                   .set("q", num(s.q)).set("m", num(s.m)).set("delta", num(s.delta)).set("mean_rate_hz", num(s.mean_rate))
                   .set("pattern_information_per_neuron_bits", num(info_bits))
                   .set("bits_per_synapse", num(a * info_bits)));
  }
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("attractor capacity"))
      .set("method", json::Value::string(simulate ? "static mean-field theory, strongly diluted limit, and simulations"
                                                  : "static mean-field theory, strongly diluted limit"))
      .set("model", model_json(p, mf.rule()))
      .set("alpha_c", num(alpha_c))
      .set("curve", std::move(curve));
  if (simulate) {
    CapacityScanOptions o;
    const NetworkSize size = network_size_from(args, NetworkSize{5000, 0.05, 1, 1});
    o.N = size.N;
    o.c = size.c;
    o.first_seed = size.seed;
    o.alphas = alphas;
    o.seeds = static_cast<std::size_t>(args.get_int("seeds", 3, 1, 10000));
    o.protocol.background_ms = args.get_double("background", 100, 0, 1e9);
    o.protocol.cue_ms = args.get_double("cue", 200, 0, 1e9);
    o.protocol.delay_ms = args.get_double("delay", 400, 0, 1e9);
    o.protocol.retrieval_threshold = args.get_double("threshold", 0.5, -1, 1);
    const IntegrationOptions integration = integration_from(args, 0.5);
    for (double a : alphas)
      if (a <= 0) throw UsageError("--alphas: simulated loads must be positive");
    std::optional<report::AtomicDirectory> dir;
    if (auto path = args.get("out")) dir.emplace(*path, args.has("force"));
    const auto t0 = std::chrono::steady_clock::now();
    const CapacityScan scan = simulate_capacity(p, o, integration);
    std::ostringstream csv;
    out.set("simulation", scan_json(scan, o, mf, csv));
    out.set("integration", integration_json(integration));
    json::Value files = json::Value::array();
    if (dir) {
      write_capacity_figure(*dir, csv.str(), mf, alpha_c, scan);
      dir->commit();
      for (const char* f : {"capacity.csv", "capacity_theory.csv", "capacity.gp", "capacity.png", "capacity.svg"})
        files.push(json::Value::string((dir->target() / f).string()));
    }
    out.set("files", std::move(files))
        .set("seconds", num(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()));
  }
  std::cout << out.dump() << '\n';
  return exit_ok;
}

int run_attractor(int argc, char** argv) {
  if (argc < 3) throw UsageError("expected a subcommand: simulate, capacity or information");
  const std::string sub = argv[2];
  if (sub == "simulate") return run_simulate(argc, argv);
  if (sub == "capacity") return run_capacity(argc, argv);
  if (sub == "information") return run_information(argc, argv);
  throw UsageError("unknown subcommand '" + sub + "' (simulate, capacity or information)");
}

}  // namespace

SYNINFO_REGISTER_COMMAND(attractor, "attractor",
                         "graded-rate attractor network with the ITC-inferred rule (simulate, capacity, information)",
                         "usage: syninfo attractor simulate [--N N] [--c C] [--p P] [--seed S] [--dt MS]\n"
                         "                                  [--scheme euler|heun] [--background MS] [--cue MS]\n"
                         "                                  [--delay MS] [--cue-pattern MU] [--threshold M]\n"
                         "                                  [--threads T] [--out DIR] [MODEL OPTIONS]\n"
                         "       syninfo attractor capacity --theory [--alphas A1,A2,...] [--nodes K] [MODEL OPTIONS]\n"
                         "       syninfo attractor capacity --simulate [--alphas ...] [--N N] [--c C] [--seeds S]\n"
                         "                                  [--seed S0] [--background MS] [--cue MS] [--delay MS]\n"
                         "                                  [--threshold M] [--dt MS] [--scheme ...] [--threads T]\n"
                         "                                  [--out DIR [--force]] [MODEL OPTIONS]\n"
                         "       syninfo attractor information [--N N] [--c C] [--p P] [--seed S]\n"
                         "                                  [--design identity|coordinates] [--stimuli n]\n"
                         "                                  [--coordinates d] [--stimulus-sd SD] [--trials T]\n"
                         "                                  [--cue-noise SD] [--readout projection|overlaps]\n"
                         "                                  [--dimension d] [--projection-seed S] [--trial-seed S]\n"
                         "                                  [--novel-seed S] [--direction-seed S]\n"
                         "                                  [--familiarity both|familiar|novel] [--background MS]\n"
                         "                                  [--cue MS] [--delay MS] [--k K] [--blocks B] [--batch B]\n"
                         "                                  [--dt MS] [--scheme ...] [--threads T] [MODEL OPTIONS]\n"
                         "\n"
                         "The rate network tau dr/dt = -r + phi(I_ext + J r) of Pereira & Brunel (2018) with\n"
                         "J_ij = (A / (c N)) c_ij sum_mu f(phi(xi_i^mu)) g(phi(xi_j^mu)), c_ij ~ Bernoulli(c)\n"
                         "(no self-connections), patterns' input currents xi standard normal.\n"
                         "\n"
                         "simulate: the delayed match-to-sample protocol (background with no input, a cue\n"
                         "  I_ext = the cued pattern's currents, a delay with no input) from rates phi(u), u\n"
                         "  standard normal. Defaults: N 10000, c 0.025, p 10, Euler with dt 0.5 ms,\n"
                         "  background 500, cue 500, delay 2000 ms, threshold 0.5 on the normalised overlap\n"
                         "  m of the cued pattern. --out DIR writes overlaps.csv (m of every pattern).\n"
                         "capacity --theory: the static mean-field retrieval state against the load\n"
                         "  alpha = p / (c N) in the strongly diluted limit, and the capacity alpha_c.\n"
                         "capacity --simulate: the protocol (cue pattern 0; background 100, cue 200, delay\n"
                         "  400 ms) at each load over S network seeds (default N 5000, c 0.05, 3 seeds, loads\n"
                         "  0.1..0.7), m against alpha beside the theory, alpha_c from both. --out DIR writes\n"
                         "  capacity.csv, capacity_theory.csv and the figure capacity.png / .svg.\n"
                         "information: I(R;S) between the stimulus S and a low-dimensional readout R of the\n"
                         "  response, for familiar (stored patterns) and novel (fresh currents) stimuli, by\n"
                         "  KSG (k 3) with batch-means standard errors over 10 blocks. identity: S is which of\n"
                         "  n stimuli (default 4; I <= ln n); coordinates: S in R^d displaces the cue around\n"
                         "  one stimulus (with the Gaussian-channel value of the linearised response for\n"
                         "  N <= 4000). Noise: cue noise (default sd 1) and random initial rates, fresh per\n"
                         "  trial. R: a random projection (default dimension 4) or the stimuli's overlaps, at\n"
                         "  the end of the cue and of the delay. Defaults: N 2000, c 0.05, p 10, 400 trials,\n"
                         "  background 100, cue 300, delay 300 ms. Also the information per neuron of the\n"
                         "  retrieval states about their patterns and the bits per synapse it implies.\n"
                         "  Design: proofs/attractor_information.md.\n"
                         "\n"
                         "MODEL OPTIONS (defaults: medians of the published fits): --A 3.55 --r-max 76.2\n"
                         "  --beta 0.82 --h0 2.46 --q-f 0.83 --beta-f 0.28 --x-f 26.6 --beta-g (= beta-f)\n"
                         "  --x-g (= x-f) --tau 20. q_g is solved from E[g(phi(xi))] = 0.\n"
                         "\n"
                         "Output: one JSON object on stdout. Exit 2 on bad input or usage.",
                         &run_attractor);

}  // namespace syninfo::cli
