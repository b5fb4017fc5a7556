// Sampling from the synaptic model of theory.md section 1, and the per-pattern
// log-domain description of the terms T^mu that the true-information
// estimators build on.
//
// Sample i of a run with seed S is drawn from Rng(S, i) alone, so every result
// is identical for every thread count.
#pragma once

#include "syninfo/model.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace syninfo::truth {

// ln T^mu ~ Normal(mean, cov) in R^n: mean_a = e_a . m^mu, cov_ab = e_a' S^mu e_b.
struct LogTerm {
  Eigen::VectorXd mean;
  Eigen::MatrixXd cov;
};

// The n x N matrix whose row a is e_a = unit(i_a) + unit(j_a).
Eigen::MatrixXd ensemble_rows(const Ensemble& ensemble, std::size_t neurons);

// One LogTerm per pattern, in pattern order.
std::vector<LogTerm> log_terms(const Problem<double>& problem);

// Exact mean and covariance of a sum of terms (theory.md section 2).
struct SumMoments {
  Eigen::VectorXd mean;
  Eigen::MatrixXd cov;
};
// Sum over all terms, or all but `exclude`.
SumMoments sum_moments(const std::vector<LogTerm>& terms, std::optional<std::size_t> exclude = std::nullopt);

// Gaussian-channel value 0.5 ln(det C / det C') of theory.md 5.5, with C, C'
// the exact covariances of W_E and of R^(k). NaN when either is singular.
double gaussian_channel_information(const Problem<double>& problem);

// Numerically stable ln(sum exp(v_i)); -inf for an empty or all -inf input.
double log_sum_exp(const double* values, std::size_t count);

// A square-root factor F (N x N, F F' = S) of every pattern covariance, from a
// symmetric eigen-decomposition with negative round-off eigenvalues set to 0,
// so singular (positive semi-definite) covariances are sampled exactly.
class ModelSampler {
 public:
  explicit ModelSampler(const Problem<double>& problem);

  std::size_t neurons() const { return neurons_; }
  std::size_t patterns() const { return factors_.size(); }
  std::size_t synapses() const { return static_cast<std::size_t>(rows_.rows()); }

  // Log-activities of every pattern for sample `index`: column mu is y^mu (N x P).
  void draw_log_activities(std::uint64_t seed, std::uint64_t index, Eigen::MatrixXd& y) const;

  // ln T^mu for every pattern (n x P, column mu) from log-activities y.
  Eigen::MatrixXd log_terms_of(const Eigen::MatrixXd& y) const { return rows_ * y; }

 private:
  std::size_t neurons_ = 0;
  Eigen::MatrixXd rows_;
  std::vector<Eigen::VectorXd> means_;
  std::vector<Eigen::MatrixXd> factors_;
};

// M samples of the quantities the estimators need (row r is sample r).
struct ModelSamples {
  Eigen::MatrixXd log_w;      // M x n: ln W_E (log-sum-exp over patterns; no overflow)
  Eigen::MatrixXd log_r;      // M x n: ln R^(k); -inf when P = 1 (R = 0)
  Eigen::MatrixXd log_t;      // M x n: ln T^k
  Eigen::MatrixXd y_touched;  // M x |J|: y^k_J, columns in the order of `touched`
  std::vector<std::size_t> touched;
};

// Draws M samples; sample r uses Rng(seed, r) only. threads = 0: all cores.
ModelSamples sample_model(const Problem<double>& problem, std::size_t samples, std::uint64_t seed,
                          unsigned threads = 0);

}  // namespace syninfo::truth
