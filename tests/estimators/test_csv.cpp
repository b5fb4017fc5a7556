#include "syninfo/estimators/csv.hpp"

#include <catch2/catch.hpp>

#include <sstream>

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
  CHECK_THROWS_WITH(parse("1,2\n,4\n"), Contains("line 2, column 1: cannot read ''"));
  CHECK_THROWS_WITH(parse("a,b\n"), Contains("no data rows"));
  CHECK_THROWS_AS(parse("1,2\n3,x\n"), std::invalid_argument);
  CHECK_THROWS_WITH(read_csv_file("/nonexistent/file.csv"), Contains("cannot open"));
}
