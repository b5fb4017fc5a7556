// syninfo merge: combines the shard files of `syninfo validate --shard i/n`
// or of `syninfo audit-map --shard i/n` into exactly the output a single run
// gives (the first file's format says which).
#include "command.hpp"

#include "syninfo/audit/audit_map.hpp"
#include "syninfo/audit/audit_map_shards.hpp"
#include "syninfo/report/atomic_output.hpp"
#include "syninfo/report/shard_files.hpp"
#include "syninfo/validation/report.hpp"
#include "syninfo/validation/shards.hpp"

#include <filesystem>
#include <iostream>
#include <new>
#include <utility>

namespace syninfo::cli {

namespace {

struct ParsedShard {
  std::string source;
  json::Value value;
};

// A malformed value in a shard file is bad input, not an internal failure.
template <class Read>
auto read_shard(const ParsedShard& s, Read read) {
  try {
    return read(s.value, s.source);
  } catch (const report::ShardError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw UsageError(s.source + ": not a valid shard file: " + e.what());
  }
}

void merge_validate(const std::vector<ParsedShard>& files, const Args& args) {
  std::vector<validation::ShardFile> shards;
  for (const auto& f : files) shards.push_back(read_shard(f, &validation::shard_from_json));
  validation::ValidationConfig config = validation::config_of_shards(shards);
  const validation::Records records = validation::merge_shards(shards, config);
  report::AtomicDirectory output(*args.get("out"), args.has("force"));
  config.shard_index = 0;
  config.shard_count = 1;
  const validation::ReportSummary summary =
      validation::write_report(config, validation::round_trip(records), output.staging());
  output.commit();
  for (const auto& f : summary.figure_failures) std::cerr << "syninfo merge: figure not drawn: " << f << '\n';
  const std::filesystem::path report = output.target() / "report.md";
  if (!args.has("quiet"))
    std::cerr << "syninfo merge: " << shards.size() << " validate shards merged; report in " << report.string() << '\n';
  std::cout << report.string() << '\n';
}

void merge_audit_map(const std::vector<ParsedShard>& files, const Args& args) {
  std::vector<audit::AuditMapShard> shards;
  for (const auto& f : files) shards.push_back(read_shard(f, &audit::audit_map_shard_from_json));
  const audit::AuditMap map = audit::merge_audit_map_shards(shards);
  report::AtomicDirectory output(*args.get("out"), args.has("force"));
  const auto written = audit::write_audit_map(map, output.staging());
  output.commit();
  const std::filesystem::path summary = output.target() / "audit_map.md";
  if (!args.has("quiet"))
    std::cerr << "syninfo merge: " << shards.size() << " audit-map shards merged (" << map.points.size()
              << " points); summary in " << summary.string() << '\n';
  std::cout << summary.string() << '\n';
}

int run_merge(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"out"}, {"quiet", "force"});
  if (args.positional.empty()) throw UsageError("expected one or more shard directories (or shard files)");
  if (!args.get("out")) throw UsageError("--out DIR is required");
  try {
    std::vector<ParsedShard> files;
    for (const auto& path : report::find_shard_files(args.positional)) {
      try {
        files.push_back({path.string(), json::parse(report::read_shard_text(path))});
      } catch (const json::ParseError& e) {
        throw report::ShardError(path.string() + ": " + e.what());
      }
    }
    const std::string format = report::shard_format(files.front().value);
    for (const auto& f : files)
      if (report::shard_format(f.value) != format)
        throw report::ShardError(f.source + ": a shard of another command than " + files.front().source);
    if (format == validation::kShardFormat) {
      merge_validate(files, args);
    } else if (format == audit::kAuditMapShardFormat) {
      merge_audit_map(files, args);
    } else {
      throw report::ShardError(files.front().source + ": unknown shard format (not a shard of validate or audit-map)");
    }
  } catch (const report::ShardError& e) {
    throw UsageError(e.what());
  }
  return exit_ok;
}

}  // namespace
}  // namespace syninfo::cli

SYNINFO_REGISTER_COMMAND(merge, "merge", "combine `syninfo validate --shard` or `audit-map --shard` files into the full output",
                         "usage: syninfo merge SHARD_DIR_OR_FILE... --out DIR [--force] [--quiet]\n\n"
                         "Reads every shard-*.json in the given directories (or the given files), checks that\n"
                         "they come from the same configuration and cover every shard exactly once, and writes\n"
                         "the same output as a single run: for `syninfo validate --shard` shards the report.md,\n"
                         "CSVs and figures of `syninfo validate` with that scale and seed; for `syninfo\n"
                         "audit-map --shard` shards the files of `syninfo audit-map` with those options. DIR must\n"
                         "be new or empty unless --force; it appears only when it is complete (built in a\n"
                         "temporary sibling and renamed).\n",
                         &syninfo::cli::run_merge);
