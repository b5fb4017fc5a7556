// The Fenton-Wilkinson audit and the reference-set check for the Python
// module, with the fields of `syninfo audit` and `syninfo check --report-json`.
#pragma once
#include "syninfo/audit/fenton_wilkinson_audit.hpp"
#include "syninfo/json.hpp"

#include <pybind11/pybind11.h>

#include <optional>
#include <string>

namespace syninfo::python {

namespace py = pybind11;

// precision: "double" or "50" (the closed form's; the truth is double).
py::dict audit_result(const json::Value& spec, const std::string& precision, const audit::AuditOptions& options);

// results: rows as `syninfo check` reads them (dicts with id, value and
// optionally status; or the text of a CSV file); reference: a .jsonl or .csv
// reference file, or none for the built-in set (rebuilt: about a minute).
py::dict check_reference_result(const py::object& results, const std::optional<std::string>& reference, double rtol,
                                double atol, unsigned threads);

}  // namespace syninfo::python
