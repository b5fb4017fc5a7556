// The synaptic model of theory.md section 1: P independent log-normal
// patterns over N neurons, Hebbian weights W_ij = sum_mu x_i^mu x_j^mu, and an
// ensemble E of synapses (neuron index pairs) whose weights W_E are observed.
#pragma once

#include "syninfo/precision.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo {

template <class T>
using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;
template <class T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

// One stored pattern: y = ln x ~ Normal(mean, cov) in the log domain.
template <class T>
struct Pattern {
  Vector<T> mean;
  Matrix<T> cov;
};

// All stored patterns. N (neurons) and P (patterns) are read off them.
template <class T>
struct Patterns {
  std::vector<Pattern<T>> list;
  std::size_t neurons() const { return list.empty() ? 0 : static_cast<std::size_t>(list.front().mean.size()); }
  std::size_t count() const { return list.size(); }
};

// A synapse is an unordered neuron pair; i == j (self-connection) is allowed.
struct Synapse {
  std::size_t i = 0;
  std::size_t j = 0;
};
using Ensemble = std::vector<Synapse>;

// Sorted distinct neurons J touched by the ensemble (both ends of every synapse).
std::vector<std::size_t> touched_neurons(const Ensemble& ensemble);

// A complete question: how much does W_E tell about pattern k?
template <class T>
struct Problem {
  Patterns<T> patterns;
  Ensemble ensemble;
  std::size_t pattern = 0;  // k, 0-based
};

// Each class of invalid input has its own kind, so callers and tests can tell
// them apart; `where` names the offending place (e.g. "patterns[2].cov[0][1]").
enum class InputErrorKind {
  malformed,           // not parseable / wrong JSON type / missing field
  non_finite,          // NaN, infinity, or a number outside the scalar's range
  no_patterns,         // P < 1
  dimension_mismatch,  // mean/cov sizes disagree between or within patterns
  asymmetric_covariance,
  covariance_not_psd,
  index_out_of_range,  // neuron index >= N or pattern index >= P
  repeated_synapse,    // same unordered pair twice in the ensemble
  empty_ensemble,
};

const char* to_string(InputErrorKind kind);

class InvalidInput : public std::invalid_argument {
 public:
  InvalidInput(InputErrorKind kind, std::string where, const std::string& what)
      : std::invalid_argument(where.empty() ? what : where + ": " + what), kind_(kind), where_(std::move(where)) {}
  InputErrorKind kind() const noexcept { return kind_; }
  const std::string& where() const noexcept { return where_; }

 private:
  InputErrorKind kind_;
  std::string where_;
};

// How far a covariance computed in double (numpy's Q D Q', B B' of rank < N)
// may be from symmetric and from positive semi-definite. Both are relative to
// the matrix's scale s = max |S_ab| at double rounding, at every precision
// (a matrix rounded to double carries that error whatever T reads it in):
//   |S_ab - S_ba|          <= symmetry * N * eps_double * s  (then symmetrised exactly, with a warning)
//   smallest eigenvalue    >= -psd * N * eps_double * s      (a negative one within it is warned)
// Beyond them the input is rejected, the message printing 17 digits.
struct ValidationTolerance {
  double symmetry = 16;
  double psd = 16;
};

// Validation throws InvalidInput on the first problem found.
template <class T>
void validate_patterns(const Patterns<T>& patterns);
void validate_ensemble(const Ensemble& ensemble, std::size_t neurons);
template <class T>
void validate_problem(const Problem<T>& problem);

// The same checks under an explicit tolerance; returns the warnings (empty
// for exactly symmetric, numerically PSD input). A pattern whose covariance is
// identical to the previous pattern's is not checked again.
template <class T>
std::vector<std::string> check_patterns(const Patterns<T>& patterns, const ValidationTolerance& tolerance = {});
template <class T>
std::vector<std::string> check_problem(const Problem<T>& problem, const ValidationTolerance& tolerance = {});
// Replaces every covariance by (S + S')/2 (exact up to one rounding per
// entry; a no-op on symmetric input). Returns whether anything changed.
template <class T>
bool symmetrise_covariances(Patterns<T>& patterns);

}  // namespace syninfo
