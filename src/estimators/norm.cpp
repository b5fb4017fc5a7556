#include "syninfo/estimators/norm.hpp"

#include <cmath>
#include <numbers>

namespace syninfo::estimators {

double log_unit_ball_volume(std::size_t d, Norm norm) {
  const double dd = static_cast<double>(d);
  if (norm == Norm::max) return dd * std::numbers::ln2;
  return 0.5 * dd * std::log(std::numbers::pi) - std::lgamma(0.5 * dd + 1.0);
}

}  // namespace syninfo::estimators
