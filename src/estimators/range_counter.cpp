#include "syninfo/estimators/range_counter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

namespace syninfo::estimators {

std::size_t count_within_sorted(const std::vector<double>& sorted, double q, double radius) {
  if (!(radius >= 0.0)) return 0;  // no distance is negative
  // Below q, xi - v decreases as v grows; above q, v - q grows with v.
  // Both are exactly the |v - q| of a brute-force scan (fl(q - v) = -fl(v - q)).
  const auto first = std::partition_point(sorted.begin(), sorted.end(),
                                          [q, radius](double v) { return v < q && q - v > radius; });
  const auto last = std::partition_point(first, sorted.end(),
                                         [q, radius](double v) { return v <= q || v - q <= radius; });
  return static_cast<std::size_t>(last - first);
}

namespace {

// The first position in [first, first + len) where pred fails (pred holds on
// a prefix). Branch-free halving: the loop runs log2(len) times whatever the
// data, and the compiler turns the step into a conditional move, which costs
// less than the mispredicted branches of std::partition_point.
template <class Pred>
std::size_t first_failing(const double* data, std::size_t first, std::size_t len, Pred pred) {
  if (len == 0) return first;
  const double* base = data + first;
  while (len > 1) {
    const std::size_t half = len / 2;
    base = pred(base[half - 1]) ? base + half : base;
    len -= half;
  }
  return static_cast<std::size_t>(base - data) + (pred(*base) ? 1 : 0);
}

// The same two boundaries as count_within_sorted, found by galloping outwards
// from position p, where sorted[p] == q: O(log count) probes, all near p.
std::size_t count_around_sorted(const std::vector<double>& sorted, std::size_t p, double radius) {
  if (!(radius >= 0.0)) return 0;
  const double* s = sorted.data();
  const double q = s[p];
  // Non-short-circuit '&' and '|': both sides are cheap and the result feeds
  // a conditional move.
  const auto below = [q, radius](double v) { return (v < q) & (q - v > radius); };     // left of the range
  const auto inside = [q, radius](double v) { return (v <= q) | (v - q <= radius); };  // up to the range's end
  // Left boundary: below() is false at p; gallop left until it holds.
  std::size_t step = 1, hi = p;  // below(s[hi]) is false
  while (step <= hi && !below(s[hi - step])) {
    hi -= step;
    step *= 2;
  }
  const std::size_t lo_limit = step <= hi ? hi - step : 0;
  const std::size_t first = first_failing(s, lo_limit, hi - lo_limit, below);
  // Right boundary: inside() holds at p; gallop right until it fails.
  const std::size_t n = sorted.size();
  std::size_t lo = p;  // inside(s[lo]) holds
  step = 1;
  while (lo + step < n && inside(s[lo + step])) {
    lo += step;
    step *= 2;
  }
  const std::size_t hi_limit = std::min(n, lo + step);
  const std::size_t last = first_failing(s, lo + 1, hi_limit - (lo + 1), inside);
  return last - first;
}

// p becomes its inverse (p[p_old[i]] = i), in place: each cycle is walked
// once, and visited entries are marked by the top bit (indices are below 2^31).
void invert_permutation(std::vector<std::uint32_t>& p) {
  constexpr std::uint32_t done = std::uint32_t{1} << 31;
  for (std::size_t start = 0; start < p.size(); ++start) {
    if (p[start] & done) continue;
    std::uint32_t from = static_cast<std::uint32_t>(start), to = p[start];
    while (!(p[to] & done) && to != start) {
      const std::uint32_t next = p[to];
      p[to] = from | done;
      from = to;
      to = next;
    }
    p[to] = from | done;
  }
  for (auto& v : p) v &= ~done;
}

}  // namespace

RangeCounter::RangeCounter(const double* points, std::size_t n, std::size_t dims) : dims_(dims) {
  if (n >= std::numeric_limits<std::uint32_t>::max() / 2)
    throw std::invalid_argument("RangeCounter: too many points");
  if (dims == 1) {
    // Sort the input indices by value (ties in any order: a point only needs
    // some position holding its value), so each point knows its rank. Sorting
    // 32-bit indices moves a quarter of the bytes of (value, index) pairs.
    rank_.resize(n);
    for (std::size_t i = 0; i < n; ++i) rank_[i] = static_cast<std::uint32_t>(i);
    std::sort(rank_.begin(), rank_.end(), [points](std::uint32_t a, std::uint32_t b) { return points[a] < points[b]; });
    sorted_.resize(n);
    for (std::size_t r = 0; r < n; ++r) sorted_[r] = points[rank_[r]];
    // rank_ holds the order (rank -> index); invert it in place into
    // index -> rank by following its cycles.
    invert_permutation(rank_);
  } else {
    tree_ = std::make_unique<KdTree>(points, n, dims);
  }
}

std::size_t RangeCounter::count_around(std::size_t i, double radius) const {
  if (dims_ == 1) return count_around_sorted(sorted_, rank_[i], radius);
  return tree_->count_within(tree_->point(i), radius, Norm::max);
}

std::size_t RangeCounter::count_within(const double* query, double radius) const {
  if (dims_ == 1) return count_within_sorted(sorted_, query[0], radius);
  return tree_->count_within(query, radius, Norm::max);
}

}  // namespace syninfo::estimators
