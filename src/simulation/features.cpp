#include "syninfo/simulation/features.hpp"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace syninfo::simulation {

const char* feature_name(std::size_t f) {
  static const char* names[kFeatureCount] = {"patterns",           "synapses",          "centroid_dispersion",
                                             "mean_log_det",       "mean_condition",    "mean_offdiag_diag_ratio"};
  return f < kFeatureCount ? names[f] : "unknown";
}

namespace {

struct CovarianceFeatures {
  double log_det = 0.0, condition = 0.0, offdiag_ratio = 0.0;
};

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

}  // namespace

Features sample_features(const Problem<double>& problem) {
  const auto& list = problem.patterns.list;
  if (list.empty()) throw std::invalid_argument("sample_features: no patterns");
  Features out{};
  out[0] = static_cast<double>(list.size());
  out[1] = static_cast<double>(problem.ensemble.size());
  // Centroid dispersion.
  Eigen::VectorXd centroid = Eigen::VectorXd::Zero(list.front().mean.size());
  for (const auto& p : list) centroid += p.mean;
  centroid /= static_cast<double>(list.size());
  double spread = 0.0;
  for (const auto& p : list) spread += (p.mean - centroid).squaredNorm();
  out[2] = std::sqrt(spread / static_cast<double>(list.size()));
  // Covariance features, averaged over patterns; a covariance equal to the
  // previous pattern's (set 2 shares one) is not decomposed again.
  double log_det = 0.0, condition = 0.0, ratio = 0.0;
  const Eigen::MatrixXd* previous = nullptr;
  CovarianceFeatures f;
  for (const auto& p : list) {
    if (!previous || previous->rows() != p.cov.rows() || *previous != p.cov) f = covariance_features(p.cov);
    previous = &p.cov;
    log_det += f.log_det;
    condition += f.condition;
    ratio += f.offdiag_ratio;
  }
  const double count = static_cast<double>(list.size());
  out[3] = log_det / count;
  out[4] = condition / count;
  out[5] = ratio / count;
  return out;
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
