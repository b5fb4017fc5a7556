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
#include <utility>
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
  // The true information for a marked subset (see truth_plan), all empty
  // otherwise: estimator name, value and standard error in nats as decimal
  // text with digits matched to the error (format_truth).
  std::string truth_estimator, truth_mi_nats, truth_standard_error;
  json::Value spec;
};

// The `truth` column. Which cases carry an estimate of the true information
// I(W_E; x^k), and how; a function of the case list alone (status, n, P and
// the spec), never of timing:
//   quadrature: every `ok` case with n = 1 whose random terms' log standard
//     deviations are within a factor truth_max_sd_spread of each other; single-
//     synapse quadrature at points_per_sd truth_points_per_sd, or
//     truth_points_per_sd_wide when the spread exceeds truth_wide_sd_spread
//     (the grid follows the narrowest term, so the cost grows with the square
//     of the spread: v1_0121, spread 17, takes 72 s at the default 20).
//     standard_error is the quadrature's refinement error bound.
//   smc: the other `ok` n = 1 cases (too costly for quadrature; v1_0143,
//     spread 690, takes > 5 min even at 2 points per sd), and every `ok` case
//     with 2 <= n <= truth_max_synapses and P <= truth_max_patterns that
//     sequential Monte Carlo can treat (not degenerate): the truth driver's smc
//     `best` (truth_smc_samples outer samples, truth_smc_particles particles,
//     seed truth_seed); when the driver does not call it reliable, once more
//     with twice the particles; still unreliable: no truth (none in v1).
//     standard_error is smc's (statistical error and bias allowance).
struct TruthPlan {
  enum class Kind { none, quadrature, smc } kind = Kind::none;
  double points_per_sd = 0.0;  // quadrature only
};
inline constexpr double truth_max_sd_spread = 100.0;
inline constexpr double truth_wide_sd_spread = 5.0;
inline constexpr double truth_points_per_sd = 6.0;
inline constexpr double truth_points_per_sd_wide = 2.0;
inline constexpr std::size_t truth_max_synapses = 4;
inline constexpr std::size_t truth_max_patterns = 10;
inline constexpr std::size_t truth_smc_samples = 1500;
inline constexpr std::size_t truth_smc_particles = 32;  // 64 on the second try
inline constexpr std::uint64_t truth_seed = 20261122;

// Needs c.status, c.n, c.P and c.spec.
TruthPlan truth_plan(const Case& c);

// Digits matched to the error: the value to 3 decimal places beyond the
// leading digit of the standard error, the standard error to 3 significant
// digits ("0.7377", "0.0414"). A value that rounds to zero is printed unsigned.
std::pair<std::string, std::string> format_truth(double value, double standard_error);

// Evaluates every spec at float100 and the marked subset's truth (threads:
// 0 = all cores; the result does not depend on it). Throws if a generated
// spec fails validation.
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
