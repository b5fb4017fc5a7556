// syninfo truth: the true information I(W_E; x^k) of a spec by the independent
// estimators (KSG, conditional Monte Carlo, sequential Monte Carlo, and
// quadrature for one synapse), each with its standard error, the verdict
// (best estimate, reliable or not and why), beside the closed form I_FW.
#include "command.hpp"
#include "run_options.hpp"
#include "truth_checkpoint.hpp"

#include "syninfo/json.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/truth/true_information.hpp"
#include "syninfo/truth/truth_json.hpp"

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace syninfo::cli {
namespace {

// What each selected method will draw, as the counts it uses (not one
// --samples figure for all: smc has its own).
std::string planned_work(const truth::TruthOptions& o, std::size_t synapses) {
  std::vector<std::string> parts;
  if (o.quadrature && synapses == 1) parts.push_back("quadrature (deterministic)");
  if (o.smc && synapses >= 2)
    parts.push_back("smc " + std::to_string(o.smc_samples) + " outer samples x " + std::to_string(o.smc_replicates) +
                    " runs x " + std::to_string(o.smc_particles) + " particles");
  if (o.ksg) parts.push_back("ksg " + std::to_string(o.samples) + " samples, k = " + std::to_string(o.k));
  if (o.cmc && (synapses <= 2 || o.cmc_for_ensembles))
    parts.push_back("cmc " + std::to_string(o.samples) + " outer x " + std::to_string(o.inner) + " inner draws");
  if (parts.empty()) return "no method applies";
  std::string s = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) s += "; " + parts[i];
  return s;
}

int run_truth(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"samples", "method", "seed", "k", "threads", "inner", "smc-samples", "particles", "replicates", "max-particles", "noise-levels", "control-samples", "proposal", "pattern", "checkpoint"}, checkpoint_flags);
  if (args.positional.size() != 1) throw UsageError("expected exactly one SPEC.json argument");
  truth::TruthOptions options;
  options.samples = static_cast<std::size_t>(args.get_int("samples", 20000, 100, 100000000));
  options.inner = static_cast<std::size_t>(args.get_int("inner", 256, 2, 1000000));
  options.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, 9223372036854775807LL));
  options.k = static_cast<int>(args.get_int("k", 3, 1, 1000));
  options.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  options.smc_samples = static_cast<std::size_t>(args.get_int("smc-samples", 4000, 2, 100000000));
  options.smc_particles = static_cast<std::size_t>(args.get_int("particles", 32, 2, 1000000));
  options.smc_replicates = static_cast<std::size_t>(args.get_int("replicates", 4, 2, 1000));
  options.smc_max_particles = static_cast<std::size_t>(args.get_int("max-particles", 256, 0, 100000000));
  options.smc_control_samples = static_cast<std::size_t>(args.get_int("control-samples", 16, 0, 10000));
  const std::string proposal = args.get_or("proposal", "plain");
  if (proposal != "bridge" && proposal != "plain")
    throw UsageError("--proposal must be bridge or plain, got '" + proposal + "'");
  options.smc_bridge = proposal == "bridge";
  options.noise_levels = static_cast<std::size_t>(args.get_int("noise-levels", 3, 0, 8));
  if (options.noise_levels == 1)
    throw UsageError("--noise-levels must be 0 (off) or 2..8: one level cannot be extrapolated, got 1");
  const std::string method = args.get_or("method", "auto");
  if (!truth::is_method_name(method))
    throw UsageError("--method must be auto, all, ksg, cmc, smc or quadrature, got '" + method + "'");
  if (options.samples <= static_cast<std::size_t>(options.k))
    throw UsageError("--samples must exceed --k");

  const json::Value spec = spec_with_pattern(read_json_file(args.positional[0]), args);
  const Problem<double> problem = problem_from_json<double>(spec);
  truth::select_methods(options, method, problem.ensemble.size());
  // --checkpoint DIR keeps the finished blocks of outer samples; --resume continues from them.
  const auto checkpoint = open_checkpoint(args, {}, "truth", truth_identity(spec, method, options), false, false);
  std::unique_ptr<CheckpointBlockStore> store;
  if (checkpoint) options.store = (store = std::make_unique<CheckpointBlockStore>(*checkpoint)).get();
  std::cerr << "syninfo truth: " << problem.patterns.count() << " patterns, " << problem.ensemble.size()
            << " synapses; method " << method << ": " << planned_work(options, problem.ensemble.size()) << "...\n";
  const auto start = std::chrono::steady_clock::now();
  const truth::TruthReport report = truth::estimate_true_information(problem, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "syninfo truth: done in " << seconds << " s";
  if (report.smc_particles_used > options.smc_particles)
    std::cerr << " (smc reran with " << report.smc_particles_used << " particles: noisy densities)";
  std::cerr << "\n";
  if (store)
    std::cerr << "syninfo truth: " << store->loaded() << " blocks of outer samples resumed from the checkpoint, "
              << store->saved() << " computed\n";

  json::Value out = truth::truth_report_json(problem, options, report);
  out.set("seconds", json::Value::number(seconds));
  std::cout << out.dump() << '\n' << std::flush;
  if (checkpoint && std::cout) checkpoint->remove();  // kept when the result could not be written
  return exit_ok;
}

}  // namespace
}  // namespace syninfo::cli

SYNINFO_REGISTER_COMMAND(truth, "truth",
                         "true information I(W_E; x^k) by KSG, conditional and sequential Monte Carlo, quadrature",
                         "usage: syninfo truth SPEC.json [--method auto|all|ksg|cmc|smc|quadrature] [--seed S]\n"
                         "                     [--samples M] [--k K] [--inner L]\n"
                         "                     [--smc-samples M2] [--particles NP] [--replicates R]\n"
                         "                     [--max-particles MP] [--control-samples C] [--proposal plain|bridge]\n"
                         "                     [--noise-levels L]\n"
                         "                     [--threads T] [--pattern k] [--checkpoint DIR [--resume]]\n\n"
                         "--pattern k sets the spec's pattern index (0-based); with it the spec may omit \"pattern\".\n"
                         "Prints one JSON object: `best` (the estimate to use, with its standard error),\n"
                         "`reliable` and `reliability_note` (why not, or what was checked); for each method that\n"
                         "applies, its estimate of I(W_E; x^k) in nats and bits with its standard error and how\n"
                         "that was obtained, and its wall-clock seconds; the closed form I_FW (double precision,\n"
                         "with its status) and the Gaussian-channel value beside them; notes on methods skipped.\n\n"
                         "--method auto (default) runs only the method `best` would take: quadrature for one\n"
                         "synapse, smc otherwise. --method all adds the cross-checks below that apply, and they\n"
                         "enter the reliability verdict (slower: on one synapse CMC takes ~90% of the time).\n"
                         "Progress goes to stderr, with the sample counts each method will use.\n\n"
                         "Methods:\n"
                         "  quadrature  single synapse only; deterministic, error ~1e-8. best for n = 1.\n"
                         "  smc         sequential Monte Carlo over the synapses: h(W_E) - h(R^(k)) from M2 outer\n"
                         "              samples (default 4000), each density the mean of R (4) runs of NP (32)\n"
                         "              particles, jackknife-corrected. best for n >= 2; checked against exact\n"
                         "              oracles for n = 2..20. When its densities are noisy (mean relative\n"
                         "              variance > 0.35) it reruns with 4x the particles, up to MP (256).\n"
                         "              CPU time ~0.35 us x M2 x n x P x NP x R (n = 10, P = 10, defaults: ~8 s on\n"
                         "              2 cores, SE ~0.03 nats; M2 = 1000: a quarter of that). Control variates\n"
                         "              from the closed form's log-normal surrogates, whose means come from C x M2\n"
                         "              cheap extra draws (--control-samples C, default 16, 0 off), cut the\n"
                         "              statistical error (bench/truth_efficiency.cpp). --proposal bridge draws\n"
                         "              each step's terms given that they must add up to the point: unbiased\n"
                         "              but measured noisier than plain (the default); an experiment\n"
                         "              (proofs/smc_bridge_proposal.md).\n"
"              A degenerate ensemble\n"
                         "              (more synapses than independent neuron directions, or an even cycle)\n"
                         "              gets smc itself with paired steps when each determined synapse can be\n"
                         "              paired with a free one (paired_steps in its item; proofs/\n"
                         "              degenerate_ensembles.md section 6). Otherwise it first decides from the\n"
                         "              ranks of the sums whether I is finite; infinite or undefined information\n"
                         "              is reported as such (best.information, mi_nats null), without sampling.\n"
                         "              Otherwise best is a lower bound\n"
                         "              (best.lower_bound = true, reliable = false): the larger of smc on the\n"
                         "              largest sub-ensemble it can treat (smc_lower_bound) and I(W_E + noise; x^k)\n"
                         "              at the smallest of L noise levels eps = 0.2, 0.1, ... (--noise-levels L,\n"
                         "              default 3, 0 off; smc_noise_lower_bound; costs ~2^L - 1 smc runs). The\n"
                         "              extrapolation to eps = 0 (smc_noise_extrapolated) is a diagnostic only.\n"
                         "  ksg         Kraskov et al. algorithm 1 on (ln W_E, ln T^k) or (ln W_E, y^k_J), K\n"
                         "              neighbours (3), M samples (20000). Biased low in high joint dimension\n"
                         "              (13% of the truth at n = 10); a cross-check for n <= 2 only.\n"
                         "  cmc         one-pivot conditional Monte Carlo, M outer x L inner (256) draws. Biased\n"
                         "              for n >= 3 (heavy-tailed inner weights): with --method all it runs only\n"
                         "              for n <= 2; --method cmc runs it anyway.\n"
                         "Results do not depend on --threads.\n\n"
                         "Long runs: --checkpoint DIR keeps every finished block of 128 outer samples of smc\n"
                         "and cmc in DIR (checkpoint.json, tasks.jsonl) as the run goes; after an interruption\n"
                         "--resume continues from it and prints the same JSON as an uninterrupted run (the\n"
                         "wall-clock \"seconds\" fields aside). DIR is removed once the result is printed. A\n"
                         "checkpoint of another spec, method, option or binary is refused (exit 2), and so is\n"
                         "an existing one without --resume. KSG and quadrature are recomputed.\n",
                         &syninfo::cli::run_truth);
