#include "attractor_common.hpp"

#include <cmath>
#include <limits>

namespace syninfo::cli::attractor_cli {

using namespace syninfo::attractor;

json::Value num(double x) { return std::isfinite(x) ? json::Value::number(x) : json::Value(); }

const std::set<std::string> model_options = {"A", "r-max", "beta", "h0", "q-f", "beta-f", "x-f", "beta-g", "x-g", "tau"};

AttractorParameters model_from(const Args& args) {
  AttractorParameters p;
  const double inf = std::numeric_limits<double>::infinity();
  p.A = args.get_double("A", p.A, 0, inf);
  p.phi.r_max = args.get_double("r-max", p.phi.r_max, 1e-300, inf);
  p.phi.beta = args.get_double("beta", p.phi.beta, 1e-300, inf);
  p.phi.h0 = args.get_double("h0", p.phi.h0, -inf, inf);
  p.q_f = args.get_double("q-f", p.q_f, 0, 1);
  p.beta_f = args.get_double("beta-f", p.beta_f, 1e-300, inf);
  p.x_f = args.get_double("x-f", p.x_f, -inf, inf);
  p.beta_g = args.get_double("beta-g", p.beta_f, 1e-300, inf);  // default: beta_g = beta_f
  p.x_g = args.get_double("x-g", p.x_f, -inf, inf);             // default: x_g = x_f
  p.tau_ms = args.get_double("tau", p.tau_ms, 1e-300, inf);
  return p;
}

json::Value model_json(const AttractorParameters& p, const LearningRule& rule) {
  json::Value m = json::Value::object();
  m.set("r_max_hz", num(p.phi.r_max)).set("beta", num(p.phi.beta)).set("h0", num(p.phi.h0)).set("A", num(p.A))
      .set("q_f", num(p.q_f)).set("beta_f", num(p.beta_f)).set("x_f_hz", num(p.x_f)).set("q_g", num(rule.g.q))
      .set("beta_g", num(p.beta_g)).set("x_g_hz", num(p.x_g)).set("tau_ms", num(p.tau_ms))
      .set("mean_f2", num(rule.mean_f2)).set("mean_g2", num(rule.mean_g2));
  return m;
}

const std::set<std::string> network_options = {"N", "c", "p", "seed"};

NetworkSize network_size_from(const Args& args, const NetworkSize& defaults) {
  NetworkSize size;
  size.N = static_cast<std::size_t>(args.get_int("N", static_cast<long long>(defaults.N), 2, 2'000'000'000));
  size.c = args.get_double("c", defaults.c, 0, 1);
  size.p = static_cast<std::size_t>(args.get_int("p", static_cast<long long>(defaults.p), 1, 100'000'000));
  size.seed = static_cast<std::uint64_t>(
      args.get_int("seed", static_cast<long long>(defaults.seed), 0, std::numeric_limits<long long>::max()));
  if (size.c <= 0) throw UsageError("--c must be in (0, 1], got " + *args.get("c"));
  return size;
}

json::Value network_json(const NetworkSize& size, std::size_t connections) {
  json::Value out = json::Value::object();
  const double K = size.c * static_cast<double>(size.N);
  out.set("N", count_json(size.N)).set("c", num(size.c)).set("K", num(K)).set("p", count_json(size.p))
      .set("alpha", num(static_cast<double>(size.p) / K)).set("connections", count_json(connections))
      .set("seed", json::Value::number(static_cast<unsigned long long>(size.seed)));
  return out;
}

const std::set<std::string> integration_options = {"dt", "scheme", "threads"};

IntegrationOptions integration_from(const Args& args, double default_dt_ms) {
  IntegrationOptions o;
  o.dt_ms = args.get_double("dt", default_dt_ms, 0, 1e6);
  if (o.dt_ms <= 0) throw UsageError("--dt must be positive, got " + *args.get("dt"));
  o.scheme = parse_scheme(args.get_or("scheme", "euler"));
  o.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  return o;
}

json::Value integration_json(const IntegrationOptions& o) {
  return json::Value::object().set("scheme", json::Value::string(to_string(o.scheme))).set("dt_ms", num(o.dt_ms));
}

}  // namespace syninfo::cli::attractor_cli
