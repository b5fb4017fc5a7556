// A numeric CSV reader for the estimator commands.
//
// Format: comma-separated numbers, one sample per line, the same number of
// cells on every line. The first non-blank line is a header when any of its
// cells is not a number. Blank lines are skipped; spaces and tabs around a
// cell and a trailing '\r' are ignored. A cell that is not a finite number,
// or a line with the wrong number of cells, is an error naming the line and
// column (both 1-based): std::invalid_argument.
#pragma once

#include "syninfo/estimators/sample_checks.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace syninfo::estimators {

struct CsvTable {
  std::vector<std::string> header;  // empty when the file has none
  Eigen::MatrixXd values;           // rows x columns

  // The listed columns (0-based), in the order given. Throws
  // std::invalid_argument naming the column count when one is out of range.
  Eigen::MatrixXd columns(const std::vector<std::size_t>& indices) const;

  // The same columns without a copy when they are consecutive and ascending
  // (a view of a block of values); otherwise copied into storage, which must
  // outlive the view. Errors as for columns().
  MatrixView column_view(const std::vector<std::size_t>& indices, Eigen::MatrixXd& storage) const;
};

// source names the input in error messages (e.g. the file name). Inputs of
// more than 512 KiB are parsed on up to `threads` threads (0: all cores).
CsvTable read_csv(std::istream& in, const std::string& source, unsigned threads = 0);
CsvTable read_csv_file(const std::string& path, unsigned threads = 0);  // also throws if it cannot be opened

}  // namespace syninfo::estimators
