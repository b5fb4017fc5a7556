// syninfo merge: combines the shard files of `syninfo validate --shard i/n`
// into exactly the report a single run gives.
#include "command.hpp"

#include "syninfo/report/atomic_output.hpp"
#include "syninfo/validation/report.hpp"
#include "syninfo/validation/shards.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace syninfo::cli {

namespace {

int run_merge(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"out"}, {"quiet", "force"});
  if (args.positional.empty()) throw UsageError("expected one or more shard directories (or shard files)");
  if (!args.get("out")) throw UsageError("--out DIR is required");
  std::vector<std::filesystem::path> files;
  for (const auto& p : args.positional) {
    const std::filesystem::path path(p);
    if (std::filesystem::is_directory(path)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("shard-", 0) == 0 && name.size() > 5 && name.substr(name.size() - 5) == ".json" &&
            name.find(".timings.") == std::string::npos)
          found.push_back(entry.path());
      }
      if (found.empty()) throw UsageError("no shard-*.json files in " + path.string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::is_regular_file(path)) {
      files.push_back(path);
    } else {
      throw UsageError("no such shard directory or file: " + path.string());
    }
  }
  std::vector<validation::ShardFile> shards;
  validation::ValidationConfig config;
  validation::Records records;
  try {
    for (const auto& f : files) {
      try {
        shards.push_back(validation::read_shard_file(f));
      } catch (const validation::ShardError&) {
        throw;
      } catch (const std::bad_alloc&) {
        throw;
      } catch (const std::exception& e) {  // a malformed value in the file is bad input, not an internal failure
        throw UsageError(f.string() + ": not a valid shard file: " + e.what());
      }
    }
    config = validation::config_of_shards(shards);
    records = validation::merge_shards(shards, config);
  } catch (const validation::ShardError& e) {
    throw UsageError(e.what());
  }
  report::AtomicDirectory output(*args.get("out"), args.has("force"));
  const std::filesystem::path out_dir = output.target();
  config.shard_index = 0;
  config.shard_count = 1;
  const validation::ReportSummary summary =
      validation::write_report(config, validation::round_trip(records), output.staging());
  output.commit();
  for (const auto& f : summary.figure_failures) std::cerr << "syninfo merge: figure not drawn: " << f << '\n';
  if (!args.has("quiet"))
    std::cerr << "syninfo merge: " << shards.size() << " shards merged; report in " << (out_dir / "report.md").string() << '\n';
  std::cout << (out_dir / "report.md").string() << '\n';
  return exit_ok;
}

}  // namespace
}  // namespace syninfo::cli

SYNINFO_REGISTER_COMMAND(merge, "merge", "combine `syninfo validate --shard` files into the full report",
                         "usage: syninfo merge SHARD_DIR_OR_FILE... --out DIR [--force] [--quiet]\n\n"
                         "Reads every shard-*.json in the given directories (or the given files), checks that\n"
                         "they come from the same configuration and cover every shard exactly once, and writes\n"
                         "the same report.md, CSVs and figures as a single `syninfo validate` run with that\n"
                         "scale and seed. DIR must be new or empty unless --force; it appears only when the\n"
                         "report is complete (built in a temporary sibling and renamed).\n",
                         &syninfo::cli::run_merge);
