// Decisions against a claimed region and the power calculation behind an
// undecided claim (claims/decision.hpp).
#include "claims/decision.hpp"

#include "syninfo/validation/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace syninfo::validation;
using namespace syninfo::validation::detail;

TEST_CASE("decide: holds inside the region, fails disjoint from it, undecided across a boundary") {
  Region c2;  // C2's claim as a region: r <= half the paper's -0.69
  c2.name = "r";
  c2.high = -0.345;
  CHECK(decide(-0.8, -0.5, c2) == Decision::holds);
  CHECK(decide(-0.2, 0.1, c2) == Decision::fails);
  CHECK(decide(-0.5, -0.2, c2) == Decision::undecided);
  CHECK(decide(std::nan(""), -0.5, c2) == Decision::undecided);
  Region c8;  // C8: 1 <= x <= 1.5
  c8.low = 1.0;
  c8.high = 1.5;
  CHECK(decide(1.1, 1.4, c8) == Decision::holds);
  CHECK(decide(1.6, 2.0, c8) == Decision::fails);
  CHECK(decide(0.5, 0.9, c8) == Decision::fails);
  CHECK(decide(0.9, 1.6, c8) == Decision::undecided);
  CHECK(c8.text() == "1 <= x <= 1.5");
  CHECK(combine(Decision::holds, Decision::fails) == Decision::fails);
  CHECK(combine(Decision::holds, Decision::holds) == Decision::holds);
  CHECK(combine(Decision::holds, Decision::undecided) == Decision::undecided);
}

TEST_CASE("correlation power: the announced sample size decides with about 80% probability") {
  // True r = -0.6 against the boundary -0.345: the formula's m, then 2000
  // simulated data sets of that size (bivariate normal, fixed seed). The
  // fraction whose Fisher interval lies below the boundary must be 0.80; its
  // Monte Carlo standard error is sqrt(0.8 * 0.2 / 2000) = 0.009 and the
  // Fisher approximation at m ~ 30 adds about 0.01: tolerance 0.04.
  Region region;
  region.high = -0.345;
  const double r = -0.6;
  const Power p = correlation_power(r, 20, region);
  REQUIRE(p.needed > 10);
  REQUIRE(p.needed < 200);
  CHECK(p.boundary == -0.345);
  std::mt19937_64 rng(20261201);
  std::normal_distribution<double> normal;
  const int reps = 2000;
  int decided = 0;
  for (int k = 0; k < reps; ++k) {
    std::vector<double> x(p.needed), y(p.needed);
    for (std::size_t i = 0; i < p.needed; ++i) {
      x[i] = normal(rng);
      y[i] = r * x[i] + std::sqrt(1 - r * r) * normal(rng);
    }
    const Correlation c = pearson_correlation(x, y);
    decided += decide(c.ci_low, c.ci_high, region) == Decision::holds ? 1 : 0;
  }
  CHECK(static_cast<double>(decided) / reps == Approx(0.80).margin(0.04));
  // The minimal detectable effect shrinks like 1/sqrt(m).
  CHECK(correlation_power(r, 400, region).minimal_effect < correlation_power(r, 100, region).minimal_effect);
}

TEST_CASE("proportion and standard-error power: the announced size decides with about 80% probability") {
  // C5's "most ensembles synergistic": true fraction 0.65 against 0.5.
  Region most;
  most.low = 0.5;
  const Power p = proportion_power(0.65, 10, most);
  REQUIRE(p.needed > 10);
  std::mt19937_64 rng(7);
  std::bernoulli_distribution coin(0.65);
  const int reps = 2000;
  int decided = 0;
  for (int k = 0; k < reps; ++k) {
    std::size_t s = 0;
    for (std::size_t i = 0; i < p.needed; ++i) s += coin(rng) ? 1 : 0;
    const Proportion w = wilson_interval(s, p.needed);
    decided += decide(w.ci_low, w.ci_high, most) == Decision::holds ? 1 : 0;
  }
  // Monte Carlo se 0.009; Wilson against the normal approximation and the
  // discreteness of a binomial at m ~ 70 shift it by up to ~0.04: tolerance 0.06.
  CHECK(static_cast<double>(decided) / reps == Approx(0.80).margin(0.06));
  // A statistic with se 0.2 at m = 50 and estimate 1.3 inside [1, 1.5]: the nearest boundary is 1.5.
  Region c8;
  c8.low = 1.0;
  c8.high = 1.5;
  const Power q = standard_error_power(1.3, 0.2, 50, c8);
  CHECK(q.boundary == 1.5);
  // m' = 50 (2.8016 * 0.2 / 0.2)^2 = 392.4 -> 393 (exact arithmetic).
  CHECK(q.needed == 393);
  CHECK(q.minimal_effect == Approx(kPowerZ * 0.2).epsilon(1e-12));
  CHECK(proportion_power(0.5, 100, most).needed == 0);  // on the boundary: nothing decides it
  // Near the edge (true fraction 0.9), where a power rule using only p_hat's
  // variance announced a size far too small: the exact binomial probability
  // that the Wilson interval clears 0.5 at the announced size. The binomial's
  // discreteness at m ~ 10 moves it by up to ~0.1 from 0.80: range [0.65, 0.95].
  const Power edge = proportion_power(0.9, 10, most);
  REQUIRE(edge.needed >= 5);
  double power = 0.0;
  for (std::size_t s = 0; s <= edge.needed; ++s) {
    const Proportion w = wilson_interval(s, edge.needed);
    if (decide(w.ci_low, w.ci_high, most) != Decision::holds) continue;
    power += std::exp(std::lgamma(edge.needed + 1.0) - std::lgamma(s + 1.0) - std::lgamma(edge.needed - s + 1.0) +
                      s * std::log(0.9) + (edge.needed - s) * std::log(0.1));
  }
  CHECK(power >= 0.65);
  CHECK(power <= 0.95);
}
