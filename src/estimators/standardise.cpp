#include "syninfo/estimators/standardise.hpp"

#include <cmath>

namespace syninfo::estimators {

Eigen::MatrixXd standardised_columns(MatrixView m) {
  Eigen::MatrixXd out = m;
  const Eigen::Index n = m.rows();
  if (n == 0) return out;
  for (Eigen::Index c = 0; c < m.cols(); ++c) {
    // Two passes (mean, then centred squares): no cancellation for columns
    // with a large offset.
    const double mean = out.col(c).sum() / static_cast<double>(n);
    out.col(c).array() -= mean;
    if (n < 2) continue;
    const double sd = std::sqrt(out.col(c).squaredNorm() / static_cast<double>(n - 1));
    if (sd > 0.0) out.col(c) /= sd;
  }
  return out;
}

}  // namespace syninfo::estimators
