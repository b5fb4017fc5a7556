// The report's figures and the CSVs behind them, one file per figure family:
// each writes its CSVs, gnuplot script and PNG into the output directory from
// statistics already computed (claims/analysis.hpp); no statistic is decided here.
#pragma once

#include "../claims/analysis.hpp"
#include "../report_util.hpp"

namespace syninfo::validation::detail {

// fig2a..fig3b (.csv, _truth.csv, .gp, .png) and curves_first_invalid.csv.
void write_curve_figures(OutputDir& out, const ValidationConfig& config, const CurveAnalysis& curves);
// set2_samples.csv, set3_samples.csv, set3_fig4_samples.csv.
void write_sample_tables(OutputDir& out, const SetAnalysis& sets);
// invalid_map.csv and its figure (the main N and the C7 runs).
void write_invalid_map(OutputDir& out, const ValidationConfig& config, const Records& records, const SetAnalysis& sets);
// truth_scatter.csv and fig2c, fig2d, fig3c, fig3d.
void write_scatter_figures(OutputDir& out, const SetAnalysis& sets);
// fig4_per_n.csv, fig4_histograms.csv, fig4b, fig4a.
void write_fig4_figures(OutputDir& out, const ValidationConfig& config, const SetData& fig4, const SynergyAnalysis& s);
// synergy.csv and its figure.
void write_synergy_figure(OutputDir& out, const SynergyAnalysis& s);

}  // namespace syninfo::validation::detail
