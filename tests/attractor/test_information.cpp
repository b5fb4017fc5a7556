#include "syninfo/attractor/capacity_scan.hpp"
#include "syninfo/attractor/information.hpp"
#include "syninfo/attractor/information_gaussian.hpp"
#include "syninfo/random.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo::attractor;

namespace {

IntegrationOptions euler(double dt, unsigned threads = 1) {
  IntegrationOptions o;
  o.dt_ms = dt;
  o.threads = threads;
  return o;
}

}  // namespace

TEST_CASE("attractor information: a block of trials integrates as integrate() does, column by column") {
  const AttractorParameters p;
  const Network net = build_network(p, NetworkSize{60, 0.3, 4, 9}, 1);
  RateBlock R(60, 3), I(60, 3);
  syninfo::Rng rng(5, 0);
  for (Eigen::Index i = 0; i < 60; ++i)
    for (Eigen::Index b = 0; b < 3; ++b) {
      R(i, b) = p.phi(rng.normal());
      I(i, b) = rng.normal();
    }
  for (Scheme scheme : {Scheme::euler, Scheme::heun}) {
    IntegrationOptions o = euler(0.5);
    o.scheme = scheme;
    RateBlock block = R;
    integrate_block(p, net.J, I, block, 100, o);
    for (Eigen::Index b = 0; b < 3; ++b) {
      Eigen::VectorXd r = R.col(b);
      const Eigen::VectorXd input = I.col(b);
      integrate(p, net.J, input, r, 100, o);
      // The same operations in the same order: equal up to the compiler's
      // contraction choices, far below 1e-12 Hz.
      CHECK((Eigen::VectorXd(block.col(b)) - r).cwiseAbs().maxCoeff() < 1e-12);
    }
  }
}

TEST_CASE("attractor information: the label estimator gives ln n for separated stimuli and 0 for none") {
  // Synthetic responses: 4 stimuli, 2-d Gaussian responses with unit noise.
  const int n = 4, trials = 800;
  Eigen::MatrixXd S(trials, 1), far(trials, 2), same(trials, 2);
  syninfo::Rng rng(23, 0);
  for (int t = 0; t < trials; ++t) {
    S(t, 0) = t % n;
    for (int a = 0; a < 2; ++a) {
      const double noise = rng.normal();
      far(t, a) = 100.0 * (t % n) * (a + 1) + noise;  // means 100 noise sd apart
      same(t, a) = noise;
    }
  }
  syninfo::estimators::KsgOptions o;
  o.threads = 1;
  const auto separated = stimulus_information(S, far, StimulusDesign::identity, o);
  const auto independent = stimulus_information(S, same, StimulusDesign::identity, o);
  // Separated: every neighbourhood holds only the trial's own stimulus, and
  // the estimate is psi(N) - psi(N/n) = ln n - O(n/N): within 0.01 nats.
  CHECK(separated.value == Approx(std::log(4.0)).margin(0.01));
  // Independent: zero within 3 standard errors (+0.01 for the estimator's
  // small-sample bias at 200 trials per stimulus).
  CHECK(std::abs(independent.value) < 3 * independent.standard_error + 0.01);
}

TEST_CASE("attractor information: small displacements of a cue meet the Gaussian-channel formula") {
  const AttractorParameters p;
  const Network net = build_network(p, NetworkSize{150, 0.5, 3, 31}, 1);
  ExperimentDesign d;
  d.design = StimulusDesign::coordinates;
  d.coordinates = 2;
  d.projection_dimension = 2;
  d.stimulus_sd = 0.005;  // small: the linear limit (corrections ~ sd phi''/phi')
  d.cue_noise = 0.005;    // equal sds: about 0.5 ln 2 per readout dimension
  d.trials = 2000;
  d.background_ms = 0;
  // The approach from a random state to the cued fixed point is slow (at 400
  // ms the trials still differ by more than the cue noise moves them; at 1500
  // ms the empirical covariances match the formula's to a few per cent).
  d.cue_ms = 1500;
  d.delay_ms = 0;
  syninfo::estimators::KsgOptions ksg;
  ksg.threads = 2;
  const InformationResult result = measure_information(p, net, d, euler(2.0, 2), ksg);  // Euler's fixed points do not depend on dt
  const LinearChannel channel = linearised_channel_information(
      p, net, stimulus_currents(net, d).col(0), stimulus_directions(d, 150), d.stimulus_sd, d.cue_noise,
      projection_matrix(d, 150));
  INFO("KSG " << result.after_cue.value << " +- " << result.after_cue.standard_error << ", formula " << channel.mi_nats
              << ", lambda_max " << channel.largest_real_eigenvalue);
  CHECK(channel.fixed_point_residual < 1e-9);
  CHECK(channel.largest_real_eigenvalue < 1);
  REQUIRE(channel.mi_nats > 0.5);  // not a trivial agreement near 0
  // 3 standard errors, plus 0.02 nats for KSG's bias at 2000 samples in
  // four dimensions (k = 3, I near 1 nat) and the O(sd) nonlinearity.
  CHECK(std::abs(result.after_cue.value - channel.mi_nats) < 3 * result.after_cue.standard_error + 0.02);
}

namespace {

// A network below capacity (alpha = 0.1, K = 100) and a short protocol:
// four stimuli, 40 trials each.
struct Experiment {
  AttractorParameters p;
  Network net = build_network(p, NetworkSize{2000, 0.05, 10, 1}, 2);
  ExperimentDesign design(Familiarity f, std::uint64_t projection_seed) const {
    ExperimentDesign d;
    d.familiarity = f;
    d.trials = 160;
    d.background_ms = 0;
    d.cue_ms = 150;
    d.delay_ms = 200;
    d.projection_seed = projection_seed;
    return d;
  }
  InformationResult run(Familiarity f, std::uint64_t projection_seed = 7) const {
    syninfo::estimators::KsgOptions ksg;
    ksg.threads = 2;
    return measure_information(p, net, design(f, projection_seed), euler(1.0, 2), ksg);
  }
};

}  // namespace

TEST_CASE("attractor information: familiar stimuli leave more information in the delay than novel ones") {
  const Experiment e;
  const InformationResult familiar = e.run(Familiarity::familiar);
  const InformationResult novel = e.run(Familiarity::novel);
  INFO("familiar: cue " << familiar.after_cue.value << " +- " << familiar.after_cue.standard_error << ", delay "
                        << familiar.after_delay.value << " +- " << familiar.after_delay.standard_error);
  INFO("novel: cue " << novel.after_cue.value << " +- " << novel.after_cue.standard_error << ", delay "
                     << novel.after_delay.value << " +- " << novel.after_delay.standard_error);
  const double ln4 = std::log(4.0);
  // No estimate exceeds ln 4 by more than 3 standard errors.
  for (const auto* r : {&familiar, &novel})
    for (const auto* est : {&r->after_cue, &r->after_delay}) CHECK(est->value < ln4 + 3 * est->standard_error);
  // The delay: familiar exceeds novel by more than 3 combined standard errors.
  CHECK(familiar.after_delay.value - novel.after_delay.value >
        3 * std::hypot(familiar.after_delay.standard_error, novel.after_delay.standard_error));
  CHECK(familiar.after_cue.value - novel.after_cue.value >
        3 * std::hypot(familiar.after_cue.standard_error, novel.after_cue.standard_error));
}

TEST_CASE("attractor information: the estimate does not depend on the projection's seed beyond its error") {
  const Experiment e;
  const InformationResult a = e.run(Familiarity::novel, 7);
  const InformationResult b = e.run(Familiarity::novel, 8);
  INFO("seed 7: " << a.after_cue.value << " +- " << a.after_cue.standard_error << "; seed 8: " << b.after_cue.value
                  << " +- " << b.after_cue.standard_error);
  REQUIRE(a.after_cue.value > 0.1);  // away from 0 and from ln 4, where any readout agrees
  REQUIRE(a.after_cue.value < 1.2);
  // The same trials read through two projections: differences within 3
  // combined standard errors (conservative, as the two share the trials).
  CHECK(std::abs(a.after_cue.value - b.after_cue.value) <
        3 * std::hypot(a.after_cue.standard_error, b.after_cue.standard_error));
}

TEST_CASE("attractor information: trials do not depend on threads or the batch size") {
  const AttractorParameters p;
  const Network net = build_network(p, NetworkSize{300, 0.2, 4, 3}, 1);
  ExperimentDesign d;
  d.trials = 12;
  d.background_ms = 10;
  d.cue_ms = 20;
  d.delay_ms = 20;
  d.batch = 5;
  const TrialSamples one = run_trials(p, net, d, euler(1.0, 1));
  d.batch = 3;
  const TrialSamples two = run_trials(p, net, d, euler(1.0, 2));
  CHECK(one.stimulus == two.stimulus);
  // Each trial's column goes through the same operations whatever its block.
  CHECK((one.after_cue - two.after_cue).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((one.after_delay - two.after_delay).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("attractor information: bad designs are rejected with the reason") {
  const AttractorParameters p;
  const Network net = build_network(p, NetworkSize{100, 0.2, 3, 3}, 1);
  ExperimentDesign d;
  CHECK_THROWS_WITH(validate(d, net), Catch::Contains("need p >= 4"));  // 4 familiar stimuli, 3 patterns
  d.familiarity = Familiarity::novel;
  CHECK_NOTHROW(validate(d, net));
  d.projection_dimension = 0;
  CHECK_THROWS_WITH(validate(d, net), Catch::Contains("projection dimension must be at least 1"));
  d = ExperimentDesign{};
  d.familiarity = Familiarity::novel;
  d.trials = 7;
  CHECK_THROWS_WITH(validate(d, net), Catch::Contains("at least 2 trials per stimulus"));
  d.trials = 400;
  d.cue_noise = -1;
  CHECK_THROWS_WITH(validate(d, net), Catch::Contains("cue noise"));
  CHECK_THROWS(parse_readout("pca"));
  CHECK_THROWS(parse_stimulus_design("image"));
}

TEST_CASE("attractor information: mean-field information per neuron against nested adaptive quadrature") {
  const AttractorParameters p;
  const MeanField mf(p);
  const double alpha = 0.2;
  const double fast = mean_field_pattern_information(p, mf, alpha);
  // Independent: H(h) = -int p ln p dh with p(h) = E_xi N(h; a(xi), Delta),
  // both integrals by GSL's adaptive qagi (relative 1e-12 inside, the outer
  // on the real line).
  const RetrievalState s = mf.retrieval_state(alpha);
  REQUIRE(s.retrieval);
  const double sd = std::sqrt(s.delta);
  const LearningRule& rule = mf.rule();
  const auto density = [&](double h) {
    return standard_normal_expectation([&](double xi) {
      const double u = (h - rule.A * rule.f(p.phi(xi)) * s.q) / sd;
      return std::exp(-0.5 * u * u) / (std::sqrt(2 * M_PI) * sd);
    });
  };
  // h = centre + sd t: integrate over t against a unit-width standard normal weight's reciprocal.
  const double centre = rule.A * s.q * (p.q_f - 0.5);
  const double entropy = standard_normal_expectation([&](double t) {
    const double h = centre + 3 * sd * t;
    const double d = density(h);
    const double weight = std::exp(-0.5 * t * t) / std::sqrt(2 * M_PI);
    return d > 0 ? -d * std::log(d) * 3 * sd / weight : 0.0;
  });
  const double slow = entropy - 0.5 * std::log(2 * M_PI * M_E * s.delta);
  // The trapezoid rules converge faster than any power of their steps; the
  // nested rule is good to ~1e-9 relative. Allow 1e-6 nats.
  CHECK(fast == Approx(slow).margin(1e-6));
  CHECK(fast > 0);
  // No retrieval state, no information: NaN.
  CHECK(std::isnan(mean_field_pattern_information(p, mf, 0.9)));
}

TEST_CASE("attractor information: a simulated retrieval state holds the mean-field information about its pattern") {
  const AttractorParameters p;
  IntegrationOptions integration;
  integration.threads = 1;
  ProtocolOptions protocol;
  protocol.background_ms = 100;
  protocol.cue_ms = 200;
  protocol.delay_ms = 400;
  // The network of the retrieval test in test_mean_field.cpp (m 0.96 at alpha 0.1).
  const Network net = build_network(p, NetworkSize{4000, 0.05, 20, 3}, 1);
  const ProtocolResult r = delayed_match_to_sample(p, net, protocol, integration);
  REQUIRE(r.retrieved);
  syninfo::estimators::KsgOptions ksg;
  ksg.threads = 1;
  const auto measured = pattern_information_per_neuron(net.currents.col(0), r.final_rates, ksg);
  const double theory = mean_field_pattern_information(p, MeanField(p), 0.1);
  INFO("KSG " << measured.value << " +- " << measured.standard_error << " nats, mean field " << theory);
  // 3 standard errors, plus 0.05 nats (about 10%) for the finite network:
  // K = 200 inputs (the signal q fluctuates from neuron to neuron by ~K^-1/2)
  // and c = 0.05 (loops the strongly diluted theory leaves out).
  CHECK(std::abs(measured.value - theory) < 3 * measured.standard_error + 0.05);
}

TEST_CASE("attractor capacity scan: loads sorted, p from alpha K, results independent of threads") {
  const AttractorParameters p;
  CapacityScanOptions o;
  o.N = 600;
  o.c = 0.2;  // K = 120
  o.alphas = {1.5, 0.05};
  o.seeds = 2;
  o.protocol.background_ms = 20;
  o.protocol.cue_ms = 60;
  o.protocol.delay_ms = 100;
  IntegrationOptions one;
  one.dt_ms = 1;
  one.threads = 1;
  IntegrationOptions two = one;
  two.threads = 2;
  const CapacityScan a = simulate_capacity(p, o, one);
  const CapacityScan b = simulate_capacity(p, o, two);
  REQUIRE(a.loads.size() == 2);
  CHECK(a.loads[0].p == 6);    // round(0.05 * 120)
  CHECK(a.loads[1].p == 180);  // round(1.5 * 120)
  for (std::size_t k = 0; k < 2; ++k) CHECK(a.loads[k].final_m == b.loads[k].final_m);  // runs are single-threaded
  // Retrieval at alpha 0.05, none at 1.5 (nearly three times the capacity):
  // alpha_c lies between, interpolated at the fraction 1/2.
  CHECK(a.loads[0].retrieved_fraction == 1.0);
  CHECK(a.loads[1].retrieved_fraction == 0.0);
  CHECK(a.alpha_c == Approx((0.05 + 1.5) / 2).epsilon(1e-12));
  o.alphas = {};
  CHECK_THROWS_WITH(simulate_capacity(p, o, one), Catch::Contains("no loads"));
}
