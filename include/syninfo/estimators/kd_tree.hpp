// A kd-tree for exact nearest-neighbour and range-count queries under the
// max-norm or the Euclidean norm.
//
// Build: O(N log N) (median split on the widest coordinate, tight bounding
// box per node). Queries are exact: every pruning test compares a bound that
// is computed with the same floating-point operations as the distances
// themselves (rounding is monotone), so results equal a brute-force scan bit
// for bit, duplicates and ties included. The tree is immutable after
// construction and safe to query from many threads at once.
#pragma once

#include "syninfo/estimators/norm.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace syninfo::estimators {

// A neighbour of a query point: its index in the input and its distance.
// Neighbours are ordered by (distance, index), which makes the set of the k
// nearest unique even when distances tie.
struct Neighbour {
  double distance;
  std::size_t index;
  friend bool operator<(const Neighbour& a, const Neighbour& b) noexcept {
    return a.distance < b.distance || (a.distance == b.distance && a.index < b.index);
  }
};

class KdTree {
 public:
  // points: n x dims, row-major (point i is points[i*dims .. i*dims+dims)).
  // leaf_size 0 picks 4 * dims points per leaf, within [8, 64] (measured:
  // larger leaves pay off in 8 dimensions, small ones in 2).
  KdTree(const double* points, std::size_t n, std::size_t dims, std::size_t leaf_size = 0);

  std::size_t size() const noexcept { return n_; }
  std::size_t dims() const noexcept { return d_; }

  // Distance from input point i to its k-th nearest neighbour among the other
  // points (j != i; exact duplicates of point i count, at distance 0).
  // Requires 1 <= k < size().
  double kth_neighbour_distance(std::size_t i, std::size_t k, Norm norm) const;

  // The k nearest neighbours of input point i among the others, ascending in
  // (distance, index). Requires 1 <= k < size().
  void k_nearest(std::size_t i, std::size_t k, Norm norm, std::vector<Neighbour>& out) const;

  // Number of points p (the query itself included, if it is a point of the
  // tree) with distance(query, p) <= radius. Strict counting is
  // count_within(q, std::nextafter(r, 0.0)).
  std::size_t count_within(const double* query, double radius, Norm norm) const;

 private:
  struct Node {
    std::size_t begin, end;       // range in order_/data_
    std::uint32_t left, right;    // children; 0 for a leaf (node 0 is the root)
  };
  struct BuildKey {
    double value;
    std::size_t index, position;
  };
  struct BuildScratch {
    std::vector<BuildKey> keys;
    std::vector<double> rows;
    std::vector<std::size_t> index;
  };
  std::uint32_t build(std::size_t begin, std::size_t end, BuildScratch& scratch);
  // Lower bound (same units as the comparisons: Euclidean squared) of the
  // distance from q to the box of node.
  double box_min(std::uint32_t node, const double* q, Norm norm) const noexcept;
  double box_max(std::uint32_t node, const double* q, Norm norm) const noexcept;
  double point_metric(std::size_t pos, const double* q, Norm norm) const noexcept;
  template <bool Identity>
  void visit(std::uint32_t node, const double* q, std::size_t self, std::size_t k, Norm norm,
             std::vector<Neighbour>& heap) const;
  std::size_t count_node(std::uint32_t node, const double* q, double radius, Norm norm) const;

  std::size_t n_, d_, leaf_size_;
  std::vector<double> data_;         // points in tree order, row-major
  std::vector<std::size_t> index_;   // tree position -> input index
  std::vector<std::size_t> position_;// input index -> tree position
  std::vector<Node> nodes_;
  std::vector<double> lo_, hi_;      // per node bounding box, dims each
};

}  // namespace syninfo::estimators
