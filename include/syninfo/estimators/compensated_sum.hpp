// Neumaier's compensated sum: the running value is sum + compensation. Added
// in a fixed order it gives the same bits for every thread count, which the
// estimators rely on (their per-point terms are summed in row order).
#pragma once

#include <cmath>

namespace syninfo::estimators {

struct CompensatedSum {
  double sum = 0.0, compensation = 0.0;
  void add(double x) noexcept {
    const double t = sum + x;
    if (std::fabs(sum) >= std::fabs(x)) compensation += (sum - t) + x;
    else compensation += (x - t) + sum;
    sum = t;
  }
  double value() const noexcept { return sum + compensation; }
};

}  // namespace syninfo::estimators
