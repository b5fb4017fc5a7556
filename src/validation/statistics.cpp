#include "syninfo/validation/statistics.hpp"

#include <Eigen/Dense>
#include <gsl/gsl_cdf.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace syninfo::validation {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double mean_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

// Sum of squared deviations from the mean (two passes: no cancellation).
double centred_square_sum(const std::vector<double>& v, double mean) {
  double s = 0.0;
  for (double x : v) s += (x - mean) * (x - mean);
  return s;
}

void check_confidence(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) throw std::invalid_argument("confidence must be in (0, 1)");
}

TTest make_t_test(double difference, double se, double dof, double confidence) {
  TTest out;
  if (!(se > 0.0) || !(dof > 0.0) || !std::isfinite(se)) {
    out.t = out.dof = out.p_value = out.mean_difference = out.ci_low = out.ci_high = nan;
    return out;
  }
  out.valid = true;
  out.mean_difference = difference;
  out.dof = dof;
  out.t = difference / se;
  out.p_value = t_two_sided_p(out.t, dof);
  const double q = t_quantile_two_sided(confidence, dof);
  out.ci_low = difference - q * se;
  out.ci_high = difference + q * se;
  return out;
}

}  // namespace

double t_quantile_two_sided(double confidence, double dof) {
  check_confidence(confidence);
  return gsl_cdf_tdist_Pinv(0.5 + confidence / 2.0, dof);
}

double normal_quantile_two_sided(double confidence) {
  check_confidence(confidence);
  return gsl_cdf_ugaussian_Pinv(0.5 + confidence / 2.0);
}

double t_two_sided_p(double t, double dof) {
  if (std::isnan(t)) return nan;
  if (std::isinf(t)) return 0.0;
  return 2.0 * gsl_cdf_tdist_Q(std::fabs(t), dof);
}

double normal_two_sided_p(double z) {
  if (std::isnan(z)) return nan;
  if (std::isinf(z)) return 0.0;
  return 2.0 * gsl_cdf_ugaussian_Q(std::fabs(z));
}

Summary summarise(const std::vector<double>& values) {
  Summary s;
  s.count = values.size();
  if (values.empty()) {
    s.mean = s.sd = nan;
    return s;
  }
  s.mean = mean_of(values);
  s.sd = values.size() < 2 ? nan : std::sqrt(centred_square_sum(values, s.mean) / static_cast<double>(values.size() - 1));
  return s;
}

Correlation pearson_correlation(const std::vector<double>& x, const std::vector<double>& y, double confidence) {
  check_confidence(confidence);
  if (x.size() != y.size()) throw std::invalid_argument("pearson_correlation: x and y differ in length");
  Correlation c;
  c.count = x.size();
  c.r = c.p_value = c.ci_low = c.ci_high = nan;
  if (x.size() < 3) return c;
  const double mx = mean_of(x), my = mean_of(y);
  double sxy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) sxy += (x[i] - mx) * (y[i] - my);
  const double sxx = centred_square_sum(x, mx), syy = centred_square_sum(y, my);
  if (!(sxx > 0.0) || !(syy > 0.0)) return c;
  c.valid = true;
  double r = sxy / std::sqrt(sxx * syy);
  r = std::fmax(-1.0, std::fmin(1.0, r));  // rounding can push |r| a hair above 1
  c.r = r;
  const double dof = static_cast<double>(x.size()) - 2.0;
  c.p_value = std::fabs(r) >= 1.0 ? 0.0 : t_two_sided_p(r * std::sqrt(dof / (1.0 - r * r)), dof);
  if (x.size() >= 4 && std::fabs(r) < 1.0) {
    const double z = std::atanh(r), half = normal_quantile_two_sided(confidence) / std::sqrt(static_cast<double>(x.size()) - 3.0);
    c.ci_low = std::tanh(z - half);
    c.ci_high = std::tanh(z + half);
  } else if (std::fabs(r) >= 1.0) {
    c.ci_low = c.ci_high = r;
  }
  return c;
}

LinearFit ordinary_least_squares(const std::vector<double>& x, const std::vector<double>& y, double confidence) {
  check_confidence(confidence);
  if (x.size() != y.size()) throw std::invalid_argument("ordinary_least_squares: x and y differ in length");
  LinearFit f;
  f.count = x.size();
  f.slope = f.intercept = f.slope_se = f.intercept_se = f.slope_ci_low = f.slope_ci_high = f.p_value = f.r =
      f.residual_sd = nan;
  if (x.size() < 3) return f;
  const double mx = mean_of(x), my = mean_of(y);
  const double sxx = centred_square_sum(x, mx);
  if (!(sxx > 0.0)) return f;
  double sxy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) sxy += (x[i] - mx) * (y[i] - my);
  f.valid = true;
  f.slope = sxy / sxx;
  f.intercept = my - f.slope * mx;
  double rss = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double e = y[i] - f.intercept - f.slope * x[i];
    rss += e * e;
  }
  const double n = static_cast<double>(x.size()), dof = n - 2.0;
  const double s2 = rss / dof;
  f.residual_sd = std::sqrt(s2);
  f.slope_se = std::sqrt(s2 / sxx);
  f.intercept_se = std::sqrt(s2 * (1.0 / n + mx * mx / sxx));
  const double q = t_quantile_two_sided(confidence, dof);
  f.slope_ci_low = f.slope - q * f.slope_se;
  f.slope_ci_high = f.slope + q * f.slope_se;
  f.p_value = f.slope_se > 0.0 ? t_two_sided_p(f.slope / f.slope_se, dof) : 0.0;
  const Correlation c = pearson_correlation(x, y, confidence);
  f.r = c.r;
  return f;
}

TTest welch_t_test(const std::vector<double>& a, const std::vector<double>& b, double confidence) {
  check_confidence(confidence);
  if (a.size() < 2 || b.size() < 2) return make_t_test(nan, nan, nan, confidence);
  const Summary sa = summarise(a), sb = summarise(b);
  const double va = sa.sd * sa.sd / static_cast<double>(a.size()), vb = sb.sd * sb.sd / static_cast<double>(b.size());
  const double se = std::sqrt(va + vb);
  const double dof = (va + vb) * (va + vb) /
                     (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1));
  return make_t_test(sa.mean - sb.mean, se, dof, confidence);
}

TTest student_t_test(const std::vector<double>& a, const std::vector<double>& b, double confidence) {
  check_confidence(confidence);
  if (a.size() < 2 || b.size() < 2) return make_t_test(nan, nan, nan, confidence);
  const Summary sa = summarise(a), sb = summarise(b);
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  const double dof = na + nb - 2.0;
  const double pooled = ((na - 1.0) * sa.sd * sa.sd + (nb - 1.0) * sb.sd * sb.sd) / dof;
  return make_t_test(sa.mean - sb.mean, std::sqrt(pooled * (1.0 / na + 1.0 / nb)), dof, confidence);
}

Proportion wilson_interval(std::size_t successes, std::size_t trials, double confidence) {
  check_confidence(confidence);
  if (successes > trials) throw std::invalid_argument("wilson_interval: more successes than trials");
  Proportion p;
  p.successes = successes;
  p.trials = trials;
  if (trials == 0) {
    p.estimate = p.ci_low = p.ci_high = nan;
    return p;
  }
  const double n = static_cast<double>(trials), phat = static_cast<double>(successes) / n;
  const double z = normal_quantile_two_sided(confidence), z2 = z * z;
  const double centre = (phat + z2 / (2.0 * n)) / (1.0 + z2 / n);
  const double half = z / (1.0 + z2 / n) * std::sqrt(phat * (1.0 - phat) / n + z2 / (4.0 * n * n));
  p.estimate = phat;
  p.ci_low = std::fmax(0.0, centre - half);
  p.ci_high = std::fmin(1.0, centre + half);
  return p;
}

MultipleFit multiple_regression(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  if (x.rows() != y.size()) throw std::invalid_argument("multiple_regression: X and y differ in rows");
  MultipleFit f;
  f.count = static_cast<std::size_t>(x.rows());
  f.residual_sd = f.dof = f.r_squared = nan;
  if (x.rows() <= x.cols() || x.cols() == 0) return f;
  // Column-pivoted QR: rank-revealing, so a design with collinear columns is
  // reported invalid rather than solved with an arbitrary null-space part.
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
  if (qr.rank() < x.cols()) return f;
  f.valid = true;
  f.coefficients = qr.solve(y);
  const Eigen::VectorXd residual = y - x * f.coefficients;
  f.dof = static_cast<double>(x.rows() - x.cols());
  const double s2 = residual.squaredNorm() / f.dof;
  f.residual_sd = std::sqrt(s2);
  const Eigen::MatrixXd xtx = x.transpose() * x;
  f.covariance = s2 * xtx.ldlt().solve(Eigen::MatrixXd::Identity(x.cols(), x.cols()));
  const double my = y.mean();
  const double tss = (y.array() - my).square().sum();
  f.r_squared = tss > 0.0 ? 1.0 - residual.squaredNorm() / tss : nan;
  return f;
}

Histogram histogram(const std::vector<double>& values, double lo, double hi, std::size_t bins) {
  if (!(hi > lo) || bins == 0 || !std::isfinite(lo) || !std::isfinite(hi))
    throw std::invalid_argument("histogram: need finite lo < hi and at least one bin");
  Histogram h;
  h.lo = lo;
  h.hi = hi;
  h.width = (hi - lo) / static_cast<double>(bins);
  h.counts.assign(bins, 0);
  for (double v : values) {
    if (!std::isfinite(v)) {
      ++h.non_finite;
    } else if (v < lo) {
      ++h.below;
    } else if (v > hi) {
      ++h.above;
    } else {
      auto bin = static_cast<std::size_t>((v - lo) / h.width);
      if (bin >= bins) bin = bins - 1;  // v == hi, or rounding at the top edge
      ++h.counts[bin];
    }
  }
  return h;
}

}  // namespace syninfo::validation
