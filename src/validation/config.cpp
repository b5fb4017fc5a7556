#include "syninfo/validation/config.hpp"

#include <stdexcept>

namespace syninfo::validation {

const char* to_string(Scale scale) {
  switch (scale) {
    case Scale::test: return "test";
    case Scale::quick: return "quick";
    case Scale::paper: return "paper";
  }
  return "unknown";
}

Scale scale_from_string(const std::string& name) {
  if (name == "test") return Scale::test;
  if (name == "quick") return Scale::quick;
  if (name == "paper") return Scale::paper;
  throw std::invalid_argument("--scale must be quick, paper or test, got '" + name + "'");
}

ValidationConfig config_for_scale(Scale scale) {
  ValidationConfig c;
  c.scale = scale;
  switch (scale) {
    case Scale::test:
      // Seconds, also under AddressSanitizer: tiny counts, coarse curves.
      c.set2_samples = 40;
      c.set3_samples = 40;
      c.fig4_samples = 120;
      c.curves.grid_points = 9;
      c.c7_samples = 8;
      c.c7_neurons = {16, 32};
      c.truth_plan.outer = 200;
      c.truth_plan.fig2_patterns = {2, 10};
      c.truth_plan.curve_points = 2;
      c.truth_plan.fig3_sizes = {2};
      c.truth_plan.scatter = 3;
      c.truth_plan.scatter_max_synapses = 2;
      c.truth_plan.synergy_sizes = {1, 2};
      c.truth_plan.synergy_per_size = 2;
      c.truth_plan.c7_problems = 1;
      break;
    case Scale::quick:
      break;  // the defaults above
    case Scale::paper:
      // The paper's counts (1000 per set, 20,000 for Fig. 4) and larger truth subsamples.
      c.set2_samples = 1000;
      c.set3_samples = 1000;
      c.fig4_samples = 20000;
      c.curves.grid_points = 40;
      c.c7_samples = 300;
      // smc is reliable up to n = 20 (truth/true_information.hpp), so the
      // scatter and synergy subsamples cover the whole range of n; 2000 outer
      // samples (fewer for the largest n P, see `work`) keep the run near an hour.
      c.truth_plan.outer = 2000;
      c.truth_plan.work = 100000;  // 2000 outer samples up to n P = 50, 500 at n = 20, P = 50
      c.truth_plan.max_particles = 128;
      c.truth_plan.fig2_patterns = {2, 3, 5, 10, 20, 30};
      c.truth_plan.curve_points = 6;
      c.truth_plan.fig3_sizes = {2, 3, 4, 5, 6, 8};
      c.truth_plan.scatter = 40;
      c.truth_plan.scatter_max_synapses = 20;
      c.truth_plan.synergy_sizes = {1, 2, 3, 4, 6, 8, 12, 16, 20};
      c.truth_plan.synergy_per_size = 6;
      c.truth_plan.c7_problems = 3;
      break;
  }
  return c;
}

namespace {

json::Value sizes(const std::vector<std::size_t>& v) {
  json::Value a = json::Value::array();
  for (auto x : v) a.push(json::Value::number(static_cast<unsigned long long>(x)));
  return a;
}

json::Value count(std::size_t x) { return json::Value::number(static_cast<unsigned long long>(x)); }

}  // namespace

json::Value config_fingerprint(const ValidationConfig& c) {
  const auto& r = c.random;
  const auto& k = c.curves;
  const auto& t = c.truth_plan;
  json::Value pairs = json::Value::array();
  for (const auto& p : c.ttest_pairs) pairs.push(sizes({p.first, p.second}));
  return json::Value::object()
      .set("scale", json::Value::string(to_string(c.scale)))
      .set("seed", json::Value::number(static_cast<unsigned long long>(c.seed)))
      .set("truth", json::Value::boolean(c.truth))
      .set("random_sets", json::Value::object()
                              .set("neurons", count(r.neurons))
                              .set("patterns", sizes({r.min_patterns, r.max_patterns}))
                              .set("synapses", sizes({r.min_synapses, r.max_synapses}))
                              .set("self_connections", json::Value::boolean(r.self_connections))
                              .set("mean", json::Value::array().push(json::Value::number(r.mean_low)).push(json::Value::number(r.mean_high)))
                              .set("rho", json::Value::array().push(json::Value::number(r.rho_low)).push(json::Value::number(r.rho_high)))
                              .set("bb_scale", json::Value::number(r.bb_scale))
                              .set("eigen", json::Value::array().push(json::Value::number(r.eigen_mean)).push(json::Value::number(r.eigen_sd)))
                              .set("factor_high", json::Value::number(r.factor_high)))
      .set("curves", json::Value::object()
                         .set("neurons", count(k.neurons))
                         .set("fig2_patterns", sizes(k.fig2_patterns))
                         .set("fig2a_rho", json::Value::number(k.fig2a_rho))
                         .set("fig2b_sigma2", json::Value::number(k.fig2b_sigma2))
                         .set("fig3_patterns", count(k.fig3_patterns))
                         .set("fig3a_rho", json::Value::number(k.fig3a_rho))
                         .set("fig3b_sigma2", json::Value::number(k.fig3b_sigma2))
                         .set("fig3_sizes", sizes(k.fig3_sizes))
                         .set("sigma2", json::Value::array().push(json::Value::number(k.sigma2_low)).push(json::Value::number(k.sigma2_high)))
                         .set("rho", json::Value::array().push(json::Value::number(k.rho_low)).push(json::Value::number(k.rho_high)))
                         .set("grid_points", count(k.grid_points))
                         .set("self_connections", json::Value::boolean(k.self_connections)))
      .set("counts", json::Value::object()
                         .set("set2", count(c.set2_samples))
                         .set("set3", count(c.set3_samples))
                         .set("fig4", count(c.fig4_samples))
                         .set("c7_neurons", sizes(c.c7_neurons))
                         .set("c7_samples", count(c.c7_samples)))
      .set("truth_plan", json::Value::object()
                             .set("outer", count(t.outer))
                             .set("work", count(t.work))
                             .set("max_particles", count(t.max_particles))
                             .set("quadrature_points_per_sd", json::Value::number(t.quadrature_points_per_sd))
                             .set("fig2_patterns", sizes(t.fig2_patterns))
                             .set("curve_points", count(t.curve_points))
                             .set("fig3_sizes", sizes(t.fig3_sizes))
                             .set("scatter", count(t.scatter))
                             .set("scatter_max_synapses", count(t.scatter_max_synapses))
                             .set("synergy_sizes", sizes(t.synergy_sizes))
                             .set("synergy_per_size", count(t.synergy_per_size))
                             .set("c7_problems", count(t.c7_problems)))
      .set("ttest_pairs", std::move(pairs))
      .set("histogram_sizes", sizes(c.histogram_sizes))
      .set("high_precision_verdict", json::Value::boolean(c.high_precision_verdict))
      .set("repair_floor", json::Value::number(c.repair_floor));
}

}  // namespace syninfo::validation
