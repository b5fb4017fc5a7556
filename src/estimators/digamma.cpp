#include "syninfo/estimators/digamma.hpp"

#include "syninfo/estimators/compensated_sum.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace syninfo::estimators {

DigammaTable::DigammaTable(std::size_t n_max) : values_(n_max + 1) {
  values_[0] = std::numeric_limits<double>::quiet_NaN();
  CompensatedSum s;
  s.add(-std::numbers::egamma);
  for (std::size_t n = 1; n <= n_max; ++n) {
    values_[n] = s.value();          // psi(n)
    s.add(1.0 / static_cast<double>(n));  // psi(n + 1) = psi(n) + 1/n
  }
}

double digamma_integer(std::size_t n) {
  if (n == 0) throw std::domain_error("digamma_integer: psi(0) is a pole");
  CompensatedSum s;
  s.add(-std::numbers::egamma);
  for (std::size_t m = 1; m < n; ++m) s.add(1.0 / static_cast<double>(m));
  return s.value();
}

}  // namespace syninfo::estimators
