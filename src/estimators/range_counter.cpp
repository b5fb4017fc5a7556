#include "syninfo/estimators/range_counter.hpp"

#include <algorithm>
#include <cmath>

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

RangeCounter::RangeCounter(const double* points, std::size_t n, std::size_t dims) : dims_(dims) {
  if (dims == 1) {
    sorted_.assign(points, points + n);
    std::sort(sorted_.begin(), sorted_.end());
  } else {
    tree_ = std::make_unique<KdTree>(points, n, dims);
  }
}

std::size_t RangeCounter::count_within(const double* query, double radius) const {
  if (dims_ == 1) return count_within_sorted(sorted_, query[0], radius);
  return tree_->count_within(query, radius, Norm::max);
}

}  // namespace syninfo::estimators
