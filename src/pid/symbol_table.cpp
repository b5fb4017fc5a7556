#include "syninfo/pid/symbol_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace syninfo::pid {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) cells.push_back(trim(cell));
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

// from_chars does not take a leading '+'; "+1" is a fine symbol for a spin.
const char* skip_plus(const std::string& text) {
  return text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+' ? text.data() + 1 : text.data();
}

bool parse_double(const std::string& text, double& value) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(skip_plus(text), end, value);
  return ec == std::errc() && ptr == end;
}

std::string where(const SymbolTable& t, std::size_t row, std::size_t column) {
  std::ostringstream out;
  out << t.source << ": line " << t.lines[row] << ", column " << column_name(t, column);
  return out.str();
}

}  // namespace

SymbolTable read_symbol_table(std::istream& in, const std::string& source) {
  SymbolTable t;
  t.source = source;
  std::string line;
  bool first = true;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (trim(line).empty()) continue;
    auto cells = split_cells(line);
    if (first) {
      first = false;
      t.width = cells.size();
      bool numeric = true;
      double ignored = 0;
      for (const auto& c : cells) numeric = numeric && parse_double(c, ignored);
      if (!numeric) {
        t.header = std::move(cells);
        continue;
      }
    }
    if (cells.size() != t.width) {
      std::ostringstream msg;
      msg << source << ": line " << number << ": expected " << t.width << " cells, got " << cells.size();
      throw std::invalid_argument(msg.str());
    }
    t.rows.push_back(std::move(cells));
    t.lines.push_back(number);
  }
  if (t.rows.empty()) throw std::invalid_argument(source + ": the table has no data rows");
  return t;
}

SymbolTable read_symbol_table_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("cannot open file '" + path + "'");
  return read_symbol_table(in, path);
}

std::size_t resolve_column(const SymbolTable& table, const std::string& name_or_index) {
  for (std::size_t c = 0; c < table.header.size(); ++c)
    if (table.header[c] == name_or_index) return c;
  std::size_t index = 0;
  const char* end = name_or_index.data() + name_or_index.size();
  auto [ptr, ec] = std::from_chars(name_or_index.data(), end, index);
  if (!name_or_index.empty() && ec == std::errc() && ptr == end && index < table.width) return index;
  std::string known;
  for (std::size_t c = 0; c < table.width; ++c) known += (c ? ", " : "") + column_name(table, c);
  throw std::invalid_argument(table.source + ": no column '" + name_or_index + "' (columns: " + known + ")");
}

std::string column_name(const SymbolTable& table, std::size_t column) {
  if (column < table.header.size() && !table.header[column].empty()) return table.header[column];
  return std::to_string(column);
}

std::vector<Symbol> symbol_column(const SymbolTable& table, std::size_t column) {
  std::vector<Symbol> out;
  out.reserve(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string& text = table.rows[r][column];
    Symbol value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(skip_plus(text), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
      throw std::invalid_argument(where(table, r, column) + ": '" + text + "' is not an integer symbol");
    out.push_back(value);
  }
  return out;
}

std::vector<double> weight_column(const SymbolTable& table, std::size_t column) {
  std::vector<double> out;
  out.reserve(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string& text = table.rows[r][column];
    double value = 0;
    if (!parse_double(text, value) || !std::isfinite(value))
      throw std::invalid_argument(where(table, r, column) + ": weight '" + text + "' is not a finite number");
    if (value < 0) throw std::invalid_argument(where(table, r, column) + ": weight '" + text + "' is negative");
    out.push_back(value);
  }
  return out;
}

}  // namespace syninfo::pid
