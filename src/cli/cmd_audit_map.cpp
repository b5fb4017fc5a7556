// syninfo audit-map: the closed form's relative error over a grid of set-1
// style inputs (sigma2 x rho x P x n), as a CSV, heat maps and a summary.
#include "command.hpp"
#include "run_options.hpp"

#include "syninfo/audit/audit_map.hpp"
#include "syninfo/audit/audit_map_shards.hpp"
#include "syninfo/report/atomic_output.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

namespace syninfo::cli {
namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(item);
  return out;
}

// Decimal numbers as text (passed to the spec reader unchanged).
std::vector<std::string> decimal_list(const std::string& text, const std::string& option) {
  std::vector<std::string> out = split(text);
  if (out.empty()) throw UsageError("--" + option + " needs a comma-separated list of numbers");
  for (const auto& item : out) {
    char* end = nullptr;
    const double x = std::strtod(item.c_str(), &end);
    if (item.empty() || end != item.c_str() + item.size() || !std::isfinite(x))
      throw UsageError("--" + option + ": '" + item + "' is not a number");
  }
  return out;
}

std::vector<std::size_t> count_list(const std::string& text, const std::string& option, std::size_t lo,
                                    std::size_t hi) {
  std::vector<std::size_t> out;
  const auto items = split(text);
  if (items.empty()) throw UsageError("--" + option + " needs a comma-separated list of integers");
  for (const auto& item : items) {
    std::size_t used = 0;
    unsigned long long v = 0;
    try {
      if (item.empty() || item[0] == '-') throw std::invalid_argument(item);
      v = std::stoull(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != item.size())
      throw UsageError("--" + option + ": '" + item + "' is not a non-negative integer");
    if (v < lo || v > hi)
      throw UsageError("--" + option + ": " + item + " is outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    out.push_back(static_cast<std::size_t>(v));
  }
  return out;
}

audit::AuditMapOptions audit_map_options(const Args& args) {
  const std::string scale = args.get_or("scale", "quick");
  if (scale != "quick" && scale != "full") throw UsageError("--scale must be quick or full, got '" + scale + "'");
  audit::AuditMapOptions o = audit::audit_map_preset(scale);
  if (auto v = args.get("sigma2")) o.sigma2 = decimal_list(*v, "sigma2");
  if (auto v = args.get("rho")) o.rho = decimal_list(*v, "rho");
  if (auto v = args.get("P")) o.patterns = count_list(*v, "P", 2, 100000);
  if (auto v = args.get("n")) o.synapses = count_list(*v, "n", 1, 200);
  o.samples = static_cast<std::size_t>(args.get_int("samples", static_cast<long long>(o.samples), 100, 100000000));
  o.inner = static_cast<std::size_t>(args.get_int("inner", static_cast<long long>(o.inner), 4, 1000000));
  o.particles = static_cast<std::size_t>(args.get_int("particles", static_cast<long long>(o.particles), 2, 100000));
  o.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, 9223372036854775807LL));
  o.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  o.neurons = static_cast<std::size_t>(args.get_int("N", 0, 0, 4096));
  o.progress = !args.has("quiet");
  for (const auto& s : o.sigma2)
    if (std::strtod(s.c_str(), nullptr) < 0) throw UsageError("--sigma2: " + s + " is negative");
  return o;
}

int run_audit_map(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2,
                               joined({"out", "sigma2", "rho", "P", "n", "N", "samples", "inner", "particles", "seed",
                                       "threads", "scale", "shard"},
                                      checkpoint_options),
                               joined({"quiet", "force"}, checkpoint_flags));
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional.front() + "'");
  const audit::AuditMapOptions o = audit_map_options(args);
  const report::ShardPosition shard = shard_option(args);
  const bool sharded = args.has("shard");
  (void)audit::audit_map_frame(o);  // a bad grid exits 2 before any output or checkpoint exists
  // Built in a temporary sibling and renamed at the end (checked now: exit 2
  // before the sweep when DIR is not empty or not writable); a shard writes
  // one file into a shared DIR.
  const std::filesystem::path requested = args.get_or("out", "audit_map");
  std::optional<report::AtomicDirectory> output;
  std::optional<report::AtomicFile> shard_out;
  std::filesystem::path checkpoint_dir;
  if (sharded) {
    prepare_output_directory(requested);
    shard_out.emplace(requested / report::shard_file_name(shard.index, shard.count), args.has("force"));
    checkpoint_dir = requested / report::shard_checkpoint_name(shard.index, shard.count);
    if (args.has("resume")) report::remove_stale_partials(shard_out->target());
  } else {
    output.emplace(requested, args.has("force"));
    checkpoint_dir = checkpoint_beside(output->target());
    if (args.has("resume")) report::remove_stale_partials(output->target());
  }
  const json::Value identity = json::Value::object()
                                   .set("options", audit::audit_map_options_json(o))
                                   .set("shard", report::shard_position_json(shard));
  const auto checkpoint = open_checkpoint(args, checkpoint_dir, "audit-map", identity, true, !o.progress);

  audit::AuditMap map = audit::run_audit_map(o, {shard, checkpoint.get()});
  // The options that change no point are left out, so that a resumed,
  // sharded or merged run records the command of a single run.
  map.command = recorded_command(argc, argv, {"out", "threads", "shard", "checkpoint"}, {"quiet", "force", "resume"});
  std::size_t non_pd = 0;
  for (const auto& p : map.points) non_pd += p.status == MiStatus::not_positive_definite;
  if (sharded) {
    shard_out->stream() << audit::audit_map_shard_to_json(map, shard).dump(-1) << '\n';
    shard_out->commit();
    if (checkpoint) checkpoint->remove();
    std::cout << "syninfo audit-map: shard " << shard.index << " of " << shard.count << ": " << map.points.size()
              << " points (N = " << map.neurons << "), " << non_pd << " with K or K' not positive definite, "
              << map.seconds << " s\n  wrote " << shard_out->target().string() << '\n';
    return exit_ok;
  }
  const auto files = audit::write_audit_map(map, output->staging());
  output->commit();
  if (checkpoint) checkpoint->remove();
  std::cout << "syninfo audit-map: " << map.points.size() << " points (N = " << map.neurons << "), " << non_pd
            << " with K or K' not positive definite, " << map.seconds << " s\n";
  for (const auto& f : files) std::cout << "  wrote " << (output->target() / f.filename()).string() << '\n';
  return exit_ok;
}

}  // namespace
}  // namespace syninfo::cli

SYNINFO_REGISTER_COMMAND(audit_map, "audit-map", "map of the closed form's relative error over sigma2, rho, P and n (set 1)",
                         "usage: syninfo audit-map [--out DIR] [--sigma2 LIST] [--rho LIST] [--P LIST] [--n LIST]\n"
                         "                         [--N N] [--samples M] [--inner L] [--particles Q] [--seed S]\n"
                         "                         [--threads T] [--scale quick|full] [--force] [--quiet]\n"
                         "                         [--shard i/n] [--resume] [--checkpoint CDIR]\n\n"
                         "Sweeps set-1 style inputs (theory.md section 7): exchangeable covariance\n"
                         "sigma2 ((1 - rho) I + rho 11') shared by all patterns, means uniform in [-1, 1] from\n"
                         "the seed, pattern k = 0, ensemble = the first n pairs of one fixed random sequence of\n"
                         "distinct pairs over N neurons (N the smallest with N(N-1)/2 >= the largest n, or --N).\n"
                         "Each point gets I_FW (double, 50-digit cross-check) and I_true as in syninfo audit:\n"
                         "quadrature for n = 1; for n >= 2 the truth driver's sequential Monte Carlo (M outer\n"
                         "samples, Q particles) with its reliability verdict (at n = 2 cross-checked against\n"
                         "conditional Monte Carlo with M x L draws). Only a reliable I_true gets a\n"
                         "verdict. For n > N every term is degenerate: I_true is then only a lower bound (smc on\n"
                         "the largest treatable sub-ensemble) and the point is undecided.\n"
                         "Writes into DIR (default ./audit_map): audit_map.csv (one row per point),\n"
                         "audit_map_specs.jsonl (each point's spec, for syninfo audit), audit_map.png with\n"
                         "audit_map.gp and audit_map.dat (heat maps of the relative MI error, one panel per\n"
                         "(P, n); non-PD points marked x, unreliable I_true marked ?), and audit_map.md\n"
                         "(one-page summary with the non-PD fractions against n, rho and P). DIR must be new or\n"
                         "empty unless --force; it appears only when every file is written (built in a\n"
                         "temporary sibling and renamed).\n"
                         "Lists are comma-separated. --scale quick (default): sigma2 0.1,0.5,1,2; rho\n"
                         "0,0.3,0.6,0.9; P 2,10; n 1,2,5; M 2000, L 64, Q 32 (96 points, a few minutes on 2\n"
                         "cores). --scale full: sigma2 0.05,0.1,0.25,0.5,1,2,4; rho 0,0.2,0.4,0.6,0.8,0.9,0.95;\n"
                         "P 2,5,10,30; n 1,2,3,5,8; M 4000, L 256 (980 points; see validation/audit/README.md\n"
                         "for its cost). Explicit lists and sizes override the preset.\n\n"
                         "Long runs: every finished point is kept in DIR.checkpoint/ (with --shard:\n"
                         "DIR/shard-i-of-n.checkpoint/, or --checkpoint CDIR) until the map is written;\n"
                         "--resume continues an interrupted run from it with the same result as an\n"
                         "uninterrupted one (the wall-clock seconds column and total time aside). A checkpoint\n"
                         "of other options or another binary is refused; without --resume an existing one is\n"
                         "refused (--force discards it). --shard i/n computes only points i, i+n, ... (in the\n"
                         "order of audit_map.csv) into DIR/shard-i-of-n.json; `syninfo merge DIR --out OUT`\n"
                         "writes the map a single run gives. audit_map.md records the command without the\n"
                         "options that change no point (--out, --threads, --shard, --resume, ...).\n",
                         &syninfo::cli::run_audit_map);
