#include "syninfo/estimators/standardise.hpp"

#include <catch2/catch.hpp>

using namespace syninfo::estimators;

TEST_CASE("standardised_columns: zero mean, unit sample variance", "[standardise]") {
  Eigen::MatrixXd m(4, 3);
  // column 0: large offset (checks the two-pass variance); column 1: constant;
  // column 2: already standard up to scale.
  m << 1e9 + 1, 5, -3,
       1e9 + 2, 5, -1,
       1e9 + 3, 5, 1,
       1e9 + 4, 5, 3;
  const Eigen::MatrixXd s = standardised_columns(m);
  // Tolerance 1e-12: a few roundings of numbers of order 1 (the 1e9 offset is
  // removed exactly before any scaling).
  for (Eigen::Index c : {0, 2}) {
    CHECK(std::abs(s.col(c).sum()) < 1e-12);
    CHECK(std::abs(s.col(c).squaredNorm() / 3.0 - 1.0) < 1e-12);
  }
  // A constant column has no scale: it is centred only, exactly.
  CHECK(s.col(1).isZero(0.0));
  // Column 0 is 1, 2, 3, 4: sample sd sqrt(5/3), so the first value is -1.5 / sqrt(5/3).
  CHECK(s(0, 0) == Approx(-1.5 / std::sqrt(5.0 / 3.0)).epsilon(1e-14));
}

TEST_CASE("standardised_columns: one row is centred only", "[standardise]") {
  Eigen::MatrixXd m(1, 2);
  m << 3, -4;
  CHECK(standardised_columns(m).isZero(0.0));
}
