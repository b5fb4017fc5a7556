// Figures of the set-1 curves (Fig. 2A/B, 3A/B) and their CSVs.
#include "figures.hpp"

#include <algorithm>
#include <cctype>

namespace syninfo::validation::detail {

void write_curve_figures(OutputDir& out, const ValidationConfig& config, const CurveAnalysis& curves_analysis) {
  const auto& curve_points = curves_analysis.points;
  const auto& curve_truth = curves_analysis.truth;
  const std::size_t grid_points = config.curves.grid_points;
  for (const std::string figure : {"2A", "2B", "3A", "3B"}) {
    const bool fig2 = figure[0] == '2';
    const auto& curves = fig2 ? config.curves.fig2_patterns : config.curves.fig3_sizes;
    CsvTable table({"figure", "curve_" + std::string(fig2 ? "P" : "n"), "grid", figure[1] == 'A' ? "sigma2" : "rho", "status",
                    "mi_bits", "plotted_bits", "first_invalid", "verdict_50_digits", "repaired_bits"});
    CsvTable truth_table({"figure", "curve_" + std::string(fig2 ? "P" : "n"), "grid", figure[1] == 'A' ? "sigma2" : "rho",
                          "truth_bits", "truth_se_bits", "method", "reliable", "closed_form_bits", "note"});
    for (auto c : curves) {
      bool stopped = false;
      for (std::size_t g = 0; g < grid_points; ++g) {
        auto it = curve_points.find(CurveKey{figure, c, g});
        if (it == curve_points.end()) continue;
        const CurveRecord& r = *it->second;
        const bool first = !r.cf.ok() && !stopped;
        stopped = stopped || !r.cf.ok();
        const double v = r.cf.ok() ? bits(r.cf.mi_nats) : nan;
        table.add({figure, cell(c), cell(g), cell(r.x), r.cf.status, cell(v), stopped ? "" : cell(v), first ? "1" : "0",
                   r.cf.verdict, cell(bits(r.cf.repaired_nats))});
      }
      for (std::size_t g = 0; g < grid_points; ++g) {
        auto it = curve_truth.find(CurveKey{figure, c, g});
        if (it == curve_truth.end()) continue;
        const TruthRecord& t = *it->second;
        truth_table.add({figure, cell(c), cell(g), cell(t.x), cell(bits(t.truth.value)), cell(bits(t.truth.standard_error)),
                         t.truth.method, t.truth.reliable ? "1" : "0", cell(t.cf.ok() ? bits(t.cf.mi_nats) : nan), t.truth.note});
      }
    }
    std::string lower = figure;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    out.csv("fig" + lower + ".csv", table);
    out.csv("fig" + lower + "_truth.csv", truth_table);
    // Figure: one closed-form line per curve, first invalid point marked, ground truth with error bars.
    const bool sigma_axis = figure[1] == 'A';
    std::string plot = std::string("set title 'Fig. ") + figure + ": " + (fig2 ? "single synapse" : "ensemble") +
                       " information about pattern k, " + (fig2 ? std::string("one curve per P") : "P = " + std::to_string(config.curves.fig3_patterns)) +
                       ", " + (sigma_axis ? "rho = " + fmt(fig2 ? config.curves.fig2a_rho : config.curves.fig3a_rho)
                                          : "sigma^2 = " + fmt(fig2 ? config.curves.fig2b_sigma2 : config.curves.fig3b_sigma2)) +
                       "'\n" + "set xlabel '" + (sigma_axis ? "sigma^2 (log-domain variance)" : "rho (log-domain correlation)") +
                       "'\nset ylabel 'I(W_E; x^k) (bits)'\nset logscale y\n" + (sigma_axis ? "set logscale x\n" : "") +
                       "set key outside right top font ',9' spacing 0.9\nset grid\n" +
                       (sigma_axis ? "set xrange [" + cell(config.curves.sigma2_low * 0.8) + ":" + cell(config.curves.sigma2_high * 1.25) + "]\n"
                                   : "set xrange [" + cell(config.curves.rho_low - 0.02) + ":" + cell(config.curves.rho_high + 0.02) + "]\n") +
                       "plot ";
    bool first_series = true;
    for (std::size_t k = 0; k < curves.size(); ++k) {
      plot += std::string(first_series ? "" : ", \\\n     ") + "'fig" + lower + ".csv' using 4:(($2==" + std::to_string(curves[k]) +
              " && $7>0) ? $7 : NaN) with linespoints lc " + std::to_string(k + 1) + " pt 7 ps 0.5 title '" +
              (fig2 ? "P = " : "n = ") + std::to_string(curves[k]) + "'";
      first_series = false;
    }
    plot += ", \\\n     'fig" + lower + ".csv' using 4:(($8==1 && $10>0) ? $10 : NaN) with points pt 2 ps 2 lc rgb 'red' title 'first non-PD (repaired I)'";
    plot += ", \\\n     'fig" + lower + "_truth.csv' using 4:(($8==1 && $5>0) ? $5 : NaN):6 with yerrorbars pt 6 ps 1.2 lc rgb 'black' title 'ground truth (reliable)'";
    plot += ", \\\n     'fig" + lower + "_truth.csv' using 4:(($8==0 && $5>0) ? $5 : NaN):6 with yerrorbars pt 4 ps 1.2 lc rgb 'gray50' title 'ground truth (unreliable)'\n";
    out.figure("fig" + lower, plot, 1050, 650);
  }
  CsvTable t({"figure", "curve", "first_invalid_x", "status", "verdict_50_digits"});
  for (const auto& f : curves_analysis.first_invalid) t.add({f.figure, cell(f.curve), cell(f.x), f.status, f.verdict});
  out.csv("curves_first_invalid.csv", t);
}

}  // namespace syninfo::validation::detail
