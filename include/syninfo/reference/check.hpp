// `syninfo check`: another implementation's results against the reference
// set. The rules are specified in validation/reference/README.md ("What the
// checker compares"); in short, per reference case:
//   reference ok     -> theirs must give a finite value within
//                       atol + rtol |reference|, and no other status;
//   reference not ok -> theirs must give the same status in a status column
//                       and no finite value (NaN/empty is not enough alone).
// Missing cases and unknown ids fail; duplicate ids and malformed rows make
// the file invalid (exit 2).
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/reference/reference_set.hpp"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::reference {

// A malformed results file: the message names the line.
class MalformedResults : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// One row of THEIRS.csv.
struct TheirRow {
  std::size_t line = 0;
  std::string id;
  std::optional<std::string> status;  // absent when the file has no status column or the cell is empty
  std::string value_text;             // as written (trimmed)
  enum class Value { number, missing, non_finite } value_kind = Value::missing;
};

// Header `id,value` or `id,status,value` (any order, names case-insensitive).
// Values: a decimal number (a leading '+' and a bare leading '.' are
// accepted), or empty / nan / na / null / none (no value), or inf / -inf.
std::vector<TheirRow> parse_results(const std::string& text);
std::vector<TheirRow> read_results_file(const std::string& path);

struct CheckOptions {
  double rtol = 1e-9;
  double atol = 1e-12;
};

struct CaseVerdict {
  std::string id;
  std::size_t line = 0;  // line in THEIRS.csv, 0 when missing there
  bool pass = false;
  // pass, value_out_of_tolerance, status_mismatch, missing_value,
  // unexpected_value, status_required, missing, unknown_id
  std::string code;
  std::string message;
  std::optional<double> abs_error, rel_error;
};

struct CheckReport {
  std::vector<CaseVerdict> verdicts;  // reference order, then unknown ids in file order
  std::size_t reference_cases = 0, rows = 0, passed = 0, failed = 0;
  std::size_t compared = 0;            // ok cases where both sides have a value
  std::size_t status_disagreements = 0, missing = 0, unknown = 0;
  double max_abs_error = 0, max_rel_error = 0;
  std::string max_abs_id, max_rel_id;
  bool all_pass() const { return failed == 0; }
};

CheckReport check_results(const std::vector<Case>& reference, const std::vector<TheirRow>& theirs,
                          const CheckOptions& options);

// Human summary (a line per failure, then totals) and the JSON report.
std::string summary_text(const CheckReport& report, const CheckOptions& options);
json::Value report_json(const CheckReport& report, const CheckOptions& options);

}  // namespace syninfo::reference
