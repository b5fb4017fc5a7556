#include "audit_check.hpp"

#include "convert.hpp"

#include "syninfo/audit/audit_json.hpp"
#include "syninfo/reference/check.hpp"
#include "syninfo/reference/reference_set.hpp"
#include "syninfo/spec.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace syninfo::python {
namespace {

// One value cell as `syninfo check` reads it: the shortest decimal text that
// round-trips a float, an empty cell for None or NaN, the text of a str.
std::string value_cell(const py::handle& v) {
  if (v.is_none()) return "";
  if (py::isinstance<py::str>(v)) return v.cast<std::string>();
  if (py::isinstance<py::bool_>(v)) throw std::invalid_argument("results: a value must be a number, None or a string");
  const double x = py::reinterpret_borrow<py::object>(v).attr("__float__")().cast<double>();
  if (std::isnan(x)) return "";
  return py::str(py::float_(x)).cast<std::string>();  // Python's repr: shortest round-trip text
}

// A list of {id, value[, status]} dicts as the CSV text `syninfo check` reads.
std::string results_csv(const py::list& rows) {
  std::ostringstream csv;
  csv << "id,status,value\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string where = "results[" + std::to_string(i) + "]";
    if (!py::isinstance<py::dict>(rows[i])) throw std::invalid_argument(where + ": expected a dict with id and value");
    const auto row = py::reinterpret_borrow<py::dict>(rows[i]);
    if (!row.contains("id") || !row.contains("value")) throw std::invalid_argument(where + ": needs the keys id and value");
    const std::string id = py::str(row["id"]).cast<std::string>();
    const std::string status = row.contains("status") && !row["status"].is_none() ? py::str(row["status"]).cast<std::string>() : "";
    for (const std::string& cell : {id, status})
      if (cell.find_first_of(",\n\r\"") != std::string::npos)
        throw std::invalid_argument(where + ": id and status may not contain commas, quotes or line breaks");
    csv << id << ',' << status << ',' << value_cell(row["value"]) << '\n';
  }
  return csv.str();
}

}  // namespace

py::dict audit_result(const json::Value& spec, const std::string& precision, const audit::AuditOptions& options) {
  if (precision != "double" && precision != "50")
    throw std::invalid_argument("precision must be \"double\" or 50 for the audit, got '" + precision + "'");
  const Problem<double> problem = problem_from_json<double>(spec);
  audit::FentonWilkinsonAudit result;
  {
    py::gil_scoped_release release;
    result = precision == "double" ? audit::audit_fenton_wilkinson(problem, options)
                                   : audit::audit_fenton_wilkinson(problem_from_json<float50>(spec), options);
  }
  return from_json(audit::audit_report_json(result, problem)).cast<py::dict>();
}

py::dict check_reference_result(const py::object& results, const std::optional<std::string>& reference, double rtol,
                                double atol, unsigned threads) {
  if (!(rtol >= 0) || !(atol >= 0) || !std::isfinite(rtol) || !std::isfinite(atol))
    throw std::invalid_argument("rtol and atol must be finite and >= 0");
  std::vector<reference::TheirRow> theirs;
  if (py::isinstance<py::str>(results)) theirs = reference::parse_results(results.cast<std::string>());
  else if (py::isinstance<py::list>(results)) theirs = reference::parse_results(results_csv(results));
  else throw std::invalid_argument("results must be a list of dicts (id, value, status) or the text of a CSV file");
  reference::CheckOptions options;
  options.rtol = rtol;
  options.atol = atol;
  std::vector<reference::Case> ref;
  {
    py::gil_scoped_release release;
    ref = reference ? reference::read_reference_file(*reference)
                    : reference::compute_cases(reference::generate_specs(), threads);
  }
  return from_json(reference::report_json(reference::check_results(ref, theirs, options), options)).cast<py::dict>();
}

}  // namespace syninfo::python
