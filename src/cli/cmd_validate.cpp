// syninfo validate: the paper's experiments with the closed form and the
// ground truth; writes report.md (claims table first), CSVs, gnuplot scripts
// and PNGs, or with --shard i/n one shard file for `syninfo merge`.
#include "command.hpp"
#include "run_options.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/report/atomic_output.hpp"
#include "syninfo/validation/config_json.hpp"
#include "syninfo/validation/report.hpp"
#include "syninfo/validation/run.hpp"
#include "syninfo/validation/shards.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <system_error>
#include <tuple>

namespace syninfo::cli {

void write_timings(const std::filesystem::path& path, const validation::StageTimings& t, double report_seconds,
                   double total_seconds, unsigned threads) {
  json::Value by_kind = json::Value::object();
  for (const auto& [kind, seconds] : t.truth_by_kind)
    by_kind.set(kind, json::Value::object()
                          .set("tasks", json::Value::number(static_cast<unsigned long long>(t.truth_tasks.at(kind))))
                          .set("seconds", json::Value::number(seconds)));
  const json::Value v = json::Value::object()
                            .set("threads", json::Value::number(static_cast<unsigned long long>(threads)))
                            .set("resumed_tasks", json::Value::number(static_cast<unsigned long long>(t.resumed_tasks)))
                            .set("curves_seconds", json::Value::number(t.curves))
                            .set("closed_form_samples_seconds", json::Value::number(t.samples))
                            .set("ground_truth_seconds", json::Value::number(t.truth))
                            .set("ground_truth_task_seconds", std::move(by_kind))
                            .set("report_seconds", json::Value::number(report_seconds))
                            .set("total_seconds", json::Value::number(total_seconds));
  report::write_file_atomically(path, v.dump() + '\n');
}

namespace {

// The scale preset (--scale, or the file's "scale" key) overridden by the
// --config file; UsageError (exit 2) naming the key on a bad file.
validation::ValidationConfig configuration_of(const Args& args) {
  validation::Scale scale = validation::Scale::quick;
  try {
    if (const auto name = args.get("scale")) scale = validation::scale_from_string(*name);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const auto file = args.get("config");
  if (!file) return validation::config_for_scale(scale);
  std::ifstream in(*file, std::ios::binary);
  if (!in) throw UsageError("cannot read --config file " + *file);
  std::ostringstream text;
  text << in.rdbuf();
  json::Value value;
  try {
    value = json::parse(text.str());
  } catch (const json::ParseError& e) {
    throw UsageError(*file + ": " + e.what());
  }
  try {
    validation::Scale own = scale;
    if (validation::scale_of_config_json(value, own) && args.get("scale") && own != scale)
      throw validation::ConfigError(std::string("config.scale: the file says '") + validation::to_string(own) +
                                    "' but --scale says '" + validation::to_string(scale) + "'");
    validation::ValidationConfig config = validation::config_for_scale(own);
    validation::apply_config_json(value, config);
    return config;
  } catch (const validation::ConfigError& e) {
    throw UsageError(*file + ": " + e.what());
  }
}

// Where the shard file or the report goes, and the run's checkpoint: built
// before any work, so that every refusal exits 2 at once.
struct ValidateOutput {
  std::filesystem::path requested;
  std::optional<report::AtomicDirectory> directory;  // a full report
  std::optional<report::AtomicFile> shard;           // a shard file in a shared DIR
  std::unique_ptr<report::Checkpoint> checkpoint;
};

void prepare_validate_output(const Args& args, const validation::ValidationConfig& config, ValidateOutput& out) {
  const bool sharded = args.has("shard");
  std::filesystem::path checkpoint_dir;
  if (sharded) {
    prepare_output_directory(out.requested);
    out.shard.emplace(out.requested / validation::shard_file_name(config.shard_index, config.shard_count),
                      args.has("force"));
    checkpoint_dir = out.requested / report::shard_checkpoint_name(config.shard_index, config.shard_count);
    if (args.has("resume")) report::remove_stale_partials(out.shard->target());
  } else {
    out.directory.emplace(out.requested, args.has("force"));
    checkpoint_dir = checkpoint_beside(out.directory->target());
    if (args.has("resume")) report::remove_stale_partials(out.directory->target());
  }
  const json::Value identity =
      json::Value::object()
          .set("config", validation::config_fingerprint(config))
          .set("shard", report::shard_position_json({config.shard_index, config.shard_count}));
  out.checkpoint = open_checkpoint(args, checkpoint_dir, "validate", identity, true, !config.progress);
}

int run_validate(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, joined({"scale", "out", "seed", "threads", "shard", "config"}, checkpoint_options),
                               joined({"no-truth", "quiet", "force", "print-config"}, checkpoint_flags));
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional.front() + "'");
  validation::ValidationConfig config = configuration_of(args);
  const validation::Scale scale = config.scale;
  // Flags given on the command line override the file.
  if (args.has("seed")) config.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, 9223372036854775807LL));
  config.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  if (args.has("no-truth")) config.truth = false;
  config.progress = !args.has("quiet");
  if (args.has("print-config")) {
    std::cout << validation::config_to_documented_json(config).dump() << '\n';
    return exit_ok;
  }
  const bool sharded = args.has("shard");
  const report::ShardPosition shard = shard_option(args);
  config.shard_index = shard.index;
  config.shard_count = shard.count;
  // A full report is built in a temporary sibling and renamed at the end; a
  // shard run writes one file (under a temporary name) into a shared DIR.
  ValidateOutput output;
  output.requested = args.get_or("out", std::string("out/validate-") + validation::to_string(scale));
  prepare_validate_output(args, config, output);
  const std::filesystem::path out_dir = sharded ? output.requested : output.directory->staging();
  if (config.threads == 0) config.threads = default_threads();

  const auto start = std::chrono::steady_clock::now();
  const validation::Plan plan = validation::make_plan(config);
  validation::StageTimings timings;
  const validation::Records records = validation::compute_records(config, plan, &timings, output.checkpoint.get());
  if (sharded) {
    const auto path = output.shard->target();
    output.shard->stream() << validation::shard_to_json(config, records).dump(-1) << '\n';
    output.shard->commit();
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    write_timings(out_dir / report::shard_timings_name(config.shard_index, config.shard_count), timings, 0.0, total,
                  config.threads);
    if (output.checkpoint) output.checkpoint->remove();
    if (config.progress) std::cerr << "syninfo validate: wrote " << path.string() << '\n';
    std::cout << path.string() << '\n';
    return exit_ok;
  }
  const auto report_start = std::chrono::steady_clock::now();
  const validation::ReportSummary summary = validation::write_report(config, validation::round_trip(records), out_dir);
  const auto end = std::chrono::steady_clock::now();
  write_timings(out_dir / "timings.json", timings, std::chrono::duration<double>(end - report_start).count(),
                std::chrono::duration<double>(end - start).count(), config.threads);
  output.directory->commit();
  if (output.checkpoint) output.checkpoint->remove();
  const std::filesystem::path& requested = output.requested;
  for (const auto& f : summary.figure_failures) std::cerr << "syninfo validate: figure not drawn: " << f << '\n';
  if (config.progress) std::cerr << "syninfo validate: report in " << (requested / "report.md").string() << '\n';
  std::cout << (requested / "report.md").string() << '\n';
  return exit_ok;
}

}  // namespace
}  // namespace syninfo::cli

SYNINFO_REGISTER_COMMAND(
    validate, "validate", "reproduce the paper's experiments and check its claims against the true information",
    "usage: syninfo validate [--scale quick|paper|test] [--config FILE.json] [--out DIR] [--seed S]\n"
    "                        [--threads T] [--shard i/n] [--no-truth] [--force] [--quiet]\n"
    "                        [--resume] [--checkpoint CDIR]\n"
    "       syninfo validate [--scale S] [--config FILE.json] [--seed S] [--no-truth] --print-config\n\n"
    "Runs the paper's three simulation sets with the closed form (double precision; 50-digit\n"
    "verdict and nearest-PD repair for failures), computes the ground truth on subsamples\n"
    "(quadrature for one synapse, sequential Monte Carlo for ensembles) and writes into DIR\n"
    "(default out/validate-SCALE):\n"
    "report.md (the claims table C1-C8 first), report.html (the same page, self-contained, figures\n"
    "inlined), the CSVs behind every number, a gnuplot script, PNG and SVG per figure, and\n"
    "timings.json (wall-clock times, kept out of report.md).\n\n"
    "  --scale    quick (default, about a minute on 2 cores), paper (the paper's sample\n"
    "             counts, about an hour), test (seconds)\n"
    "  --config   JSON file overriding any field of the scale's preset (or of its own \"scale\");\n"
    "             unknown keys and out-of-range values are errors naming the key\n"
    "  --print-config  write the full configuration (with each lost parameter's reason) to\n"
    "             stdout in the format --config reads, and exit\n"
    "  --seed     run seed (default 1); the same seed gives the same report.md and CSVs\n"
    "  --threads  worker threads (default: all cores); results do not depend on it\n"
    "  --shard    i/n (0 <= i < n): compute only task i, i+n, i+2n, ... and write\n"
    "             DIR/shard-i-of-n.json; combine with `syninfo merge`\n"
    "  --no-truth closed form only (verdicts become undecided)\n"
    "  --force    replace a non-empty DIR (or, with --shard, an existing shard file); without\n"
    "             it such a DIR is refused. DIR appears only when the report is complete\n"
    "             (built in a temporary sibling .DIR.partial-PID and renamed at the end)\n"
    "  --quiet    no progress bars\n"
    "  --resume   continue an interrupted run from its checkpoint: finished tasks are kept\n"
    "             (one line each in CDIR/tasks.jsonl) as the run goes, in DIR.checkpoint/\n"
    "             (with --shard: DIR/shard-i-of-n.checkpoint/), removed when the run is\n"
    "             complete. The result is the same as an uninterrupted run's (timings.json\n"
    "             aside); a checkpoint of another configuration, seed, shard or binary is\n"
    "             refused. Without --resume an existing checkpoint is refused (--force\n"
    "             discards it and starts over)\n"
    "  --checkpoint  the checkpoint directory CDIR instead of the default\n",
    &syninfo::cli::run_validate);
