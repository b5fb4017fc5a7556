// Counting the points of a marginal space within a radius of a query point,
// as the KSG estimator needs for its marginal neighbour counts.
//
// One-dimensional spaces use a sorted copy and two binary searches whose
// predicates evaluate |v - q| exactly as a brute-force scan would (floating
// subtraction is monotone, so the predicates are monotone along the sorted
// array; counts around a sample point gallop outwards from its rank).
// Higher dimensions use a kd-tree range count under the max-norm.
#pragma once

#include "syninfo/estimators/kd_tree.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace syninfo::estimators {

class RangeCounter {
 public:
  // points: n x dims row-major; the counter keeps its own copy.
  RangeCounter(const double* points, std::size_t n, std::size_t dims);

  // Number of points p (the query itself included, if it is one of them)
  // with max-norm distance(query, p) <= radius.
  std::size_t count_within(const double* query, double radius) const;

  // The same count around input point i itself (0 <= i < n): in one
  // dimension a gallop outwards from the point's rank, which costs
  // O(log count) instead of O(log n) and stays in cache.
  std::size_t count_around(std::size_t i, double radius) const;

 private:
  std::size_t dims_;
  std::vector<double> sorted_;     // dims == 1
  std::vector<std::uint32_t> rank_;  // dims == 1: input index -> position in sorted_
  std::unique_ptr<KdTree> tree_;   // dims > 1
};

// Counts along a sorted 1-D array (exposed for testing).
std::size_t count_within_sorted(const std::vector<double>& sorted, double q, double radius);

}  // namespace syninfo::estimators
