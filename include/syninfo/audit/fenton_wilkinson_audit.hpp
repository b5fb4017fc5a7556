// The Fenton-Wilkinson audit of one problem: how far the log-normal surrogates
// behind the closed form I_FW are from the true distributions, measured four
// ways (project issue 4):
//   1. exact mean, variance, skewness and excess kurtosis of each W_a and
//      R^(k)_a beside the surrogate's implied skewness and kurtosis (the
//      surrogate matches the first two by construction), and the sample
//      moments of simulated weights with their delta-method standard errors;
//   2. Kolmogorov-Smirnov distance between each FW marginal and the
//      empirical CDF of sampled W_a (R^(k)_a);
//   3. entropy errors h_FW - h_true for W_E and R^(k), each with the
//      standard error of the estimator of h_true;
//   4. the MI error I_FW - I_true, relative error with its standard error,
//      and a verdict.
// The true values come from quadrature for one synapse (deterministic, error
// ~1e-8), from conditional Monte Carlo for ensembles where some pattern's term
// is non-degenerate, and otherwise from KSG (the MI only, with a note).
// Non-ok closed-form statuses (K or K' not positive definite, P = 1) still
// get parts 1-3 wherever they are defined; each absent part says why.
#pragma once

#include "syninfo/audit/exact_higher_moments.hpp"
#include "syninfo/audit/kolmogorov_smirnov.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace syninfo::audit {

struct AuditOptions {
  std::size_t samples = 20000;  // weight draws for KS and sample moments; CMC outer samples; KSG samples
  std::size_t inner = 256;      // CMC inner draws per outer sample
  std::uint64_t seed = 1;
  unsigned threads = 0;         // 0: all cores; results do not depend on it
  MiOptions mi;                 // the closed form's non-PD policy
  bool moments = true;          // part 1
  bool sampling = true;         // KS distances and sample moments
  bool truth = true;            // parts 3 and 4
  bool progress = false;        // stage progress on stderr
  truth::QuadratureOptions quadrature;
};

// Sample moments of M draws of one synapse's sum, with the asymptotic
// standard errors that the exact central moments imply.
struct SampleMoments {
  std::size_t samples = 0;
  double log_mean = 0.0;
  double log_variance = 0.0;
  double skewness = 0.0;
  double excess_kurtosis = 0.0;
  SampleMomentErrors errors;  // mean: relative to the exact mean; variance: relative
};

// One of the two sums the closed form approximates: W_E (all patterns) or R^(k).
struct SumAudit {
  std::string name;       // "W_E" or "R_k"
  bool present = false;   // R^(k) is absent for P = 1
  std::vector<MarginalMoments<double>> moments;  // exact, at the working precision, rounded to double
  std::vector<double> lambda;                    // FW log-domain means
  std::vector<SampleMoments> sample_moments;
  std::vector<KsResult> ks;                      // per synapse; statistic NaN for a constant synapse
  std::string sampling_note;
};

// FW value minus true value, with the true value's standard error.
struct ErrorEstimate {
  bool available = false;
  std::string reason;  // why not, when not available
  double fw = std::numeric_limits<double>::quiet_NaN();
  double truth = std::numeric_limits<double>::quiet_NaN();
  double truth_se = std::numeric_limits<double>::quiet_NaN();
  double difference = std::numeric_limits<double>::quiet_NaN();  // fw - truth
  std::string method;        // "quadrature", "cmc", "ksg1"
  std::string error_method;  // how the standard error was obtained
};

enum class VerdictKind { within_1_percent, overstates, understates, undecided, unavailable };
const char* to_string(VerdictKind kind);

struct Verdict {
  VerdictKind kind = VerdictKind::unavailable;
  std::string text;
};

// The rule of issue 4, for a relative error rel with standard error se
// (fractions, not percent):
//   |rel| + 2 se < 1%     -> "approximation within 1%"
//   rel > 2 se            -> "overstates by x% +- y%"  (y = se)
//   rel < -2 se           -> "understates by x% +- y%"
//   otherwise             -> "undecided: the estimator's error (y%) is larger than the difference"
Verdict judge_relative_error(double relative, double relative_se);

struct MiAudit : ErrorEstimate {
  double relative = std::numeric_limits<double>::quiet_NaN();     // (I_FW - I_true) / I_true
  double relative_se = std::numeric_limits<double>::quiet_NaN();  // |I_FW| se / I_true^2 (delta method)
  bool truth_available = false;  // I_true computed even when I_FW is not
  Verdict verdict;
};

struct AuditTimings {
  double closed_form = 0.0, moments = 0.0, sampling = 0.0, truth = 0.0, total = 0.0;  // seconds
};

struct FentonWilkinsonAudit {
  std::size_t neurons = 0, patterns = 0, synapses = 0, pattern = 0;
  std::string precision;  // of the closed form and the exact moments: "double" or "50"
  // The closed form.
  MiStatus status = MiStatus::ok;
  std::string detail;
  std::vector<std::string> warnings, repaired;
  std::string pd_policy;   // "report" or "nearest-pd"
  std::string pd_verdict;  // "real" / "rounding: ..." when the two precisions disagree on PD, else ""
  int agreement_digits = -1;
  double mi_fw = std::numeric_limits<double>::quiet_NaN();
  bool k_positive_definite = false, k_prime_positive_definite = false;
  double k_min_eigenvalue = std::numeric_limits<double>::quiet_NaN();
  double k_prime_min_eigenvalue = std::numeric_limits<double>::quiet_NaN();
  double gaussian_channel = std::numeric_limits<double>::quiet_NaN();  // 0.5 ln(det C / det C')
  // Parts 1 and 2.
  SumAudit w, r;
  // Parts 3 and 4.
  ErrorEstimate h_w, h_r;
  MiAudit mi;
  std::vector<std::string> notes;
  AuditTimings seconds;
  AuditOptions options;
};

// Validates the problem (throws InvalidInput). T is the precision of the
// closed form and the exact moments; the estimators run in double.
template <class T>
FentonWilkinsonAudit audit_fenton_wilkinson(const Problem<T>& problem, const AuditOptions& options = {});

extern template FentonWilkinsonAudit audit_fenton_wilkinson(const Problem<double>&, const AuditOptions&);
extern template FentonWilkinsonAudit audit_fenton_wilkinson(const Problem<float50>&, const AuditOptions&);

// Formats a fraction as a percentage with about three significant digits ("4.16%").
std::string percent(double fraction);

}  // namespace syninfo::audit
