#include "syninfo/estimators/kd_tree.hpp"

#include "syninfo/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <utility>
#include <stdexcept>

namespace syninfo::estimators {

namespace {

// The dimension as a compile-time constant where one is given (D > 0) and
// as the run-time value otherwise.
template <std::size_t D>
inline std::size_t dim_of(std::size_t runtime) noexcept {
  return D ? D : runtime;
}

// Calls f(std::integral_constant<std::size_t, D>{}) with D = d for d in 1..4
// and D = 0 (run-time dimension) otherwise.
template <class F>
void with_dimension(std::size_t d, F&& f) {
  switch (d) {
    case 1: f(std::integral_constant<std::size_t, 1>{}); break;
    case 2: f(std::integral_constant<std::size_t, 2>{}); break;
    case 3: f(std::integral_constant<std::size_t, 3>{}); break;
    case 4: f(std::integral_constant<std::size_t, 4>{}); break;
    default: f(std::integral_constant<std::size_t, 0>{}); break;
  }
}

}  // namespace

KdTree::KdTree(const double* points, std::size_t n, std::size_t dims, std::size_t leaf_size)
    : KdTree(std::vector<double>(points, points + n * dims), dims, leaf_size) {}

KdTree::KdTree(std::vector<double>&& points, std::size_t dims, std::size_t leaf_size)
    : n_(dims > 0 ? points.size() / dims : 0),
      d_(dims),
      leaf_size_(leaf_size > 0 ? leaf_size : std::clamp<std::size_t>(4 * dims, 8, 64)),
      data_(std::move(points)) {
  if (dims == 0) throw std::invalid_argument("KdTree: points need at least one coordinate");
  if (data_.size() % dims != 0)
    throw std::invalid_argument("KdTree: the buffer's length is not a multiple of the dimension");
  if (n_ == 0) throw std::invalid_argument("KdTree: no points");
  if (n_ >= std::numeric_limits<std::uint32_t>::max() / 2) throw std::invalid_argument("KdTree: too many points");
  build_tree();
}

void KdTree::build_tree() {
  // The build keeps data_ and index_ in tree order as it goes, so every pass
  // over a node's points reads memory sequentially.
  index_.resize(n_);
  for (std::size_t i = 0; i < n_; ++i) index_[i] = static_cast<std::uint32_t>(i);
  const std::size_t expected_nodes = 4 * (n_ / leaf_size_ + 1);
  nodes_.reserve(expected_nodes);
  lo_.reserve(expected_nodes * d_);
  hi_.reserve(expected_nodes * d_);
  std::vector<double> scratch;  // for exact medians, rarely needed
  const auto n = static_cast<std::uint32_t>(n_);
  with_dimension(d_, [&](auto dims) { build<decltype(dims)::value>(0, n, scratch); });
  position_.resize(n_);
  for (std::size_t pos = 0; pos < n_; ++pos) position_[index_[pos]] = static_cast<std::uint32_t>(pos);
  // Nodes are numbered in depth-first order, so leaves in id order are in
  // position order.
  for (std::uint32_t id = 0; id < nodes_.size(); ++id)
    if (nodes_[id].left == 0) leaves_.push_back(id);
}

template <std::size_t D>
std::uint32_t KdTree::build(std::uint32_t begin, std::uint32_t end, std::vector<double>& scratch) {
  const std::size_t d = dim_of<D>(d_);
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back(Node{begin, end, 0, 0});
  // The tight bounding box, accumulated in locals (the compiler cannot keep
  // lo_/hi_ in registers: they might alias data_), then appended.
  constexpr std::size_t local_dims = D ? D : 16;
  double lo_acc[local_dims], hi_acc[local_dims];
  const std::size_t box = lo_.size();
  lo_.insert(lo_.end(), d, std::numeric_limits<double>::infinity());
  hi_.insert(hi_.end(), d, -std::numeric_limits<double>::infinity());
  double* data = data_.data();
  for (std::size_t c0 = 0; c0 < d; c0 += local_dims) {
    const std::size_t width = std::min(local_dims, d - c0);
    for (std::size_t c = 0; c < width; ++c) {
      lo_acc[c] = std::numeric_limits<double>::infinity();
      hi_acc[c] = -std::numeric_limits<double>::infinity();
    }
    for (std::size_t p = begin; p < end; ++p) {
      const double* x = data + p * d + c0;
      for (std::size_t c = 0; c < width; ++c) {
        lo_acc[c] = std::min(lo_acc[c], x[c]);
        hi_acc[c] = std::max(hi_acc[c], x[c]);
      }
    }
    std::copy_n(lo_acc, width, lo_.data() + box + c0);
    std::copy_n(hi_acc, width, hi_.data() + box + c0);
  }
  const double* lo = lo_.data() + box;
  const double* hi = hi_.data() + box;
  const std::size_t len = end - begin;
  if (len <= leaf_size_) return id;
  std::size_t split = 0;
  double widest = -1.0;
  for (std::size_t c = 0; c < d; ++c) {
    if (hi[c] - lo[c] > widest) {
      widest = hi[c] - lo[c];
      split = c;
    }
  }
  if (!(widest > 0.0)) return id;  // all points identical: one leaf
  const auto value = [&](std::size_t p) { return data[p * d + split]; };
  // In-place partition of rows (and their indices) so that those satisfying
  // pred come first; returns the boundary. Deterministic, not stable.
  const auto partition = [&](std::size_t first, std::size_t last, auto pred) {
    while (true) {
      while (first < last && pred(value(first))) ++first;
      while (first < last && !pred(value(last - 1))) --last;
      if (first >= last) return first;
      --last;
      for (std::size_t c = 0; c < d; ++c) std::swap(data[first * d + c], data[last * d + c]);
      std::swap(index_[first], index_[last]);
      ++first;
    }
  };
  // The split value: the median of an evenly spaced sample (one pass instead
  // of a selection over the whole node; small nodes take a median of 3).
  // Query results do not depend on the tree's shape, only its speed does; a
  // split worse than 1:7 falls back to the exact median, which bounds the
  // depth.
  constexpr std::size_t max_samples = 31;
  double sample[max_samples];
  const std::size_t samples = len < 256 ? 3 : max_samples;
  for (std::size_t j = 0; j < samples; ++j) sample[j] = value(begin + j * len / samples);
  std::nth_element(sample, sample + samples / 2, sample + samples);
  double pivot = sample[samples / 2];
  std::size_t below = partition(begin, end, [&](double v) { return v < pivot; });
  std::size_t equal_end = partition(below, end, [&](double v) { return v == pivot; });
  std::size_t left = std::clamp<std::size_t>(begin + len / 2, below, equal_end) - begin;
  if (8 * left < len || 8 * left > 7 * len) {
    scratch.resize(len);
    for (std::size_t p = begin; p < end; ++p) scratch[p - begin] = value(p);
    std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(len / 2), scratch.end());
    pivot = scratch[len / 2];
    below = partition(begin, end, [&](double v) { return v < pivot; });
    equal_end = partition(below, end, [&](double v) { return v == pivot; });
    left = std::clamp<std::size_t>(begin + len / 2, below, equal_end) - begin;  // = len / 2
  }
  // Left: the points below the pivot and as many equal to it as balance asks.
  const auto mid = static_cast<std::uint32_t>(begin + left);
  const std::uint32_t left_child = build<D>(begin, mid, scratch);
  const std::uint32_t right_child = build<D>(mid, end, scratch);
  nodes_[id].left = left_child;
  nodes_[id].right = right_child;
  return id;
}

// Query kernels are compiled per norm and, for the common small dimensions,
// per dimension (D = 0: the dimension is read at run time), so the inner
// loops carry no branch on the norm and unroll in 1-4 dimensions.
namespace {

// Max-norm: the distance; Euclidean: the squared distance (the same
// operations, in the same order, as norm.hpp, so results are bit-identical).
template <Norm N, std::size_t D>
inline double metric(const double* p, const double* q, std::size_t runtime_d) noexcept {
  const std::size_t d = dim_of<D>(runtime_d);
  double acc = 0.0;
  for (std::size_t c = 0; c < d; ++c) {
    if constexpr (N == Norm::max) {
      const double t = std::fabs(p[c] - q[c]);
      if (t > acc) acc = t;
    } else {
      const double t = p[c] - q[c];
      acc += t * t;
    }
  }
  return acc;
}

// Bounds: for a coordinate value p in [lo, hi] and any query value q,
// fl(lo - q) <= fl(p - q) when q < lo, and so on, because rounding is
// monotone. So these bounds hold for the distances exactly as computed.
template <Norm N, std::size_t D>
inline double box_min_metric(const double* lo, const double* hi, const double* q, std::size_t runtime_d) noexcept {
  const std::size_t d = dim_of<D>(runtime_d);
  double acc = 0.0;
  for (std::size_t c = 0; c < d; ++c) {
    double gap = 0.0;
    if (q[c] < lo[c]) gap = lo[c] - q[c];
    else if (q[c] > hi[c]) gap = q[c] - hi[c];
    if constexpr (N == Norm::max) acc = std::max(acc, gap);
    else acc += gap * gap;
  }
  return acc;
}

template <Norm N>
inline double box_max_metric(const double* lo, const double* hi, const double* q, std::size_t d) noexcept {
  double acc = 0.0;
  for (std::size_t c = 0; c < d; ++c) {
    const double far = std::max(std::fabs(lo[c] - q[c]), std::fabs(hi[c] - q[c]));
    if constexpr (N == Norm::max) acc = std::max(acc, far);
    else acc += far * far;
  }
  return acc;
}

// Lower bound from any point of box a to any point of box b, by the same
// monotone-rounding argument (b.lo - a.hi <= p - q when p >= b.lo, q <= a.hi).
template <Norm N, std::size_t D>
inline double box_box_min_metric(const double* alo, const double* ahi, const double* blo, const double* bhi,
                                 std::size_t runtime_d) noexcept {
  const std::size_t d = dim_of<D>(runtime_d);
  double acc = 0.0;
  for (std::size_t c = 0; c < d; ++c) {
    double gap = 0.0;
    if (blo[c] > ahi[c]) gap = blo[c] - ahi[c];
    else if (alo[c] > bhi[c]) gap = alo[c] - bhi[c];
    if constexpr (N == Norm::max) acc = std::max(acc, gap);
    else acc += gap * gap;
  }
  return acc;
}

// Visits two children, the one with the smaller bound first: its points
// tighten the k-th distance, so the other is pruned more often.
template <class Visit>
inline void nearer_first(std::uint32_t left, double left_bound, std::uint32_t right, double right_bound,
                         Visit&& visit) {
  if (left_bound <= right_bound) {
    visit(left, left_bound);
    visit(right, right_bound);
  } else {
    visit(right, right_bound);
    visit(left, left_bound);
  }
}

// Inserts dist into best[0..k), ascending, when it is below best[k - 1].
inline void insert_if_nearer(double* best, std::size_t k, double dist) noexcept {
  if (!(dist < best[k - 1])) return;
  std::size_t j = k - 1;
  for (; j > 0 && best[j - 1] > dist; --j) best[j] = best[j - 1];
  best[j] = dist;
}

template <Norm N>
inline double to_distance(double m) noexcept {
  if constexpr (N == Norm::max) return m;
  else return std::sqrt(m);
}

}  // namespace

template <Norm N, std::size_t D>
double KdTree::box_bound(std::uint32_t node, const double* q) const noexcept {
  const std::size_t box = std::size_t{node} * d_;
  return box_min_metric<N, D>(lo_.data() + box, hi_.data() + box, q, d_);
}

template <Norm N, std::size_t D>
void KdTree::visit_nearest(std::uint32_t node, double bound, const double* q, std::size_t self, std::size_t k,
                           std::vector<Neighbour>& heap) const {
  // A box farther than the current k-th neighbour cannot hold a nearer one;
  // one at the same distance can (a point of lower index wins the tie).
  if (heap.size() == k && bound > heap.front().distance) return;
  const Node& nd = nodes_[node];
  if (nd.left == 0) {
    for (std::size_t pos = nd.begin; pos < nd.end; ++pos) {
      const std::size_t idx = index_[pos];
      if (idx == self) continue;
      const Neighbour nb{metric<N, D>(data_.data() + pos * d_, q, d_), idx};
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
  // The children's bounds are computed here once and handed down.
  nearer_first(nd.left, box_bound<N, D>(nd.left, q), nd.right, box_bound<N, D>(nd.right, q),
               [&](std::uint32_t child, double bound) { visit_nearest<N, D>(child, bound, q, self, k, heap); });
}

template <Norm N, std::size_t D>
void KdTree::visit_distances(std::uint32_t node, double bound, const double* q, std::size_t self_pos, std::size_t k,
                             double* best) const {
  // A box no closer than the current k-th distance cannot lower it.
  if (bound >= best[k - 1]) return;
  const Node& nd = nodes_[node];
  if (nd.left == 0) {
    for (std::size_t pos = nd.begin; pos < nd.end; ++pos) {
      if (pos != self_pos) insert_if_nearer(best, k, metric<N, D>(data_.data() + pos * d_, q, d_));
    }
    return;
  }
  nearer_first(nd.left, box_bound<N, D>(nd.left, q), nd.right, box_bound<N, D>(nd.right, q),
               [&](std::uint32_t child, double bound) { visit_distances<N, D>(child, bound, q, self_pos, k, best); });
}

template <Norm N, std::size_t D>
double KdTree::kth_distance_at(std::size_t pos, std::size_t k, std::vector<double>& best) const {
  best.assign(k, std::numeric_limits<double>::infinity());
  const double* q = data_.data() + pos * d_;
  visit_distances<N, D>(0, box_bound<N, D>(0, q), q, pos, k, best.data());
  return to_distance<N>(best[k - 1]);
}

template <Norm N>
double KdTree::kth_distance_dispatch(std::size_t i, std::size_t k) const {
  thread_local std::vector<double> best;  // reused: no allocation per query
  double distance = 0.0;
  with_dimension(d_, [&](auto dims) { distance = kth_distance_at<N, decltype(dims)::value>(position_[i], k, best); });
  return distance;
}

template <Norm N, std::size_t D>
void KdTree::visit_batch(std::uint32_t node, double bound, LeafBatch& batch) const {
  // No point of a box this far can lower any k-th distance of the batch.
  if (bound >= batch.worst) return;
  const Node& nd = nodes_[node];
  const std::size_t k = batch.k;
  if (nd.left == 0) {
    const Node& leaf = *batch.leaf;
    for (std::size_t pos = nd.begin; pos < nd.end; ++pos) {
      const double* p = data_.data() + pos * d_;
      double* best = batch.best.data();
      for (std::size_t qpos = leaf.begin; qpos < leaf.end; ++qpos, best += k)
        if (qpos != pos) insert_if_nearer(best, k, metric<N, D>(p, data_.data() + qpos * d_, d_));
    }
    double worst = 0.0;
    for (std::size_t j = k - 1; j < batch.best.size(); j += k) worst = std::max(worst, batch.best[j]);
    batch.worst = worst;
    return;
  }
  const auto bound_of = [&](std::uint32_t child) {
    const std::size_t box = std::size_t{child} * d_;
    return box_box_min_metric<N, D>(batch.lo, batch.hi, lo_.data() + box, hi_.data() + box, d_);
  };
  nearer_first(nd.left, bound_of(nd.left), nd.right, bound_of(nd.right),
               [&](std::uint32_t child, double bound) { visit_batch<N, D>(child, bound, batch); });
}

// Batches pay in one to three dimensions; beyond, a leaf's box is too large
// for box-to-box bounds to prune well (measured: 2-3x slower in 5-8
// dimensions), and each point is searched on its own, in tree order.
std::size_t KdTree::kth_distance_parts() const noexcept {
  if (d_ > 3) return (n_ + points_per_part - 1) / points_per_part;
  return (leaves_.size() + leaves_per_part - 1) / leaves_per_part;
}

template <Norm N, std::size_t D>
void KdTree::kth_distances_part_dispatch(std::size_t part, std::size_t k, double* out) const {
  if (d_ > 3) {
    std::vector<double> best;
    const std::size_t last = std::min(n_, (part + 1) * points_per_part);
    for (std::size_t pos = part * points_per_part; pos < last; ++pos)
      out[index_[pos]] = kth_distance_at<N, D>(pos, k, best);
    return;
  }
  LeafBatch batch;
  batch.k = k;
  const std::size_t last = std::min(leaves_.size(), (part + 1) * leaves_per_part);
  for (std::size_t l = part * leaves_per_part; l < last; ++l) {
    const Node& leaf = nodes_[leaves_[l]];
    batch.leaf = &leaf;
    batch.lo = lo_.data() + std::size_t{leaves_[l]} * d_;
    batch.hi = hi_.data() + std::size_t{leaves_[l]} * d_;
    batch.best.assign((leaf.end - leaf.begin) * k, std::numeric_limits<double>::infinity());
    batch.worst = std::numeric_limits<double>::infinity();
    visit_batch<N, D>(0, 0.0, batch);
    for (std::size_t qpos = leaf.begin; qpos < leaf.end; ++qpos)
      out[index_[qpos]] = to_distance<N>(batch.best[(qpos - leaf.begin) * k + k - 1]);
  }
}

void KdTree::kth_distances_part(std::size_t part, std::size_t k, Norm norm, double* out) const {
  if (k < 1 || k >= n_) throw std::invalid_argument("KdTree: need 1 <= k < number of points");
  if (part >= kth_distance_parts()) throw std::invalid_argument("KdTree: no such part");
  with_dimension(d_, [&](auto dims) {
    constexpr std::size_t D = decltype(dims)::value;
    if (norm == Norm::max) kth_distances_part_dispatch<Norm::max, D>(part, k, out);
    else kth_distances_part_dispatch<Norm::euclidean, D>(part, k, out);
  });
}

void KdTree::all_kth_neighbour_distances(std::size_t k, Norm norm, std::vector<double>& out, unsigned threads) const {
  if (k < 1 || k >= n_) throw std::invalid_argument("KdTree: need 1 <= k < number of points");
  out.resize(n_);
  parallel_for_each_dynamic(kth_distance_parts(), threads,
                            [&](std::size_t part) { kth_distances_part(part, k, norm, out.data()); });
}

double KdTree::kth_neighbour_distance(std::size_t i, std::size_t k, Norm norm) const {
  if (k < 1 || k >= n_ || i >= n_) throw std::invalid_argument("KdTree: need 1 <= k < number of points");
  return norm == Norm::max ? kth_distance_dispatch<Norm::max>(i, k) : kth_distance_dispatch<Norm::euclidean>(i, k);
}

void KdTree::k_nearest(std::size_t i, std::size_t k, Norm norm, std::vector<Neighbour>& out) const {
  if (k < 1 || k >= n_ || i >= n_) throw std::invalid_argument("KdTree: need 1 <= k < number of points");
  out.clear();
  out.reserve(k);
  const double* q = point(i);
  with_dimension(d_, [&](auto dims) {
    constexpr std::size_t D = decltype(dims)::value;
    if (norm == Norm::max) visit_nearest<Norm::max, D>(0, box_bound<Norm::max, D>(0, q), q, i, k, out);
    else visit_nearest<Norm::euclidean, D>(0, box_bound<Norm::euclidean, D>(0, q), q, i, k, out);
  });
  std::sort_heap(out.begin(), out.end());
  if (norm == Norm::euclidean)
    for (auto& nb : out) nb.distance = std::sqrt(nb.distance);
}

template <Norm N>
std::size_t KdTree::count_node(std::uint32_t node, const double* q, double radius) const {
  const double* lo = lo_.data() + std::size_t{node} * d_;
  const double* hi = hi_.data() + std::size_t{node} * d_;
  if (to_distance<N>(box_min_metric<N, 0>(lo, hi, q, d_)) > radius) return 0;
  const Node& nd = nodes_[node];
  if (to_distance<N>(box_max_metric<N>(lo, hi, q, d_)) <= radius) return nd.end - nd.begin;
  if (nd.left == 0) {
    std::size_t count = 0;
    for (std::size_t pos = nd.begin; pos < nd.end; ++pos)
      if (to_distance<N>(metric<N, 0>(data_.data() + pos * d_, q, d_)) <= radius) ++count;
    return count;
  }
  return count_node<N>(nd.left, q, radius) + count_node<N>(nd.right, q, radius);
}

std::size_t KdTree::count_within(const double* query, double radius, Norm norm) const {
  return norm == Norm::max ? count_node<Norm::max>(0, query, radius) : count_node<Norm::euclidean>(0, query, radius);
}

}  // namespace syninfo::estimators
