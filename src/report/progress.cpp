#include "syninfo/report/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace syninfo::report {
namespace {

std::string format_seconds(double s) {
  char buf[32];
  if (s < 60) std::snprintf(buf, sizeof buf, "%.0fs", s);
  else if (s < 3600) std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
  else std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s) / 3600, (static_cast<int>(s) / 60) % 60);
  return buf;
}

}  // namespace

Progress::Progress(std::string label, std::size_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled), terminal_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

Progress::~Progress() { finish(); }

void Progress::tick(std::size_t count) {
  done_ += count;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  // Terminals redraw 5 times a second; logs get a line every 10 seconds.
  const auto interval = terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(10000);
  std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock() || now - last_draw_ < interval) return;
  last_draw_ = now;
  draw(false);
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (finished_) return;
  finished_ = true;
  if (enabled_) draw(true);
}

void Progress::draw(bool final_line) {
  const std::size_t done = done_.load();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = label_ + ": ";
  if (final_line) {
    line += std::to_string(done) + " done in " + format_seconds(elapsed);
  } else if (total_ > 0) {
    const double fraction = done >= total_ ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
    const int width = 24, filled = static_cast<int>(fraction * width);
    line += "[" + std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(width - filled), '.') +
            "] " + std::to_string(done) + "/" + std::to_string(total_);
    if (done > 0 && fraction < 1.0) line += ", ~" + format_seconds(elapsed * (1.0 - fraction) / fraction) + " left";
  } else {
    line += std::to_string(done) + " done, " + format_seconds(elapsed);
  }
  if (terminal_) std::fprintf(stderr, "\r\033[K%s%s", line.c_str(), final_line ? "\n" : "");
  else std::fprintf(stderr, "%s\n", line.c_str());
  std::fflush(stderr);
}

}  // namespace syninfo::report
