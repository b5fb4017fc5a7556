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

TEST_CASE("kd-tree on all-identical points", "[neighbours]") {
  const std::vector<double> p(50 * 2, 1.5);
  const KdTree tree(p.data(), 50, 2);
  REQUIRE(tree.kth_neighbour_distance(7, 3, Norm::max) == 0.0);
  REQUIRE(tree.count_within(p.data(), 0.0, Norm::max) == 50);
  REQUIRE(tree.count_within(p.data(), std::nextafter(0.0, -1.0), Norm::max) == 0);
}
