// Python objects <-> the library's types for the syninfo Python module.
#pragma once
#include "syninfo/json.hpp"

#include <pybind11/pybind11.h>

#include <string>

namespace syninfo::python {

namespace py = pybind11;

// A JSON-like Python value (dict, list, tuple, numpy array, str, int, float,
// bool, None) as a json::Value. Floats become the shortest decimal text that
// round-trips them (what Python's repr and json.dumps write), so a spec built
// from numpy arrays reads exactly like the same spec written with json.dumps;
// str values pass through untouched (decimal text at any precision).
json::Value to_json(py::handle value, const std::string& where);

// A json::Value as plain Python objects (numbers as float or int).
py::object from_json(const json::Value& value);

}  // namespace syninfo::python
