// Deterministic parallel loops: work is split into fixed index ranges, so a
// result that depends only on the index (and not on which thread ran it) is
// identical for every thread count.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace syninfo {

// Threads to use when the caller says 0: the hardware's count (at least 1).
inline unsigned default_threads() {
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1u : hw;
}

// Calls body(begin, end) on disjoint ranges covering [0, n). The first
// exception thrown by any range is rethrown in the caller.
template <class Body>
void parallel_for(std::size_t n, unsigned threads, Body&& body) {
  if (threads == 0) threads = default_threads();
  const std::size_t workers = std::min<std::size_t>(threads, std::max<std::size_t>(n, 1));
  if (workers <= 1 || n < 2) {
    body(std::size_t{0}, n);
    return;
  }
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::vector<std::thread> pool;
  pool.reserve(workers);
  const std::size_t chunk = (n + workers - 1) / workers;
  for (std::size_t w = 0; w < workers; ++w) {
    const std::size_t begin = w * chunk;
    const std::size_t end = std::min(n, begin + chunk);
    if (begin >= end) break;
    pool.emplace_back([&, begin, end] {
      try {
        body(begin, end);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    });
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

// Hands out the items 0 .. n-1, each once, to whichever thread asks next:
// load balancing for items of uneven cost, or for threads that start late.
// Results stay thread-count independent as long as each item's work depends
// only on the item.
class WorkCounter {
 public:
  explicit WorkCounter(std::size_t n) : n_(n) {}
  // The next item, or false when none is left.
  bool take(std::size_t& item) noexcept {
    item = next_.fetch_add(1, std::memory_order_relaxed);
    return item < n_;
  }
  // Lets every later take() fail (after an error elsewhere).
  void cancel() noexcept { next_.store(n_, std::memory_order_relaxed); }

 private:
  std::atomic<std::size_t> next_{0};
  std::size_t n_;
};

// Calls body(i) for every i in [0, n) on up to `threads` threads (0: all
// cores), each thread taking the next item from a WorkCounter. The first
// exception is rethrown in the caller, and the remaining items are dropped.
template <class Body>
void parallel_for_each_dynamic(std::size_t n, unsigned threads, Body&& body) {
  WorkCounter items(n);
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto work = [&] {
    try {
      for (std::size_t i; items.take(i);) body(i);
    } catch (...) {
      items.cancel();
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  if (threads == 0) threads = default_threads();
  const std::size_t helpers = std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)) - 1;
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (std::size_t w = 0; w < helpers; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace syninfo
