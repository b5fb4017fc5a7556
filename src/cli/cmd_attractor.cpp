// syninfo attractor: the graded-rate attractor network with the learning rule
// inferred from ITC data (Pereira & Brunel 2018): simulate the delayed
// match-to-sample protocol, or the mean-field retrieval curve and capacity.
#include "attractor_common.hpp"

#include "syninfo/attractor/dynamics.hpp"
#include "syninfo/attractor/mean_field.hpp"
#include "syninfo/json.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
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

int run_capacity(int argc, char** argv) {
  std::set<std::string> options = {"alphas", "nodes"};
  options.insert(model_options.begin(), model_options.end());
  const Args args = parse_args(argc, argv, 3, options, {"theory"});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
  if (!args.flags.count("theory"))
    throw UsageError("only --theory (the mean-field curve) is implemented; simulate a load with `syninfo attractor simulate --p P`");
  const AttractorParameters p = model_from(args);
  const MeanField mf(p, static_cast<std::size_t>(args.get_int("nodes", 48, 8, 400)));  // Gauss-Hermite nodes for z
  const double alpha_c = mf.capacity();
  const std::vector<double> alphas = parse_alphas(args.get_or("alphas", "0,0.05,0.1,0.2,0.3,0.4,0.5"));
  json::Value curve = json::Value::array();
  for (double a : alphas) {
    const RetrievalState s = mf.retrieval_state(a);
    curve.push(json::Value::object().set("alpha", num(a)).set("retrieval", json::Value::boolean(s.retrieval))
                   .set("q", num(s.q)).set("m", num(s.m)).set("delta", num(s.delta)).set("mean_rate_hz", num(s.mean_rate)));
  }
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("attractor capacity"))
      .set("method", json::Value::string("static mean-field theory, strongly diluted limit"))
      .set("model", model_json(p, mf.rule()))
      .set("alpha_c", num(alpha_c))
      .set("curve", std::move(curve));
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

SYNINFO_REGISTER_COMMAND(attractor, "attractor", "graded-rate attractor network with the ITC-inferred rule (simulate, capacity)",
                         "usage: syninfo attractor simulate [--N N] [--c C] [--p P] [--seed S] [--dt MS]\n"
                         "                                  [--scheme euler|heun] [--background MS] [--cue MS]\n"
                         "                                  [--delay MS] [--cue-pattern MU] [--threshold M]\n"
                         "                                  [--threads T] [--out DIR] [MODEL OPTIONS]\n"
                         "       syninfo attractor capacity --theory [--alphas A1,A2,...] [--nodes K] [MODEL OPTIONS]\n"
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
                         "\n"
                         "MODEL OPTIONS (defaults: medians of the published fits): --A 3.55 --r-max 76.2\n"
                         "  --beta 0.82 --h0 2.46 --q-f 0.83 --beta-f 0.28 --x-f 26.6 --beta-g (= beta-f)\n"
                         "  --x-g (= x-f) --tau 20. q_g is solved from E[g(phi(xi))] = 0.\n"
                         "\n"
                         "Output: one JSON object on stdout. Exit 2 on bad input or usage.",
                         &run_attractor);

}  // namespace syninfo::cli
