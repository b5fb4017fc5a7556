#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/message.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace syninfo::estimators {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    if (comma == std::string_view::npos) {
      cells.push_back(trim(line.substr(start)));
      return cells;
    }
    cells.push_back(trim(line.substr(start, comma - start)));
    start = comma + 1;
  }
}

// The number in a cell, or nothing when the cell is not entirely one number.
std::optional<double> parse_number(std::string_view cell) {
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  if (cell.empty()) return std::nullopt;
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || ptr != cell.data() + cell.size()) return std::nullopt;
  return v;
}

}  // namespace

Eigen::MatrixXd CsvTable::columns(const std::vector<std::size_t>& indices) const {
  Eigen::MatrixXd out(values.rows(), static_cast<Eigen::Index>(indices.size()));
  for (std::size_t j = 0; j < indices.size(); ++j) {
    if (indices[j] >= static_cast<std::size_t>(values.cols()))
      throw std::invalid_argument(message("column ", indices[j], " does not exist (the data has ", values.cols(),
                                          " columns, numbered from 0)"));
    out.col(static_cast<Eigen::Index>(j)) = values.col(static_cast<Eigen::Index>(indices[j]));
  }
  return out;
}

CsvTable read_csv(std::istream& in, const std::string& source) {
  CsvTable table;
  std::vector<double> data;
  std::size_t cols = 0, rows = 0, line_no = 0;
  bool first = true;
  std::string line;
  const auto fail = [&](std::size_t col, const std::string& what) {
    if (col) throw std::invalid_argument(message(source, ": line ", line_no, ", column ", col, ": ", what));
    throw std::invalid_argument(message(source, ": line ", line_no, ": ", what));
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (trim(line).empty()) continue;
    const auto cells = split(line);
    if (first) {
      first = false;
      cols = cells.size();
      bool numeric = true;
      for (auto c : cells) numeric = numeric && parse_number(c).has_value();
      if (!numeric) {
        for (auto c : cells) table.header.emplace_back(c);
        continue;
      }
    }
    if (cells.size() != cols)
      fail(0, message("expected ", cols, " cells, found ", cells.size()));
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto v = parse_number(cells[c]);
      if (!v) fail(c + 1, message("cannot read '", cells[c], "' as a number"));
      if (!std::isfinite(*v)) fail(c + 1, message("'", cells[c], "' is not a finite number"));
      data.push_back(*v);
    }
    ++rows;
  }
  if (in.bad()) throw std::runtime_error(message(source, ": read error"));
  if (rows == 0) throw std::invalid_argument(message(source, ": no data rows"));
  table.values.resize(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c)
      table.values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = data[r * cols + c];
  return table;
}

CsvTable read_csv_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument(message(path, ": cannot open file"));
  return read_csv(in, path);
}

}  // namespace syninfo::estimators
