// syninfo mi: the closed form I_FW (Props. 1.2/2.2/3) for one spec, at the
// precision asked for, cross-checked against a second precision.
#include "syninfo/qd_scalar.hpp"

#include "command.hpp"

#include "syninfo/cross_check.hpp"
#include "syninfo/decimal.hpp"
#include "syninfo/json.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/spec.hpp"

#include <boost/math/constants/constants.hpp>

#include <iostream>
#include <type_traits>

namespace syninfo::cli {
namespace {

// The naming scheme's rule (json_fields.hpp): a value computed in double is a
// JSON number, one computed at 50 or 100 digits a decimal string with all its
// digits, null when not finite.
// digits < 0: every digit of T (to_decimal's default for T).
template <class T>
json::Value decimal_or_null(const T& x, int digits = -1) {
  if (!is_finite(x)) return json::Value();
  const std::string text = digits < 0 ? to_decimal(x) : to_decimal(x, digits);
  if constexpr (std::is_same_v<T, double>) return json::Value::number_text(text);
  else return json::Value::string(text);
}

template <class T>
json::Value vector_json(const Vector<T>& v) {
  json::Value out = json::Value::array();
  for (Eigen::Index a = 0; a < v.size(); ++a) out.push(decimal_or_null(v(a)));
  return out;
}

template <class T>
json::Value matrix_json(const Matrix<T>& m) {
  json::Value out = json::Value::array();
  for (Eigen::Index a = 0; a < m.rows(); ++a) out.push(vector_json<T>(m.row(a).transpose()));
  return out;
}

template <class T>
json::Value surrogate_json(const Surrogate<T>& s, const char* what) {
  return json::Value::object()
      .set("describes", json::Value::string(what))
      .set("lambda", vector_json(s.parameters.lambda))
      .set("K", matrix_json(s.parameters.K))
      .set("log_mean", vector_json(s.moments.log_mean))
      .set("positive_definite", json::Value::boolean(s.analysis.positive_definite))
      .set("log_det", decimal_or_null(s.analysis.log_determinant))
      .set("min_eigenvalue", decimal_or_null(s.analysis.min_eigenvalue))
      .set("max_eigenvalue", decimal_or_null(s.analysis.max_eigenvalue))
      .set("condition_number", decimal_or_null(s.analysis.condition_number))
      .set("entropy_nats", decimal_or_null(s.entropy));
}

// ln 2 at the precision of T (Boost's constant for qd_real would be double's).
template <class T>
T ln_two() {
  if constexpr (std::is_same_v<T, float50_qd>) return qd_real::_log2;
  else return boost::math::constants::ln_two<T>();
}

template <class T>
json::Value report(const json::Value& spec, std::optional<std::size_t> pattern, const std::string& precision,
                   const MiOptions& options, bool cross_check_asked) {
  Problem<T> problem = problem_from_json<T>(spec);
  if (pattern) {
    problem.pattern = *pattern;
    validate_problem(problem);
  }
  bool ran = false;
  std::string reason;
  const CrossCheckedResult<T> checked = cross_checked_as_needed(problem, options, cross_check_asked, ran, reason);
  const MiResult<T>& r = checked.result;
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("mi"));
  out.set("status", json::Value::string(to_string(r.status)));
  if (!r.detail.empty()) out.set("detail", json::Value::string(r.detail));
  if (!r.warnings.empty()) {
    json::Value w = json::Value::array();
    for (const auto& text : r.warnings) w.push(json::Value::string(text));
    out.set("warnings", std::move(w));
  }
  if (!r.repaired.empty()) {
    json::Value rep = json::Value::array();
    for (const auto& name : r.repaired) rep.push(json::Value::string(name));
    out.set("repaired", std::move(rep));
  }
  out.set("pd_policy", json::Value::string(options.policy == PdPolicy::report ? "report" : "nearest-pd"));
  if (!checked.pd_verdict.empty()) out.set("pd_verdict", json::Value::string(checked.pd_verdict));
  out.set("precision", json::Value::string(precision));
  if (r.ok()) {
    out.set("mi_nats", decimal_or_null(r.mi_nats));
    out.set("mi_bits", decimal_or_null(T(r.mi_nats / ln_two<T>())));
    out.set("error_estimate_nats", decimal_or_null(r.error_estimate, 3));
  } else {
    out.set("mi_nats", json::Value()).set("mi_bits", json::Value());
  }
  out.set("agreement_digits", checked.agreement_digits >= 0 ? json::Value::number(checked.agreement_digits) : json::Value());
  json::Value cross = json::Value::object();
  cross.set("ran", json::Value::boolean(ran)).set("reason", json::Value::string(reason));
  if (!ran) {
  } else if (checked.double_is_reference_side) {
    const auto& ref = checked.reference;
    cross.set("reference_precision", json::Value::string("50"))
        .set("reference_status", json::Value::string(to_string(ref.status)))
        .set("reference_mi_nats", ref.ok() ? decimal_or_null(ref.mi_nats) : json::Value());
  } else {
    const auto& dbl = checked.double_result;
    cross.set("double_status", json::Value::string(to_string(dbl.status)))
        .set("double_mi_nats", dbl.ok() ? decimal_or_null(dbl.mi_nats) : json::Value());
  }
  out.set("cross_check", std::move(cross));
  out.set("N", json::Value::number(r.neurons))
      .set("P", json::Value::number(r.patterns))
      .set("n", json::Value::number(r.synapses))
      .set("pattern", json::Value::number(r.pattern));
  out.set("fenton_wilkinson",
          json::Value::object()
              .set("W_E", surrogate_json(r.all_patterns, "all patterns: LN(lambda, K)"))
              .set("R_k", r.patterns > 1 ? surrogate_json(r.without_pattern, "all patterns but k: LN(lambda', K')")
                                         : json::Value()));
  return out;
}

int run_mi(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"precision", "pattern", "pd-policy", "repair-floor"}, {"cross-check"});
  MiOptions options;
  const std::string policy = args.get_or("pd-policy", "report");
  if (policy == "nearest-pd") options.policy = PdPolicy::nearest_pd;
  else if (policy != "report") throw UsageError("--pd-policy must be report or nearest-pd, got '" + policy + "'");
  options.repair_floor = args.get_double("repair-floor", options.repair_floor, 1e-30, 1e-1);
  if (args.positional.size() != 1) throw UsageError("expected exactly one SPEC.json argument");
  // "50qd": 50 digits in quad-double arithmetic (libqd, ~63 digits in
  // double's exponent range; qd_scalar.hpp), opt-in beside the default
  // cpp_bin_float 50 digits.
  const std::string precision_text = args.get_or("precision", "50");
  const bool quad_double = precision_text == "50qd";
  Precision precision = Precision::digits50;
  if (!quad_double) try {
      precision = parse_precision(precision_text);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--precision: ") + e.what() + " or 50qd");
    }
  const std::string precision_name = quad_double ? "50qd" : to_string(precision);
  std::optional<std::size_t> pattern;
  if (args.get("pattern")) pattern = static_cast<std::size_t>(args.get_int("pattern", 0, 0, 1000000000));
  const bool cross_check = args.has("cross-check");
  const json::Value spec = spec_with_pattern(read_json_file(args.positional[0]), args);
  json::Value out;
  if (quad_double) out = report<float50_qd>(spec, pattern, precision_name, options, cross_check);
  else switch (precision) {
      case Precision::double_: out = report<double>(spec, pattern, precision_name, options, cross_check); break;
      case Precision::digits50: out = report<float50>(spec, pattern, precision_name, options, cross_check); break;
      case Precision::digits100: out = report<float100>(spec, pattern, precision_name, options, cross_check); break;
    }
  std::cout << out.dump() << '\n';
  return exit_ok;
}

}  // namespace

SYNINFO_REGISTER_COMMAND(mi, "mi", "closed-form mutual information I_FW of a spec (Props. 1.2, 2.2, 3)",
                         "usage: syninfo mi SPEC.json [--precision double|50|50qd|100] [--pattern k] [--cross-check]\n"
                         "                  [--pd-policy report|nearest-pd] [--repair-floor F]\n\n"
                         "Prints one JSON object: status (ok, not_positive_definite, single_pattern, non_finite),\n"
                         "mi_nats and mi_bits (decimal strings with every digit at 50 and 100 digits, JSON\n"
                         "numbers at --precision double; docs/output_fields.md),\n"
                         "agreement_digits (decimal digits on which the double result agrees with the\n"
                         "high-precision one), and the Fenton-Wilkinson parameters of W_E and R^(k).\n"
                         "--pattern overrides the spec's pattern index k (0-based); with it the spec may omit \"pattern\".\n"
                         "--precision 50qd: 50 digits printed, computed in quad-double (libqd, ~63 digits,\n"
                         "double's exponent range: log-domain variances above ~709 overflow as in double);\n"
                         "faster than the default 50 (cpp_bin_float), same 1e-40 reference budget.\n"
                         "At --precision double the 50-digit cross-check runs only with --cross-check, for a\n"
                         "status rounding may have caused, or when the error estimate exceeds 1e-9 |I|;\n"
                         "cross_check.ran and cross_check.reason say which.\n"
                         "Covariances symmetric / PSD only to double rounding are accepted (symmetrised) with\n"
                         "a warning; see README.\n"
                         "--pd-policy: when K or K' is not positive definite, report it (default) or replace\n"
                         "the failing matrix by its nearest positive definite matrix (Higham), eigenvalues\n"
                         "floored at F * max|eigenvalue| (default 1e-6); repaired results are flagged.\n"
                         "Exit 0 for any computed outcome, 2 for invalid input.",
                         &run_mi);

}  // namespace syninfo::cli
