#include "syninfo/estimators/kd_tree.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace syninfo::estimators {

KdTree::KdTree(const double* points, std::size_t n, std::size_t dims, std::size_t leaf_size)
    : n_(n), d_(dims), leaf_size_(leaf_size > 0 ? leaf_size : std::clamp<std::size_t>(4 * dims, 8, 64)) {
  if (dims == 0) throw std::invalid_argument("KdTree: points need at least one coordinate");
  if (n == 0) throw std::invalid_argument("KdTree: no points");
  if (n >= std::numeric_limits<std::uint32_t>::max() / 2)
    throw std::invalid_argument("KdTree: too many points");
  // The build keeps data_ and index_ in tree order as it goes, so every pass
  // over a node's points reads memory sequentially.
  data_.assign(points, points + n * dims);
  index_.resize(n);
  for (std::size_t i = 0; i < n; ++i) index_[i] = i;
  nodes_.reserve(2 * (n / leaf_size_ + 1));
  BuildScratch scratch;
  scratch.keys.resize(n);
  scratch.rows.resize(n * dims);
  scratch.index.resize(n);
  build(0, n, scratch);
  position_.assign(n, 0);
  for (std::size_t pos = 0; pos < n; ++pos) position_[index_[pos]] = pos;
}

std::uint32_t KdTree::build(std::size_t begin, std::size_t end, BuildScratch& scratch) {
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back(Node{begin, end, 0, 0});
  lo_.resize(lo_.size() + d_);
  hi_.resize(hi_.size() + d_);
  double* lo = lo_.data() + static_cast<std::size_t>(id) * d_;
  double* hi = hi_.data() + static_cast<std::size_t>(id) * d_;
  for (std::size_t c = 0; c < d_; ++c) {
    lo[c] = std::numeric_limits<double>::infinity();
    hi[c] = -std::numeric_limits<double>::infinity();
  }
  for (std::size_t p = begin; p < end; ++p) {
    const double* x = data_.data() + p * d_;
    for (std::size_t c = 0; c < d_; ++c) {
      lo[c] = std::min(lo[c], x[c]);
      hi[c] = std::max(hi[c], x[c]);
    }
  }
  if (end - begin <= leaf_size_) return id;
  std::size_t split = 0;
  double widest = -1.0;
  for (std::size_t c = 0; c < d_; ++c) {
    if (hi[c] - lo[c] > widest) {
      widest = hi[c] - lo[c];
      split = c;
    }
  }
  if (!(widest > 0.0)) return id;  // all points identical: one leaf
  // Median split on (coordinate, input index): deterministic with ties.
  const std::size_t mid = begin + (end - begin) / 2;
  auto* keys = scratch.keys.data();
  for (std::size_t p = begin; p < end; ++p) keys[p] = {data_[p * d_ + split], index_[p], p};
  std::nth_element(keys + begin, keys + mid, keys + end, [](const BuildKey& a, const BuildKey& b) {
    return a.value < b.value || (a.value == b.value && a.index < b.index);
  });
  // Move the rows into the new order.
  for (std::size_t p = begin; p < end; ++p) {
    std::copy_n(data_.data() + keys[p].position * d_, d_, scratch.rows.data() + p * d_);
    scratch.index[p] = keys[p].index;
  }
  std::copy(scratch.rows.data() + begin * d_, scratch.rows.data() + end * d_, data_.data() + begin * d_);
  std::copy(scratch.index.data() + begin, scratch.index.data() + end, index_.data() + begin);
  const std::uint32_t left = build(begin, mid, scratch);
  const std::uint32_t right = build(mid, end, scratch);
  nodes_[id].left = left;
  nodes_[id].right = right;
  return id;
}

// Bounds: for a coordinate value p in [lo, hi] and any query value q,
// fl(lo - q) <= fl(p - q) when q < lo, and so on, because rounding is
// monotone. So these bounds hold for the distances exactly as computed.
double KdTree::box_min(std::uint32_t node, const double* q, Norm norm) const noexcept {
  const double* lo = lo_.data() + static_cast<std::size_t>(node) * d_;
  const double* hi = hi_.data() + static_cast<std::size_t>(node) * d_;
  double acc = 0.0;
  for (std::size_t c = 0; c < d_; ++c) {
    double gap = 0.0;
    if (q[c] < lo[c]) gap = lo[c] - q[c];
    else if (q[c] > hi[c]) gap = q[c] - hi[c];
    if (norm == Norm::max) acc = std::max(acc, gap);
    else acc += gap * gap;
  }
  return acc;
}

double KdTree::box_max(std::uint32_t node, const double* q, Norm norm) const noexcept {
  const double* lo = lo_.data() + static_cast<std::size_t>(node) * d_;
  const double* hi = hi_.data() + static_cast<std::size_t>(node) * d_;
  double acc = 0.0;
  for (std::size_t c = 0; c < d_; ++c) {
    const double far = std::max(std::fabs(lo[c] - q[c]), std::fabs(hi[c] - q[c]));
    if (norm == Norm::max) acc = std::max(acc, far);
    else acc += far * far;
  }
  return acc;
}

// Max-norm: the distance; Euclidean: the squared distance.
double KdTree::point_metric(std::size_t pos, const double* q, Norm norm) const noexcept {
  const double* p = data_.data() + pos * d_;
  return norm == Norm::max ? max_norm_distance(p, q, d_) : squared_euclidean(p, q, d_);
}

template <bool Identity>
void KdTree::visit(std::uint32_t node, const double* q, std::size_t self, std::size_t k, Norm norm,
                   std::vector<Neighbour>& heap) const {
  if (heap.size() == k) {
    const double bound = box_min(node, q, norm);
    // Only the k-th distance is wanted: a box no closer than it cannot change
    // it. With identities, an equally distant point of lower index can.
    if (Identity ? bound > heap.front().distance : bound >= heap.front().distance) return;
  }
  const Node& nd = nodes_[node];
  if (nd.left == 0) {
    for (std::size_t pos = nd.begin; pos < nd.end; ++pos) {
      const std::size_t idx = index_[pos];
      if (idx == self) continue;
      const Neighbour nb{point_metric(pos, q, norm), idx};
      if (heap.size() < k) {
        heap.push_back(nb);
        std::push_heap(heap.begin(), heap.end());
      } else if (nb < heap.front()) {
        std::pop_heap(heap.begin(), heap.end());
        heap.back() = nb;
        std::push_heap(heap.begin(), heap.end());
      }
    }
    return;
  }
  const double bl = box_min(nd.left, q, norm);
  const double br = box_min(nd.right, q, norm);
  if (bl <= br) {
    visit<Identity>(nd.left, q, self, k, norm, heap);
    visit<Identity>(nd.right, q, self, k, norm, heap);
  } else {
    visit<Identity>(nd.right, q, self, k, norm, heap);
    visit<Identity>(nd.left, q, self, k, norm, heap);
  }
}

double KdTree::kth_neighbour_distance(std::size_t i, std::size_t k, Norm norm) const {
  if (k < 1 || k >= n_ || i >= n_) throw std::invalid_argument("KdTree: need 1 <= k < number of points");
  thread_local std::vector<Neighbour> heap;  // reused: no allocation per query
  heap.clear();
  heap.reserve(k);
  visit<false>(0, data_.data() + position_[i] * d_, i, k, norm, heap);
  const double m = heap.front().distance;
  return norm == Norm::max ? m : std::sqrt(m);
}

void KdTree::k_nearest(std::size_t i, std::size_t k, Norm norm, std::vector<Neighbour>& out) const {
  if (k < 1 || k >= n_ || i >= n_) throw std::invalid_argument("KdTree: need 1 <= k < number of points");
  out.clear();
  out.reserve(k);
  visit<true>(0, data_.data() + position_[i] * d_, i, k, norm, out);
  std::sort_heap(out.begin(), out.end());
  if (norm == Norm::euclidean)
    for (auto& nb : out) nb.distance = std::sqrt(nb.distance);
}

std::size_t KdTree::count_node(std::uint32_t node, const double* q, double radius, Norm norm) const {
  const auto to_distance = [norm](double m) { return norm == Norm::max ? m : std::sqrt(m); };
  if (to_distance(box_min(node, q, norm)) > radius) return 0;
  const Node& nd = nodes_[node];
  if (to_distance(box_max(node, q, norm)) <= radius) return nd.end - nd.begin;
  if (nd.left == 0) {
    std::size_t count = 0;
    for (std::size_t pos = nd.begin; pos < nd.end; ++pos)
      if (to_distance(point_metric(pos, q, norm)) <= radius) ++count;
    return count;
  }
  return count_node(nd.left, q, radius, norm) + count_node(nd.right, q, radius, norm);
}

std::size_t KdTree::count_within(const double* query, double radius, Norm norm) const {
  return count_node(0, query, radius, norm);
}

}  // namespace syninfo::estimators
