#include "syninfo/audit/audit_json.hpp"

#include "syninfo/json_fields.hpp"

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace syninfo::audit {
namespace {

constexpr double kLn2 = std::numbers::ln2;

json::Value str(const std::string& s) { return json::Value::string(s); }
json::Value strings(const std::vector<std::string>& list) {
  json::Value out = json::Value::array();
  for (const auto& s : list) out.push(str(s));
  return out;
}

json::Value moments_json(const SumAudit& s, const Ensemble& ensemble) {
  if (!s.present) return json::Value();
  json::Value rows = json::Value::array();
  for (std::size_t a = 0; a < s.moments.size(); ++a) {
    const auto& m = s.moments[a];
    json::Value exact = json::Value::object()
                            .set("mean", number_or_null(std::exp(m.log_mean)))
                            .set("log_mean", number_or_null(m.log_mean))
                            .set("variance", number_or_null(std::exp(m.log_variance)))
                            .set("log_variance", number_or_null(m.log_variance))
                            .set("skewness", number_or_null(m.skewness))
                            .set("log_skewness", number_or_null(m.log_skewness))
                            .set("excess_kurtosis", number_or_null(m.excess_kurtosis))
                            .set("log_excess_kurtosis", number_or_null(m.log_excess_kurtosis));
    json::Value fw = json::Value::object()
                         .set("lambda", a < s.lambda.size() ? number_or_null(s.lambda[a]) : json::Value())
                         .set("log_variance", number_or_null(m.fw_log_variance))
                         .set("skewness", number_or_null(m.fw_skewness))
                         .set("excess_kurtosis", number_or_null(m.fw_excess_kurtosis));
    json::Value row = json::Value::object()
                          .set("synapse", count_json(a))
                          .set("pair", json::Value::array({count_json(ensemble[a].i), count_json(ensemble[a].j)}))
                          .set("degenerate", json::Value::boolean(m.degenerate))
                          .set("exact", std::move(exact))
                          .set("fenton_wilkinson", std::move(fw));
    if (a < s.sample_moments.size() && s.sample_moments[a].samples > 0) {
      const auto& sm = s.sample_moments[a];
      row.set("sample", json::Value::object()
                            .set("samples", count_json(sm.samples))
                            .set("log_mean", number_or_null(sm.log_mean))
                            .set("mean_relative_se", number_or_null(sm.errors.mean))
                            .set("log_variance", number_or_null(sm.log_variance))
                            .set("variance_relative_se", number_or_null(sm.errors.relative_variance))
                            .set("skewness", number_or_null(sm.skewness))
                            .set("skewness_se", number_or_null(sm.errors.skewness))
                            .set("excess_kurtosis", number_or_null(sm.excess_kurtosis))
                            .set("excess_kurtosis_se", number_or_null(sm.errors.excess_kurtosis))
                            .set("se_method", str("delta method from the exact central moments to order 8")));
    }
    rows.push(std::move(row));
  }
  return rows;
}

json::Value ks_json(const SumAudit& s) {
  if (!s.present) return json::Value();
  json::Value rows = json::Value::array();
  for (std::size_t a = 0; a < s.ks.size(); ++a)
    rows.push(json::Value::object()
                  .set("synapse", count_json(a))
                  .set("statistic", number_or_null(s.ks[a].statistic))
                  .set("p_value", number_or_null(s.ks[a].p_value))
                  .set("exceeds_critical", json::Value::boolean(s.ks[a].exceeds_critical)));
  return rows;
}

json::Value error_json(const ErrorEstimate& e, const char* quantity) {
  json::Value out = json::Value::object().set("available", json::Value::boolean(e.available));
  if (!e.reason.empty()) out.set("reason", str(e.reason));
  const std::string q = quantity;
  out.set(q + "_fw_nats", number_or_null(e.fw))
      .set(q + "_true_nats", number_or_null(e.truth))
      .set(q + "_true_se_nats", number_or_null(e.truth_se))
      .set("difference_nats", number_or_null(e.difference))
      .set("method", e.method.empty() ? json::Value() : str(e.method))
      .set("error_method", e.error_method.empty() ? json::Value() : str(e.error_method));
  if (q == "h")
    out.set("biased", json::Value::boolean(e.biased)).set("bias_note", e.bias_note.empty() ? json::Value() : str(e.bias_note));
  return out;
}

json::Value estimate_json(const estimators::Estimate& e) {
  return json::Value::object()
      .set("method", str(e.method))
      .set("mi_nats", number_or_null(e.value))
      .set("standard_error_nats", number_or_null(e.standard_error))
      .set("samples", count_json(e.samples))
      .set("error_method", str(e.error_method));
}

}  // namespace

json::Value audit_report_json(const FentonWilkinsonAudit& r, const Problem<double>& problem) {
  json::Value closed = json::Value::object()
                           .set("status", str(to_string(r.status)))
                           .set("detail", r.detail.empty() ? json::Value() : str(r.detail))
                           .set("mi_nats", number_or_null(r.mi_fw))
                           .set("mi_bits", number_or_null(r.mi_fw / kLn2))
                           .set("precision", str(r.precision))
                           .set("agreement_digits", r.agreement_digits >= 0 ? json::Value::number(r.agreement_digits)
                                                                            : json::Value())
                           .set("pd_policy", str(r.pd_policy))
                           .set("pd_verdict", r.pd_verdict.empty() ? json::Value() : str(r.pd_verdict))
                           .set("K", json::Value::object()
                                         .set("positive_definite", json::Value::boolean(r.k_positive_definite))
                                         .set("min_eigenvalue", number_or_null(r.k_min_eigenvalue)))
                           .set("K_prime", r.patterns >= 2
                                               ? json::Value::object()
                                                     .set("positive_definite",
                                                          json::Value::boolean(r.k_prime_positive_definite))
                                                     .set("min_eigenvalue", number_or_null(r.k_prime_min_eigenvalue))
                                               : json::Value())
                           .set("warnings", strings(r.warnings))
                           .set("repaired", strings(r.repaired))
                           .set("gaussian_channel_nats", number_or_null(r.gaussian_channel));
  const double critical = r.options.sampling ? audit::ks_critical_value_5pct(r.options.samples) : NAN;
  json::Value ks = json::Value::object()
                       .set("samples", count_json(r.options.samples))
                       .set("critical_value_5pct", number_or_null(critical))
                       .set("W_E", ks_json(r.w))
                       .set("R_k", ks_json(r.r));
  const auto& m = r.mi;
  json::Value mi = error_json(m, "mi");
  mi.set("relative_error", number_or_null(m.relative)).set("relative_error_se", number_or_null(m.relative_se));
  mi.set("truth_available", json::Value::boolean(m.truth_available));
  const auto& tv = m.truth_verdict;
  json::Value sub = json::Value();
  if (tv.lower_bound) {
    sub = json::Value::array();
    for (std::size_t a : tv.lower_bound_synapses) sub.push(count_json(a));
  }
  json::Value checks = json::Value::array();
  for (const auto& e : m.cross_checks) checks.push(estimate_json(e));
  mi.set("reliable", json::Value::boolean(m.truth_available && tv.reliable))
      .set("reliability_note", tv.note.empty() ? json::Value() : str(tv.note))
      .set("lower_bound", json::Value::boolean(tv.lower_bound))
      .set("lower_bound_synapses", std::move(sub))
      .set("lower_bound_gap_nats", number_or_null(m.lower_bound_gap))
      .set("smc_particles", m.smc_particles ? count_json(m.smc_particles) : json::Value())
      .set("cross_checks", std::move(checks));
  return json::Value::object()
      .set("command", str("audit"))
      .set("N", count_json(r.neurons))
      .set("P", count_json(r.patterns))
      .set("n", count_json(r.synapses))
      .set("pattern", count_json(r.pattern))
      .set("seed", json::Value::number(static_cast<unsigned long long>(r.options.seed)))
      .set("samples", count_json(r.options.samples))
      .set("inner", count_json(r.options.inner))
      .set("smc_samples", count_json(r.options.smc_samples))
      .set("closed_form", std::move(closed))
      .set("moments", json::Value::object()
                          .set("W_E", moments_json(r.w, problem.ensemble))
                          .set("R_k", moments_json(r.r, problem.ensemble)))
      .set("ks", std::move(ks))
      .set("entropy_errors",
           json::Value::object().set("W_E", error_json(r.h_w, "h")).set("R_k", error_json(r.h_r, "h")))
      .set("mi_error", std::move(mi))
      .set("verdict", json::Value::object().set("kind", str(audit::to_string(m.verdict.kind))).set("text", str(m.verdict.text)))
      .set("notes", strings(r.notes))
      .set("seconds", json::Value::object()
                          .set("closed_form", number_or_null(r.seconds.closed_form))
                          .set("moments", number_or_null(r.seconds.moments))
                          .set("sampling", number_or_null(r.seconds.sampling))
                          .set("truth", number_or_null(r.seconds.truth))
                          .set("total", number_or_null(r.seconds.total)));
}

}  // namespace syninfo::audit
