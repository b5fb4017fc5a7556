// syninfo validate: the paper's experiments with the closed form and the
// ground truth; writes report.md (claims table first), CSVs, gnuplot scripts
// and PNGs, or with --shard i/n one shard file for `syninfo merge`.
#include "command.hpp"

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

namespace {

// Creates DIR if needed and checks that a file can be written there (the
// shard directory, which several shard runs share); UsageError (exit 2)
// otherwise.
void prepare_output_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw UsageError("cannot create output directory " + dir.string() + ": " + ec.message());
  if (!std::filesystem::is_directory(dir)) throw UsageError("output path " + dir.string() + " is not a directory");
  const auto probe = dir / ".syninfo-write-test";
  {
    std::ofstream out(probe);
    if (!out || !(out << "x") || !out.flush()) throw UsageError("output directory " + dir.string() + " is not writable");
  }
  std::filesystem::remove(probe, ec);
}

}  // namespace

void write_timings(const std::filesystem::path& path, const validation::StageTimings& t, double report_seconds,
                   double total_seconds, unsigned threads) {
  json::Value by_kind = json::Value::object();
  for (const auto& [kind, seconds] : t.truth_by_kind)
    by_kind.set(kind, json::Value::object()
                          .set("tasks", json::Value::number(static_cast<unsigned long long>(t.truth_tasks.at(kind))))
                          .set("seconds", json::Value::number(seconds)));
  const json::Value v = json::Value::object()
                            .set("threads", json::Value::number(static_cast<unsigned long long>(threads)))
                            .set("curves_seconds", json::Value::number(t.curves))
                            .set("closed_form_samples_seconds", json::Value::number(t.samples))
                            .set("ground_truth_seconds", json::Value::number(t.truth))
                            .set("ground_truth_task_seconds", std::move(by_kind))
                            .set("report_seconds", json::Value::number(report_seconds))
                            .set("total_seconds", json::Value::number(total_seconds));
  report::write_file_atomically(path, v.dump() + '\n');
}

namespace {

std::pair<std::size_t, std::size_t> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  auto number = [&](const std::string& s) -> std::size_t {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9)
      throw UsageError("--shard expects i/n with 0 <= i < n, got '" + text + "'");
    return static_cast<std::size_t>(std::stoul(s));
  };
  if (slash == std::string::npos) throw UsageError("--shard expects i/n with 0 <= i < n, got '" + text + "'");
  const std::size_t i = number(text.substr(0, slash)), n = number(text.substr(slash + 1));
  if (n == 0 || i >= n) throw UsageError("--shard expects i/n with 0 <= i < n, got '" + text + "'");
  return {i, n};
}

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

int run_validate(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"scale", "out", "seed", "threads", "shard", "config"},
                               {"no-truth", "quiet", "force", "print-config"});
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
  if (sharded) std::tie(config.shard_index, config.shard_count) = parse_shard(*args.get("shard"));
  const std::filesystem::path requested = args.get_or("out", std::string("out/validate-") + validation::to_string(scale));
  // A full report is built in a temporary sibling and renamed at the end; a
  // shard run writes one file (under a temporary name) into a shared DIR.
  std::optional<report::AtomicDirectory> output;
  std::optional<report::AtomicFile> shard_out;
  if (sharded) {
    prepare_output_directory(requested);
    shard_out.emplace(requested / validation::shard_file_name(config.shard_index, config.shard_count), args.has("force"));
  } else {
    output.emplace(requested, args.has("force"));
  }
  const std::filesystem::path out_dir = sharded ? requested : output->staging();
  if (config.threads == 0) config.threads = default_threads();

  const auto start = std::chrono::steady_clock::now();
  const validation::Plan plan = validation::make_plan(config);
  validation::StageTimings timings;
  const validation::Records records = validation::compute_records(config, plan, &timings);
  if (sharded) {
    const auto path = shard_out->target();
    shard_out->stream() << validation::shard_to_json(config, records).dump(-1) << '\n';
    shard_out->commit();
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    write_timings(out_dir / ("shard-" + std::to_string(config.shard_index) + "-of-" + std::to_string(config.shard_count) +
                             ".timings.json"),
                  timings, 0.0, total, config.threads);
    if (config.progress) std::cerr << "syninfo validate: wrote " << path.string() << '\n';
    std::cout << path.string() << '\n';
    return exit_ok;
  }
  const auto report_start = std::chrono::steady_clock::now();
  const validation::ReportSummary summary = validation::write_report(config, validation::round_trip(records), out_dir);
  const auto end = std::chrono::steady_clock::now();
  write_timings(out_dir / "timings.json", timings, std::chrono::duration<double>(end - report_start).count(),
                std::chrono::duration<double>(end - start).count(), config.threads);
  output->commit();
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
    "       syninfo validate [--scale S] [--config FILE.json] [--seed S] [--no-truth] --print-config\n\n"
    "Runs the paper's three simulation sets with the closed form (double precision; 50-digit\n"
    "verdict and nearest-PD repair for failures), computes the ground truth on subsamples\n"
    "(quadrature for one synapse, sequential Monte Carlo for ensembles) and writes into DIR\n"
    "(default out/validate-SCALE):\n"
    "report.md (the claims table C1-C8 first), the CSVs behind every number, a gnuplot script and\n"
    "PNG per figure, and timings.json (wall-clock times, kept out of report.md).\n\n"
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
    "  --quiet    no progress bars\n",
    &syninfo::cli::run_validate);
