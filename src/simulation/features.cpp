#include "syninfo/simulation/features.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace syninfo::simulation {

const char* feature_name(std::size_t f) {
  static const char* names[kFeatureCount] = {"patterns",           "synapses",          "centroid_dispersion",
                                             "mean_log_det",       "mean_condition",    "mean_offdiag_diag_ratio"};
  return f < kFeatureCount ? names[f] : "unknown";
}

CovarianceFeatures covariance_features(const Eigen::MatrixXd& s) {
  CovarianceFeatures f;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(s, Eigen::EigenvaluesOnly);
  const Eigen::VectorXd& l = eig.eigenvalues();  // ascending
  const double smallest = l(0), largest = l(l.size() - 1);
  // Eigenvalues at or below rounding level make S singular for these purposes.
  const double floor = 16.0 * static_cast<double>(s.rows()) * std::numeric_limits<double>::epsilon() * std::fabs(largest);
  if (smallest <= floor) {
    f.log_det = kSingularLogDeterminant;
    f.condition = kSingularConditionNumber;
  } else {
    f.log_det = l.array().log().sum();
    f.condition = largest / smallest;
  }
  const double diagonal = s.diagonal().sum();
  const double off = s.sum() - diagonal;
  f.offdiag_ratio = diagonal > 0.0 ? off / diagonal : 0.0;
  return f;
}

namespace {

// Eigenvalues of T = diag(lambda) + b z z' below x: by Sylvester's law of
// inertia on [[diag(lambda) - x I, z], [z', -1/b]], #neg(T - x I) =
// #(lambda_i < x) + [s(x) < 0] - [b > 0], s(x) = -1/b - sum z_i^2 / (lambda_i - x).
std::size_t eigenvalues_below(const Eigen::VectorXd& lambda, const Eigen::VectorXd& z, double b, double x) {
  std::size_t below = 0;
  double s = -1.0 / b;
  // At a pole (gap == 0) the term is -inf: the limit from x just below lambda_i,
  // which is also what the count of lambda_i < x says there.
  for (Eigen::Index i = 0; i < lambda.size(); ++i) {
    const double gap = lambda(i) - x;
    below += gap < 0.0 ? 1 : 0;
    if (z(i) != 0.0) s -= z(i) * z(i) / gap;
  }
  return below + (s < 0.0 ? 1 : 0) - (b > 0.0 ? 1 : 0);
}

// The k-th smallest eigenvalue (k = 1..N) of T by bisection on [lo, hi], to
// the last bits (bisection halves the bracket until it cannot shrink).
double kth_eigenvalue(const Eigen::VectorXd& lambda, const Eigen::VectorXd& z, double b, std::size_t k, double lo,
                      double hi) {
  for (int iteration = 0; iteration < 2200; ++iteration) {
    const double mid = lo + 0.5 * (hi - lo);
    // Converged to a few units in the last place (the features need far less).
    if (!(mid > lo && mid < hi) || hi - lo <= 4 * std::numeric_limits<double>::epsilon() * std::max(std::fabs(lo), std::fabs(hi)))
      break;
    if (eigenvalues_below(lambda, z, b, mid) >= k) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

CovarianceFeatures rank_one_covariance_features(const Eigen::VectorXd& lambda, const Eigen::VectorXd& z, double b) {
  if (lambda.size() == 0 || lambda.size() != z.size())
    throw std::invalid_argument("rank_one_covariance_features: lambda and z must be non-empty and of one length");
  const auto n = static_cast<std::size_t>(lambda.size());
  const double zz = z.squaredNorm();
  double smallest = lambda.minCoeff(), largest = lambda.maxCoeff();
  if (b != 0.0) {
    // Weyl: every eigenvalue moves by at most |b| z'z, in the direction of b.
    const double low = std::min(0.0, b * zz), high = std::max(0.0, b * zz);
    const double pad = 4 * std::numeric_limits<double>::epsilon() * (std::fabs(largest) + std::fabs(b) * zz);
    smallest = kth_eigenvalue(lambda, z, b, 1, smallest + low - pad, smallest + high + pad);
    largest = kth_eigenvalue(lambda, z, b, n, largest + low - pad, largest + high + pad);
  }
  CovarianceFeatures f;
  // The same singularity rule as the dense version.
  const double floor = 16.0 * static_cast<double>(n) * std::numeric_limits<double>::epsilon() * std::fabs(largest);
  if (smallest <= floor) {
    f.log_det = kSingularLogDeterminant;
    f.condition = kSingularConditionNumber;
  } else if (lambda.minCoeff() > 0.0) {
    // Matrix determinant lemma: det T = prod lambda_i (1 + b z' diag(lambda)^-1 z).
    f.log_det = lambda.array().log().sum() + std::log1p(b * (z.array().square() / lambda.array()).sum());
    f.condition = largest / smallest;
  } else {
    // A zero lambda_i lifted by b > 0: no lemma; the dense eigenvalues of T (rare).
    Eigen::MatrixXd t = b * z * z.transpose();
    t.diagonal() += lambda;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(t, Eigen::EigenvaluesOnly);
    f.log_det = eig.eigenvalues().array().log().sum();
    f.condition = largest / smallest;
  }
  // With S = U T U' and z = U'1: 1'S1 = z'Tz, tr S = tr T.
  const double trace = lambda.sum() + b * zz;
  const double total = (z.array().square() * lambda.array()).sum() + b * zz * zz;
  f.offdiag_ratio = trace > 0.0 ? (total - trace) / trace : 0.0;
  return f;
}

Features combine_features(std::size_t patterns, std::size_t synapses, double centroid_dispersion,
                          const std::vector<CovarianceFeatures>& covariances) {
  Features out{};
  out[0] = static_cast<double>(patterns);
  out[1] = static_cast<double>(synapses);
  out[2] = centroid_dispersion;
  double log_det = 0.0, condition = 0.0, ratio = 0.0;
  for (const auto& f : covariances) {
    log_det += f.log_det;
    condition += f.condition;
    ratio += f.offdiag_ratio;
  }
  const double count = static_cast<double>(covariances.size());
  out[3] = log_det / count;
  out[4] = condition / count;
  out[5] = ratio / count;
  return out;
}

Features sample_features(const Problem<double>& problem) {
  const auto& list = problem.patterns.list;
  if (list.empty()) throw std::invalid_argument("sample_features: no patterns");
  // Centroid dispersion.
  Eigen::VectorXd centroid = Eigen::VectorXd::Zero(list.front().mean.size());
  for (const auto& p : list) centroid += p.mean;
  centroid /= static_cast<double>(list.size());
  double spread = 0.0;
  for (const auto& p : list) spread += (p.mean - centroid).squaredNorm();
  // Covariance features per pattern; a covariance equal to the previous
  // pattern's (set 2 shares one) is not decomposed again.
  std::vector<CovarianceFeatures> per_pattern;
  const Eigen::MatrixXd* previous = nullptr;
  CovarianceFeatures f;
  for (const auto& p : list) {
    if (!previous || previous->rows() != p.cov.rows() || *previous != p.cov) f = covariance_features(p.cov);
    previous = &p.cov;
    per_pattern.push_back(f);
  }
  return combine_features(list.size(), problem.ensemble.size(), std::sqrt(spread / static_cast<double>(list.size())),
                          per_pattern);
}

std::vector<std::optional<std::size_t>> nearest_valid_samples(const std::vector<Features>& features,
                                                              const std::vector<bool>& valid) {
  if (features.size() != valid.size()) throw std::invalid_argument("nearest_valid_samples: sizes differ");
  const std::size_t count = features.size();
  std::vector<std::optional<std::size_t>> out(count);
  if (count == 0) return out;
  // z-scores: mean and sample standard deviation of each feature over all samples.
  std::array<double, kFeatureCount> mean{}, sd{};
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    double m = 0.0;
    for (const auto& x : features) m += x[f];
    m /= static_cast<double>(count);
    double ss = 0.0;
    for (const auto& x : features) ss += (x[f] - m) * (x[f] - m);
    mean[f] = m;
    sd[f] = count > 1 ? std::sqrt(ss / static_cast<double>(count - 1)) : 0.0;
  }
  auto z = [&](const Features& x) {
    Features out_z{};
    for (std::size_t f = 0; f < kFeatureCount; ++f) out_z[f] = sd[f] > 0.0 ? (x[f] - mean[f]) / sd[f] : 0.0;
    return out_z;
  };
  std::vector<Features> scaled;
  scaled.reserve(count);
  for (const auto& x : features) scaled.push_back(z(x));
  for (std::size_t i = 0; i < count; ++i) {
    if (valid[i]) continue;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < count; ++j) {
      if (!valid[j]) continue;
      double d2 = 0.0;
      for (std::size_t f = 0; f < kFeatureCount; ++f) d2 += (scaled[i][f] - scaled[j][f]) * (scaled[i][f] - scaled[j][f]);
      if (d2 < best) {  // strict: ties keep the smaller index
        best = d2;
        out[i] = j;
      }
    }
  }
  return out;
}

}  // namespace syninfo::simulation
