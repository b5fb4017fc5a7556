#include "syninfo/attractor/dynamics.hpp"

#include "syninfo/random.hpp"

#include <catch2/catch.hpp>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

#include <cmath>

using namespace syninfo::attractor;

namespace {

struct DenseSystem {
  AttractorParameters p;
  Eigen::MatrixXd W;
  Eigen::VectorXd I;
};

// The right-hand side written again from the model's definition with a dense
// matrix, for GSL's integrator (shares no code with rate_derivative).
int dense_rhs(double, const double y[], double dydt[], void* params) {
  const auto& s = *static_cast<const DenseSystem*>(params);
  const auto n = s.W.rows();
  Eigen::Map<const Eigen::VectorXd> r(y, n);
  const Eigen::VectorXd h = s.W * r + s.I;
  for (Eigen::Index i = 0; i < n; ++i)
    dydt[i] = (s.p.phi.r_max / (1 + std::exp(-s.p.phi.beta * (h[i] - s.p.phi.h0))) - y[i]) / s.p.tau_ms;
  return GSL_SUCCESS;
}

// GSL's Runge-Kutta-Prince-Dormand (8, 9) with tight adaptive tolerances.
Eigen::VectorXd gsl_reference(DenseSystem& system, Eigen::VectorXd r, double t_end) {
  const auto n = static_cast<std::size_t>(r.size());
  gsl_odeiv2_system sys{dense_rhs, nullptr, n, &system};
  gsl_odeiv2_driver* d = gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, 1e-3, 1e-13, 1e-13);
  double t = 0;
  const int status = gsl_odeiv2_driver_apply(d, &t, t_end, r.data());
  gsl_odeiv2_driver_free(d);
  REQUIRE(status == GSL_SUCCESS);
  return r;
}

struct Setup {
  AttractorParameters p;
  Network net;
  Eigen::VectorXd r0, I;
};

Setup small_network() {
  Setup s;
  s.net = build_network(s.p, NetworkSize{24, 1.0, 3, 21}, 1);
  s.r0.resize(24);
  syninfo::Rng rng(3, 0);
  for (Eigen::Index i = 0; i < 24; ++i) s.r0[i] = s.p.phi(rng.normal());
  s.I = s.net.currents.col(0);
  return s;
}

double error_at(const Setup& s, const Eigen::VectorXd& reference, Scheme scheme, double dt, double t_end) {
  Eigen::VectorXd r = s.r0;
  IntegrationOptions o;
  o.dt_ms = dt;
  o.scheme = scheme;
  o.threads = 1;
  integrate(s.p, s.net.J, s.I, r, static_cast<std::size_t>(std::llround(t_end / dt)), o);
  return (r - reference).cwiseAbs().maxCoeff();
}

}  // namespace

TEST_CASE("attractor dynamics: Euler and Heun converge to GSL's rk8pd at orders 1 and 2") {
  const Setup s = small_network();
  DenseSystem system{s.p, dense_weights(s.net), s.I};
  const double t_end = 60.0;  // three membrane time constants: far from the start, not yet at rest
  const Eigen::VectorXd reference = gsl_reference(system, s.r0, t_end);
  REQUIRE((reference - s.r0).cwiseAbs().maxCoeff() > 1.0);  // the rates really moved (Hz)
  // Halving the step divides the global error by 2^order. Tolerance: the
  // ratio within 10% of 2^order (the leading error term dominates at these
  // steps; rk8pd's own error, ~1e-11 Hz, is far below the smallest error here).
  const double e1 = error_at(s, reference, Scheme::euler, 0.2, t_end);
  const double e2 = error_at(s, reference, Scheme::euler, 0.1, t_end);
  CHECK(e1 / e2 == Approx(2.0).epsilon(0.1));
  const double h1 = error_at(s, reference, Scheme::heun, 0.2, t_end);
  const double h2 = error_at(s, reference, Scheme::heun, 0.1, t_end);
  CHECK(h1 / h2 == Approx(4.0).epsilon(0.1));
  // The published step (0.5 ms, Euler) against the reference: what it costs, stated.
  const double published = error_at(s, reference, Scheme::euler, 0.5, t_end);
  INFO("Euler at 0.5 ms: max error " << published << " Hz; Heun at 0.1 ms: " << h2 << " Hz");
  CHECK(published < 0.05 * reference.cwiseAbs().maxCoeff());
  CHECK(h2 < 1e-3);
}

TEST_CASE("attractor dynamics: a hand-made two-neuron network against GSL") {
  // J = [[0, w], [w, 0]] with w = 0.05 per Hz: mutual excitation, input 1 on neuron 0.
  AttractorParameters p;
  Network net;
  net.J.n = 2;
  net.J.row_start = {0, 1, 2};
  net.J.cols = {1, 0};
  net.J.values = {0.05, 0.05};
  DenseSystem system{p, Eigen::MatrixXd(2, 2), Eigen::VectorXd(2)};
  system.W << 0, 0.05, 0.05, 0;
  system.I << 1.0, 0.0;
  Eigen::VectorXd r0(2);
  r0 << 1.0, 2.0;
  const Eigen::VectorXd reference = gsl_reference(system, r0, 100.0);
  Eigen::VectorXd r = r0;
  IntegrationOptions o;
  o.dt_ms = 0.01;
  o.scheme = Scheme::heun;
  integrate(p, net.J, system.I, r, 10000, o);
  // Heun's global error at dt = 0.01 ms over 5 tau: ~1e-7 Hz for rates of tens of Hz.
  CHECK((r - reference).cwiseAbs().maxCoeff() < 1e-5);
}

TEST_CASE("attractor dynamics: overlaps are the definitions, and bad options are rejected") {
  const Setup s = small_network();
  const Overlaps o = overlaps(s.net, s.r0);
  double q0 = 0;
  for (Eigen::Index i = 0; i < 24; ++i) q0 += s.net.g_rates(i, 0) * s.r0[i];
  q0 /= 24;
  CHECK(o.q[0] == Approx(q0).epsilon(1e-13));
  const double mean = s.r0.mean();
  const double sd = std::sqrt((s.r0.array() - mean).square().mean());
  CHECK(o.m[0] == Approx(q0 / (std::sqrt(s.net.rule.mean_g2) * sd)).epsilon(1e-13));
  IntegrationOptions bad;
  bad.dt_ms = -0.1;
  Eigen::VectorXd r = s.r0;
  CHECK_THROWS_WITH(integrate(s.p, s.net.J, s.I, r, 1, bad), Catch::Contains("dt must be positive"));
  ProtocolOptions protocol;
  protocol.cue_pattern = 3;
  CHECK_THROWS_WITH(delayed_match_to_sample(s.p, s.net, protocol, {}), Catch::Contains("cue pattern 3 does not exist"));
  CHECK_THROWS(parse_scheme("rk4"));
}
