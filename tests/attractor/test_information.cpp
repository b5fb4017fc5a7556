#include "syninfo/attractor/information.hpp"
#include "syninfo/attractor/information_gaussian.hpp"
#include "syninfo/random.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>

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
