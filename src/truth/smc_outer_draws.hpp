// The outer draws of smc and its control-variate estimate (private to
// src/truth; smc_outer_draws.cpp).
#pragma once

#include "lognormal_surrogate.hpp"

#include "syninfo/random.hpp"
#include "syninfo/truth/model_sampling.hpp"
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace syninfo::truth::detail {

// Every pattern's log-term drawn once: column mu of g (z is scratch).
void draw_terms(const std::vector<LogTerm>& terms, const std::vector<Eigen::MatrixXd>& factors, Rng& rng,
                Eigen::MatrixXd& g, Eigen::VectorXd& z);

// out[a] = ln of the sum over the columns of row a of exp(g), column `skip` left out (-1: none).
void log_sum_columns(const Eigen::MatrixXd& g, std::ptrdiff_t skip, double* out);

// One outer point: every pattern drawn once (rng), ln W_E and ln R^(k) from
// the same draws (common random numbers).
void draw_point(const std::vector<LogTerm>& terms, const std::vector<Eigen::MatrixXd>& factors, std::size_t k,
                Rng& rng, Eigen::MatrixXd& g, Eigen::VectorXd& z, Eigen::VectorXd& log_w, Eigen::VectorXd& log_r);

// The control-variate estimate: corrects out.estimate.value and sets
// out.statistical_error and the control fields from the surrogates' values
// cv at the outer draws (see the definition).
void apply_control_variate(const std::vector<LogTerm>& terms, const std::vector<Eigen::MatrixXd>& factors,
                           std::size_t k, const SmcOptions& options, const LognormalSurrogate& qw,
                           const LognormalSurrogate& qr, const std::vector<Eigen::Vector2d>& cv,
                           SmcMutualInformation& out);

}  // namespace syninfo::truth::detail
