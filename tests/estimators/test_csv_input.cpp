// CSV input as people produce it (issue 16.3): delimiters, pandas' and R's
// index columns, missing values with their lines, complete rows.
#include "syninfo/estimators/csv.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

using namespace syninfo::estimators;
using Catch::Matchers::Contains;

namespace {

CsvTable parse(const std::string& text, const CsvOptions& options, unsigned threads = 1) {
  std::istringstream in(text);
  return read_csv(in, "data.csv", threads, options);
}

CsvOptions with(CsvDelimiter d, CsvIndexColumn i = CsvIndexColumn::automatic, bool missing = true) {
  CsvOptions o;
  o.delimiter = d;
  o.index_column = i;
  o.missing_allowed = missing;
  return o;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("CSV input: the delimiter is detected only when unambiguous", "[csv]") {
  const CsvOptions automatic = with(CsvDelimiter::automatic);
  const CsvTable tab = parse("a\tb\n1\t2\n3\t4.5\n", automatic);
  CHECK(tab.delimiter == '\t');
  CHECK(tab.header == Names{"a", "b"});
  CHECK(tab.values(1, 1) == 4.5);
  const CsvTable blanks = parse("  a   b \n1  2\n3 \t 4\n", automatic);
  CHECK(blanks.delimiter == ' ');
  CHECK(blanks.header == Names{"a", "b"});
  CHECK(blanks.values(1, 1) == 4.0);
  // A comma anywhere in the first line: commas, as always (the spaces are trimmed).
  const CsvTable comma = parse("a b, c\n1, 2\n", automatic);
  CHECK(comma.delimiter == ',');
  CHECK(comma.header == Names{"a b", "c"});
  // One column whose name has a space: the data line has one field, so no
  // whitespace splitting (this file read the same way before).
  const CsvTable single = parse("my name\n1.5\n2.5\n", automatic);
  CHECK(single.delimiter == ',');
  CHECK(single.header == Names{"my name"});
  CHECK(single.values.cols() == 1);
  // Forced: a tab file read with commas is one cell per line, which is not
  // a number (the first line is then a one-name header).
  CHECK_THROWS_WITH(parse("1\t2\n3\t4\n", with(CsvDelimiter::comma)), Contains("line 2, column 1: cannot read"));
  // Tab-separated with an empty cell: it stays a cell (missing), not merged away.
  const CsvTable gap = parse("a\tb\n1\t\n3\t4\n", with(CsvDelimiter::tab));
  REQUIRE(gap.missing.size() == 1);
  CHECK(gap.missing[0].line == 2);
  CHECK(gap.missing[0].column == 1);
  CHECK(gap.missing[0].text.empty());
  // Quoted names in a tab header lose their quotes.
  CHECK(parse("\"x y\"\t\"z\"\n1\t2\n", automatic).header == Names{"x y", "z"});
}

TEST_CASE("CSV input: pandas' and R's index columns are skipped", "[csv]") {
  const CsvOptions automatic = with(CsvDelimiter::automatic);
  // pandas' to_csv: an unnamed first header field; labels may be text.
  const CsvTable pandas = parse(",a,b\nr0,1.5,2\nr1,3,4\n", automatic);
  CHECK(pandas.index_column_skipped);
  CHECK(pandas.header == Names{"a", "b"});
  REQUIRE(pandas.values.cols() == 2);
  CHECK(pandas.values(1, 0) == 3.0);
  CHECK(pandas.file_column(0) == 2);
  // Read back and saved again by pandas: "Unnamed: 0".
  const CsvTable again = parse("Unnamed: 0,a\n0,1\n1,2\n", automatic);
  CHECK(again.index_column_skipped);
  CHECK(again.header == Names{"a"});
  // R's write.table (and pandas with sep=' '): the header is one name short.
  const CsvTable r = parse("x y\n\"1\" 0.5 0.25\n\"2\" 1 2\n", automatic);
  CHECK(r.index_column_skipped);
  CHECK(r.header == Names{"x", "y"});
  CHECK(r.values(0, 1) == 0.25);
  // keep: the old reading (the index column as data).
  const CsvTable kept = parse(",a,b\n0,1.5,2\n", with(CsvDelimiter::automatic, CsvIndexColumn::keep));
  CHECK_FALSE(kept.index_column_skipped);
  CHECK(kept.header == Names{"", "a", "b"});
  CHECK(kept.values.cols() == 3);
  // skip: also without a header; and an index column alone is an error.
  const CsvTable forced = parse("7,1,2\n8,3,4\n", with(CsvDelimiter::automatic, CsvIndexColumn::skip));
  CHECK(forced.values.cols() == 2);
  CHECK(forced.values(0, 0) == 1.0);
  CHECK_THROWS_WITH(parse("1\n2\n", with(CsvDelimiter::automatic, CsvIndexColumn::skip)),
                    Contains("the index column is the only column"));
  // A named first column is data.
  CHECK_FALSE(parse("id,a\n0,1\n", automatic).index_column_skipped);
}

TEST_CASE("CSV input: missing cells are kept with their line and column", "[csv]") {
  const CsvOptions automatic = with(CsvDelimiter::automatic);
  const CsvTable t = parse("a,b,c\n1,2,3\n\n4,,NaN\nNA,5,6\n7,8,9\n", automatic);
  REQUIRE(t.values.rows() == 4);
  REQUIRE(t.missing.size() == 3);
  CHECK(t.missing[0].row == 1);
  CHECK(t.missing[0].line == 4);  // the blank line 3 counts
  CHECK(t.missing[0].column == 1);
  CHECK(t.missing[1].text == "NaN");
  CHECK(t.missing[2].row == 2);
  CHECK(t.missing[2].text == "NA");
  CHECK(std::isnan(t.values(1, 2)));
  // "inf" is not missing: still an error.
  CHECK_THROWS_WITH(parse("a\n1\ninf\n", automatic), Contains("line 3, column 1: 'inf' is not a finite number"));
  // Not allowed (the library default): the old errors.
  CHECK_THROWS_WITH(parse("a,b\n1,\n", CsvOptions{}), Contains("line 2, column 2: empty cell, expected a number"));
  CHECK_THROWS_WITH(parse("a,b\n1,NA\n", CsvOptions{}), Contains("cannot read 'NA' as a number"));
  // A first line of missing tokens is data, not a header.
  const CsvTable first = parse("NA,1\n2,3\n", automatic);
  CHECK(first.header.empty());
  CHECK(first.missing.size() == 1);
}

TEST_CASE("CSV input: complete rows of the selected columns", "[csv]") {
  const CsvTable t = parse("a,b,c\n1,2,3\n4,,6\n7,8,\n9,10,11\n", with(CsvDelimiter::automatic));
  // Only columns a and c: the row with b missing is complete there.
  CHECK_THROWS_WITH(complete_rows(t, {0, 2}, false, "data.csv"),
                    Contains("data.csv: line 4, column 3 ('c'): empty cell, expected a number; --drop-missing"));
  const CompleteRows ac = complete_rows(t, {0, 2}, true, "data.csv");
  CHECK(ac.dropped == 1);
  CHECK(ac.rows == std::vector<std::size_t>{0, 1, 3});
  const CompleteRows all = complete_rows(t, {0, 1, 2}, true, "data.csv");
  CHECK(all.dropped == 2);
  CHECK(all.rows == std::vector<std::size_t>{0, 3});
  const Eigen::MatrixXd m = t.columns({2, 0}, all.rows);
  REQUIRE(m.rows() == 2);
  CHECK(m(1, 0) == 11.0);
  CHECK(m(1, 1) == 9.0);
  // Nothing missing in the selection: rows empty (use all), nothing dropped.
  const CompleteRows a = complete_rows(t, {0}, false, "data.csv");
  CHECK(a.dropped == 0);
  CHECK(a.rows.empty());
  // The column number is the file's, counting a skipped index column; a
  // missing value other than an empty cell is quoted.
  const CsvTable p = parse(",x\nr0,1\nr1,None\n", with(CsvDelimiter::automatic));
  CHECK_THROWS_WITH(complete_rows(p, {0}, false, "p.csv"), Contains("p.csv: line 3, column 2 ('x'): missing value 'None'"));
}

TEST_CASE("CSV input: missing cells in a piecewise parse keep their rows and lines", "[csv]") {
  // > 2 MiB, so 4 threads parse 4 pieces; blank lines shift later rows.
  std::string text = "a,b\n";
  std::size_t line = 1, row = 0;
  std::vector<std::size_t> rows, lines;
  while (text.size() < (std::size_t{5} << 19)) {
    ++line;
    if (line % 1000 == 0) {
      text += "\n";
      continue;
    }
    if (line % 777 == 0) {
      text += "1.5,\n";
      rows.push_back(row);
      lines.push_back(line);
    } else {
      text += "1.5,2.5\n";
    }
    ++row;
  }
  const CsvTable one = parse(text, with(CsvDelimiter::automatic), 1);
  const CsvTable four = parse(text, with(CsvDelimiter::automatic), 4);
  REQUIRE(one.missing.size() == rows.size());
  REQUIRE(four.missing.size() == rows.size());
  for (std::size_t j = 0; j < rows.size(); ++j) {
    CHECK(one.missing[j].row == rows[j]);
    CHECK(four.missing[j].row == rows[j]);
    CHECK(four.missing[j].line == lines[j]);
  }
  CHECK(four.values.rows() == static_cast<Eigen::Index>(row));
}
