#include "syninfo/report/checkpoint.hpp"

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/file.h>
#include <system_error>
#include <unistd.h>

namespace syninfo::report {
namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "syninfo-checkpoint-1";
constexpr const char* kHeader = "checkpoint.json";
constexpr const char* kTasks = "tasks.jsonl";

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CheckpointRefused("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// SYNINFO_STOP_AFTER_TASKS (see the header): 0 when unset.
std::size_t stop_after_from_environment() {
  const char* text = std::getenv("SYNINFO_STOP_AFTER_TASKS");
  if (!text || !*text) return 0;
  const std::string s(text);
  if (s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos || std::stoul(s) == 0)
    throw std::invalid_argument("SYNINFO_STOP_AFTER_TASKS must be a positive integer, got '" + s + "'");
  return std::stoul(s);
}

// A value for a message: its compact text, shortened.
std::string shown(const json::Value* v) {
  if (!v) return "(absent)";
  std::string s = v->dump(-1);
  return s.size() > 80 ? s.substr(0, 77) + "..." : s;
}

const json::Value* at_path(const json::Value& root, const std::string& path) {
  // path is "identity.a.b[2]" as produced by json::difference_path.
  const json::Value* v = &root;
  std::size_t i = std::string("identity").size();
  while (v && i < path.size()) {
    if (path[i] == '.') {
      const std::size_t end = path.find_first_of(".[", i + 1);
      const std::string key = path.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
      v = v->is_object() ? v->find(key) : nullptr;
      i = end == std::string::npos ? path.size() : end;
    } else if (path[i] == '[') {
      const std::size_t end = path.find(']', i);
      const std::size_t index = std::stoul(path.substr(i + 1, end - i - 1));
      v = v->is_array() && index < v->as_array().size() ? &v->as_array()[index] : nullptr;
      i = end + 1;
    } else {
      return nullptr;
    }
  }
  return v;
}

void write_all(int fd, const std::string& text, const fs::path& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("cannot append to " + path.string() + ": " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

Checkpoint::Checkpoint(const CheckpointSettings& s) : dir_(s.dir.lexically_normal()) {
  if (dir_.has_parent_path() && dir_.filename().empty()) dir_ = dir_.parent_path();
  stop_after_ = stop_after_from_environment();
  std::error_code ec;
  const bool has_header = fs::exists(dir_ / kHeader, ec);
  if (s.resume) {
    if (!has_header)
      throw CheckpointRefused("--resume: no checkpoint in " + dir_.string() +
                              " (a run that finished removes its checkpoint; without --resume a new run starts)");
    open_existing(s);
    return;
  }
  if (has_header) {
    if (!s.discard)
      throw CheckpointRefused(dir_.string() + " holds the checkpoint of an unfinished " + s.command +
                              " run: give --resume to continue it, or " + s.start_over);
    fs::remove_all(dir_, ec);
    if (ec) throw CheckpointRefused("cannot remove the old checkpoint " + dir_.string() + ": " + ec.message());
  } else if (fs::exists(dir_, ec) && (!fs::is_directory(dir_, ec) || !fs::is_empty(dir_, ec))) {
    throw CheckpointRefused("checkpoint directory " + dir_.string() +
                            " exists and is not a checkpoint (no checkpoint.json): name another one");
  }
  open_fresh(s);
}

Checkpoint::~Checkpoint() {
  if (fd_ < 0) return;
  ::fdatasync(fd_);
  ::close(fd_);
}

void Checkpoint::lock_tasks() {
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw CheckpointRefused("checkpoint " + dir_.string() + " is in use by another running syninfo");
  }
}

void Checkpoint::open_fresh(const CheckpointSettings& s) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw CheckpointRefused("cannot create checkpoint directory " + dir_.string() + (ec ? ": " + ec.message() : ""));
  const fs::path tasks = dir_ / kTasks;
  fd_ = ::open(tasks.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw CheckpointRefused("cannot write checkpoint " + tasks.string() + ": " + std::strerror(errno));
  lock_tasks();
  if (::ftruncate(fd_, 0) != 0)
    throw CheckpointRefused("cannot write checkpoint " + tasks.string() + ": " + std::strerror(errno));
  const json::Value header =
      json::Value::object()
          .set("format", json::Value::string(kFormat))
          .set("command", json::Value::string(s.command))
          .set("note", json::Value::string("an unfinished run, not a report: its finished tasks are in tasks.jsonl; "
                                           "`syninfo " + s.command + " ... --resume` continues it"))
          .set("identity", s.identity);
  try {
    write_file_atomically(dir_ / kHeader, header.dump() + '\n');
  } catch (const std::runtime_error& e) {
    throw CheckpointRefused(e.what());
  }
  last_sync_ = now_seconds();
}

void Checkpoint::open_existing(const CheckpointSettings& s) {
  const fs::path header_path = dir_ / kHeader;
  json::Value header;
  try {
    header = json::parse(read_text(header_path));
  } catch (const json::ParseError& e) {
    throw CheckpointRefused(header_path.string() + ": " + e.what());
  }
  const json::Value* format = header.is_object() ? header.find("format") : nullptr;
  const json::Value* command = header.is_object() ? header.find("command") : nullptr;
  const json::Value* identity = header.is_object() ? header.find("identity") : nullptr;
  if (!format || !format->is_string() || format->as_string() != kFormat || !identity)
    throw CheckpointRefused(header_path.string() + ": not a syninfo checkpoint (format " + kFormat + ")");
  if (!command || !command->is_string() || command->as_string() != s.command)
    throw CheckpointRefused(dir_.string() + " is the checkpoint of `syninfo " +
                            (command && command->is_string() ? command->as_string() : std::string("?")) +
                            "`, not of `syninfo " + s.command + "`");
  const std::string differs = json::difference_path(*identity, s.identity, "identity");
  if (!differs.empty())
    throw CheckpointRefused("cannot resume: " + dir_.string() + " was made by a different run (" + differs +
                            " is " + shown(at_path(*identity, differs)) + " there, " +
                            shown(at_path(s.identity, differs)) +
                            " now); resume with the settings it was made with, or " + s.start_over);
  const fs::path tasks = dir_ / kTasks;
  fd_ = ::open(tasks.c_str(), O_RDWR | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) throw CheckpointRefused("cannot open checkpoint " + tasks.string() + ": " + std::strerror(errno));
  lock_tasks();
  read_tasks();
  last_sync_ = now_seconds();
}

void Checkpoint::read_tasks() {
  const fs::path tasks = dir_ / kTasks;
  const std::string text = read_text(tasks);
  std::size_t start = 0, line = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // torn last line: dropped below
    ++line;
    const std::string where = tasks.string() + " line " + std::to_string(line);
    json::Value v;
    try {
      v = json::parse(std::string_view(text).substr(start, end - start));
    } catch (const json::ParseError& e) {
      throw CheckpointRefused(where + " is damaged: " + e.what());
    }
    const json::Value* key = v.is_object() ? v.find("key") : nullptr;
    const json::Value* value = v.is_object() ? v.find("value") : nullptr;
    if (!key || !key->is_string() || !value) throw CheckpointRefused(where + " is damaged: expected {\"key\", \"value\"}");
    tasks_.emplace(key->as_string(), *value);
    start = end + 1;
  }
  // A line the interrupted run did not finish writing is cut off, so that
  // the next append starts a fresh line.
  if (start < text.size() && ::ftruncate(fd_, static_cast<off_t>(start)) != 0)
    throw CheckpointRefused("cannot repair " + tasks.string() + ": " + std::strerror(errno));
  resumed_ = tasks_.size();
}

const json::Value* Checkpoint::find(const std::string& key) const {
  const auto it = tasks_.find(key);
  return it == tasks_.end() ? nullptr : &it->second;
}

void Checkpoint::append(const std::string& key, const json::Value& value) {
  const std::string line =
      json::Value::object().set("key", json::Value::string(key)).set("value", value).dump(-1) + '\n';
  std::lock_guard<std::mutex> lock(mutex_);
  if (fd_ < 0) throw std::logic_error("checkpoint " + dir_.string() + " is closed");
  write_all(fd_, line, dir_ / kTasks);
  const double now = now_seconds();
  if (now - last_sync_ >= 1.0) {
    ::fdatasync(fd_);
    last_sync_ = now;
  }
  if (stop_after_ != 0 && ++appended_ == stop_after_) {
    // The testing hook: stop here as a kill would (no unwinding, no cleanup).
    ::fdatasync(fd_);
    const std::string message = "syninfo: SYNINFO_STOP_AFTER_TASKS=" + std::to_string(stop_after_) +
                                " reached: stopping as if killed (checkpoint " + dir_.string() + ")\n";
    [[maybe_unused]] const ssize_t ignored = ::write(2, message.data(), message.size());
    std::_Exit(kStoppedExitCode);
  }
}

void Checkpoint::remove() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string executable_digest() {
  static const std::string digest = [] {
    std::ifstream in("/proc/self/exe", std::ios::binary);
    if (!in) return std::string("unknown");
    std::uint64_t h = 1469598103934665603ull;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      const std::streamsize n = in.gcount();
      for (std::streamsize i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(buffer[i]);
        h *= 1099511628211ull;
      }
      if (!in) break;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return std::string(text);
  }();
  return digest;
}

}  // namespace syninfo::report
