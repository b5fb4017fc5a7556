#include "syninfo/truth/truth_json.hpp"

#include "syninfo/json_fields.hpp"
#include "syninfo/mutual_information.hpp"

#include <numbers>
#include <string>

namespace syninfo::truth {
namespace {

void set_smc_fields(json::Value& item, const TruthReport& report, const TruthOptions& options) {
  item.set("particles", count_json(report.smc_particles_used));
  item.set("replicates", count_json(options.smc_replicates));
  if (report.smc_paired_steps > 0)  // a degenerate ensemble (proofs/degenerate_ensembles.md section 6)
    item.set("paired_steps", count_json(report.smc_paired_steps));
  item.set("bias_correction_nats", number_or_null(report.smc_bias_correction));
  item.set("bias_allowance_nats", number_or_null(report.smc_bias_allowance));
  item.set("statistical_error_nats", number_or_null(report.smc_statistical_error));
  item.set("mean_relative_variance", number_or_null(report.smc_mean_relative_variance));
  item.set("max_relative_variance", number_or_null(report.smc_max_relative_variance));
  item.set("zero_density_samples", count_json(report.smc_zero_density));
  item.set("particle_check_shift_nats", number_or_null(report.smc_particle_check_shift));
  item.set("particle_check_error_nats", number_or_null(report.smc_particle_check_error));
  item.set("control_variate", json::Value::boolean(report.smc_control_variate));
  if (report.smc_control_variate) {
    item.set("control_correlation", number_or_null(report.smc_control_correlation));
    item.set("uncontrolled_statistical_error_nats", number_or_null(report.smc_uncontrolled_error));
  }
}

void set_noise_levels(json::Value& item, const TruthReport& report) {
  json::Value levels = json::Value::array();
  for (const auto& [scale, level] : report.noise_levels)
    levels.push(json::Value::object()
                    .set("eps", json::Value::number(scale))
                    .set("mi_nats", number_or_null(level.value))
                    .set("standard_error_nats", number_or_null(level.standard_error)));
  item.set("levels", std::move(levels));
  item.set("remainder_nats", number_or_null(report.noise_remainder));
  item.set("remainder_error_nats", number_or_null(report.noise_remainder_error));
}

// The wall-clock seconds of the run that made estimate `method`.
bool timed_by(const std::string& run, const std::string& method) {
  return run == method || (run == "smc" && method == "smc_lower_bound") ||
         (run == "smc_noise" && method == "smc_noise_extrapolated");
}

json::Value estimate_json(const estimators::Estimate& e, const TruthReport& report, const TruthOptions& options) {
  json::Value item = json::Value::object().set("method", json::Value::string(e.method));
  set_information_fields(item, "mi", e.value, e.standard_error);
  item.set("error_method", json::Value::string(e.error_method)).set("samples", count_json(e.samples));
  if (e.method == "ksg1") {
    item.set("y", json::Value::string(report.ksg_y));
    item.set("y_columns", count_json(report.ksg_y_columns));
    item.set("k", json::Value::number(options.k));
  }
  if (e.method == "smc" || e.method == "smc_lower_bound") set_smc_fields(item, report, options);
  for (const auto& [run, sec] : report.seconds)
    if (timed_by(run, e.method)) item.set("seconds", json::Value::number(sec));
  if (e.method == "smc_noise_extrapolated") set_noise_levels(item, report);
  if (e.method == "cmc") {
    item.set("inner", count_json(options.inner));
    item.set("bias_correction_nats", number_or_null(report.cmc_bias_correction));
    item.set("zero_density_samples", count_json(report.cmc_zero_density));
  }
  return item;
}

void set_information_kind(json::Value& out, const TruthReport& report) {
  out.set("information", json::Value::string(report.information));  // finite, infinite or undefined
  if (!report.information_reason.empty())
    out.set("information_reason", json::Value::string(report.information_reason));
}

json::Value best_json(const TruthReport& report) {
  json::Value best = json::Value::object().set("method", json::Value::string(report.best.method));
  set_information_fields(best, "mi", report.best.value, report.best.standard_error);
  best.set("lower_bound", json::Value::boolean(report.best_is_lower_bound));
  set_information_kind(best, report);
  if (report.best.method == "smc_lower_bound") best.set("sub_ensemble", index_array(report.lower_bound_synapses));
  return best;
}

json::Value closed_form_json(const Problem<double>& problem) {
  const MiResult<double> fw = fenton_wilkinson_mutual_information(problem);
  json::Value closed = json::Value::object().set("status", json::Value::string(to_string(fw.status)));
  if (!fw.detail.empty()) closed.set("detail", json::Value::string(fw.detail));
  closed.set("mi_nats", fw.ok() ? number_or_null(fw.mi_nats) : json::Value());
  closed.set("mi_bits", fw.ok() ? number_or_null(fw.mi_nats / std::numbers::ln2) : json::Value());
  closed.set("precision", json::Value::string("double"));
  return closed;
}

}  // namespace

json::Value truth_report_json(const Problem<double>& problem, const TruthOptions& options, const TruthReport& report) {
  json::Value estimates = json::Value::array();
  for (const auto& e : report.estimates) estimates.push(estimate_json(e, report, options));
  json::Value notes = json::Value::array();
  for (const auto& n : report.notes) notes.push(json::Value::string(n));
  json::Value out = json::Value::object()
                        .set("command", json::Value::string("truth"))
                        .set("N", count_json(problem.patterns.neurons()))
                        .set("P", count_json(problem.patterns.count()))
                        .set("n", count_json(problem.ensemble.size()))
                        .set("pattern", count_json(problem.pattern))
                        .set("seed", json::Value::number(static_cast<unsigned long long>(options.seed)));
  // The best estimate at the top, as every other command puts its result.
  set_information_fields(out, "mi", report.best.value, report.best.standard_error);
  set_information_kind(out, report);
  out.set("best", best_json(report))
      .set("reliable", json::Value::boolean(report.reliable))
      .set("reliability_note", json::Value::string(report.reliability_note))
      .set("estimates", std::move(estimates))
      .set("closed_form", closed_form_json(problem))
      .set("gaussian_channel_nats", number_or_null(report.gaussian_channel))
      .set("notes", std::move(notes));
  return out;
}

}  // namespace syninfo::truth
