// The distance used by the nearest-neighbour estimators.
#pragma once

#include <cmath>
#include <cstddef>

namespace syninfo::estimators {

enum class Norm { max, euclidean };

// Distance between two d-dimensional points. Every fast search in this
// library computes distances through this function (Euclidean: squares summed
// in coordinate order, then one square root), so fast and brute-force results
// are bit-for-bit comparable.
inline double squared_euclidean(const double* a, const double* b, std::size_t d) noexcept {
  double s = 0.0;
  for (std::size_t c = 0; c < d; ++c) {
    const double t = a[c] - b[c];
    s += t * t;
  }
  return s;
}

inline double max_norm_distance(const double* a, const double* b, std::size_t d) noexcept {
  double m = 0.0;
  for (std::size_t c = 0; c < d; ++c) {
    const double t = std::fabs(a[c] - b[c]);
    if (t > m) m = t;
  }
  return m;
}

inline double distance(const double* a, const double* b, std::size_t d, Norm norm) noexcept {
  return norm == Norm::max ? max_norm_distance(a, b, d) : std::sqrt(squared_euclidean(a, b, d));
}

// Log of the volume of the unit ball of the norm in d dimensions
// (max-norm: the cube [-1, 1]^d, volume 2^d; Euclidean: pi^(d/2) / Gamma(d/2 + 1)).
double log_unit_ball_volume(std::size_t d, Norm norm);

}  // namespace syninfo::estimators
