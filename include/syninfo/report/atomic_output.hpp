// Outputs that appear complete or not at all.
//
// A command builds its output under a temporary sibling name (a directory
// ".NAME.partial-PID" or a file ".NAME.partial-PID") and renames it into place
// when it has finished, so a run that fails or is killed never leaves a
// complete-looking report, nor new files mixed with an old run's. Everything
// that can be checked before the work starts (the target is usable, the
// parent is writable, an existing directory is empty or --force was given) is
// checked by the constructor, which throws OutputRefused (exit 2).
#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace syninfo::report {

// The output cannot be used: it exists and is not empty (without force), it
// is not a directory / not a file, or its directory is not writable.
class OutputRefused : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// An output directory. The work is written into staging(); commit() renames
// it to target() (replacing an existing target only when force was given).
// Without commit() the destructor removes the staging directory.
class AtomicDirectory {
 public:
  AtomicDirectory(std::filesystem::path target, bool force);
  ~AtomicDirectory();
  AtomicDirectory(const AtomicDirectory&) = delete;
  AtomicDirectory& operator=(const AtomicDirectory&) = delete;

  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }
  // Throws std::runtime_error (exit 1) when the rename fails.
  void commit();

 private:
  std::filesystem::path target_, staging_;
  bool committed_ = false;
};

// An output file, written through stream() and renamed to target() by
// commit() after a successful flush. An existing target is replaced only
// when replace is true (otherwise OutputRefused names --force).
class AtomicFile {
 public:
  AtomicFile(std::filesystem::path target, bool replace = true);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  const std::filesystem::path& target() const { return target_; }
  // Throws std::runtime_error (exit 1) when writing or the rename failed
  // (e.g. a full disk); the target is then left as it was.
  void commit();

 private:
  std::filesystem::path target_, temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

// Removes what runs that were killed left of target: the temporary siblings
// ".NAME.partial-PID" (directories or files) whose process PID no longer
// exists (a resumed run calls it; a live run's staging is never touched).
// Returns how many.
std::size_t remove_stale_partials(const std::filesystem::path& target);

// The whole of text written to path by an AtomicFile.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

}  // namespace syninfo::report
