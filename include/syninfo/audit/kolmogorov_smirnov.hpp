// Kolmogorov-Smirnov distance between an empirical CDF and a given CDF, used
// to measure how far the Fenton-Wilkinson marginal LN(lambda_a, K_aa) is from
// the distribution of sampled weights W_a (or R^(k)_a). The true marginal is
// not log-normal, so with enough samples the distance estimates
// sup |F_true - F_FW| itself (up to O(1/sqrt(M)) sampling noise); the
// asymptotic 5% critical value 1.358 / sqrt(M) says how large a distance
// sampling alone would produce.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace syninfo::audit {

struct KsResult {
  double statistic = 0.0;       // D = sup_x |F_M(x) - F(x)|
  std::size_t samples = 0;      // M
  double critical_value = 0.0;  // 1.358 / sqrt(M): asymptotic 5% level
  double p_value = 0.0;         // asymptotic Kolmogorov tail probability (Stephens' small-M correction)
  bool exceeds_critical = false;
};

// D of the samples against cdf (the samples are sorted in place). Throws
// std::invalid_argument for an empty sample or a non-finite sample.
double ks_statistic(std::vector<double>& samples, const std::function<double(double)>& cdf);

// 1.358 / sqrt(M).
double ks_critical_value_5pct(std::size_t samples);

// Q_KS(lambda) = 2 sum_{j>=1} (-1)^{j-1} exp(-2 j^2 lambda^2) with
// lambda = D (sqrt(M) + 0.12 + 0.11 / sqrt(M)).
double ks_p_value(double statistic, std::size_t samples);

KsResult ks_test(std::vector<double> samples, const std::function<double(double)>& cdf);

// Samples of ln W against Normal(lambda, s2): the same D as W against
// LN(lambda, s2), since ln is monotone.
KsResult ks_test_lognormal(std::vector<double> log_samples, double lambda, double s2);

}  // namespace syninfo::audit
