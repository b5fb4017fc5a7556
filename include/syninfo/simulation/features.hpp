// The paper's substitute for invalid samples (Methods 5.2, theory.md section
// 7): a sample whose closed form fails takes the value of the nearest valid
// sample in a space of six features, each normalised (z-score over all
// samples of the set), with Euclidean distance.
//
// The six features of a sample (computed on the full N x N covariances):
//   1. P, the number of patterns;
//   2. n, the ensemble size;
//   3. centroid dispersion: root-mean-square distance of the pattern means
//      m^mu from their average;
//   4. mean over patterns of ln det S^mu (the paper says "average
//      determinant"; the raw determinant of a 64 x 64 covariance spans
//      hundreds of decades, so one outlier would set the z-score's scale: we
//      average its logarithm; a singular S counts as kSingularLogDeterminant);
//   5. mean over patterns of the ratio of the largest to the smallest
//      eigenvalue of S^mu (condition number; 1e300 for a singular S);
//   6. mean over patterns of (sum of off-diagonal elements) / (sum of
//      diagonal elements) of S^mu.
#pragma once

#include "syninfo/model.hpp"

#include <Eigen/Core>

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace syninfo::simulation {

inline constexpr std::size_t kFeatureCount = 6;
using Features = std::array<double, kFeatureCount>;

// Stand-ins that keep a singular covariance's features finite (so z-scores stay defined).
inline constexpr double kSingularLogDeterminant = -745.0;  // ~ ln of the smallest positive double
inline constexpr double kSingularConditionNumber = 1e300;

const char* feature_name(std::size_t f);

// Patterns sharing one covariance object value are analysed once.
Features sample_features(const Problem<double>& problem);

// Features 4-6 of one covariance S: ln det S, its condition number, and
// (sum of off-diagonal elements) / (sum of diagonal elements).
struct CovarianceFeatures {
  double log_det = 0.0, condition = 0.0, offdiag_ratio = 0.0;
};
// From the dense S (eigenvalues by Eigen's symmetric solver).
CovarianceFeatures covariance_features(const Eigen::MatrixXd& s);
// The same features of S = U (diag(lambda) + b z z') U' for any orthogonal U,
// from lambda, z = U'1 and b alone: the smallest and largest eigenvalues of
// diag(lambda) + b z z' by bisection on an inertia count (O(N) per step),
// ln det by the matrix determinant lemma, 1'S1 = z'(diag(lambda) + b z z')z.
// Agrees with covariance_features on the formed S to rounding (tested).
CovarianceFeatures rank_one_covariance_features(const Eigen::VectorXd& lambda, const Eigen::VectorXd& z, double b);
// The six features from P, n, the centroid dispersion and each pattern's covariance features.
Features combine_features(std::size_t patterns, std::size_t synapses, double centroid_dispersion,
                          const std::vector<CovarianceFeatures>& covariances);

// For every sample with valid[i] == false, the index of the nearest sample
// with valid[j] == true in z-scored feature space (Euclidean; ties go to the
// smaller index); std::nullopt for valid samples and when no sample is valid.
// Each feature is z-scored with its mean and sample standard deviation over
// all samples (valid and invalid); a feature with zero spread is left out.
std::vector<std::optional<std::size_t>> nearest_valid_samples(const std::vector<Features>& features,
                                                              const std::vector<bool>& valid);

}  // namespace syninfo::simulation
