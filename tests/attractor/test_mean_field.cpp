#include "syninfo/attractor/dynamics.hpp"
#include "syninfo/attractor/mean_field.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo::attractor;

TEST_CASE("attractor mean field: the retrieval state solves both equations, checked by nested adaptive quadrature") {
  const AttractorParameters p;
  const MeanField mf(p);
  const double alpha = 0.3;
  const RetrievalState s = mf.retrieval_state(alpha);
  REQUIRE(s.retrieval);
  // Brent's method stops at 1e-12 q_max; the map is smooth, so the residual is of that order.
  CHECK(s.residual < 1e-9 * mf.q_max());
  // Independent evaluation of both right-hand sides by nested GSL qagi (no
  // fixed nodes): relative 1e-9, the fixed rules' error being far below it
  // for these analytic integrands.
  const LearningRule& rule = mf.rule();
  const double sd = std::sqrt(s.delta);
  const auto inner = [&](double xi, int what) {
    const double a = rule.A * rule.f(p.phi(xi)) * s.q;
    return standard_normal_expectation([&](double z) {
      const double r = p.phi(a + sd * z);
      return what == 2 ? r * r : r;
    });
  };
  const double gr = standard_normal_expectation([&](double xi) { return rule.g(p.phi(xi)) * inner(xi, 1); });
  const double r2 = standard_normal_expectation([&](double xi) { return inner(xi, 2); });
  CHECK(gr == Approx(s.q).epsilon(1e-9));
  CHECK(alpha * rule.A * rule.A * rule.mean_f2 * rule.mean_g2 * r2 == Approx(s.delta).epsilon(1e-9));
  // q = 0 is always a solution because E[g] = 0 (1e-11: the offset's accuracy times r_max).
  CHECK(std::abs(mf.overlap_map(0.0, alpha)) < 1e-9);
}

TEST_CASE("attractor mean field: doubling both quadratures' resolution moves nothing") {
  const AttractorParameters p;
  const RetrievalState a = MeanField(p, 48, 0.05).retrieval_state(0.4);
  const RetrievalState b = MeanField(p, 96, 0.025).retrieval_state(0.4);
  REQUIRE(a.retrieval);
  CHECK(a.q == Approx(b.q).epsilon(1e-9));
  CHECK(a.m == Approx(b.m).epsilon(1e-9));
}

TEST_CASE("attractor mean field: the capacity is a saddle-node near the published value") {
  const AttractorParameters p;
  const MeanField mf(p);
  const double alpha_c = mf.capacity(1e-5);
  CHECK(mf.retrieval_state(alpha_c * (1 - 1e-3)).retrieval);
  CHECK_FALSE(mf.retrieval_state(alpha_c * (1 + 1e-3)).retrieval);
  // Pereira & Brunel report a capacity of about 0.55 (in p / K) for the
  // fitted rule, read off a figure to about two digits: +-0.03.
  CHECK(alpha_c == Approx(0.55).margin(0.03));
  // More learning strength means more crosstalk (A^2) than signal (A): the
  // static capacity falls with A.
  AttractorParameters strong = p;
  strong.A = 3 * p.A;
  CHECK(MeanField(strong).capacity(1e-4) < alpha_c);
}

TEST_CASE("attractor simulation: a seeded network retrieves below capacity as the theory says, not far above it") {
  const AttractorParameters p;
  IntegrationOptions integration;  // Euler, 0.5 ms: the published scheme
  integration.threads = 1;
  ProtocolOptions protocol;
  protocol.background_ms = 100;
  protocol.cue_ms = 200;
  protocol.delay_ms = 400;
  // K = 200, alpha = 0.1: the theory's m is 0.96; at this size the crosstalk
  // is not yet Gaussian and the dilution c = 0.05 is not small, so allow 0.05.
  const Network below = build_network(p, NetworkSize{4000, 0.05, 20, 3}, 1);
  const ProtocolResult r = delayed_match_to_sample(p, below, protocol, integration);
  const double m_theory = MeanField(p).retrieval_state(0.1).m;
  CHECK(r.retrieved);
  CHECK(r.final_m > 0.8);
  CHECK(r.final_m == Approx(m_theory).margin(0.05));
  // alpha = 1.5, three times the capacity: the cue's trace does not survive the delay.
  const Network above = build_network(p, NetworkSize{4000, 0.05, 300, 3}, 1);
  const ProtocolResult s = delayed_match_to_sample(p, above, protocol, integration);
  CHECK_FALSE(s.retrieved);
  CHECK(s.final_m < 0.5);
}
