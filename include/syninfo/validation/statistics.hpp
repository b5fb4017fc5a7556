// The statistics the validation report states: ordinary least squares with a
// t-based confidence interval of the slope, Pearson's r with its p-value and
// Fisher-z interval, two-sided Welch and Student t-tests, the Wilson interval
// of a proportion, a multiple regression with its coefficient covariance (for
// the joint power-law fit of claim C8) and fixed-bin histograms.
//
// Every function accepts degenerate data (too few points, zero variance) and
// then returns `valid = false` with NaN fields; the report prints those as
// "n/a", never as numbers. Quantiles and tail probabilities come from GSL.
#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace syninfo::validation {

struct Summary {
  std::size_t count = 0;
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (divisor count - 1); NaN when count < 2
};
Summary summarise(const std::vector<double>& values);

struct Correlation {
  bool valid = false;
  std::size_t count = 0;
  double r = 0.0;
  double p_value = 0.0;          // two-sided, t = r sqrt((n-2)/(1-r^2)) on n - 2 dof
  double ci_low = 0.0, ci_high = 0.0;  // Fisher z: tanh(atanh r -+ z_{1-alpha/2} / sqrt(n - 3)); needs n >= 4
};
Correlation pearson_correlation(const std::vector<double>& x, const std::vector<double>& y, double confidence = 0.95);

struct LinearFit {
  bool valid = false;
  std::size_t count = 0;
  double slope = 0.0, intercept = 0.0;
  double slope_se = 0.0, intercept_se = 0.0;
  double slope_ci_low = 0.0, slope_ci_high = 0.0;  // slope -+ t_{1-alpha/2, n-2} slope_se
  double p_value = 0.0;  // two-sided test of slope = 0 (equals Pearson's p)
  double r = 0.0;        // Pearson correlation of x and y
  double residual_sd = 0.0;
};
// y = intercept + slope x. Needs at least 3 points and x not constant.
LinearFit ordinary_least_squares(const std::vector<double>& x, const std::vector<double>& y, double confidence = 0.95);

struct TTest {
  bool valid = false;
  double t = 0.0;
  double dof = 0.0;              // Welch-Satterthwaite or n_a + n_b - 2
  double p_value = 0.0;          // two-sided
  double mean_difference = 0.0;  // mean(a) - mean(b)
  double ci_low = 0.0, ci_high = 0.0;  // of the mean difference
};
// Unequal variances (Welch). Needs >= 2 values in each group and a positive pooled variance.
TTest welch_t_test(const std::vector<double>& a, const std::vector<double>& b, double confidence = 0.95);
// Equal variances (Student, pooled).
TTest student_t_test(const std::vector<double>& a, const std::vector<double>& b, double confidence = 0.95);

struct Proportion {
  std::size_t successes = 0, trials = 0;
  double estimate = 0.0;  // NaN when trials = 0
  double ci_low = 0.0, ci_high = 0.0;  // Wilson score interval
};
Proportion wilson_interval(std::size_t successes, std::size_t trials, double confidence = 0.95);

// y = X beta + e with X given in full (include a column of ones for an
// intercept). covariance = s^2 (X'X)^{-1}, s^2 = RSS / (rows - cols).
struct MultipleFit {
  bool valid = false;
  std::size_t count = 0;
  Eigen::VectorXd coefficients;
  Eigen::MatrixXd covariance;
  double residual_sd = 0.0;
  double dof = 0.0;
  double r_squared = 0.0;
};
MultipleFit multiple_regression(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

// Two-sided t quantile t_{1-alpha/2, dof} and normal quantile z_{1-alpha/2}.
double t_quantile_two_sided(double confidence, double dof);
double normal_quantile_two_sided(double confidence);
// Two-sided p-value of a t statistic, and of a standard normal statistic.
double t_two_sided_p(double t, double dof);
double normal_two_sided_p(double z);

// Bins [lo + i w, lo + (i+1) w), i = 0..bins-1, w = (hi - lo) / bins; the
// last bin also takes hi. Values outside [lo, hi] are counted in `below` /
// `above`, non-finite ones in `non_finite`.
struct Histogram {
  double lo = 0.0, hi = 0.0, width = 0.0;
  std::vector<std::size_t> counts;
  std::size_t below = 0, above = 0, non_finite = 0;
};
Histogram histogram(const std::vector<double>& values, double lo, double hi, std::size_t bins);

}  // namespace syninfo::validation
