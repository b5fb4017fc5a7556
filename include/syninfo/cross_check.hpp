// The closed form at a working precision together with a second precision,
// so that every result says how many digits double precision gets right.
// For T = double the reference is 50 digits; otherwise the second result is
// the double one. Converting a problem between precisions rounds each input
// once (double inputs are exact at 50 digits).
#pragma once

#include "syninfo/mutual_information.hpp"

#include <string>
#include <type_traits>

namespace syninfo {

template <class To, class From>
Problem<To> convert_problem(const Problem<From>& p) {
  Problem<To> out;
  out.ensemble = p.ensemble;
  out.pattern = p.pattern;
  for (const auto& pat : p.patterns.list) {
    Pattern<To> q;
    q.mean = pat.mean.template cast<To>();
    q.cov = pat.cov.template cast<To>();
    out.patterns.list.push_back(std::move(q));
  }
  return out;
}

template <class T>
struct CrossCheckedResult {
  MiResult<T> result;          // at the working precision T
  MiResult<double> double_result;
  bool double_is_reference_side = false;  // true when T is double (then `reference` holds 50 digits)
  MiResult<float50> reference;            // only when T is double
  int agreement_digits = -1;              // -1 when either side is not ok
  // When exactly one side says not_positive_definite, the higher precision
  // decides: "rounding" if it finds K, K' positive definite, "real" otherwise.
  std::string pd_verdict;
};

// Whether a double-precision positive-definiteness failure is real.
inline std::string verdict(MiStatus double_status, MiStatus high_status) {
  const bool d = double_status == MiStatus::not_positive_definite;
  const bool h = high_status == MiStatus::not_positive_definite;
  if (d && h) return "real";
  if (d && !h) return "rounding: double failed, high precision is positive definite";
  if (!d && h) return "rounding: double passed, high precision finds it not positive definite";
  return "";
}

template <class T>
CrossCheckedResult<T> cross_checked_mutual_information(const Problem<T>& problem, const MiOptions& options = {}) {
  CrossCheckedResult<T> out;
  out.result = fenton_wilkinson_mutual_information(problem, options);
  if constexpr (std::is_same_v<T, double>) {
    out.double_result = out.result;
    out.double_is_reference_side = true;
    out.reference = fenton_wilkinson_mutual_information(convert_problem<float50>(problem), options);
    if (out.result.ok() && out.reference.ok()) out.agreement_digits = agreement_digits(out.result.mi_nats, out.reference.mi_nats);
    out.pd_verdict = verdict(out.result.status, out.reference.status);
  } else {
    out.double_result = fenton_wilkinson_mutual_information(convert_problem<double>(problem), options);
    if (out.result.ok() && out.double_result.ok())
      out.agreement_digits = agreement_digits(out.double_result.mi_nats, out.result.mi_nats);
    out.pd_verdict = verdict(out.double_result.status, out.result.status);
  }
  return out;
}

// Whether a double result needs the 50-digit cross-check, and why: when asked
// for, when a status other than single_pattern may be an artefact of rounding,
// or when the error estimate (from K's and K''s condition numbers and the
// cancelling terms) exceeds 1e-9 |I|, the double budget of the test suite.
// Empty when the double result stands on its own.
inline std::string double_cross_check_reason(const MiResult<double>& r, bool asked) {
  if (asked) return "asked for (--cross-check)";
  if (r.status == MiStatus::not_positive_definite)
    return "double found K or K' not positive definite; 50 digits decides whether that is rounding";
  if (r.status == MiStatus::non_finite) return "double overflowed; 50 digits has the exponent range to decide";
  if (r.ok() && !(r.error_estimate <= 1e-9 * std::abs(r.mi_nats)))
    return "the error estimate " + to_decimal(r.error_estimate, 3) + " exceeds 1e-9 |I| (condition numbers " +
           to_decimal(r.all_patterns.analysis.condition_number, 3) + ", " +
           to_decimal(r.without_pattern.analysis.condition_number, 3) + "): double may have lost digits";
  return "";
}

// One policy for every front end (syninfo mi, the Python module).
// Result at precision T, with the double result beside it (or, when T is
// double, a 50-digit reference) for the agreement check.
// At double the 50-digit reference runs only when double_cross_check_reason
// says so; `reason` receives why it ran or why not.
template <class T>
CrossCheckedResult<T> cross_checked_as_needed(const Problem<T>& problem, const MiOptions& options, bool asked, bool& ran,
                                     std::string& reason) {
  if constexpr (std::is_same_v<T, double>) {
    CrossCheckedResult<double> out;
    out.result = fenton_wilkinson_mutual_information(problem, options);
    reason = double_cross_check_reason(out.result, asked);
    ran = !reason.empty();
    if (!ran) {
      out.double_result = out.result;
      reason = out.result.ok() ? "not needed: the error estimate is within 1e-9 |I| (ask for the cross-check to run it)"
                               : "not needed for this status (ask for the cross-check to run it)";
      return out;
    }
    return cross_checked_mutual_information(problem, options);
  } else {
    (void)asked;
    ran = true;
    reason = "always at high precision: the double result beside it";
    return cross_checked_mutual_information(problem, options);
  }
}

}  // namespace syninfo
