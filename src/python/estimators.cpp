#include "estimators.hpp"

#include "syninfo/mutual_information.hpp"
#include "syninfo/spec.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace syninfo::python {
namespace {

py::object finite_or_none(double x) { return std::isfinite(x) ? py::object(py::float_(x)) : py::none(); }

void set_estimate(py::dict& d, const char* prefix, const estimators::Estimate& e) {
  const std::string p = prefix;
  d[py::str(p + "_nats")] = finite_or_none(e.value);
  d[py::str(p + "_bits")] = finite_or_none(e.value / std::numbers::ln2);
  d["standard_error_nats"] = finite_or_none(e.standard_error);
  d["standard_error_bits"] = finite_or_none(e.standard_error / std::numbers::ln2);
}

}  // namespace

Eigen::MatrixXd sample_matrix(const py::array_t<double, py::array::forcecast>& a, const std::string& name) {
  if (a.ndim() != 1 && a.ndim() != 2)
    throw InvalidInput(InputErrorKind::dimension_mismatch, name,
                       "expected a 1-D or 2-D array of samples (rows), got " + std::to_string(a.ndim()) + " dimensions");
  const auto rows = a.shape(0);
  const auto cols = a.ndim() == 2 ? a.shape(1) : 1;
  Eigen::MatrixXd out(rows, cols);
  if (a.ndim() == 1) {
    const auto v = a.unchecked<1>();
    for (py::ssize_t r = 0; r < rows; ++r) out(r, 0) = v(r);
  } else {
    const auto v = a.unchecked<2>();
    for (py::ssize_t r = 0; r < rows; ++r)
      for (py::ssize_t c = 0; c < cols; ++c) out(r, c) = v(r, c);
  }
  return out;
}

py::dict ksg_result(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const estimators::KsgOptions& options) {
  estimators::Estimate e;
  {
    py::gil_scoped_release release;
    e = estimators::ksg_mutual_information(x, y, options);
  }
  py::dict d;
  d["method"] = e.method;
  d["algorithm"] = options.algorithm;
  d["k"] = options.k;
  d["samples"] = e.samples;
  set_estimate(d, "estimate", e);
  d["error_method"] = e.error_method;
  d["noise"] = options.noise;
  d["seed"] = options.seed;
  d["copula"] = options.copula;
  d["normalised"] = options.normalise && !options.copula;
  d["ceiling_nats"] = estimators::ksg_ceiling(e.samples, options.k);
  py::list warnings;
  for (const auto& w : e.warnings) warnings.append(w);
  d["warnings"] = warnings;
  return d;
}

py::dict cmi_result(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const Eigen::MatrixXd& z,
                    const estimators::CmiOptions& options, const estimators::PermutationOptions& permutation) {
  estimators::Estimate e;
  estimators::PermutationTest test;
  {
    py::gil_scoped_release release;
    e = estimators::ksg_conditional_mutual_information(x, y, z, options);
    if (permutation.permutations > 0) test = estimators::cmi_permutation_test(x, y, z, options, permutation);
  }
  py::dict d;
  d["method"] = e.method;
  d["k"] = options.k;
  d["samples"] = e.samples;
  set_estimate(d, "estimate", e);
  d["error_method"] = e.error_method;
  d["seed"] = options.seed;
  if (permutation.permutations > 0) {
    d["permutations"] = test.permutations;
    d["p_value"] = test.p_value;
    d["surrogates_at_least_observed"] = test.at_least_observed;
    d["surrogate_mean_nats"] = finite_or_none(test.surrogate_mean);
    d["surrogate_sd_nats"] = finite_or_none(test.surrogate_sd);
    d["shuffle_neighbours"] = permutation.neighbours;
    d["null_method"] = test.null_method;
  }
  return d;
}

py::dict kl_entropy_result(const Eigen::MatrixXd& x, const estimators::KlOptions& options, const std::string& norm) {
  estimators::Estimate e;
  {
    py::gil_scoped_release release;
    e = estimators::kozachenko_leonenko_entropy(x, options);
  }
  py::dict d;
  d["method"] = e.method;
  d["norm"] = norm;
  d["k"] = options.k;
  d["samples"] = e.samples;
  set_estimate(d, "estimate", e);
  d["error_method"] = e.error_method;
  return d;
}

py::dict true_information_result(const json::Value& spec, const std::string& method, truth::TruthOptions options) {
  const Problem<double> problem = problem_from_json<double>(spec);
  if (!truth::select_methods(options, method, problem.ensemble.size()))
    throw std::invalid_argument("method must be auto, all, ksg, cmc, smc or quadrature, got '" + method + "'");
  if (options.samples <= static_cast<std::size_t>(options.k)) throw std::invalid_argument("samples must exceed k");
  truth::TruthReport report;
  {
    py::gil_scoped_release release;
    report = truth::estimate_true_information(problem, options);
  }
  py::list estimates;
  for (const auto& e : report.estimates) {
    py::dict item;
    item["method"] = e.method;
    set_estimate(item, "mi", e);
    item["error_method"] = e.error_method;
    item["samples"] = e.samples;
    if (e.method == "smc" && report.smc_paired_steps > 0) item["paired_steps"] = report.smc_paired_steps;  // as the CLI
    estimates.append(item);
  }
  py::dict best;
  best["method"] = report.best.method;
  set_estimate(best, "mi", report.best);
  best["lower_bound"] = report.best_is_lower_bound;
  if (report.best_is_lower_bound) {
    py::list sub;
    for (std::size_t a : report.lower_bound_synapses) sub.append(a);
    best["sub_ensemble"] = sub;
  }
  py::list notes;
  for (const auto& n : report.notes) notes.append(n);
  py::dict out;
  out["patterns"] = problem.patterns.count();
  out["neurons"] = problem.patterns.neurons();
  out["synapses"] = problem.ensemble.size();
  out["pattern"] = problem.pattern;
  out["seed"] = options.seed;
  out["best"] = best;
  out["value"] = finite_or_none(report.best.value);
  out["standard_error"] = finite_or_none(report.best.standard_error);
  out["information"] = report.information;  // "finite", "infinite" (value None) or "undefined"
  if (!report.information_reason.empty()) out["information_reason"] = report.information_reason;
  out["reliable"] = report.reliable;
  out["reliability_note"] = report.reliability_note;
  out["estimates"] = estimates;
  out["gaussian_channel_nats"] = finite_or_none(report.gaussian_channel);
  out["notes"] = notes;
  return out;
}

}  // namespace syninfo::python
