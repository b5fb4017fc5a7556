// What a calibration sweep found, as numbers (the report renders them):
// the points consistent with every paper number, the best points by the
// combined discrepancy, and for each statistic and each C5 alternative the
// closest value reached and where.
#pragma once

#include "syninfo/calibration/results.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace syninfo::calibration {

struct Closest {
  std::string name, label;
  double paper = kNaN;
  std::size_t point = 0;          // index of the closest point (valid when found)
  bool found = false;
  double value = kNaN, z = kNaN;  // there
  double lowest = kNaN, highest = kNaN;  // range over the design
  std::size_t within = 0;         // points with |z| <= 1.96
};

struct AlternativeReach {
  std::string name, description;
  Closest mean, sd;  // each closest to the paper's corr(mean, n) and corr(sd, n) (z from the same Fisher rule)
  // Points where both are within 1.96 at once, and the one of them with the
  // smallest z_mean^2 + z_sd^2.
  std::size_t both_within = 0;
  bool both_found = false;
  std::size_t both_point = 0;
  double both_mean = kNaN, both_sd = kNaN;
};

struct CalibrationSummary {
  std::vector<std::size_t> consistent;  // indices, by increasing rms_z
  std::vector<std::size_t> best;        // up to 10 indices by increasing rms_z
  std::vector<Closest> closest;         // one per statistic, statistic_names() order
  std::vector<AlternativeReach> alternatives;
};

CalibrationSummary summarise_calibration(const std::vector<PointResult>& results);

// Fisher-z distance of a correlation from m pairs to the paper's from paper_m (NaN if undefined).
double correlation_distance(double r, std::size_t m, double paper, std::size_t paper_m);

}  // namespace syninfo::calibration
