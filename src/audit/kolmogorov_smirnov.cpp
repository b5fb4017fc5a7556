#include "syninfo/audit/kolmogorov_smirnov.hpp"

#include <gsl/gsl_cdf.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace syninfo::audit {

double ks_statistic(std::vector<double>& samples, const std::function<double(double)>& cdf) {
  if (samples.empty()) throw std::invalid_argument("ks_statistic: no samples");
  for (double x : samples)
    if (!std::isfinite(x)) throw std::invalid_argument("ks_statistic: a sample is not finite");
  std::sort(samples.begin(), samples.end());
  const double m = static_cast<double>(samples.size());
  double d = 0.0;
  // The empirical CDF jumps from i/M to (i+1)/M at x_(i); the supremum is
  // attained at a jump, on one side or the other (ties included, since the
  // largest gap at a tied value is the one across the whole run of ties).
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double f = cdf(samples[i]);
    d = std::max(d, static_cast<double>(i + 1) / m - f);
    d = std::max(d, f - static_cast<double>(i) / m);
  }
  return d;
}

double ks_critical_value_5pct(std::size_t samples) { return 1.358 / std::sqrt(static_cast<double>(samples)); }

double ks_p_value(double statistic, std::size_t samples) {
  const double root = std::sqrt(static_cast<double>(samples));
  const double lambda = statistic * (root + 0.12 + 0.11 / root);
  if (lambda < 0.2) return 1.0;  // the series converges slowly there and Q is 1 to 1e-9
  double sum = 0.0, sign = 1.0;
  for (int j = 1; j <= 100; ++j) {
    const double term = std::exp(-2.0 * j * j * lambda * lambda);
    sum += sign * term;
    if (term < 1e-17 * std::abs(sum)) break;
    sign = -sign;
  }
  return std::clamp(2.0 * sum, 0.0, 1.0);
}

KsResult ks_test(std::vector<double> samples, const std::function<double(double)>& cdf) {
  KsResult r;
  r.samples = samples.size();
  r.statistic = ks_statistic(samples, cdf);
  r.critical_value = ks_critical_value_5pct(r.samples);
  r.p_value = ks_p_value(r.statistic, r.samples);
  r.exceeds_critical = r.statistic > r.critical_value;
  return r;
}

KsResult ks_test_lognormal(std::vector<double> log_samples, double lambda, double s2) {
  if (!(s2 > 0.0) || !std::isfinite(s2) || !std::isfinite(lambda))
    throw std::invalid_argument("ks_test_lognormal: the log variance must be positive and finite");
  const double sd = std::sqrt(s2);
  return ks_test(std::move(log_samples), [&](double x) { return gsl_cdf_gaussian_P(x - lambda, sd); });
}

}  // namespace syninfo::audit
