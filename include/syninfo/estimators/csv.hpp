// A numeric CSV reader for the estimator commands.
//
// Format: numbers separated by a delimiter (CsvDelimiter), one sample per
// line, the same number of cells on every line. The first non-blank line is
// a header when none of its cells is a number (and at least one is a name).
// Blank lines are skipped; spaces and tabs around a cell and a trailing '\r'
// are ignored. A cell that is not a finite number, or a line with the wrong
// number of cells, is an error naming the line and column (both 1-based,
// columns of the file): std::invalid_argument. With
// CsvOptions::missing_allowed, missing cells are kept as NaN and listed
// instead (CsvTable::missing).
#pragma once

#include "syninfo/estimators/sample_checks.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace syninfo::estimators {

// automatic: comma when the first non-blank line holds a comma; otherwise tab
// when it holds a tab; otherwise whitespace (runs of spaces and tabs) when
// both it and the next non-blank line have two or more blank-separated
// fields; otherwise comma (a single column). Every file that reads with
// commas alone reads the same way.
enum class CsvDelimiter { automatic, comma, tab, whitespace };

// The first column as row labels, not data (pandas' index column):
// automatic: skipped when there is a header and its first name is empty or
// "Unnamed: 0" (what pandas writes, and reads back), or the header has one
// name fewer than the first data line (R's write.table, pandas' whitespace
// output); skip: always skipped; keep: never. A skipped column is not parsed
// (labels may be text) and is not part of CsvTable::values or header.
enum class CsvIndexColumn { automatic, skip, keep };

struct CsvOptions {
  CsvDelimiter delimiter = CsvDelimiter::automatic;
  CsvIndexColumn index_column = CsvIndexColumn::keep;
  // Missing cells: empty, or NaN (any case), NA, N/A, n/a, null, NULL, None.
  // false: an error (empty: "empty cell"; the others as cells that are not
  // finite numbers); true: stored as NaN and listed in CsvTable::missing.
  bool missing_allowed = false;
};

// A missing cell: row and column of CsvTable::values (0-based), line of the
// file (1-based), and the cell as written (empty, or a token such as NA).
struct CsvMissing {
  std::size_t row = 0, column = 0, line = 0;
  std::string text;
};

struct CsvTable {
  std::vector<std::string> header;  // empty when the file has none
  Eigen::MatrixXd values;           // rows x columns
  char delimiter = ',';             // ',', '\t', or ' ' for runs of blanks
  bool index_column_skipped = false;
  std::size_t first_data_line = 0;  // line of the first data row (1-based)
  std::vector<CsvMissing> missing;  // in row order, then column order

  // The listed columns (0-based), in the order given. Throws
  // std::invalid_argument naming the column count when one is out of range.
  Eigen::MatrixXd columns(const std::vector<std::size_t>& indices) const;
  // The same, of the listed rows only (0-based, in the order given).
  Eigen::MatrixXd columns(const std::vector<std::size_t>& indices, const std::vector<std::size_t>& rows) const;

  // The same columns without a copy when they are consecutive and ascending
  // (a view of a block of values); otherwise copied into storage, which must
  // outlive the view. Errors as for columns().
  MatrixView column_view(const std::vector<std::size_t>& indices, Eigen::MatrixXd& storage) const;

  // The 1-based column of the file that holds values column c.
  std::size_t file_column(std::size_t c) const { return c + 1 + (index_column_skipped ? 1 : 0); }
};

// source names the input in error messages (e.g. the file name). Inputs of
// more than 512 KiB are parsed on up to `threads` threads (0: all cores).
CsvTable read_csv(std::istream& in, const std::string& source, unsigned threads = 0,
                  const CsvOptions& options = {});
// Also throws if it cannot be opened.
CsvTable read_csv_file(const std::string& path, unsigned threads = 0, const CsvOptions& options = {});

// The rows of the table with no missing value in any of `columns` (rows is
// left empty when that is every row), and how many were left out.
struct CompleteRows {
  std::vector<std::size_t> rows;
  std::size_t dropped = 0;
};
// drop = false: std::invalid_argument naming the first missing cell in
// `columns` (source, line, column of the file and its header name), if any.
CompleteRows complete_rows(const CsvTable& table, const std::vector<std::size_t>& columns, bool drop,
                           const std::string& source);

}  // namespace syninfo::estimators
