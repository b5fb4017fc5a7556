// The finished tasks of a long run, kept on disk as they finish, so that an
// interrupted run (killed, out of time on a cluster, a full disk) can be
// continued with `--resume` and give exactly the results of an uninterrupted
// run (`syninfo validate`, `audit-map`, `truth`).
//
// Layout of a checkpoint directory (e.g. `out/validate-quick.checkpoint/`):
//   checkpoint.json  what the run is: format, command, and its identity (the
//                    full configuration, seed, shard, inputs and a digest of
//                    the syninfo binary: everything the results depend on,
//                    never the thread count). Written once, atomically.
//   tasks.jsonl      one line per finished task, {"key": ..., "value": ...},
//                    appended with a single write(2) each; a torn last line
//                    (the process died while writing it) is dropped on resume.
//                    A killed process loses nothing it appended (the kernel
//                    has it); the file is synced to the disk (fdatasync) by
//                    the first append a second or more after the last sync,
//                    and when the checkpoint is closed, so a power failure
//                    loses at most the lines since the last sync.
// A checkpoint directory is never a report: the report appears (atomically,
// atomic_output.hpp) only when the run has finished, and the checkpoint is
// then removed. While a run uses a checkpoint it holds an exclusive lock
// (flock) on tasks.jsonl, so a second run on the same checkpoint is refused.
//
// Testing hook: with the environment variable SYNINFO_STOP_AFTER_TASKS=N the
// process stops right after its N-th appended task with exit code
// kStoppedExitCode (75), without unwinding or cleaning up, as if it had been
// killed at that moment (the tests interrupt and resume runs with it).
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/report/atomic_output.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

namespace syninfo::report {

// Exit code of a run stopped by SYNINFO_STOP_AFTER_TASKS.
inline constexpr int kStoppedExitCode = 75;

// The checkpoint cannot be used: it belongs to a different run (the message
// names the first field of the identity that differs), it is damaged, it is
// missing for --resume, it exists without --resume, or another run holds it.
// An OutputRefused, so commands exit 2 before any work.
class CheckpointRefused : public OutputRefused {
 public:
  using OutputRefused::OutputRefused;
};

struct CheckpointSettings {
  std::filesystem::path dir;
  std::string command;         // "validate", "audit-map", "truth": for messages and checkpoint.json
  json::Value identity;        // everything the results depend on; compared on resume
  bool resume = false;         // continue the run kept in dir (which must exist)
  bool discard = false;        // start over, removing a checkpoint found in dir (--force)
  std::string start_over;      // how to discard it, for messages: "give --force to discard it and start over"
};

class Checkpoint {
 public:
  // Creates dir (a fresh run) or reads it (resume); throws CheckpointRefused.
  // A fresh run refuses a dir that holds a checkpoint unless discard is set.
  explicit Checkpoint(const CheckpointSettings& settings);
  ~Checkpoint();
  Checkpoint(const Checkpoint&) = delete;
  Checkpoint& operator=(const Checkpoint&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // The value a finished task was stored with, or nullptr.
  const json::Value* find(const std::string& key) const;
  // Tasks read from the directory when the run started (0 for a fresh run).
  std::size_t resumed() const { return resumed_; }
  // Stores a finished task (thread-safe). Throws std::runtime_error (exit 1)
  // when the write fails.
  void append(const std::string& key, const json::Value& value);
  // Flushes everything to the disk and removes the directory: call once the
  // run's output is in place.
  void remove();

 private:
  void open_fresh(const CheckpointSettings& settings);
  void open_existing(const CheckpointSettings& settings);
  void read_tasks();
  void lock_tasks();

  std::filesystem::path dir_;
  std::map<std::string, json::Value> tasks_;
  std::size_t resumed_ = 0;
  int fd_ = -1;
  std::mutex mutex_;
  std::size_t appended_ = 0, stop_after_ = 0;
  double last_sync_ = 0.0;
};

// 16 hex digits of a hash (FNV-1a, 64 bits) of the running executable's file
// (/proc/self/exe): recorded in a checkpoint's identity, so that a resume with
// a different build is refused. "unknown" when the file cannot be read.
std::string executable_digest();

}  // namespace syninfo::report
