// The outputs of a calibration sweep, written into a directory:
//   points.csv       every point (parameters, statistics with CIs and z, discrepancy, C5 alternatives)
//   heatmap-*.{csv,gp,png}  the discrepancy over each pair of parameters (figures.cpp)
//   report.md        what the sweep found (consistent reconstructions, the
//                    closest value of each paper number and where, the C5 alternatives)
//   design.json      the design, in the form --design reads
#pragma once

#include "syninfo/calibration/results.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace syninfo::calibration {

struct CalibrationFiles {
  std::vector<std::string> files;            // written, relative to the directory
  std::vector<std::string> figure_failures;  // figures that could not be drawn (gnuplot missing or failing)
};

// `command` is the command line that made the results (printed in report.md).
CalibrationFiles write_calibration(const Design& design, const std::vector<PointResult>& results,
                                   const std::filesystem::path& dir, const std::string& command);

}  // namespace syninfo::calibration
