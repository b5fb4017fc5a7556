#include "estimators.hpp"

#include "convert.hpp"

#include "syninfo/estimators/estimate_json.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/truth/truth_json.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace syninfo::python {

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

py::dict ksg_result(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const estimators::KsgOptions& options,
                    const estimators::PermutationOptions& permutation) {
  estimators::Estimate e;
  estimators::PermutationTest test;
  {
    py::gil_scoped_release release;
    e = estimators::ksg_mutual_information(x, y, options);
    if (permutation.permutations > 0) test = estimators::mi_permutation_test(x, y, options, permutation);
  }
  json::Value out = json::Value::object().set("command", json::Value::string("ksg"));
  estimators::set_ksg_fields(out, e, options);
  if (permutation.permutations > 0) estimators::set_permutation_fields(out, test, permutation, false);
  return from_json(out).cast<py::dict>();
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
  json::Value out = json::Value::object().set("command", json::Value::string("cmi"));
  estimators::set_cmi_fields(out, e, options);
  if (permutation.permutations > 0) estimators::set_permutation_fields(out, test, permutation, true);
  return from_json(out).cast<py::dict>();
}

py::dict kl_entropy_result(const Eigen::MatrixXd& x, const estimators::KlOptions& options) {
  estimators::Estimate e;
  {
    py::gil_scoped_release release;
    e = estimators::kozachenko_leonenko_entropy(x, options);
  }
  json::Value out = json::Value::object().set("command", json::Value::string("entropy"));
  estimators::set_entropy_fields(out, e, options);
  return from_json(out).cast<py::dict>();
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
  return from_json(truth::truth_report_json(problem, options, report)).cast<py::dict>();
}

}  // namespace syninfo::python
