// Command-line plumbing of the long-running commands (validate, audit-map,
// truth): shard and output options, the checkpoint of --resume, and the
// command line recorded in a report.
#pragma once

#include "command.hpp"

#include "syninfo/json.hpp"
#include "syninfo/report/checkpoint.hpp"
#include "syninfo/report/shard_files.hpp"

#include <filesystem>
#include <memory>
#include <set>
#include <string>

namespace syninfo::cli {

// Creates DIR if needed and checks that a file can be written there (the
// shard directory, which several shard runs share); UsageError (exit 2)
// otherwise.
void prepare_output_directory(const std::filesystem::path& dir);

// --shard i/n; UsageError when malformed. {0, 1} when not given.
report::ShardPosition shard_option(const Args& args);

// DIR + ".checkpoint" beside DIR (the default checkpoint of a report directory).
std::filesystem::path checkpoint_beside(const std::filesystem::path& dir);

// The checkpoint of a run: at --checkpoint DIR when given, else at
// `fallback` (empty: no checkpoint unless --checkpoint is given), resumed with
// --resume, an old one discarded with --force when `force_discards`. The
// identity gets the binary's digest added. Throws UsageError for --resume
// without a checkpoint location, report::CheckpointRefused (exit 2) when the
// checkpoint cannot be used (names the differing setting on a resume with
// another configuration). Prints to stderr how many tasks were kept.
std::unique_ptr<report::Checkpoint> open_checkpoint(const Args& args, const std::filesystem::path& fallback,
                                                    const std::string& command, json::Value identity,
                                                    bool force_discards, bool quiet);

// The option names the checkpoint adds to a command.
inline const std::set<std::string> checkpoint_options{"checkpoint"};
inline const std::set<std::string> checkpoint_flags{"resume"};

// "syninfo CMD ..." as written in a report: argv without the options that
// cannot change a result (output place, threads, progress, shard, resume),
// so that a resumed or merged run records the same command as a single one.
std::string recorded_command(int argc, char** argv, const std::set<std::string>& value_options_dropped,
                             const std::set<std::string>& flags_dropped);

}  // namespace syninfo::cli
