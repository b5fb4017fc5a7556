#include "syninfo/estimators/digamma.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using syninfo::estimators::DigammaTable;
using syninfo::estimators::digamma_integer;

TEST_CASE("digamma table: exact start and recurrence", "[digamma]") {
  const DigammaTable psi(2'000'000);
  REQUIRE(std::isnan(psi(0)));
  REQUIRE(psi(1) == -std::numbers::egamma);
  // psi(2) = 1 - gamma: one rounding.
  REQUIRE(psi(2) == Approx(1.0 - std::numbers::egamma).epsilon(1e-16));
  // Against Boost's digamma (itself accurate to a few ulp): relative 4e-16,
  // a few units in the last place, up to n = 2e6 where a naive running sum
  // would have drifted by ~1e-13.
  for (std::size_t n : {3u, 10u, 17u, 100u, 1000u, 12345u, 100000u, 1000000u, 2000000u}) {
    INFO("n = " << n);
    REQUIRE(psi(n) == Approx(boost::math::digamma(static_cast<double>(n))).epsilon(4e-16).margin(1e-300));
  }
  REQUIRE(digamma_integer(12345) == psi(12345));
  REQUIRE_THROWS_AS(digamma_integer(0), std::domain_error);
}
