// The discrete CSV reader: header detection, column lookup and the errors.
#include "syninfo/pid/symbol_table.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <sstream>

namespace syninfo::pid {
namespace {

SymbolTable read(const std::string& text) {
  std::istringstream in(text);
  return read_symbol_table(in, "t.csv");
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST_CASE("symbol tables: header, names, indices, signed symbols", "[pid][csv]") {
  const auto t = read("Y, T ,R,p\r\n\n0,+1,-1,0.25\n1,1,1,0.75\n");
  CHECK(t.header == std::vector<std::string>{"Y", "T", "R", "p"});
  CHECK(t.rows.size() == 2);
  CHECK(resolve_column(t, "R") == 2);
  CHECK(resolve_column(t, "3") == 3);
  CHECK(symbol_column(t, 1) == std::vector<Symbol>{1, 1});
  CHECK(symbol_column(t, 2) == std::vector<Symbol>{-1, 1});
  CHECK(weight_column(t, 3) == std::vector<double>{0.25, 0.75});
  const auto plain = read("0,1\n1,0\n");
  CHECK(plain.header.empty());
  CHECK(plain.rows.size() == 2);
  CHECK(column_name(plain, 1) == "1");
}

TEST_CASE("symbol tables: errors name the place", "[pid][csv]") {
  const auto t = read("Y,T\n0,1\n1,1.5\n");
  CHECK(error_of([&] { symbol_column(t, 1); }) == "t.csv: line 3, column T: '1.5' is not an integer symbol");
  CHECK(error_of([&] { resolve_column(t, "Z"); }) == "t.csv: no column 'Z' (columns: Y, T)");
  CHECK(error_of([&] { resolve_column(t, "2"); }) == "t.csv: no column '2' (columns: Y, T)");
  const auto w = read("Y,w\n0,-1\n");
  CHECK(error_of([&] { weight_column(w, 1); }) == "t.csv: line 2, column w: weight '-1' is negative");
  const auto n = read("Y,w\n0,nan\n");
  CHECK(error_of([&] { weight_column(n, 1); }) == "t.csv: line 2, column w: weight 'nan' is not a finite number");
  CHECK(error_of([] { read("a,b\n0,1\n0\n"); }) == "t.csv: line 3: expected 2 cells, got 1");
  CHECK(error_of([] { read("a,b\n"); }) == "t.csv: the table has no data rows");
  CHECK(error_of([] { read_symbol_table_file("/nonexistent/x.csv"); }) == "cannot open file '/nonexistent/x.csv'");
}

}  // namespace
}  // namespace syninfo::pid
