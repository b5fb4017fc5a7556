// Input checks and data layout shared by the sample-based estimators.
#pragma once

#include <Eigen/Dense>

#include <cstddef>
#include <string>
#include <vector>

namespace syninfo::estimators {

// Read-only view of a column-major matrix or of a block of its columns, so
// estimators take a CSV table's columns without copying them.
using MatrixView = Eigen::Ref<const Eigen::MatrixXd>;

// Throws std::invalid_argument "<who>: <name>(row, column) is not finite (...)"
// for the first NaN or infinity, and "<who>: <name> has no columns" when empty.
void require_finite_columns(MatrixView m, const std::string& who, const std::string& name);

// Row-major copy of selected rows (all rows when rows is null).
std::vector<double> row_major(MatrixView m, const std::vector<std::size_t>* rows = nullptr);

// Ranks 0 .. N-1 of the values in each column; tied values share their
// average rank. Returns a matrix of the same shape.
Eigen::MatrixXd rank_columns(const Eigen::MatrixXd& m);

}  // namespace syninfo::estimators
