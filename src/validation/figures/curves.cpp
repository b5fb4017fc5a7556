// Figures of the set-1 curves (Fig. 2A/B, 3A/B) and their CSVs.
#include "figures.hpp"

#include <algorithm>
#include <cctype>

namespace syninfo::validation::detail {

namespace {

// What a curve figure has to draw, per curve (index into the curve list):
// its closed-form line, its first non-PD point (repaired value), its
// reliable ground truth; and whether any unreliable truth is shown.
struct CurveContent {
  std::vector<bool> line, marker, truth;
  bool unreliable = false;
};

CurveContent curve_content(const std::string& figure, const std::vector<std::size_t>& curves, const CurveAnalysis& a) {
  CurveContent c;
  c.line.assign(curves.size(), false);
  c.marker = c.truth = c.line;
  for (std::size_t k = 0; k < curves.size(); ++k) {
    bool stopped = false;
    for (const auto& [key, r] : a.points) {
      if (key.figure != figure || key.curve != curves[k]) continue;
      // The map is in grid order: the line stops at the first failure (plotted_bits).
      if (!r->cf.ok() && !stopped && r->cf.repaired_nats > 0) c.marker[k] = true;
      stopped = stopped || !r->cf.ok();
      if (!stopped && r->cf.mi_nats > 0) c.line[k] = true;
    }
    for (const auto& [key, t] : a.truth) {
      if (key.figure != figure || key.curve != curves[k] || !(t->truth.value > 0)) continue;
      if (t->truth.reliable) c.truth[k] = true;
      else c.unreliable = true;
    }
  }
  return c;
}

// One closed-form line per curve; its first non-PD point (x) and its
// reliable ground truth (circles with +- se bars) in the curve's colour
// (their legend samples in black); unreliable truth in gray. The legend
// names only what is drawn.
std::string curve_plot(const ValidationConfig& config, const std::string& figure, const std::vector<std::size_t>& curves,
                       const CurveAnalysis& a) {
  const bool fig2 = figure[0] == '2', sigma_axis = figure[1] == 'A';
  std::string lower = figure;
  lower[1] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[1])));
  const std::string csv = "'fig" + lower + ".csv'", truth_csv = "'fig" + lower + "_truth.csv'";
  const auto& cc = config.curves;
  std::string plot = std::string("set title 'Fig. ") + figure + ": " + (fig2 ? "single synapse" : "ensemble") +
                     " information about pattern k, " + (fig2 ? std::string("one curve per P") : "P = " + std::to_string(cc.fig3_patterns)) +
                     ", " + (sigma_axis ? "rho = " + fmt(fig2 ? cc.fig2a_rho : cc.fig3a_rho)
                                        : "sigma^2 = " + fmt(fig2 ? cc.fig2b_sigma2 : cc.fig3b_sigma2)) +
                     "'\nset xlabel '" + (sigma_axis ? "sigma^2 (log-domain variance)" : "rho (log-domain correlation)") +
                     "'\nset ylabel 'I(W_E; x^k) (bits)'\nset logscale y\n" + (sigma_axis ? "set logscale x\n" : "") +
                     report::key_below() + "set grid\n" +
                     // Room beyond the grid's ends, so markers and bars there clear the frame.
                     (sigma_axis ? "set xrange [" + cell(cc.sigma2_low * 0.75) + ":" + cell(cc.sigma2_high * 1.33) + "]\n" +
                                       report::log_axis_tics("x", cc.sigma2_low * 0.75, cc.sigma2_high * 1.33)
                                 : "set xrange [" + cell(cc.rho_low - 0.04) + ":" + cell(cc.rho_high + 0.04) + "]\n");
  const CurveContent c = curve_content(figure, curves, a);
  std::vector<std::string> parts;
  bool any_marker = false, any_truth = false;
  for (std::size_t k = 0; k < curves.size(); ++k) {
    const std::string colour = " lc " + report::series_colour(k);
    const std::string on_curve = "$2==" + std::to_string(curves[k]);
    if (c.line[k] || c.marker[k] || c.truth[k])
      parts.push_back(csv + " using 4:((" + on_curve + " && $7>0) ? $7 : NaN) with linespoints" + colour +
                      " pt 7 ps 0.5 title '" + (fig2 ? "P = " : "n = ") + std::to_string(curves[k]) + "'");
    if (c.marker[k])
      parts.push_back(csv + " using 4:((" + on_curve + " && $8==1 && $10>0) ? $10 : NaN) with points pt 2 ps 2 lw 2" +
                      colour + " notitle");
    if (c.truth[k])
      parts.push_back(truth_csv + " using 4:((" + on_curve + " && $8==1 && $5>0) ? $5 : NaN):6 with yerrorbars pt 6 ps 1.2 lw 1.5" +
                      colour + " notitle");
    any_marker = any_marker || c.marker[k];
    any_truth = any_truth || c.truth[k];
  }
  if (any_marker) parts.push_back("keyentry with points pt 2 ps 2 lw 2 lc rgb 'black' title 'first non-PD (repaired I)'");
  if (any_truth)
    parts.push_back("keyentry with yerrorbars pt 6 ps 1.2 lw 1.5 lc rgb 'black' title 'truth +- se (reliable)'");
  if (c.unreliable)
    parts.push_back(truth_csv + " using 4:(($8==0 && $5>0) ? $5 : NaN):6 with yerrorbars pt 4 ps 1.2 lc rgb 'gray50' title 'truth (unreliable)'");
  if (parts.empty()) return plot + "set title 'Fig. " + figure + ": no point to draw'\nunset logscale\nplot 0 notitle\n";
  plot += "plot ";
  for (std::size_t i = 0; i < parts.size(); ++i) plot += (i ? ", \\\n     " : "") + parts[i];
  return plot + "\n";
}

}  // namespace

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
    out.figure("fig" + lower, curve_plot(config, figure, curves, curves_analysis), 900, 720);
  }
  CsvTable t({"figure", "curve", "first_invalid_x", "status", "verdict_50_digits"});
  for (const auto& f : curves_analysis.first_invalid) t.add({f.figure, cell(f.curve), cell(f.x), f.status, f.verdict});
  out.csv("curves_first_invalid.csv", t);
}

}  // namespace syninfo::validation::detail
