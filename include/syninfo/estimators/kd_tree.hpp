// A kd-tree for exact nearest-neighbour and range-count queries under the
// max-norm or the Euclidean norm.
//
// Build: O(N log N) (split near the median of the widest coordinate, tight
// bounding box per node). Queries are exact: every pruning test compares a
// bound that is computed with the same floating-point operations as the
// distances themselves (rounding is monotone), so results equal a brute-force scan bit
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
  // The same, adopting the caller's buffer (n * dims values) instead of
  // copying it: the tree reorders it in place.
  KdTree(std::vector<double>&& points, std::size_t dims, std::size_t leaf_size = 0);

  std::size_t size() const noexcept { return n_; }
  std::size_t dims() const noexcept { return d_; }

  // Distance from input point i to its k-th nearest neighbour among the other
  // points (j != i; exact duplicates of point i count, at distance 0).
  // Requires 1 <= k < size().
  double kth_neighbour_distance(std::size_t i, std::size_t k, Norm norm) const;

  // kth_neighbour_distance for every point at once: out[i] for input index i,
  // bit for bit the same values. In one to three dimensions the points of a
  // leaf share one traversal (pruned by box-to-box bounds), which costs less
  // than a search per point. Work is spread over `threads` threads (0: all
  // cores); the result does not depend on the thread count.
  void all_kth_neighbour_distances(std::size_t k, Norm norm, std::vector<double>& out, unsigned threads = 0) const;

  // The same work in independent parts, for callers that share it among
  // their own threads: part p (0 <= p < kth_distance_parts()) writes out[i]
  // for the points it covers, and the parts together cover every point once.
  // out must hold size() values.
  std::size_t kth_distance_parts() const noexcept;
  void kth_distances_part(std::size_t part, std::size_t k, Norm norm, double* out) const;

  // The k nearest neighbours of input point i among the others, ascending in
  // (distance, index). Requires 1 <= k < size().
  void k_nearest(std::size_t i, std::size_t k, Norm norm, std::vector<Neighbour>& out) const;

  // Number of points p (the query itself included, if it is a point of the
  // tree) with distance(query, p) <= radius. Strict counting is
  // count_within(q, std::nextafter(r, 0.0)).
  std::size_t count_within(const double* query, double radius, Norm norm) const;

  // The coordinates of input point i (dims() values).
  const double* point(std::size_t i) const noexcept { return data_.data() + std::size_t{position_[i]} * d_; }

  // The input index of the point at tree position pos (0 <= pos < size()).
  // Consecutive positions are spatial neighbours, so queries issued in
  // position order reuse the cache.
  std::size_t index_at(std::size_t pos) const noexcept { return index_[pos]; }

 private:
  // Indices are 32-bit (the constructor checks n): half the memory of
  // size_t, and memory is much of the cost of a build.
  struct Node {
    std::uint32_t begin, end;     // range in index_/data_
    std::uint32_t left, right;    // children; 0 for a leaf (node 0 is the root)
  };
  void build_tree();
  template <std::size_t D>
  std::uint32_t build(std::uint32_t begin, std::uint32_t end, std::vector<double>& scratch);
  // Lower bound (max-norm distance, or squared Euclidean distance) from q to
  // the node's box.
  template <Norm N, std::size_t D>
  double box_bound(std::uint32_t node, const double* q) const noexcept;
  // The k nearest in (distance, index) order, as a max-heap; bound is the
  // node's box_bound, computed by the caller.
  template <Norm N, std::size_t D>
  void visit_nearest(std::uint32_t node, double bound, const double* q, std::size_t self, std::size_t k,
                     std::vector<Neighbour>& heap) const;
  // Only the k smallest distances, ascending in best[0..k) (+inf until
  // found): no indices and no heap, for kth_neighbour_distance.
  template <Norm N, std::size_t D>
  void visit_distances(std::uint32_t node, double bound, const double* q, std::size_t self_pos, std::size_t k,
                       double* best) const;
  // The k-th neighbour distance of the point at tree position pos, using
  // best as scratch.
  template <Norm N, std::size_t D>
  double kth_distance_at(std::size_t pos, std::size_t k, std::vector<double>& best) const;
  template <Norm N>
  double kth_distance_dispatch(std::size_t i, std::size_t k) const;
  // One leaf's points as a batch of queries: best holds k ascending
  // distances per point of the leaf; worst is the largest k-th among them.
  struct LeafBatch {
    const Node* leaf;
    const double *lo, *hi;
    std::size_t k;
    std::vector<double> best;
    double worst;
  };
  template <Norm N, std::size_t D>
  void visit_batch(std::uint32_t node, double bound, LeafBatch& batch) const;
  template <Norm N, std::size_t D>
  void kth_distances_part_dispatch(std::size_t part, std::size_t k, double* out) const;
  // Batched parts are runs of this many leaves; per-point parts (beyond
  // three dimensions) runs of this many points.
  static constexpr std::size_t leaves_per_part = 32, points_per_part = 256;
  template <Norm N>
  std::size_t count_node(std::uint32_t node, const double* q, double radius) const;

  std::size_t n_, d_, leaf_size_;
  std::vector<double> data_;            // points in tree order, row-major
  std::vector<std::uint32_t> index_;    // tree position -> input index
  std::vector<std::uint32_t> position_; // input index -> tree position
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> leaves_;   // leaf node ids, in position order
  std::vector<double> lo_, hi_;         // per node bounding box, dims each
};

}  // namespace syninfo::estimators
