#include "closed_form.hpp"

#include "syninfo/cross_check.hpp"
#include "syninfo/decimal.hpp"
#include "syninfo/parallel.hpp"
#include "syninfo/spec.hpp"

#include <boost/math/constants/constants.hpp>
#include <pybind11/numpy.h>

#include <exception>
#include <optional>

namespace syninfo::python {
namespace {

// One number the way `syninfo mi` prints it (decimal text, digits as there),
// as a Python float at double precision and as that text otherwise.
template <class T>
py::object number(const T& x, int digits = std::numeric_limits<T>::max_digits10) {
  if (!is_finite(x)) return py::none();
  if constexpr (std::is_same_v<T, double>) return py::float_(from_decimal<double>(to_decimal(x, digits)));
  else return py::str(to_decimal(x, digits));
}

template <class T>
py::object vector_value(const Vector<T>& v) {
  if constexpr (std::is_same_v<T, double>) {
    py::array_t<double> out(v.size());
    for (Eigen::Index a = 0; a < v.size(); ++a) out.mutable_at(a) = is_finite(v(a)) ? v(a) : std::nan("");
    return out;
  } else {
    py::list out;
    for (Eigen::Index a = 0; a < v.size(); ++a) out.append(number(v(a)));
    return out;
  }
}

template <class T>
py::object matrix_value(const Matrix<T>& m) {
  if constexpr (std::is_same_v<T, double>) {
    py::array_t<double> out({m.rows(), m.cols()});
    for (Eigen::Index a = 0; a < m.rows(); ++a)
      for (Eigen::Index b = 0; b < m.cols(); ++b) out.mutable_at(a, b) = is_finite(m(a, b)) ? m(a, b) : std::nan("");
    return out;
  } else {
    py::list out;
    for (Eigen::Index a = 0; a < m.rows(); ++a) out.append(vector_value<T>(m.row(a).transpose()));
    return out;
  }
}

template <class T>
py::dict surrogate_dict(const Surrogate<T>& s, const char* what) {
  py::dict d;
  d["describes"] = what;
  d["lambda"] = vector_value(s.parameters.lambda);
  d["K"] = matrix_value(s.parameters.K);
  d["log_mean"] = vector_value(s.moments.log_mean);
  d["positive_definite"] = s.analysis.positive_definite;
  d["log_det"] = number(s.analysis.log_determinant);
  d["min_eigenvalue"] = number(s.analysis.min_eigenvalue);
  d["max_eigenvalue"] = number(s.analysis.max_eigenvalue);
  d["condition_number"] = number(s.analysis.condition_number);
  d["entropy_nats"] = number(s.entropy);
  return d;
}

py::list strings(const std::vector<std::string>& v) {
  py::list out;
  for (const auto& s : v) out.append(s);
  return out;
}

// Field for field as report() in src/cli/cmd_mi.cpp, plus lambda, K, lambda'
// and K' at the top level.
template <class T>
py::dict result_dict(const CrossCheckedResult<T>& checked, Precision precision, const MiOptions& options, bool ran,
                     const std::string& reason) {
  const MiResult<T>& r = checked.result;
  py::dict out;
  out["command"] = "mi";
  out["status"] = to_string(r.status);
  if (!r.detail.empty()) out["detail"] = r.detail;
  if (!r.warnings.empty()) out["warnings"] = strings(r.warnings);
  if (!r.repaired.empty()) out["repaired"] = strings(r.repaired);
  out["pd_policy"] = options.policy == PdPolicy::report ? "report" : "nearest-pd";
  if (!checked.pd_verdict.empty()) out["pd_verdict"] = checked.pd_verdict;
  out["precision"] = to_string(precision);
  if (r.ok()) {
    out["mi_nats"] = number(r.mi_nats);
    out["mi_bits"] = number(T(r.mi_nats / boost::math::constants::ln_two<T>()));
    out["error_estimate_nats"] = number(r.error_estimate, 3);
  } else {
    out["mi_nats"] = py::none();
    out["mi_bits"] = py::none();
  }
  out["agreement_digits"] = checked.agreement_digits >= 0 ? py::object(py::int_(checked.agreement_digits)) : py::none();
  py::dict cross;
  cross["ran"] = ran;
  cross["reason"] = reason;
  if (!ran) {
  } else if (checked.double_is_reference_side) {
    const auto& ref = checked.reference;  // 50 digits: always text
    cross["reference_precision"] = "50";
    cross["reference_status"] = to_string(ref.status);
    cross["reference_mi_nats"] = ref.ok() ? py::object(py::str(to_decimal(ref.mi_nats))) : py::none();
  } else {
    const auto& dbl = checked.double_result;
    cross["double_status"] = to_string(dbl.status);
    cross["double_mi_nats"] = dbl.ok() ? number(dbl.mi_nats) : py::none();
  }
  out["cross_check"] = cross;
  out["N"] = r.neurons;
  out["P"] = r.patterns;
  out["n"] = r.synapses;
  out["pattern"] = r.pattern;
  const py::dict all = surrogate_dict(r.all_patterns, "all patterns: LN(lambda, K)");
  py::dict fw;
  fw["W_E"] = all;
  out["lambda"] = all["lambda"];
  out["K"] = all["K"];
  if (r.patterns > 1) {
    const py::dict rest = surrogate_dict(r.without_pattern, "all patterns but k: LN(lambda', K')");
    fw["R_k"] = rest;
    out["lambda'"] = rest["lambda"];
    out["K'"] = rest["K"];
  } else {
    fw["R_k"] = py::none();
  }
  out["fenton_wilkinson"] = fw;
  return out;
}

// Where a batch item failed, prefixed to the reader's own location.
[[noreturn]] void rethrow_at(const InvalidInput& e, std::size_t item, std::size_t count) {
  if (count == 1) throw e;
  const std::string prefix = "problems[" + std::to_string(item) + "]";
  std::string what = e.what();
  if (!e.where().empty() && what.rfind(e.where() + ": ", 0) == 0) what.erase(0, e.where().size() + 2);
  throw InvalidInput(e.kind(), e.where().empty() ? prefix : prefix + "." + e.where(), what);
}

template <class T>
py::list results_at(const std::vector<json::Value>& specs, Precision precision, const MiOptions& options,
                    unsigned threads) {
  std::vector<Problem<T>> problems;
  problems.reserve(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    try {
      problems.push_back(problem_from_json<T>(specs[i]));
    } catch (const InvalidInput& e) {
      rethrow_at(e, i, specs.size());
    }
  }
  std::vector<std::optional<CrossCheckedResult<T>>> results(problems.size());
  std::vector<char> ran(problems.size(), 0);
  std::vector<std::string> reasons(problems.size());
  {
    py::gil_scoped_release release;
    parallel_for_each_dynamic(problems.size(), threads, [&](std::size_t i) {
      bool r = false;
      results[i] = cross_checked_as_needed(problems[i], options, false, r, reasons[i]);
      ran[i] = r;
    });
  }
  py::list out;
  for (std::size_t i = 0; i < results.size(); ++i)
    out.append(result_dict(*results[i], precision, options, ran[i] != 0, reasons[i]));
  return out;
}

}  // namespace

py::list closed_form_results(const std::vector<json::Value>& specs, Precision precision, const MiOptions& options,
                             unsigned threads) {
  switch (precision) {
    case Precision::double_: return results_at<double>(specs, precision, options, threads);
    case Precision::digits50: return results_at<float50>(specs, precision, options, threads);
    case Precision::digits100: return results_at<float100>(specs, precision, options, threads);
  }
  return py::list();
}

json::Value expanded_spec(const json::Value& spec, Precision precision) {
  switch (precision) {
    case Precision::double_: return problem_to_json(problem_from_json<double>(spec));
    case Precision::digits50: return problem_to_json(problem_from_json<float50>(spec));
    case Precision::digits100: return problem_to_json(problem_from_json<float100>(spec));
  }
  return {};
}

}  // namespace syninfo::python
