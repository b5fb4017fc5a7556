// The closed-form statistics the paper reports, at one calibration point
// (issue 11 section 4): C2's and C4's log-log correlations on sets 2 and 3,
// C5's corr(mean I/n, n) and corr(sd I/n, n) on the Fig. 4 run, C6's invalid
// fraction, each with its 95% interval at the point's sample size and its
// distance to the paper's value in standard errors. Computed by the same
// code as `syninfo validate --no-truth` on the same records, so a point's
// numbers equal that run's (tests/calibration checks it exactly).
#pragma once

#include "syninfo/validation/config.hpp"
#include "syninfo/validation/records.hpp"
#include "syninfo/validation/run.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace syninfo::calibration {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Statistic {
  std::string name;   // "c2_set2_r"
  std::string label;  // "C2 set 2: r(log I, log P)"
  double paper = kNaN;
  std::size_t paper_count = 0;  // the paper's sample size behind its number (0: taken as exact)
  double value = kNaN, ci_low = kNaN, ci_high = kNaN;
  std::size_t count = 0;  // pairs (correlations) or samples (fractions)
  // (value - paper) over the standard error of the difference: Fisher z with
  // both sample sizes for correlations; for the fraction the score statistic
  // (p - 1%) / sqrt(1% x 99% / m), so |z| <= 1.96 exactly when 1% is inside
  // the Wilson interval (the paper's "about 1%" is taken as exactly 1%).
  double z = kNaN;
  std::string reproduction;  // validate's reproduction verdict for this number: holds, fails, undecided
};

// Other readings of C5's statistic on the same Fig. 4 records: what the paper
// might have computed instead (a different treatment of invalid samples,
// another summary, another axis). Names are stable CSV columns.
struct Alternative {
  std::string name, description;
  double mean_r = kNaN, sd_r = kNaN;  // its versions of corr(mean, n) and corr(sd, n)
};

struct PointStatistics {
  std::vector<Statistic> stats;  // the six paper numbers and C6, fixed order (statistic_names())
  std::vector<Alternative> alternatives;
  double rms_z = kNaN, max_abs_z = kNaN;  // over the statistics with a finite z
  bool consistent = false;                // every |z| <= 1.96: the paper's numbers lie within this point's 95% intervals
};

// The statistics' names, in order.
std::vector<std::string> statistic_names();

// Sets 2, 3 and the Fig. 4 run at the configuration's main N (no curves, no
// other N, no ground truth): the records the statistics need.
validation::Plan calibration_plan(const validation::ValidationConfig& config);

PointStatistics statistics_of_records(const validation::ValidationConfig& config, const validation::Records& records);

// calibration_plan + compute_records + statistics_of_records.
PointStatistics point_statistics(const validation::ValidationConfig& config);

}  // namespace syninfo::calibration
