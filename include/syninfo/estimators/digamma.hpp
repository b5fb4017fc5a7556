// Digamma of non-negative integers from an exact recurrence.
//
// psi(1) = -EulerGamma and psi(n + 1) = psi(n) + 1/n, so psi(n) = -EulerGamma +
// H(n - 1) with H the harmonic numbers. A table built by compensated
// (Neumaier) summation of that recurrence is accurate to about one unit in the
// last place for every n, with no series truncation anywhere.
#pragma once

#include <cstddef>
#include <vector>

namespace syninfo::estimators {

class DigammaTable {
 public:
  // Tabulates psi(n) for n = 0 .. n_max; psi(0) is a pole and is stored as NaN.
  explicit DigammaTable(std::size_t n_max);

  // psi(n); n must be at most max_argument() (checked only in debug builds).
  double operator()(std::size_t n) const noexcept { return values_[n]; }
  std::size_t max_argument() const noexcept { return values_.size() - 1; }

 private:
  std::vector<double> values_;
};

// psi(n) for one integer n >= 1 by the same compensated recurrence (O(n);
// use DigammaTable for many values). Throws std::domain_error for n == 0.
double digamma_integer(std::size_t n);

}  // namespace syninfo::estimators
