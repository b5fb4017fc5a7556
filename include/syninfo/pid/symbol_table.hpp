// A CSV reader for discrete tables: cells kept as text with their line
// numbers, then read as integer symbols or as non-negative weights column by
// column. (The estimators' numeric reader turns every cell into a double, which
// would accept "1.0" or "1e0" as a symbol and forget the line of a bad cell.)
//
// Format: comma-separated cells, the same number on every line; blank lines
// skipped; spaces, tabs and a trailing '\r' around a cell ignored. The first
// non-blank line is a header when any of its cells is not a number.
// Errors are std::invalid_argument naming the source, line and column.
#pragma once

#include "syninfo/pid/distribution.hpp"

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace syninfo::pid {

struct SymbolTable {
  std::string source;               // for messages (the file name)
  std::vector<std::string> header;  // empty when the file has none
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;   // 1-based line of each row
  std::size_t width = 0;
};

SymbolTable read_symbol_table(std::istream& in, const std::string& source);
SymbolTable read_symbol_table_file(const std::string& path);  // also throws if it cannot be opened

// A header name, or else a 0-based index; the error lists the columns.
std::size_t resolve_column(const SymbolTable& table, const std::string& name_or_index);
// The name to print: the header cell, or the index as text.
std::string column_name(const SymbolTable& table, std::size_t column);

// Integer symbols (e.g. -1, 0, 7); anything else names line and column.
std::vector<Symbol> symbol_column(const SymbolTable& table, std::size_t column);
// Finite non-negative numbers.
std::vector<double> weight_column(const SymbolTable& table, std::size_t column);

}  // namespace syninfo::pid
