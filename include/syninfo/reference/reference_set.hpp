// The versioned reference set (issue 6): a deterministic list of closed-form
// cases that another implementation of I_FW can be checked against.
//
// Every input number of every case is short decimal text built from integers
// (so the text is exact, and covariances are exactly symmetric and positive
// semi-definite); the spec is read at 100 digits and I_FW is evaluated at
// float100. The format is specified in validation/reference/README.md.
#pragma once

#include "syninfo/json.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::reference {

inline constexpr int format_version = 1;
inline constexpr std::uint64_t default_seed = 20261122;
inline constexpr std::size_t default_case_count = 300;
// Significant digits of mi_nats in the set.
inline constexpr int mi_digits = 40;
// Significant digits of the diagnostics (informational, not compared).
inline constexpr int diagnostic_digits = 20;

// One generated input: its id, the family it was drawn from and the spec.
struct CaseSpec {
  std::string id;
  std::string family;
  json::Value spec;
};

// The specs of the set, a pure function of (seed, count). Case i is drawn
// from Rng(seed, i) alone, so a prefix of the set does not depend on count.
std::vector<CaseSpec> generate_specs(std::uint64_t seed = default_seed, std::size_t count = default_case_count);

// One computed case: every field of a JSON Lines record. Decimal strings are
// empty where the record has null.
struct Case {
  std::string id;
  std::string family;
  std::size_t n = 0, P = 0, N = 0, pattern = 0;
  std::string status;  // to_string(MiStatus)
  std::string detail;
  std::string mi_nats;                // 40 significant digits (float100); empty unless ok
  std::string error_estimate;         // rounding-error estimate of mi_nats at 100 digits
  std::string double_error_estimate;  // the library's estimate of the error of a double evaluation
  std::string log_det_K, log_det_K_prime, min_eig_K, min_eig_K_prime, cond_K, cond_K_prime;
  json::Value spec;
};

// Evaluates every spec at float100 (threads: 0 = all cores; the result does
// not depend on it). Throws if a generated spec fails validation.
std::vector<Case> compute_cases(const std::vector<CaseSpec>& specs, unsigned threads = 0);

// The two serialisations (one record per line, '\n' line ends, header first
// in the CSV). Deterministic: the same cases give the same bytes.
json::Value to_json(const Case& c);
std::string to_jsonl(const std::vector<Case>& cases);
std::string to_csv(const std::vector<Case>& cases);
// The CSV columns, in order.
const std::vector<std::string>& csv_columns();

// Reads a reference file in either format (JSON Lines when the first
// non-blank character is '{', CSV otherwise). Throws std::invalid_argument
// naming the line on a malformed file.
std::vector<Case> parse_reference(const std::string& text);
std::vector<Case> read_reference_file(const std::string& path);

}  // namespace syninfo::reference
