// The closed forms of the paper (theory.md section 4):
//   I_FW(W_E; x^k) = sum_a (lambda_a - lambda'_a) + (1/2) ln(det K / det K')
// with (lambda, K) the Fenton-Wilkinson surrogate of W_E (all patterns) and
// (lambda', K') that of R^(k) (all patterns but k). Proposition 3 is the
// n-tuple form; Props. 1.2 (n = 1) and 2.2 (n = 2) are written out separately
// below so tests can show they are the same function.
#pragma once

#include "syninfo/decimal.hpp"
#include "syninfo/lognormal_entropy.hpp"
#include "syninfo/nearest_positive_definite.hpp"

#include <string>
#include <vector>

namespace syninfo {

enum class MiStatus {
  ok,
  not_positive_definite,  // K or K' (named in detail) is not positive definite
  single_pattern,         // P = 1: W_E is a function of x^k, the information is infinite
  non_finite,             // moments overflow (log-domain variances of hundreds)
};

const char* to_string(MiStatus status);

// One Fenton-Wilkinson surrogate with everything needed to audit it.
template <class T>
struct Surrogate {
  SumMoments<T> moments;
  LogNormalParameters<T> parameters;
  SymmetricAnalysis<T> analysis;  // of parameters.K
  T entropy = quiet_nan<T>();     // h of LN(lambda, K); NaN unless K is PD
};

template <class T>
struct MiResult {
  MiStatus status = MiStatus::ok;
  std::string detail;           // human explanation for a non-ok status
  std::vector<std::string> warnings;  // e.g. a result that violates I >= 0
  std::vector<std::string> repaired;  // matrices replaced under PdPolicy::nearest_pd ("K", "K'")
  T mi_nats = quiet_nan<T>();   // only meaningful when status == ok
  // Rounding-error estimate of mi_nats at precision T (GSL's habit): the
  // terms that cancel in sum(lambda - lambda') + (ln det K - ln det K')/2 have
  // size cancellation_scale, and each log-determinant carries ~n cond eps.
  T error_estimate = quiet_nan<T>();
  T cancellation_scale = quiet_nan<T>();
  Surrogate<T> all_patterns;    // W_E: (lambda, K)
  Surrogate<T> without_pattern; // R^(k): (lambda', K'); empty when P = 1
  std::size_t neurons = 0, patterns = 0, synapses = 0, pattern = 0;
  bool ok() const { return status == MiStatus::ok; }
};

// What to do when K or K' is not positive definite. The default reports the
// failure; repair is an explicit opt-in and is flagged in the result.
enum class PdPolicy {
  report,          // status not_positive_definite, no value
  nearest_pd,      // replace the failing matrix by its nearest PD matrix (Higham), flagged
};

struct MiOptions {
  PdPolicy policy = PdPolicy::report;
  // Eigenvalue floor for nearest_pd, relative to the largest |eigenvalue|.
  double repair_floor = 1e-6;
  // Covariances symmetric / PSD only to double rounding (model.hpp): accepted
  // within these, symmetrised, and named in MiResult::warnings.
  ValidationTolerance tolerance;
};

template <class T>
MiResult<T> fenton_wilkinson_mutual_information_of_valid(const Problem<T>& problem, const MiOptions& options);

// Proposition 3 (any n). Validates the problem first (throws InvalidInput);
// every computed outcome, including failures of the approximation, comes back
// as a status, never as a silent NaN. A covariance symmetric only to rounding
// is symmetrised first (on a copy) and the warning is kept in the result.
template <class T>
MiResult<T> fenton_wilkinson_mutual_information(const Problem<T>& problem, const MiOptions& options = {}) {
  const std::vector<std::string> input_warnings = check_problem(problem, options.tolerance);
  bool symmetric = true;
  for (const auto& p : problem.patterns.list) symmetric = symmetric && p.cov == p.cov.transpose();
  MiResult<T> out;
  if (symmetric) {
    out = fenton_wilkinson_mutual_information_of_valid(problem, options);
  } else {
    Problem<T> copy = problem;
    symmetrise_covariances(copy.patterns);
    out = fenton_wilkinson_mutual_information_of_valid(copy, options);
  }
  out.warnings.insert(out.warnings.begin(), input_warnings.begin(), input_warnings.end());
  return out;
}

// The closed form of a problem already validated (and symmetric).
template <class T>
MiResult<T> fenton_wilkinson_mutual_information_of_valid(const Problem<T>& problem, const MiOptions& options) {
  MiResult<T> out;
  out.neurons = problem.patterns.neurons();
  out.patterns = problem.patterns.count();
  out.synapses = problem.ensemble.size();
  out.pattern = problem.pattern;

  auto build = [](Surrogate<T>& s, const SynapticTerms<T>& terms, std::optional<std::size_t> excluded) {
    s.moments = exact_moments(terms, excluded);
    s.parameters = fenton_wilkinson(s.moments);
    s.analysis = analyse_symmetric(s.parameters.K);
    if (s.analysis.positive_definite) s.entropy = lognormal_entropy(s.parameters.lambda, s.analysis.log_determinant);
  };

  const SynapticTerms<T> terms = synaptic_terms(problem.patterns, problem.ensemble);
  try {
    build(out.all_patterns, terms, std::nullopt);
    if (out.patterns == 1) {
      out.status = MiStatus::single_pattern;
      out.detail = "P = 1: the weights are a deterministic function of the pattern, so the information is infinite";
      return out;
    }
    build(out.without_pattern, terms, problem.pattern);
  } catch (const std::overflow_error& e) {
    out.status = MiStatus::non_finite;
    out.detail = e.what();
    return out;
  }

  if (options.policy == PdPolicy::nearest_pd) {
    auto repair = [&](Surrogate<T>& s, const char* name) {
      if (s.analysis.positive_definite) return;
      const auto fixed = nearest_positive_definite(s.parameters.K, T(options.repair_floor));
      out.warnings.push_back(std::string(name) + " was not positive definite and was replaced by its nearest positive " +
                             "definite matrix (" + std::to_string(fixed.clipped_eigenvalues) +
                             " eigenvalue(s) raised to " + to_decimal(fixed.floor, 3) + ", Frobenius change " +
                             to_decimal(fixed.frobenius_change, 3) + "); the value depends on that floor");
      out.repaired.push_back(name);
      // lambda keeps the exact means: lambda = ln mean - K_aa / 2 with the repaired diagonal.
      s.parameters.K = fixed.matrix;
      s.parameters.lambda = s.moments.log_mean - s.parameters.K.diagonal() / 2;
      s.analysis = analyse_symmetric(s.parameters.K);
      if (s.analysis.positive_definite) s.entropy = lognormal_entropy(s.parameters.lambda, s.analysis.log_determinant);
    };
    repair(out.all_patterns, "K");
    repair(out.without_pattern, "K'");
  }
  const bool k_pd = out.all_patterns.analysis.positive_definite;
  const bool kp_pd = out.without_pattern.analysis.positive_definite;
  if (!k_pd || !kp_pd) {
    out.status = MiStatus::not_positive_definite;
    auto describe = [](const char* name, const SymmetricAnalysis<T>& a) {
      return std::string(name) + " is not positive definite (smallest eigenvalue " + to_decimal(a.min_eigenvalue, 6) +
             (a.numerically_singular ? ", zero within rounding: singular" : "") + ")";
    };
    if (!k_pd) out.detail = describe("K", out.all_patterns.analysis);
    if (!kp_pd) out.detail += (out.detail.empty() ? "" : "; ") + describe("K'", out.without_pattern.analysis);
    return out;
  }
  out.mi_nats = (out.all_patterns.parameters.lambda - out.without_pattern.parameters.lambda).sum() +
                (out.all_patterns.analysis.log_determinant - out.without_pattern.analysis.log_determinant) / 2;
  {
    using std::abs;
    const auto& a = out.all_patterns;
    const auto& b = out.without_pattern;
    out.cancellation_scale = a.parameters.lambda.cwiseAbs().sum() + b.parameters.lambda.cwiseAbs().sum() +
                             (abs(a.analysis.log_determinant) + abs(b.analysis.log_determinant)) / 2;
    const T n = T(static_cast<int>(out.synapses));
    out.error_estimate = std::numeric_limits<T>::epsilon() *
                         (8 * out.cancellation_scale + 8 * n * (a.analysis.condition_number + b.analysis.condition_number));
  }
  if (out.mi_nats < 0)
    out.warnings.push_back(
        "I_FW is negative but the true information is >= 0 (theory.md 5.1): the log-normal surrogate is inaccurate "
        "for this input");
  if (!is_finite(out.mi_nats)) {
    out.status = MiStatus::non_finite;
    out.detail = "the closed form evaluated to a non-finite number";
  }
  return out;
}

// A bare closed-form value with its status (for the named propositions).
template <class T>
struct ClosedFormValue {
  MiStatus status = MiStatus::ok;
  T mi_nats = quiet_nan<T>();
};

// Proposition 1.2 (one synapse): I = (mu - mu') + (1/2) ln(sigma^2 / sigma'^2),
// from Prop. 1.1's scalar parameters.
template <class T>
ClosedFormValue<T> singleton_mutual_information(const Patterns<T>& patterns, const Synapse& s, std::size_t k) {
  using std::log;
  validate_problem(Problem<T>{patterns, {s}, k});
  ClosedFormValue<T> out;
  if (patterns.count() == 1) {
    out.status = MiStatus::single_pattern;
    return out;
  }
  const auto all = fenton_wilkinson_singleton(patterns, s);
  const auto rest = fenton_wilkinson_singleton(patterns, s, k);
  if (!(all.sigma2 > 0) || !(rest.sigma2 > 0)) {
    out.status = MiStatus::not_positive_definite;
    return out;
  }
  out.mi_nats = (all.mu - rest.mu) + log(T(all.sigma2 / rest.sigma2)) / 2;
  return out;
}

// Proposition 2.1: the log-domain covariance of a pair of synapses,
// K_12 = ln(1 + sum_mu A_1^mu A_2^mu (e^{v_12^mu} - 1) / (mean_1 mean_2)),
// where v_12^mu is the covariance of y_{i1} + y_{j1} and y_{i2} + y_{j2}.
template <class T>
T pair_log_covariance(const Patterns<T>& patterns, const Synapse& s1, const Synapse& s2,
                      std::optional<std::size_t> excluded = std::nullopt) {
  using std::exp;
  const auto i1 = static_cast<Eigen::Index>(s1.i), j1 = static_cast<Eigen::Index>(s1.j);
  const auto i2 = static_cast<Eigen::Index>(s2.i), j2 = static_cast<Eigen::Index>(s2.j);
  const auto one = fenton_wilkinson_singleton(patterns, s1, excluded);
  const auto two = fenton_wilkinson_singleton(patterns, s2, excluded);
  // ln mean = mu + sigma^2 / 2 for each synapse.
  const T log_mean1 = one.mu + one.sigma2 / 2, log_mean2 = two.mu + two.sigma2 / 2;
  T relative = 0;
  for (std::size_t mu = 0; mu < patterns.count(); ++mu) {
    if (excluded && *excluded == mu) continue;
    const auto& p = patterns.list[mu];
    const T v1 = p.cov(i1, i1) + p.cov(j1, j1) + 2 * p.cov(i1, j1);
    const T v2 = p.cov(i2, i2) + p.cov(j2, j2) + 2 * p.cov(i2, j2);
    const T v12 = p.cov(i1, i2) + p.cov(i1, j2) + p.cov(j1, i2) + p.cov(j1, j2);
    const T log_a1 = p.mean(i1) + p.mean(j1) + v1 / 2, log_a2 = p.mean(i2) + p.mean(j2) + v2 / 2;
    relative += exp(T(log_a1 - log_mean1 + log_a2 - log_mean2)) * expm1_(v12);
  }
  return log1p_(relative);
}

// Proposition 2.2 (a pair): I = sum of lambda differences + (1/2) ln(det K / det K')
// with 2x2 determinants written out.
template <class T>
ClosedFormValue<T> pair_mutual_information(const Patterns<T>& patterns, const Synapse& s1, const Synapse& s2,
                                           std::size_t k) {
  using std::log;
  validate_problem(Problem<T>{patterns, {s1, s2}, k});
  ClosedFormValue<T> out;
  if (patterns.count() == 1) {
    out.status = MiStatus::single_pattern;
    return out;
  }
  auto side = [&](std::optional<std::size_t> excluded, T& lambda_sum, T& det) {
    const auto a = fenton_wilkinson_singleton(patterns, s1, excluded);
    const auto b = fenton_wilkinson_singleton(patterns, s2, excluded);
    const T k12 = pair_log_covariance(patterns, s1, s2, excluded);
    lambda_sum = a.mu + b.mu;
    det = a.sigma2 * b.sigma2 - k12 * k12;
    return a.sigma2 > 0 && det > 0;
  };
  T lam = 0, det = 0, lam_rest = 0, det_rest = 0;
  const bool ok_all = side(std::nullopt, lam, det);
  const bool ok_rest = side(k, lam_rest, det_rest);
  if (!ok_all || !ok_rest) {
    out.status = MiStatus::not_positive_definite;
    return out;
  }
  out.mi_nats = (lam - lam_rest) + log(T(det / det_rest)) / 2;
  return out;
}

// Decimal digits on which a double result agrees with a high-precision one
// (0 to 17; 17 means they agree to the last bit of the double).
template <class T>
int agreement_digits(double approx, const T& reference) {
  using std::abs;
  using std::log10;
  const T diff = abs(T(approx) - reference);
  if (diff == 0) return 17;
  const T scale = abs(reference) > 0 ? T(abs(reference)) : T(1);
  const double digits = to_double(T(-log10(T(diff / scale))));
  if (!(digits > 0)) return 0;
  return digits > 17 ? 17 : static_cast<int>(digits);
}

// Prevent each translation unit from instantiating the heavy templates; they
// are instantiated once in src/core/mutual_information.cpp.
extern template MiResult<double> fenton_wilkinson_mutual_information_of_valid(const Problem<double>&, const MiOptions&);
extern template MiResult<float50> fenton_wilkinson_mutual_information_of_valid(const Problem<float50>&, const MiOptions&);
extern template MiResult<float100> fenton_wilkinson_mutual_information_of_valid(const Problem<float100>&, const MiOptions&);
extern template MiResult<double> fenton_wilkinson_mutual_information(const Problem<double>&, const MiOptions&);
extern template MiResult<float50> fenton_wilkinson_mutual_information(const Problem<float50>&, const MiOptions&);
extern template MiResult<float100> fenton_wilkinson_mutual_information(const Problem<float100>&, const MiOptions&);

}  // namespace syninfo
