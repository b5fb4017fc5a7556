// Per-column standardisation of a sample matrix (rows are samples): each
// column gets zero mean and unit sample variance (divisor N - 1). The
// max-norm of the KSG estimators depends on the columns' scales; after
// standardisation the estimate is invariant to rescaling any column, the
// convention of JIDT (normalise) and scikit-learn (scale).
#pragma once

#include "syninfo/estimators/sample_checks.hpp"

#include <Eigen/Dense>

namespace syninfo::estimators {

// A copy of m with every column centred and divided by its sample standard
// deviation. A constant column (standard deviation 0), and every column when
// m has fewer than 2 rows, is only centred: there is no scale to remove.
Eigen::MatrixXd standardised_columns(MatrixView m);

}  // namespace syninfo::estimators
