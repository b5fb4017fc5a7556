// Reading a problem (patterns, ensemble, pattern index) from its JSON spec.
//
//   {"patterns": [{"mean": [...], "cov": [[...], ...]}, ...],
//    "synapses": [[i, j], ...], "pattern": k}
// or, instead of "patterns", a "generate" block (see README, "Spec format"):
//   {"generate": {"N": 8, "P": 10, "seed": 1,
//                 "mean": {"low": "-1", "high": "1"},
//                 "cov": {"type": "exchangeable", "sigma2": "0.5", "rho": "0.2"}
//                        | {"type": "given", "matrix": [[...], ...]}}, ...}
// Unknown fields are rejected at every level (the message names the JSON path,
// e.g. patterns[1].covv). A generate block must fit P x N^2 covariance entries
// in 1 GiB at the working precision (checked before allocation).
// Numbers may be JSON numbers or decimal strings; both are read from their
// decimal text at the working precision of T. Indices are 0-based.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/model.hpp"

#include <string>

namespace syninfo {

// Throws InvalidInput naming the offending field; validates the result.
template <class T>
Problem<T> problem_from_json(const json::Value& spec);

// Reads and parses a file; throws InvalidInput (malformed) if it cannot be
// read, json::ParseError on a syntax error.
json::Value read_json_file(const std::string& path);

template <class T>
Problem<T> read_problem_file(const std::string& path) {
  return problem_from_json<T>(read_json_file(path));
}

// The spec of a problem as JSON with numbers at full precision of T (used by
// reports and reference tables so a case carries everything needed).
template <class T>
json::Value problem_to_json(const Problem<T>& problem);

extern template Problem<double> problem_from_json<double>(const json::Value&);
extern template Problem<float50> problem_from_json<float50>(const json::Value&);
extern template Problem<float100> problem_from_json<float100>(const json::Value&);
extern template json::Value problem_to_json<double>(const Problem<double>&);
extern template json::Value problem_to_json<float50>(const Problem<float50>&);
extern template json::Value problem_to_json<float100>(const Problem<float100>&);
extern template Problem<float50_qd> problem_from_json<float50_qd>(const json::Value&);
extern template json::Value problem_to_json<float50_qd>(const Problem<float50_qd>&);

}  // namespace syninfo
