// Generator of the brute-force reference for a correlated ensemble: two
// synapses sharing a neuron, (0, 1) and (1, 2), P = 2 patterns, k = 0.
// Prints tests/truth/two_synapse_reference.hpp.
//
// Method (independent of every Monte Carlo estimator): W = T^1 + T^2 with
// ln T^mu ~ Normal(g^mu, G^mu) in R^2. Per coordinate, the substitution
// T^1_a = W_a r_a, T^2_a = W_a (1 - r_a), r_a = 1 / (1 + e^-t_a) has unit
// Jacobian in (ln W_a, t_a), so the density of u = ln W is
//     q(u) = integral over R^2 of phi_1(u - softplus(-t)) phi_2(u - softplus(t)) dt
// with phi_mu the exact bivariate normal densities (no interpolation). q is
// tabulated on a uniform grid and h(W) = -sum q ln q du + sum q (u_1 + u_2) du
// (trapezoid rule; spectrally accurate for these smooth, rapidly decaying
// integrands). R^(0) = T^2 is a single log-normal: h(R) is exact. The run is
// repeated at a finer resolution and the reported error is |fine - coarse|.
//
// Build: the target syninfo_truth_reference (not part of the test run); run
// it and redirect its output to the header.
#include "syninfo/truth/model_sampling.hpp"
#include "truth_test_helpers.hpp"

#include "syninfo/parallel.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <cstdio>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846;

double softplus(double x) { return x > 0.0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
double log_expm1(double x) { return x > 30.0 ? x + std::log1p(-std::exp(-x)) : std::log(std::expm1(x)); }

struct Gauss2 {
  Eigen::Vector2d mean;
  Eigen::Matrix2d prec;
  double log_norm = 0.0;
  Eigen::Vector2d sd;
  explicit Gauss2(const syninfo::truth::LogTerm& t) : mean(t.mean) {
    const Eigen::Matrix2d c = t.cov;
    prec = c.inverse();
    log_norm = -std::log(2.0 * kPi) - 0.5 * std::log(c.determinant());
    sd = c.diagonal().cwiseSqrt();
  }
  double log_pdf(double x, double y) const {
    const double dx = x - mean(0), dy = y - mean(1);
    return log_norm - 0.5 * (prec(0, 0) * dx * dx + 2.0 * prec(0, 1) * dx * dy + prec(1, 1) * dy * dy);
  }
};

// h(W) in nats at resolution pps (grid nodes per smallest standard deviation).
double entropy_of_sum(const Gauss2& a, const Gauss2& b, double pps, double tail) {
  const double scale = std::min(a.sd.minCoeff(), b.sd.minCoeff());
  const double du = scale / pps, dt = scale / pps;
  double lo[2], hi[2];
  for (int c = 0; c < 2; ++c) {
    lo[c] = std::max(a.mean(c) - tail * a.sd(c), b.mean(c) - tail * b.sd(c));
    const double x = a.mean(c) + tail * a.sd(c), y = b.mean(c) + tail * b.sd(c);
    hi[c] = std::max(x, y) + std::log1p(std::exp(-std::abs(x - y)));
  }
  const auto n0 = static_cast<std::size_t>(std::ceil((hi[0] - lo[0]) / du)) + 1;
  const auto n1 = static_cast<std::size_t>(std::ceil((hi[1] - lo[1]) / du)) + 1;
  std::vector<double> q(n0 * n1, 0.0);
  syninfo::parallel_for(n0, 0, [&](std::size_t begin, std::size_t end) {
    std::vector<double> ta0, ta1, tb0, tb1;
    for (std::size_t i = begin; i < end; ++i) {
      const double u0 = lo[0] + du * static_cast<double>(i);
      for (std::size_t j = 0; j < n1; ++j) {
        const double u1 = lo[1] + du * static_cast<double>(j);
        const double u[2] = {u0, u1};
        // t window per coordinate: both log-terms within `tail` sd.
        double tlo[2], thi[2];
        bool empty = false;
        for (int c = 0; c < 2; ++c) {
          const double d1 = u[c] - a.mean(c) + tail * a.sd(c), e1 = u[c] - b.mean(c) + tail * b.sd(c);
          if (!(d1 > 0.0) || !(e1 > 0.0)) {
            empty = true;
            break;
          }
          tlo[c] = -log_expm1(d1);
          thi[c] = log_expm1(e1);
          if (!(thi[c] > tlo[c])) empty = true;
        }
        if (empty) continue;
        std::vector<double>* ga[2] = {&ta0, &ta1};
        std::vector<double>* gb[2] = {&tb0, &tb1};
        std::size_t count[2];
        double h[2];
        for (int c = 0; c < 2; ++c) {
          count[c] = static_cast<std::size_t>(std::ceil((thi[c] - tlo[c]) / dt)) + 1;
          h[c] = (thi[c] - tlo[c]) / static_cast<double>(count[c] - 1);
          ga[c]->resize(count[c]);
          gb[c]->resize(count[c]);
          for (std::size_t s = 0; s < count[c]; ++s) {
            const double t = tlo[c] + h[c] * static_cast<double>(s);
            (*ga[c])[s] = u[c] - softplus(-t);
            (*gb[c])[s] = u[c] - softplus(t);
          }
        }
        double sum = 0.0;
        for (std::size_t s = 0; s < count[0]; ++s) {
          const double w0 = (s == 0 || s + 1 == count[0]) ? 0.5 : 1.0;
          for (std::size_t r = 0; r < count[1]; ++r) {
            const double w1 = (r == 0 || r + 1 == count[1]) ? 0.5 : 1.0;
            sum += w0 * w1 * std::exp(a.log_pdf(ta0[s], ta1[r]) + b.log_pdf(tb0[s], tb1[r]));
          }
        }
        q[i * n1 + j] = sum * h[0] * h[1];
      }
    }
  });
  double mass = 0.0, h = 0.0;
  for (std::size_t i = 0; i < n0; ++i)
    for (std::size_t j = 0; j < n1; ++j) {
      const double v = q[i * n1 + j];
      if (!(v > 0.0)) continue;
      mass += v;
      h += -v * std::log(v) + v * (lo[0] + du * static_cast<double>(i) + lo[1] + du * static_cast<double>(j));
    }
  std::fprintf(stderr, "pps %g: grid %zu x %zu, mass %.12f\n", pps, n0, n1, mass * du * du);
  return h * du * du;
}

}  // namespace

int main() {
  using namespace syninfo;
  const Problem<double> p = truth::testing::two_synapse_problem();
  const auto terms = truth::log_terms(p);
  const Gauss2 a(terms[0]), b(terms[1]);
  const double coarse = entropy_of_sum(a, b, 6.0, 8.0);
  const double fine = entropy_of_sum(a, b, 9.0, 8.0);
  // h(R) = h(T^2): sum of log means + 0.5 ln((2 pi e)^2 det G^2).
  const double h_r = terms[1].mean.sum() + 0.5 * std::log(std::pow(2.0 * kPi * std::exp(1.0), 2) * terms[1].cov.determinant());
  std::printf("// Generated by tests/truth/generate_two_synapse_reference.cpp (2-D quadrature); do not edit.\n");
  std::printf("#pragma once\n\nnamespace syninfo::truth::testing {\n\n");
  std::printf("// h(W_E), h(R^(0)) and I(W_E; x^0) in nats for the problem built in the generator.\n");
  std::printf("inline constexpr double kTwoSynapseEntropyW = %.12f;\n", fine);
  std::printf("inline constexpr double kTwoSynapseEntropyR = %.12f;\n", h_r);
  std::printf("inline constexpr double kTwoSynapseInformation = %.12f;\n", fine - h_r);
  std::printf("inline constexpr double kTwoSynapseError = %.3e;  // |fine - coarse| quadrature\n",
              std::abs(fine - coarse));
  std::printf("\n}  // namespace syninfo::truth::testing\n");
}
