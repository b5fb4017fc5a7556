#include "syninfo/attractor/model.hpp"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace syninfo::attractor {

double TransferFunction::operator()(double h) const { return r_max / (1.0 + std::exp(-beta * (h - h0))); }

double RuleFactor::operator()(double r) const { return 0.5 * (2.0 * q - 1.0 + std::tanh(beta * (r - x))); }

namespace {
void require(bool ok, const std::string& name, const std::string& rule, double value) {
  if (ok) return;
  throw std::invalid_argument(name + " must be " + rule + ", got " + std::to_string(value));
}
}  // namespace

void validate(const AttractorParameters& p) {
  auto finite = [](double x) { return std::isfinite(x); };
  require(finite(p.phi.r_max) && p.phi.r_max > 0, "r_max", "a positive finite rate", p.phi.r_max);
  require(finite(p.phi.beta) && p.phi.beta > 0, "beta", "positive and finite", p.phi.beta);
  require(finite(p.phi.h0), "h0", "finite", p.phi.h0);
  require(finite(p.A) && p.A >= 0, "A", "non-negative and finite", p.A);
  require(finite(p.q_f) && p.q_f >= 0 && p.q_f <= 1, "q_f", "in [0, 1]", p.q_f);
  require(finite(p.beta_f) && p.beta_f > 0, "beta_f", "positive and finite", p.beta_f);
  require(finite(p.x_f), "x_f", "finite", p.x_f);
  require(finite(p.beta_g) && p.beta_g > 0, "beta_g", "positive and finite", p.beta_g);
  require(finite(p.x_g), "x_g", "finite", p.x_g);
  require(finite(p.tau_ms) && p.tau_ms > 0, "tau", "positive and finite", p.tau_ms);
}

double standard_normal_expectation(const std::function<double(double)>& F, double* abs_error) {
  struct Context {
    const std::function<double(double)>* F;
  } context{&F};
  gsl_function g;
  g.function = [](double x, void* c) {
    constexpr double inv_sqrt_2pi = 0.39894228040143267793994605993438;
    return (*static_cast<Context*>(c)->F)(x) * inv_sqrt_2pi * std::exp(-0.5 * x * x);
  };
  g.params = &context;
  constexpr std::size_t limit = 1000;
  std::unique_ptr<gsl_integration_workspace, void (*)(gsl_integration_workspace*)> w(
      gsl_integration_workspace_alloc(limit), gsl_integration_workspace_free);
  double value = 0, error = 0;
  gsl_error_handler_t* old = gsl_set_error_handler_off();
  const int status = gsl_integration_qagi(&g, 1e-14, 1e-12, limit, w.get(), &value, &error);
  gsl_set_error_handler(old);
  if (status != GSL_SUCCESS && error > 1e-9 * (1 + std::abs(value)))
    throw std::runtime_error(std::string("Gaussian expectation did not converge: ") + gsl_strerror(status));
  if (abs_error) *abs_error = error;
  return value;
}

LearningRule make_learning_rule(const AttractorParameters& p) {
  validate(p);
  LearningRule rule;
  rule.A = p.A;
  rule.f = RuleFactor{p.q_f, p.beta_f, p.x_f};
  // E[g] = (1/2)(2 q_g - 1 + E[tanh(beta_g (phi - x_g))]) is linear in q_g:
  // the offset is solved in closed form, no root search.
  const double mean_tanh =
      standard_normal_expectation([&](double xi) { return std::tanh(p.beta_g * (p.phi(xi) - p.x_g)); });
  rule.g = RuleFactor{(1.0 - mean_tanh) / 2.0, p.beta_g, p.x_g};
  const auto f_of = [&](double xi) { return rule.f(p.phi(xi)); };
  const auto g_of = [&](double xi) { return rule.g(p.phi(xi)); };
  rule.mean_f2 = standard_normal_expectation([&](double xi) { return f_of(xi) * f_of(xi); });
  rule.mean_g2 = standard_normal_expectation([&](double xi) { return g_of(xi) * g_of(xi); });
  rule.mean_g = standard_normal_expectation(g_of);
  return rule;
}

}  // namespace syninfo::attractor
