#include "syninfo/attractor/model.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo::attractor;

TEST_CASE("attractor: transfer function and rule factors at hand-computed points") {
  const TransferFunction phi;  // r_max 76.2, beta 0.82, h0 2.46
  // At h0 the logistic is half way; one 1/beta above it, 1/(1 + e^-1) of r_max.
  CHECK(phi(2.46) == Approx(38.1).epsilon(1e-15));
  CHECK(phi(2.46 + 1 / 0.82) == Approx(76.2 / (1 + std::exp(-1.0))).epsilon(1e-14));
  const RuleFactor f{0.83, 0.28, 26.6};
  // At r = x the tanh vanishes: f = q - 1/2.
  CHECK(f(26.6) == Approx(0.33).epsilon(1e-14));
  CHECK(f(1e6) == Approx(0.83).epsilon(1e-14));   // tanh -> 1: f -> q
  CHECK(f(-1e6) == Approx(-0.17).epsilon(1e-14)); // tanh -> -1: f -> q - 1
}

TEST_CASE("attractor: g's offset makes E[g(phi(xi))] vanish, checked by an independent trapezoid rule") {
  const AttractorParameters p;
  const LearningRule rule = make_learning_rule(p);
  // GSL's adaptive quadrature targets 1e-12 relative; |g| <= 1.
  CHECK(std::abs(rule.mean_g) < 1e-11);
  // Independent: trapezoid on [-12, 12] with step 1e-3 (the Gaussian tail
  // beyond 12 is below 1e-32; the integrand is analytic, so the trapezoid
  // error decays faster than any power of the step).
  double mean_g = 0, mean_g2 = 0, mean_f2 = 0;
  const double h = 1e-3;
  for (int k = -12000; k <= 12000; ++k) {
    const double x = k * h;
    const double w = h * std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI);
    const double r = p.phi(x);
    mean_g += w * rule.g(r);
    mean_g2 += w * rule.g(r) * rule.g(r);
    mean_f2 += w * rule.f(r) * rule.f(r);
  }
  CHECK(std::abs(mean_g) < 1e-11);
  CHECK(rule.mean_g2 == Approx(mean_g2).epsilon(1e-10));
  CHECK(rule.mean_f2 == Approx(mean_f2).epsilon(1e-10));
  // The offset is a real solve, not a fixed value: it moves with x_g.
  AttractorParameters shifted = p;
  shifted.x_g = 10.0;
  CHECK(make_learning_rule(shifted).g.q != Approx(rule.g.q).epsilon(1e-3));
  CHECK(std::abs(make_learning_rule(shifted).mean_g) < 1e-11);
}

TEST_CASE("attractor: Gaussian expectation reports its own error and meets it") {
  double error = -1;
  const double second = standard_normal_expectation([](double x) { return x * x; }, &error);
  CHECK(second == Approx(1.0).epsilon(1e-12));
  CHECK(error >= 0);
  CHECK(std::abs(second - 1.0) <= std::max(error, 1e-15) * 10);
}

TEST_CASE("attractor: parameters out of range are rejected by name") {
  AttractorParameters p;
  p.q_f = 1.5;
  CHECK_THROWS_WITH(make_learning_rule(p), Catch::Contains("q_f must be in [0, 1]"));
  p = {};
  p.tau_ms = -1;
  CHECK_THROWS_WITH(validate(p), Catch::Contains("tau"));
  p = {};
  p.phi.beta = std::nan("");
  CHECK_THROWS_WITH(validate(p), Catch::Contains("beta"));
}
