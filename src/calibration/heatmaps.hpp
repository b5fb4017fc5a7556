// Heat maps of the calibration discrepancy (rms z, the smallest over the
// other parameters) over each pair of design parameters: a CSV, a gnuplot
// script and a PNG per pair. Statistics come from the results; nothing is
// decided here.
#pragma once

#include "syninfo/calibration/results.hpp"

#include "../validation/report_util.hpp"

#include <vector>

namespace syninfo::calibration {

// Writes heatmap-I-J.{csv,gp,png} for every pair of parameters I < J; returns the names written (without extension).
std::vector<std::string> write_heatmaps(validation::detail::OutputDir& out, const Design& design,
                                        const std::vector<PointResult>& results);

}  // namespace syninfo::calibration
