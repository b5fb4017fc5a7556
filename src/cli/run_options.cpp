#include "run_options.hpp"

#include "syninfo/report/atomic_output.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

namespace syninfo::cli {

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

report::ShardPosition shard_option(const Args& args) {
  const auto text = args.get("shard");
  if (!text) return {};
  try {
    return report::parse_shard_position(*text);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

std::filesystem::path checkpoint_beside(const std::filesystem::path& dir) {
  std::filesystem::path d = dir.lexically_normal();
  if (d.has_parent_path() && d.filename().empty()) d = d.parent_path();
  return d.parent_path() / (d.filename().string() + ".checkpoint");
}

std::unique_ptr<report::Checkpoint> open_checkpoint(const Args& args, const std::filesystem::path& fallback,
                                                    const std::string& command, json::Value identity,
                                                    bool force_discards, bool quiet) {
  const auto given = args.get("checkpoint");
  if (given && given->empty()) throw UsageError("--checkpoint needs a directory");
  const std::filesystem::path dir = given ? std::filesystem::path(*given) : fallback;
  if (dir.empty()) {
    if (args.has("resume")) throw UsageError("--resume needs --checkpoint DIR (the checkpoint of the run to continue)");
    return nullptr;
  }
  report::CheckpointSettings s;
  s.dir = dir;
  s.command = command;
  s.identity = std::move(identity);
  s.identity.set("binary", json::Value::string(report::executable_digest()));
  s.resume = args.has("resume");
  s.discard = force_discards && args.has("force");
  s.start_over = force_discards ? "give --force without --resume to discard it and start over"
                                : "remove it to start over";
  auto checkpoint = std::make_unique<report::Checkpoint>(s);
  if (s.resume && !quiet)
    std::cerr << "syninfo " << command << ": resuming from " << checkpoint->dir().string() << ": "
              << checkpoint->resumed() << " finished tasks kept\n";
  return checkpoint;
}

std::string recorded_command(int argc, char** argv, const std::set<std::string>& value_options_dropped,
                             const std::set<std::string>& flags_dropped) {
  std::ostringstream out;
  out << "syninfo";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--", 0) == 0) {
      const auto eq = a.find('=');
      const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      if (flags_dropped.count(name)) continue;
      if (value_options_dropped.count(name)) {
        if (eq == std::string::npos) ++i;  // "--name value"
        continue;
      }
    }
    out << ' ' << a;
  }
  return out.str();
}

}  // namespace syninfo::cli
