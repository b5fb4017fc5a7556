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

// For every sample with valid[i] == false, the index of the nearest sample
// with valid[j] == true in z-scored feature space (Euclidean; ties go to the
// smaller index); std::nullopt for valid samples and when no sample is valid.
// Each feature is z-scored with its mean and sample standard deviation over
// all samples (valid and invalid); a feature with zero spread is left out.
std::vector<std::optional<std::size_t>> nearest_valid_samples(const std::vector<Features>& features,
                                                              const std::vector<bool>& valid);

}  // namespace syninfo::simulation
