#include "syninfo/qd_scalar.hpp"

#include "syninfo/model.hpp"

#include "syninfo/decimal.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

namespace syninfo {

const char* to_string(InputErrorKind kind) {
  switch (kind) {
    case InputErrorKind::malformed: return "malformed";
    case InputErrorKind::non_finite: return "non_finite";
    case InputErrorKind::no_patterns: return "no_patterns";
    case InputErrorKind::dimension_mismatch: return "dimension_mismatch";
    case InputErrorKind::asymmetric_covariance: return "asymmetric_covariance";
    case InputErrorKind::covariance_not_psd: return "covariance_not_psd";
    case InputErrorKind::index_out_of_range: return "index_out_of_range";
    case InputErrorKind::repeated_synapse: return "repeated_synapse";
    case InputErrorKind::empty_ensemble: return "empty_ensemble";
  }
  return "unknown";
}

namespace {

template <class T>
bool finite(const T& x) {
  using std::isfinite;
  using boost::multiprecision::isfinite;
  return isfinite(x);
}

template <class T>
std::string show(const T& x, int digits = 6) {
  if constexpr (std::is_same_v<T, float50_mpfr>) return to_decimal(float100(x), digits);
  else return to_decimal(x, digits);
}

// Shape and finiteness of one pattern; returns max |S_ab|.
template <class T>
T check_shape(const Pattern<T>& p, Eigen::Index n, const std::string& where) {
  using std::abs;
  if (p.mean.size() != n)
    throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".mean",
                       "has " + std::to_string(p.mean.size()) + " entries but patterns[0].mean has " + std::to_string(n));
  if (p.cov.rows() != n || p.cov.cols() != n)
    throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".cov",
                       "is " + std::to_string(p.cov.rows()) + "x" + std::to_string(p.cov.cols()) + ", expected " +
                           std::to_string(n) + "x" + std::to_string(n));
  for (Eigen::Index a = 0; a < n; ++a)
    if (!finite(p.mean(a)))
      throw InvalidInput(InputErrorKind::non_finite, where + ".mean[" + std::to_string(a) + "]", "is not finite");
  T scale = 0;
  for (Eigen::Index a = 0; a < n; ++a)
    for (Eigen::Index b = 0; b < n; ++b) {
      if (!finite(p.cov(a, b)))
        throw InvalidInput(InputErrorKind::non_finite, where + ".cov[" + std::to_string(a) + "][" + std::to_string(b) + "]",
                           "is not finite");
      scale = (std::max)(scale, T(abs(p.cov(a, b))));
    }
  return scale;
}

// Largest |S_ab - S_ba|, the first pair beyond `tolerance` rejected.
template <class T>
T check_symmetry(const Matrix<T>& c, const T& tolerance, const std::string& where) {
  using std::abs;
  T largest = 0;
  for (Eigen::Index a = 0; a < c.rows(); ++a)
    for (Eigen::Index b = a + 1; b < c.cols(); ++b) {
      const T diff = abs(c(a, b) - c(b, a));
      if (diff > tolerance)
        throw InvalidInput(InputErrorKind::asymmetric_covariance,
                           where + ".cov[" + std::to_string(a) + "][" + std::to_string(b) + "]",
                           "is " + show(c(a, b), 17) + " but cov[" + std::to_string(b) + "][" + std::to_string(a) +
                               "] is " + show(c(b, a), 17) + ": they differ by " + show(diff, 3) +
                               ", more than the tolerance " + show(tolerance, 3) +
                               " (covariance must be symmetric to double rounding)");
      largest = (std::max)(largest, diff);
    }
  return largest;
}

// Positive semi-definite within -tolerance. A Cholesky that succeeds decides
// it (positive definite to rounding); otherwise the eigenvalues decide.
// Returns the smallest eigenvalue when it was computed and is negative (else 0).
template <class T>
T check_psd(const Matrix<T>& c, const T& tolerance, const std::string& where) {
  if (Eigen::LLT<Matrix<T>>(c).info() == Eigen::Success) return T(0);
  Matrix<T> lower = c.template selfadjointView<Eigen::Lower>();
  Eigen::SelfAdjointEigenSolver<Matrix<T>> eig(lower, Eigen::EigenvaluesOnly);
  const T min_eig = eig.eigenvalues()(0);
  if (min_eig < -tolerance)
    throw InvalidInput(InputErrorKind::covariance_not_psd, where + ".cov",
                       "is not positive semi-definite (smallest eigenvalue " + show(min_eig, 17) +
                           ", below the tolerance -" + show(tolerance, 3) + " of double rounding)");
  return min_eig < 0 ? min_eig : T(0);
}

}  // namespace

template <class T>
std::vector<std::string> check_patterns(const Patterns<T>& patterns, const ValidationTolerance& tolerance) {
  if (patterns.count() < 1)
    throw InvalidInput(InputErrorKind::no_patterns, "patterns", "at least one pattern is required (P >= 1)");
  const auto n = static_cast<Eigen::Index>(patterns.neurons());
  if (n < 1) throw InvalidInput(InputErrorKind::dimension_mismatch, "patterns[0].mean", "mean vector is empty (N must be >= 1)");
  if (!(tolerance.symmetry >= 0) || !(tolerance.psd >= 0))
    throw std::invalid_argument("ValidationTolerance: symmetry and psd must be >= 0");
  const T unit = T(static_cast<int>(n)) * T(std::numeric_limits<double>::epsilon());
  std::vector<std::string> warnings;
  for (std::size_t mu = 0; mu < patterns.count(); ++mu) {
    const auto& p = patterns.list[mu];
    const std::string where = "patterns[" + std::to_string(mu) + "]";
    const T scale = check_shape(p, n, where);
    // A covariance identical to the previous pattern's has the same verdict.
    if (mu > 0 && p.cov == patterns.list[mu - 1].cov) continue;
    const T asym = check_symmetry(p.cov, T(T(tolerance.symmetry) * unit * scale), where);
    if (asym > 0)
      warnings.push_back(where + ".cov is symmetric only to rounding (largest |S_ab - S_ba| " + show(asym, 3) +
                         ", scale " + show(scale, 3) + "); it was replaced by (S + S')/2");
    const T min_eig = check_psd(p.cov, T(T(tolerance.psd) * unit * scale), where);
    if (min_eig < 0)
      warnings.push_back(where + ".cov is positive semi-definite only to rounding (smallest eigenvalue " +
                         show(min_eig, 3) + ", scale " + show(scale, 3) + "); accepted as singular");
  }
  return warnings;
}

template <class T>
void validate_patterns(const Patterns<T>& patterns) {
  (void)check_patterns(patterns);
}

template <class T>
bool symmetrise_covariances(Patterns<T>& patterns) {
  bool changed = false;
  for (auto& p : patterns.list)
    for (Eigen::Index a = 0; a < p.cov.rows(); ++a)
      for (Eigen::Index b = a + 1; b < p.cov.cols(); ++b)
        if (p.cov(a, b) != p.cov(b, a)) {
          const T mean = (p.cov(a, b) + p.cov(b, a)) / 2;
          p.cov(a, b) = mean;
          p.cov(b, a) = mean;
          changed = true;
        }
  return changed;
}

std::vector<std::size_t> touched_neurons(const Ensemble& ensemble) {
  std::vector<std::size_t> j;
  j.reserve(2 * ensemble.size());
  for (const auto& s : ensemble) {
    j.push_back(s.i);
    j.push_back(s.j);
  }
  std::sort(j.begin(), j.end());
  j.erase(std::unique(j.begin(), j.end()), j.end());
  return j;
}

void validate_ensemble(const Ensemble& ensemble, std::size_t neurons) {
  if (ensemble.empty())
    throw InvalidInput(InputErrorKind::empty_ensemble, "synapses", "the ensemble is empty (name at least one synapse)");
  // Small ensembles by pairwise comparison (no allocation in a caller's loop).
  const bool pairwise = ensemble.size() <= 64;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen;
  for (std::size_t a = 0; a < ensemble.size(); ++a) {
    const auto& s = ensemble[a];
    if (s.i >= neurons || s.j >= neurons)
      throw InvalidInput(InputErrorKind::index_out_of_range, "synapses[" + std::to_string(a) + "]",
                         "neuron index " + std::to_string(s.i >= neurons ? s.i : s.j) + " is out of range (N = " +
                             std::to_string(neurons) + ", indices are 0-based)");
    const auto key = std::minmax(s.i, s.j);
    std::size_t first = a;
    if (pairwise) {
      for (std::size_t b = 0; b < a && first == a; ++b)
        if (std::minmax(ensemble[b].i, ensemble[b].j) == key) first = b;
    } else {
      const auto it = seen.emplace(key, a).first;
      first = it->second;
    }
    if (first != a)
      throw InvalidInput(InputErrorKind::repeated_synapse, "synapses[" + std::to_string(a) + "]",
                         "names the pair (" + std::to_string(key.first) + ", " + std::to_string(key.second) +
                             ") already named by synapses[" + std::to_string(first) + "] (W_ij = W_ji)");
  }
}

template <class T>
std::vector<std::string> check_problem(const Problem<T>& problem, const ValidationTolerance& tolerance) {
  auto warnings = check_patterns(problem.patterns, tolerance);
  validate_ensemble(problem.ensemble, problem.patterns.neurons());
  if (problem.pattern >= problem.patterns.count())
    throw InvalidInput(InputErrorKind::index_out_of_range, "pattern",
                       "pattern index " + std::to_string(problem.pattern) + " is out of range (P = " +
                           std::to_string(problem.patterns.count()) + ", indices are 0-based)");
  return warnings;
}

template <class T>
void validate_problem(const Problem<T>& problem) {
  (void)check_problem(problem);
}

#define SYNINFO_INSTANTIATE_VALIDATION(T)                                                              \
  template std::vector<std::string> check_patterns(const Patterns<T>&, const ValidationTolerance&); \
  template std::vector<std::string> check_problem(const Problem<T>&, const ValidationTolerance&);   \
  template bool symmetrise_covariances(Patterns<T>&);                                                \
  template void validate_patterns(const Patterns<T>&);                                               \
  template void validate_problem(const Problem<T>&);
SYNINFO_INSTANTIATE_VALIDATION(double)
SYNINFO_INSTANTIATE_VALIDATION(float50)
SYNINFO_INSTANTIATE_VALIDATION(float100)
SYNINFO_INSTANTIATE_VALIDATION(float50_mpfr)
SYNINFO_INSTANTIATE_VALIDATION(float50_qd)
#undef SYNINFO_INSTANTIATE_VALIDATION

}  // namespace syninfo
