#include "syninfo/estimators/csv.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace syninfo::estimators;
using Catch::Matchers::Contains;

namespace {
CsvTable parse(const std::string& text) {
  std::istringstream in(text);
  return read_csv(in, "data.csv");
}
}  // namespace

TEST_CASE("CSV: header detection and values", "[csv]") {
  const CsvTable a = parse("x,y, z\n1,2,3\n\n4.5, -6e-3 ,+7\r\n");
  REQUIRE(a.header == std::vector<std::string>{"x", "y", "z"});
  REQUIRE(a.values.rows() == 2);
  REQUIRE(a.values.cols() == 3);
  CHECK(a.values(1, 0) == 4.5);
  CHECK(a.values(1, 1) == -6e-3);
  CHECK(a.values(1, 2) == 7.0);
  const CsvTable b = parse("1,2\n3,4\n");
  CHECK(b.header.empty());
  CHECK(b.values.rows() == 2);
  const Eigen::MatrixXd cols = b.columns({1, 0});
  CHECK(cols(0, 0) == 2.0);
  CHECK(cols(1, 1) == 3.0);
  CHECK_THROWS_WITH(b.columns({2}), Contains("column 2 does not exist (the data has 2 columns"));
}

TEST_CASE("CSV: errors name line and column", "[csv]") {
  CHECK_THROWS_WITH(parse("a,b\n1,2\n3,x\n"), Contains("data.csv: line 3, column 2: cannot read 'x' as a number"));
  CHECK_THROWS_WITH(parse("1,2\n3\n"), Contains("line 2: expected 2 cells, found 1"));
  CHECK_THROWS_WITH(parse("1,2\n3,nan\n"), Contains("line 2, column 2: 'nan' is not a finite number"));
  CHECK_THROWS_WITH(parse("1,2\n,4\n"), Contains("line 2, column 1: empty cell, expected a number"));
  CHECK_THROWS_WITH(parse("a,b\n"), Contains("no data rows"));
  CHECK_THROWS_AS(parse("1,2\n3,x\n"), std::invalid_argument);
  CHECK_THROWS_WITH(read_csv_file("/nonexistent/file.csv"), Contains("cannot open"));
}

TEST_CASE("CSV: large inputs parsed in pieces equal the one-thread parse", "[csv]") {
  // More than 2 x 256 KiB, so several threads each take a piece; blank lines
  // in every piece leave gaps that must be closed up in order.
  std::string text = "a,b,c\n";
  std::size_t rows = 0;
  for (std::size_t i = 0; text.size() < (std::size_t{3} << 20); ++i) {
    if (i % 1013 == 0) text += "\n  \n";
    text += std::to_string(i) + "," + std::to_string(0.5 * static_cast<double>(i)) + ",-" + std::to_string(i % 7) +
            "\n";
    ++rows;
  }
  std::istringstream one_in(text), many_in(text);
  const CsvTable one = read_csv(one_in, "big.csv", 1);
  const CsvTable many = read_csv(many_in, "big.csv", 4);
  REQUIRE(one.values.rows() == static_cast<Eigen::Index>(rows));
  REQUIRE(many.values.rows() == one.values.rows());
  CHECK(many.values == one.values);
  CHECK(many.header == one.header);
  for (Eigen::Index r = 0; r < one.values.rows(); r += 997) CHECK(one.values(r, 0) == static_cast<double>(r));
}

TEST_CASE("CSV: in a piecewise parse the first bad line is the one reported", "[csv]") {
  std::string text;
  std::size_t lines = 0;
  while (text.size() < (std::size_t{2} << 20)) {
    text += "1.5,2.5\n";
    ++lines;
  }
  // Bad cells near the end (in the last piece) and in the middle: the
  // earlier one is reported, with its line number.
  const std::size_t middle = lines / 3, late = lines - 5;
  std::string bad;
  std::size_t line = 0;
  for (std::size_t pos = 0; pos < text.size(); pos = text.find('\n', pos) + 1) {
    ++line;
    bad += line == middle ? "1.5,oops\n" : line == late ? "x,2.5\n" : "1.5,2.5\n";
  }
  for (unsigned threads : {1u, 2u, 4u}) {
    std::istringstream in(bad);
    CHECK_THROWS_WITH(read_csv(in, "bad.csv", threads),
                      Contains("bad.csv: line " + std::to_string(middle) + ", column 2: cannot read 'oops'"));
  }
}

TEST_CASE("CSV: column views share the table's memory when the columns are consecutive", "[csv]") {
  const CsvTable t = parse("1,2,3\n4,5,6\n");
  Eigen::MatrixXd storage;
  const MatrixView block = t.column_view({1, 2}, storage);
  CHECK(block.data() == t.values.data() + 2);  // column 1 of a 2-row table
  CHECK(storage.size() == 0);
  CHECK(block(1, 1) == 6.0);
  const MatrixView shuffled = t.column_view({2, 0}, storage);
  CHECK(storage.cols() == 2);
  CHECK(shuffled(0, 0) == 3.0);
  CHECK(shuffled(1, 1) == 4.0);
  CHECK_THROWS_WITH(t.column_view({2, 3}, storage), Contains("column 3 does not exist"));
}

TEST_CASE("CSV: a directory is named as such", "[csv]") {
  CHECK_THROWS_WITH(read_csv_file("/"), Contains("/: is a directory"));
}

// Issue 13 item 6: no data row is ever taken for a header.
TEST_CASE("CSV: a header only when no cell of the first row is a number", "[csv]") {
  // A byte-order mark does not turn the first data row into a header.
  const CsvTable bom = parse("\xEF\xBB\xBF" "1,2\n3,4\n");
  CHECK(bom.header.empty());
  REQUIRE(bom.values.rows() == 2);
  CHECK(bom.values(0, 0) == 1.0);
  const CsvTable bom_header = parse("\xEF\xBB\xBF" "x,y\n3,4\n");
  CHECK(bom_header.header == std::vector<std::string>{"x", "y"});
  CHECK(bom_header.values.rows() == 1);
  // One empty or mistyped cell in a first row of numbers is an error there.
  CHECK_THROWS_WITH(parse("1,,3\n4,5,6\n"),
                    Contains("data.csv: line 1, column 2: empty cell, expected a number (the first row has a numeric"));
  CHECK_THROWS_WITH(parse("1,x,3\n4,5,6\n"), Contains("line 1, column 2: cannot read 'x' as a number"));
  CHECK_THROWS_WITH(parse("\n\nx,1\n4,5\n"), Contains("line 3, column 1: cannot read 'x'"));
  // An all-empty first row is not a header either.
  CHECK_THROWS_WITH(parse(",\n1,2\n"), Contains("line 1, column 1: empty cell"));
  // pandas' index column has an empty name; quoted names keep their commas.
  const CsvTable pandas = parse(",\"a,b\",c\n0,1.5,2\n");
  CHECK(pandas.header == std::vector<std::string>{"", "a,b", "c"});
  CHECK(pandas.values.cols() == 3);
  CHECK(pandas.values(0, 1) == 1.5);
}

// Issue 13 item 12: raw bytes in a cell are escaped in the message.
TEST_CASE("CSV: raw bytes in messages are shown as \\xNN", "[csv]") {
  CHECK_THROWS_WITH(parse("1,2\n3,\r4\n"), Contains("cannot read '\\x0D4' as a number"));
  CHECK_THROWS_WITH(parse(std::string("1,2\n3,\xFF\x00z\n", 11)), Contains("cannot read '\\xFF\\x00z' as a number"));
  // Valid UTF-8 is kept as it is.
  CHECK_THROWS_WITH(parse("1,2\n3,\xC2\xB5\n"), Contains("cannot read '\xC2\xB5' as a number"));
}

// Found by the fuzzer (tests/fuzz, seed 7): a line holding only a BOM that is
// not at the start of the file.
TEST_CASE("CSV: a stray byte-order mark line is a one-cell header, not a crash", "[csv]") {
  CHECK_THROWS_WITH(parse("  \xEF\xBB\xBF\n"), Contains("no data rows"));
}
