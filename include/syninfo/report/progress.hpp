// Progress of a long stage on stderr: a bar with count, rate and remaining
// time, redrawn in place on a terminal and printed every few seconds as plain
// lines otherwise (logs, CI). Thread-safe: tick() may be called from workers.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace syninfo::report {

class Progress {
 public:
  // total = 0: unknown. enabled = false: silent (tests, --quiet).
  Progress(std::string label, std::size_t total, bool enabled = true);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void tick(std::size_t count = 1);
  // Ends the bar with a final line ("label: N done in T s").
  void finish();

 private:
  void draw(bool final_line);

  std::string label_;
  std::size_t total_;
  bool enabled_;
  bool terminal_;
  bool finished_ = false;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace syninfo::report
