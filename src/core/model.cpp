#include "syninfo/model.hpp"

#include "syninfo/decimal.hpp"

#include <Eigen/Eigenvalues>

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
std::string show(const T& x) {
  return to_decimal(x, 6);
}

}  // namespace

template <class T>
void validate_patterns(const Patterns<T>& patterns) {
  using std::abs;
  if (patterns.count() < 1)
    throw InvalidInput(InputErrorKind::no_patterns, "patterns", "at least one pattern is required (P >= 1)");
  const auto n = static_cast<Eigen::Index>(patterns.neurons());
  if (n < 1) throw InvalidInput(InputErrorKind::dimension_mismatch, "patterns[0].mean", "mean vector is empty (N must be >= 1)");
  const T eps = std::numeric_limits<T>::epsilon();
  for (std::size_t mu = 0; mu < patterns.count(); ++mu) {
    const auto& p = patterns.list[mu];
    const std::string where = "patterns[" + std::to_string(mu) + "]";
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
    // Entries read from the same decimal text are identical; a few ulps of
    // slack admit matrices that were computed (e.g. B B') rather than typed.
    for (Eigen::Index a = 0; a < n; ++a)
      for (Eigen::Index b = a + 1; b < n; ++b) {
        const T diff = abs(p.cov(a, b) - p.cov(b, a));
        if (diff > 4 * eps * (std::max)(abs(p.cov(a, b)), abs(p.cov(b, a))))
          throw InvalidInput(InputErrorKind::asymmetric_covariance,
                             where + ".cov[" + std::to_string(a) + "][" + std::to_string(b) + "]",
                             "is " + show(p.cov(a, b)) + " but cov[" + std::to_string(b) + "][" + std::to_string(a) +
                                 "] is " + show(p.cov(b, a)) + " (covariance must be symmetric)");
      }
    // Positive semi-definite up to rounding: the smallest eigenvalue may be
    // negative only by what an eigen-solver's backward error allows
    // (a small multiple of N * eps * the largest entry).
    Eigen::SelfAdjointEigenSolver<Matrix<T>> eig(p.cov, Eigen::EigenvaluesOnly);
    const T min_eig = eig.eigenvalues()(0);
    const T tolerance = 16 * T(static_cast<long>(n)) * eps * scale;
    if (min_eig < -tolerance)
      throw InvalidInput(InputErrorKind::covariance_not_psd, where + ".cov",
                         "is not positive semi-definite (smallest eigenvalue " + show(min_eig) + ")");
  }
}

void validate_ensemble(const Ensemble& ensemble, std::size_t neurons) {
  if (ensemble.empty())
    throw InvalidInput(InputErrorKind::empty_ensemble, "synapses", "the ensemble is empty (name at least one synapse)");
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen;
  for (std::size_t a = 0; a < ensemble.size(); ++a) {
    const auto& s = ensemble[a];
    const std::string where = "synapses[" + std::to_string(a) + "]";
    if (s.i >= neurons || s.j >= neurons)
      throw InvalidInput(InputErrorKind::index_out_of_range, where,
                         "neuron index " + std::to_string(s.i >= neurons ? s.i : s.j) + " is out of range (N = " +
                             std::to_string(neurons) + ", indices are 0-based)");
    const auto key = std::minmax(s.i, s.j);
    auto [it, inserted] = seen.emplace(key, a);
    if (!inserted)
      throw InvalidInput(InputErrorKind::repeated_synapse, where,
                         "names the pair (" + std::to_string(key.first) + ", " + std::to_string(key.second) +
                             ") already named by synapses[" + std::to_string(it->second) + "] (W_ij = W_ji)");
  }
}

template <class T>
void validate_problem(const Problem<T>& problem) {
  validate_patterns(problem.patterns);
  validate_ensemble(problem.ensemble, problem.patterns.neurons());
  if (problem.pattern >= problem.patterns.count())
    throw InvalidInput(InputErrorKind::index_out_of_range, "pattern",
                       "pattern index " + std::to_string(problem.pattern) + " is out of range (P = " +
                           std::to_string(problem.patterns.count()) + ", indices are 0-based)");
}

template void validate_patterns(const Patterns<double>&);
template void validate_patterns(const Patterns<float50>&);
template void validate_patterns(const Patterns<float100>&);
template void validate_problem(const Problem<double>&);
template void validate_problem(const Problem<float50>&);
template void validate_problem(const Problem<float100>&);

}  // namespace syninfo
