#include "syninfo/report/atomic_output.hpp"

#include <cerrno>
#include <csignal>
#include <system_error>
#include <vector>
#include <unistd.h>

namespace syninfo::report {
namespace fs = std::filesystem;

namespace {

// "a/b/" names the directory b: drop the empty last component.
fs::path without_trailing_separator(fs::path p) {
  p = p.lexically_normal();
  if (p.has_parent_path() && p.filename().empty()) p = p.parent_path();
  return p;
}

fs::path partial_name(const fs::path& target) {
  return target.parent_path() / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
}

// Creates the parent directory of target if needed.
void make_parent(const fs::path& target) {
  const fs::path parent = target.parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw OutputRefused("cannot create output directory " + parent.string() + ": " + ec.message());
  if (!fs::is_directory(parent)) throw OutputRefused(parent.string() + " is not a directory");
}

}  // namespace

AtomicDirectory::AtomicDirectory(fs::path target, bool force) : target_(without_trailing_separator(std::move(target))) {
  if (target_.empty() || target_ == "." || target_ == ".." || target_.filename() == "..")
    throw OutputRefused("output directory '" + target_.string() + "' must name a new or empty directory");
  std::error_code ec;
  const auto status = fs::status(target_, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) throw OutputRefused("output path " + target_.string() + " is not a directory");
    if (!force && !fs::is_empty(target_, ec))
      throw OutputRefused("output directory " + target_.string() +
                          " is not empty (give --force to replace it; its contents are removed when the run succeeds)");
  }
  make_parent(target_);
  staging_ = partial_name(target_);
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec) || ec)
    throw OutputRefused("cannot create output directory " + staging_.string() + ": " +
                        (ec ? ec.message() : std::string("it exists")));
  // A write probe: a directory that accepts mkdir may still refuse files.
  {
    std::ofstream probe(staging_ / ".write-test");
    if (!probe || !(probe << "x") || !probe.flush()) {
      fs::remove_all(staging_, ec);
      throw OutputRefused("output directory " + target_.parent_path().string() + " is not writable");
    }
  }
  fs::remove(staging_ / ".write-test", ec);
}

AtomicDirectory::~AtomicDirectory() {
  if (committed_ || staging_.empty()) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void AtomicDirectory::commit() {
  std::error_code ec;
  fs::path old;
  if (fs::exists(target_, ec)) {
    // An empty target is replaced by rename itself; a non-empty one (with
    // force) is moved aside first and removed once the new one is in place.
    if (!fs::is_empty(target_, ec)) {
      old = target_.parent_path() / ("." + target_.filename().string() + ".old-" + std::to_string(::getpid()));
      fs::remove_all(old, ec);
      fs::rename(target_, old, ec);
      if (ec) throw std::runtime_error("cannot move the old " + target_.string() + " aside: " + ec.message());
    } else {
      fs::remove(target_, ec);
    }
  }
  fs::rename(staging_, target_, ec);
  if (ec) throw std::runtime_error("cannot rename " + staging_.string() + " to " + target_.string() + ": " + ec.message());
  committed_ = true;
  if (!old.empty()) fs::remove_all(old, ec);
}

AtomicFile::AtomicFile(fs::path target, bool replace) : target_(std::move(target)) {
  std::error_code ec;
  const auto status = fs::status(target_, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status)) throw OutputRefused("output file " + target_.string() + " is a directory");
    if (!replace) throw OutputRefused("output file " + target_.string() + " exists (give --force to replace it)");
  }
  temporary_ = partial_name(target_);
  out_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!out_) throw OutputRefused("cannot write " + target_.string() + " (no such directory, or not writable)");
}

AtomicFile::~AtomicFile() {
  if (committed_ || temporary_.empty()) return;
  out_.close();
  std::error_code ec;
  fs::remove(temporary_, ec);
}

void AtomicFile::commit() {
  out_.flush();
  const bool written = static_cast<bool>(out_);
  out_.close();
  if (!written || out_.fail()) throw std::runtime_error("error writing " + target_.string() + " (disk full?)");
  std::error_code ec;
  fs::rename(temporary_, target_, ec);
  if (ec) throw std::runtime_error("cannot rename " + temporary_.string() + " to " + target_.string() + ": " + ec.message());
  committed_ = true;
}

std::size_t remove_stale_partials(const fs::path& target_path) {
  const fs::path target = without_trailing_separator(target_path);
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = "." + target.filename().string() + ".partial-";
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto id = static_cast<pid_t>(std::stol(pid));
    if (id != ::getpid() && ::kill(id, 0) != 0 && errno == ESRCH) stale.push_back(entry.path());
  }
  std::size_t removed = 0;
  for (const auto& p : stale) {
    std::error_code rm;
    fs::remove_all(p, rm);
    removed += !rm;
  }
  return removed;
}

void write_file_atomically(const fs::path& path, const std::string& text) {
  AtomicFile file(path);
  file.stream() << text;
  file.commit();
}

}  // namespace syninfo::report
