// syninfo calibrate: a design over the lost parameters of the reconstruction,
// and at each point the closed-form statistics the paper reports (C2, C4, C5,
// C6) with their distance to the paper's numbers; or, with --merge, the
// outputs of a set of shards.
#include "command.hpp"

#include "syninfo/calibration/design.hpp"
#include "syninfo/calibration/point_statistics.hpp"
#include "syninfo/calibration/report.hpp"
#include "syninfo/calibration/results.hpp"
#include "syninfo/parallel.hpp"
#include "syninfo/report/atomic_output.hpp"
#include "syninfo/report/progress.hpp"
#include "syninfo/validation/config_json.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace syninfo::cli {
namespace {

calibration::Design read_design(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError("cannot read --design file " + file);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return calibration::design_from_json(json::parse(text.str()));
  } catch (const json::ParseError& e) {
    throw UsageError(file + ": " + e.what());
  } catch (const calibration::DesignError& e) {
    throw UsageError(file + ": " + e.what());
  }
}

std::pair<std::size_t, std::size_t> shard_of(const std::string& text) {
  const auto slash = text.find('/');
  const auto bad = [&] { return UsageError("--shard expects i/n with 0 <= i < n, got '" + text + "'"); };
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size() || text.size() > 19) throw bad();
  const std::string a = text.substr(0, slash), b = text.substr(slash + 1);
  if (a.find_first_not_of("0123456789") != std::string::npos || b.find_first_not_of("0123456789") != std::string::npos)
    throw bad();
  const std::size_t i = std::stoul(a), n = std::stoul(b);
  if (n == 0 || i >= n) throw bad();
  return {i, n};
}

std::string command_line(int argc, char** argv) {
  std::string out = "syninfo";
  for (int i = 1; i < argc; ++i) out += std::string(" ") + argv[i];
  return out;
}

int write_outputs(const calibration::Design& design, const std::vector<calibration::PointResult>& results,
                  report::AtomicDirectory& output, const std::filesystem::path& requested, bool progress,
                  const std::string& command) {
  const calibration::CalibrationFiles files = calibration::write_calibration(design, results, output.staging(), command);
  output.commit();
  for (const auto& f : files.figure_failures) std::cerr << "syninfo calibrate: figure not drawn: " << f << '\n';
  if (progress) std::cerr << "syninfo calibrate: report in " << (requested / "report.md").string() << '\n';
  std::cout << (requested / "report.md").string() << '\n';
  return exit_ok;
}

// The configuration of one design point as `validate --config` reads it: the
// point runs without the truth, but the printed configuration keeps the
// scale's truth setting, so that validate at the point is the full run.
int print_point_config(const calibration::Design& design, const std::string& point_text) {
  const std::vector<json::Value> points = calibration::design_points(design);
  if (point_text.empty() || point_text.size() > 9 || point_text.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError("--point expects a point index (0 to " + std::to_string(points.size() - 1) + "), got '" +
                     point_text + "'");
  const std::size_t k = std::stoul(point_text);
  if (k >= points.size())
    throw UsageError("--point " + point_text + ": the design has " + std::to_string(points.size()) +
                     " points (0 to " + std::to_string(points.size() - 1) + ")");
  validation::ValidationConfig config = calibration::config_at(design, points[k]);
  config.truth = validation::config_for_scale(design.scale).truth;
  std::cout << validation::config_to_documented_json(config).dump() << '\n';
  return exit_ok;
}

int run_calibrate(int argc, char** argv) {
  const Args args =
      parse_args(argc, argv, 2, {"design", "out", "threads", "shard", "merge", "point"}, {"force", "quiet", "print-config"});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional.front() + "'");
  const bool progress = !args.has("quiet");
  const std::filesystem::path requested = args.get_or("out", "out/calibration");
  if (const auto dir = args.get("merge")) {
    if (args.has("design") || args.has("shard")) throw UsageError("--merge DIR takes no --design or --shard");
    report::AtomicDirectory output(requested, args.has("force"));
    calibration::MergedShards merged;
    try {
      merged = calibration::merge_calibration_shards(*dir);
    } catch (const calibration::ShardError& e) {
      throw UsageError(e.what());
    }
    return write_outputs(merged.design, merged.results, output, requested, progress,
                         command_line(argc, argv) + "   (merging the shards of `syninfo calibrate --design FILE --shard i/n`)");
  }
  const auto file = args.get("design");
  if (!file) throw UsageError("--design FILE.json is required (or --merge DIR)");
  const calibration::Design design = read_design(*file);
  if (args.has("print-config") || args.has("point")) {
    if (!args.has("print-config") || !args.has("point"))
      throw UsageError("--point K and --print-config go together (the configuration of design point K)");
    if (args.has("shard") || args.has("out")) throw UsageError("--print-config takes no --shard or --out");
    return print_point_config(design, *args.get("point"));
  }
  std::size_t shard_index = 0, shard_count = 1;
  const bool sharded = args.has("shard");
  if (sharded) std::tie(shard_index, shard_count) = shard_of(*args.get("shard"));
  unsigned threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  if (threads == 0) threads = default_threads();

  // Refuse an unusable output before the work.
  std::optional<report::AtomicFile> shard_out;
  std::optional<report::AtomicDirectory> output;
  if (sharded) {
    std::error_code ec;
    std::filesystem::create_directories(requested, ec);
    if (ec || !std::filesystem::is_directory(requested))
      throw UsageError("cannot create output directory " + requested.string() + (ec ? ": " + ec.message() : ""));
    shard_out.emplace(requested / calibration::calibration_shard_name(shard_index, shard_count), args.has("force"));
  } else {
    output.emplace(requested, args.has("force"));
  }

  const std::vector<json::Value> points = calibration::design_points(design);
  std::vector<std::size_t> mine;
  for (std::size_t k = 0; k < points.size(); ++k)
    if (k % shard_count == shard_index) mine.push_back(k);
  std::vector<calibration::PointResult> results;
  report::Progress bar("calibrate: design points", mine.size(), progress);
  for (std::size_t k : mine) {
    validation::ValidationConfig config = calibration::config_at(design, points[k]);
    config.threads = threads;  // results do not depend on it
    calibration::PointResult r;
    r.index = k;
    r.point = points[k];
    r.statistics = calibration::point_statistics(config);
    results.push_back(std::move(r));
    bar.tick();
  }
  bar.finish();
  if (sharded) {
    const auto path = shard_out->target();
    shard_out->stream() << calibration::shard_to_json(design, shard_index, shard_count, results).dump(-1) << '\n';
    shard_out->commit();
    if (progress) std::cerr << "syninfo calibrate: wrote " << path.string() << '\n';
    std::cout << path.string() << '\n';
    return exit_ok;
  }
  return write_outputs(design, results, *output, requested, progress, command_line(argc, argv));
}

}  // namespace
}  // namespace syninfo::cli

SYNINFO_REGISTER_COMMAND(
    calibrate, "calibrate", "sweep the lost parameters and compare the closed form's statistics with the paper's numbers",
    "usage: syninfo calibrate --design FILE.json [--out DIR] [--threads T] [--shard i/n] [--force] [--quiet]\n"
    "       syninfo calibrate --merge SHARD_DIR [--out DIR] [--force] [--quiet]\n"
    "       syninfo calibrate --design FILE.json --point K --print-config\n\n"
    "At each point of the design (a grid or a seeded Latin-hypercube random design over\n"
    "configuration fields, see docs/calibration.md), runs sets 2, 3 and the Fig. 4 run with the\n"
    "closed form only and computes the statistics the paper reports: C2's and C4's log-log\n"
    "correlations (sets 2 and 3), C5's corr(mean I/n, n) and corr(sd I/n, n), C6's invalid\n"
    "fraction, each with its 95% interval and its distance z to the paper's value, and a\n"
    "combined discrepancy (rms z). Writes into DIR (default out/calibration): points.csv,\n"
    "heat maps of the discrepancy over each pair of parameters, report.md (and report.html,\n"
    "the same as one self-contained page), design.json.\n\n"
    "  --design   the design file (JSON: scale, base, layout, points, seed, parameters)\n"
    "  --threads  worker threads (default: all cores); results do not depend on it\n"
    "  --shard    i/n: compute points i, i+n, ... and write DIR/calibration-shard-i-of-n.json\n"
    "  --merge    combine the shards in SHARD_DIR (same design, every point once) into DIR\n"
    "  --point K --print-config\n"
    "             write design point K's full configuration (validate --config reads it)\n"
    "  --force    replace a non-empty DIR (or an existing shard file)\n"
    "  --quiet    no progress bar\n",
    &syninfo::cli::run_calibrate);
