// Fast neighbour searches (kd-tree, sorted 1-D counts) against brute force.
// All comparisons are exact (==): the fast searches are specified to agree
// with a scan over norm.hpp's distance() bit for bit.
#include "syninfo/estimators/kd_tree.hpp"
#include "syninfo/estimators/range_counter.hpp"
#include "syninfo/random.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace syninfo::estimators;

namespace {

// n points in d dimensions, row-major, with many exact duplicates (every
// fourth point copies an earlier one) and coordinates on a coarse grid in
// some columns (ties in single coordinates).
std::vector<double> points_with_duplicates(std::size_t n, std::size_t d, std::uint64_t seed) {
  std::vector<double> p(n * d);
  for (std::size_t i = 0; i < n; ++i) {
    syninfo::Rng rng(seed, i);
    if (i > 0 && i % 4 == 0) {
      const std::size_t j = rng.uniform_int(0, i - 1);
      std::copy_n(p.begin() + static_cast<std::ptrdiff_t>(j * d), d, p.begin() + static_cast<std::ptrdiff_t>(i * d));
      continue;
    }
    for (std::size_t c = 0; c < d; ++c)
      p[i * d + c] = (c % 2 == 1) ? std::floor(rng.uniform() * 8.0) / 8.0 : rng.normal();
  }
  return p;
}

std::vector<double> brute_distances(const std::vector<double>& p, std::size_t n, std::size_t d, std::size_t i,
                                    Norm norm) {
  std::vector<double> out;
  for (std::size_t j = 0; j < n; ++j)
    if (j != i) out.push_back(distance(p.data() + i * d, p.data() + j * d, d, norm));
  return out;
}

}  // namespace

TEST_CASE("kd-tree k-th neighbour distance equals brute force", "[neighbours]") {
  for (std::size_t d : {1u, 2u, 3u, 8u}) {
    for (Norm norm : {Norm::max, Norm::euclidean}) {
      const std::size_t n = 700;
      const auto p = points_with_duplicates(n, d, 10 + d);
      const KdTree tree(p.data(), n, d, 5);
      for (std::size_t k : {1u, 2u, 4u, 9u}) {
        for (std::size_t i = 0; i < n; i += 3) {
          auto dist = brute_distances(p, n, d, i, norm);
          std::nth_element(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(k - 1), dist.end());
          INFO("d = " << d << ", k = " << k << ", i = " << i);
          REQUIRE(tree.kth_neighbour_distance(i, k, norm) == dist[k - 1]);
        }
      }
    }
  }
}

TEST_CASE("kd-tree k-th distances of all points at once equal brute force", "[neighbours]") {
  // Dimensions 1-3 take the leaf-batched search, 4 and 8 the per-point one.
  for (std::size_t d : {1u, 2u, 3u, 4u, 8u}) {
    for (Norm norm : {Norm::max, Norm::euclidean}) {
      const std::size_t n = 900;
      const auto p = points_with_duplicates(n, d, 50 + d);
      for (std::size_t leaf : {0u, 3u}) {  // the default leaf size, and tiny leaves
        const KdTree tree(p.data(), n, d, leaf);
        for (std::size_t k : {1u, 3u, 7u}) {
          std::vector<double> all;
          tree.all_kth_neighbour_distances(k, norm, all, 1);
          REQUIRE(all.size() == n);
          for (std::size_t i = 0; i < n; ++i) {
            auto dist = brute_distances(p, n, d, i, norm);
            std::nth_element(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(k - 1), dist.end());
            INFO("d = " << d << ", leaf = " << leaf << ", k = " << k << ", i = " << i);
            REQUIRE(all[i] == dist[k - 1]);
          }
          // Thread count and the part-by-part interface give the same values.
          std::vector<double> threaded;
          tree.all_kth_neighbour_distances(k, norm, threaded, 3);
          REQUIRE(threaded == all);
          std::vector<double> by_part(n, std::nan(""));
          for (std::size_t part = tree.kth_distance_parts(); part-- > 0;)
            tree.kth_distances_part(part, k, norm, by_part.data());
          REQUIRE(by_part == all);
        }
      }
    }
  }
}

TEST_CASE("kd-tree k nearest in (distance, index) order equal brute force", "[neighbours]") {
  for (std::size_t d : {1u, 2u, 3u, 8u}) {
    const std::size_t n = 500, k = 5;
    const auto p = points_with_duplicates(n, d, 20 + d);
    const KdTree tree(p.data(), n, d, 4);
    std::vector<Neighbour> fast;
    for (std::size_t i = 0; i < n; i += 2) {
      std::vector<Neighbour> all;
      for (std::size_t j = 0; j < n; ++j)
        if (j != i) all.push_back({distance(p.data() + i * d, p.data() + j * d, d, Norm::max), j});
      std::sort(all.begin(), all.end());
      tree.k_nearest(i, k, Norm::max, fast);
      REQUIRE(fast.size() == k);
      for (std::size_t t = 0; t < k; ++t) {
        INFO("d = " << d << ", i = " << i << ", t = " << t);
        REQUIRE(fast[t].index == all[t].index);
        REQUIRE(fast[t].distance == all[t].distance);
      }
    }
  }
}

TEST_CASE("range counts, strict and non-strict, equal brute force", "[neighbours]") {
  for (std::size_t d : {1u, 2u, 3u, 8u}) {
    const std::size_t n = 600;
    const auto p = points_with_duplicates(n, d, 30 + d);
    const KdTree tree(p.data(), n, d, 6);
    const RangeCounter counter(p.data(), n, d);
    for (std::size_t i = 0; i < n; i += 3) {
      const double* q = p.data() + i * d;
      // Radii that are exactly attained distances (the hard case for
      // strict vs non-strict), zero, and an unattained one.
      const auto dist = brute_distances(p, n, d, i, Norm::max);
      for (double r : {dist[(i * 7) % dist.size()], dist[(i * 13 + 1) % dist.size()], 0.0, 0.37}) {
        for (bool strict : {false, true}) {
          // Strict: the next double below r (below 0 when r = 0).
          const double radius = strict ? std::nextafter(r, -1.0) : r;
          std::size_t brute = 0, brute_euclid = 0;
          for (std::size_t j = 0; j < n; ++j) {
            const double dm = distance(q, p.data() + j * d, d, Norm::max);
            const double de = distance(q, p.data() + j * d, d, Norm::euclidean);
            brute += strict ? dm < r : dm <= r;
            brute_euclid += de <= radius;
          }
          INFO("d = " << d << ", i = " << i << ", r = " << r << ", strict = " << strict);
          REQUIRE(counter.count_within(q, radius) == brute);
          REQUIRE(counter.count_around(i, radius) == brute);
          REQUIRE(tree.count_within(q, radius, Norm::max) == brute);
          REQUIRE(tree.count_within(q, radius, Norm::euclidean) == brute_euclid);
        }
      }
    }
  }
}

TEST_CASE("sorted 1-D counts at radii where q + r rounds", "[neighbours]") {
  // Values whose differences from q round: the count must follow |v - q| as
  // computed, not the rounded interval [q - r, q + r].
  std::vector<double> v;
  const double q = 0.1;
  for (int t = -40; t <= 40; ++t) v.push_back(q + t * 0.1 + t * 1e-17);
  std::sort(v.begin(), v.end());
  for (double r : {0.1, 0.2, 0.30000000000000004, 1.0, 2.5, std::nextafter(0.3, 0.0)}) {
    std::size_t brute = 0;
    for (double x : v) brute += std::fabs(x - q) <= r;
    REQUIRE(count_within_sorted(v, q, r) == brute);
  }
}

TEST_CASE("1-D counts around a sample point, galloping across long runs of ties", "[neighbours]") {
  // Runs of equal values longer than any gallop step, and radii reaching
  // the ends of the array: the boundaries found by galloping from the
  // point's rank must be those of a full scan.
  std::vector<double> p;
  for (int run = 0; run < 9; ++run)
    for (int t = 0; t < (run % 3 == 0 ? 70 : 1 + run); ++t) p.push_back(0.25 * (run * 7 % 9));
  const RangeCounter counter(p.data(), p.size(), 1);
  for (std::size_t i = 0; i < p.size(); ++i) {
    for (double r : {0.0, std::nextafter(0.0, -1.0), 0.25, std::nextafter(0.25, 0.0), 0.6, 100.0}) {
      std::size_t brute = 0;
      for (double v : p) brute += std::fabs(v - p[i]) <= r;
      INFO("i = " << i << ", r = " << r);
      REQUIRE(counter.count_around(i, r) == brute);
    }
  }
}

TEST_CASE("kd-tree splits stay balanced on adversarial orders and heavy ties", "[neighbours]") {
  // Sorted input, reversed input, and a column that is one value except for
  // a few points: the sampled pivots must fall back to exact medians where
  // needed, and every search must still equal brute force.
  const std::size_t n = 2000;
  std::vector<std::vector<double>> inputs(3, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    inputs[0][i] = static_cast<double>(i);
    inputs[1][i] = static_cast<double>(n - i) * 0.5;
    inputs[2][i] = i % 97 == 0 ? static_cast<double>(i) : 3.0;
  }
  for (const auto& p : inputs) {
    const KdTree tree(p.data(), n, 1, 2);
    std::vector<double> all;
    tree.all_kth_neighbour_distances(2, Norm::max, all);
    for (std::size_t i = 0; i < n; i += 7) {
      auto dist = brute_distances(p, n, 1, i, Norm::max);
      std::nth_element(dist.begin(), dist.begin() + 1, dist.end());
      REQUIRE(all[i] == dist[1]);
      REQUIRE(tree.kth_neighbour_distance(i, 2, Norm::max) == dist[1]);
    }
  }
}

TEST_CASE("kd-tree positions enumerate every input index once", "[neighbours]") {
  const auto p = points_with_duplicates(300, 3, 41);
  const KdTree tree(p.data(), 300, 3, 7);
  std::vector<int> seen(300, 0);
  for (std::size_t pos = 0; pos < 300; ++pos) ++seen[tree.index_at(pos)];
  REQUIRE(std::all_of(seen.begin(), seen.end(), [](int s) { return s == 1; }));
}

TEST_CASE("kd-tree on all-identical points", "[neighbours]") {
  const std::vector<double> p(50 * 2, 1.5);
  const KdTree tree(p.data(), 50, 2);
  REQUIRE(tree.kth_neighbour_distance(7, 3, Norm::max) == 0.0);
  std::vector<double> all;
  tree.all_kth_neighbour_distances(3, Norm::max, all);
  REQUIRE(std::all_of(all.begin(), all.end(), [](double e) { return e == 0.0; }));
  REQUIRE(tree.count_within(p.data(), 0.0, Norm::max) == 50);
  REQUIRE(tree.count_within(p.data(), std::nextafter(0.0, -1.0), Norm::max) == 0);
}
