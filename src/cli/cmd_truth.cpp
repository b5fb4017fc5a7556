// syninfo truth: the true information I(W_E; x^k) of a spec by the independent
// estimators (KSG, conditional Monte Carlo, and quadrature for one synapse),
// each with its standard error, beside the closed form I_FW.
#include "command.hpp"

#include "syninfo/json.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/truth/true_information.hpp"

#include <chrono>
#include <cmath>
#include <iostream>

namespace syninfo::cli {
namespace {

constexpr double kLn2 = 0.69314718055994530941723212145818;

json::Value number_or_null(double x) { return std::isfinite(x) ? json::Value::number(x) : json::Value(); }

int run_truth(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"samples", "method", "seed", "k", "threads", "inner"}, {});
  if (args.positional.size() != 1) throw UsageError("expected exactly one SPEC.json argument");
  truth::TruthOptions options;
  options.samples = static_cast<std::size_t>(args.get_int("samples", 20000, 100, 100000000));
  options.inner = static_cast<std::size_t>(args.get_int("inner", 256, 2, 1000000));
  options.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, 9223372036854775807LL));
  options.k = static_cast<int>(args.get_int("k", 3, 1, 1000));
  options.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  const std::string method = args.get_or("method", "all");
  if (method != "all" && method != "ksg" && method != "cmc" && method != "quadrature")
    throw UsageError("--method must be ksg, cmc, quadrature or all, got '" + method + "'");
  options.ksg = method == "all" || method == "ksg";
  options.cmc = method == "all" || method == "cmc";
  options.quadrature = method == "all" || method == "quadrature";
  if (options.samples <= static_cast<std::size_t>(options.k))
    throw UsageError("--samples must exceed --k");

  const Problem<double> problem = read_problem_file<double>(args.positional[0]);
  std::cerr << "syninfo truth: " << problem.patterns.count() << " patterns, " << problem.ensemble.size()
            << " synapses, " << options.samples << " samples (method " << method << ")...\n";
  const auto start = std::chrono::steady_clock::now();
  const truth::TruthReport report = truth::estimate_true_information(problem, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "syninfo truth: done in " << seconds << " s\n";

  json::Value estimates = json::Value::array();
  for (const auto& e : report.estimates) {
    json::Value item = json::Value::object()
                           .set("method", json::Value::string(e.method))
                           .set("mi_nats", number_or_null(e.value))
                           .set("mi_bits", number_or_null(e.value / kLn2))
                           .set("standard_error_nats", number_or_null(e.standard_error))
                           .set("standard_error_bits", number_or_null(e.standard_error / kLn2))
                           .set("error_method", json::Value::string(e.error_method))
                           .set("samples", json::Value::number(static_cast<unsigned long long>(e.samples)));
    if (e.method == "ksg1") {
      item.set("y", json::Value::string(report.ksg_y));
      item.set("y_columns", json::Value::number(static_cast<unsigned long long>(report.ksg_y_columns)));
      item.set("k", json::Value::number(options.k));
    }
    if (e.method == "cmc") {
      item.set("inner", json::Value::number(static_cast<unsigned long long>(options.inner)));
      item.set("bias_correction_nats", number_or_null(report.cmc_bias_correction));
      item.set("zero_density_samples", json::Value::number(static_cast<unsigned long long>(report.cmc_zero_density)));
    }
    estimates.push(std::move(item));
  }
  json::Value notes = json::Value::array();
  for (const auto& n : report.notes) notes.push(json::Value::string(n));

  const MiResult<double> fw = fenton_wilkinson_mutual_information(problem);
  json::Value closed = json::Value::object().set("status", json::Value::string(to_string(fw.status)));
  if (!fw.detail.empty()) closed.set("detail", json::Value::string(fw.detail));
  if (fw.ok()) {
    closed.set("mi_nats", number_or_null(fw.mi_nats));
    closed.set("mi_bits", number_or_null(fw.mi_nats / kLn2));
  }
  closed.set("precision", json::Value::string("double"));

  json::Value out = json::Value::object()
                        .set("patterns", json::Value::number(static_cast<unsigned long long>(problem.patterns.count())))
                        .set("neurons", json::Value::number(static_cast<unsigned long long>(problem.patterns.neurons())))
                        .set("synapses", json::Value::number(static_cast<unsigned long long>(problem.ensemble.size())))
                        .set("pattern", json::Value::number(static_cast<unsigned long long>(problem.pattern)))
                        .set("seed", json::Value::number(static_cast<unsigned long long>(options.seed)))
                        .set("estimates", std::move(estimates))
                        .set("closed_form", std::move(closed))
                        .set("gaussian_channel_nats", number_or_null(report.gaussian_channel))
                        .set("notes", std::move(notes))
                        .set("seconds", json::Value::number(seconds));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

}  // namespace
}  // namespace syninfo::cli

SYNINFO_REGISTER_COMMAND(truth, "truth", "true information I(W_E; x^k) by KSG, conditional Monte Carlo and quadrature",
                         "usage: syninfo truth SPEC.json [--samples M] [--method ksg|cmc|quadrature|all]\n"
                         "                     [--seed S] [--k K] [--threads T] [--inner L]\n\n"
                         "Prints one JSON object: for each method that applies, the estimate of I(W_E; x^k) in\n"
                         "nats and bits with its standard error and how that error was obtained; the closed\n"
                         "form I_FW (double precision, with its status) and the Gaussian-channel value beside\n"
                         "them; and notes on methods skipped and why. ksg: Kraskov et al. algorithm 1 on\n"
                         "(ln W_E, ln T^k) or (ln W_E, y^k_J), k neighbours, M samples. cmc: conditional Monte\n"
                         "Carlo h(W_E) - h(R^(k)), M outer x L inner draws (default 256). quadrature: single\n"
                         "synapse only, deterministic. Results do not depend on --threads.\n",
                         &syninfo::cli::run_truth);
