// The closed form for the Python module: the same computation and the same
// field names as `syninfo mi` (src/cli/cmd_mi.cpp), as a Python dict.
#pragma once
#include "syninfo/json.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/precision.hpp"

#include <pybind11/pybind11.h>

#include <vector>

namespace syninfo::python {

namespace py = pybind11;

// Results of one spec each (JSON form, as `syninfo mi` reads it). The
// computation runs without the GIL, over up to `threads` threads (0: all
// cores); results come back in order. Numbers are float (NaN arrays where the
// CLI prints null) at double precision and decimal strings (None for null)
// at 50 or 100 digits.
py::list closed_form_results(const std::vector<json::Value>& specs, Precision precision, const MiOptions& options,
                             unsigned threads);

// The problem a spec describes (e.g. a "generate" block expanded), as a
// spec with explicit patterns and numbers at the working precision.
json::Value expanded_spec(const json::Value& spec, Precision precision);

}  // namespace syninfo::python
