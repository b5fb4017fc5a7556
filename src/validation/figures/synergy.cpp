// The synergy figure and synergy.csv (claim C5).
#include "figures.hpp"

#include <cmath>

namespace syninfo::validation::detail {

void write_synergy_figure(OutputDir& out, const SynergyAnalysis& s) {
  CsvTable t({"index", "n", "P", "truth_bits", "truth_se_bits", "method", "reliable", "singles_sum_bits", "singles_se_bits",
              "singles_reliable", "synergy_bits", "synergy_se_bits", "z", "closed_form_bits", "closed_form_singles_sum_bits",
              "closed_form_synergy_bits", "note"});
  for (const auto& c : s.cases) {
    const TruthRecord& r = *c.record;
    std::size_t singles_reliable = 0;
    for (const auto& g : r.singles) singles_reliable += g.reliable ? 1 : 0;
    const double z = c.truth_usable && c.synergy_se > 0.0 ? c.synergy / c.synergy_se : nan;
    t.add({cell(static_cast<std::size_t>(r.index)), cell(r.synapses), cell(r.patterns), cell(bits(r.truth.value)),
           cell(bits(r.truth.standard_error)), r.truth.method, r.truth.reliable ? "1" : "0", cell(bits(c.singles_sum)),
           cell(bits(c.singles_se)), std::to_string(singles_reliable) + "/" + std::to_string(r.singles.size()),
           cell(bits(c.synergy)), cell(bits(c.synergy_se)), cell(z), cell(r.cf.ok() ? bits(r.cf.mi_nats) : nan),
           cell(bits(c.cf_singles_sum)), cell(bits(c.cf_synergy)), r.truth.note});
  }
  out.csv("synergy.csv", t);
  // The legend names only drawn series: which of them have points.
  bool truth_drawn = false, cf_drawn = false, error_drawn = false;
  for (const auto& c : s.cases) {
    truth_drawn = truth_drawn || std::isfinite(c.synergy);
    cf_drawn = cf_drawn || std::isfinite(c.cf_synergy);
    error_drawn = error_drawn || (c.record->truth.reliable && c.record->cf.ok() && std::isfinite(c.record->truth.value));
  }
  std::vector<std::string> left, right;
  if (truth_drawn) left.push_back("'synergy.csv' using ($2-0.1):11:12 with yerrorbars pt 7 lc rgb 'black' title 'truth +- se (reliable)'");
  if (cf_drawn) left.push_back("'synergy.csv' using ($2+0.1):16 with points pt 6 lc rgb '#cc3311' title 'closed form'");
  if (error_drawn)
    right.push_back("'synergy.csv' using 2:(($7==1) ? $14-$4 : NaN):5 with yerrorbars pt 7 lc rgb '#4477aa' title 'closed form - truth, +- se'");
  for (auto* panel : {&left, &right}) panel->push_back("0 with lines lc rgb 'gray' notitle");
  auto plot_line = [](const std::vector<std::string>& parts) {
    std::string line = "plot ";
    for (std::size_t i = 0; i < parts.size(); ++i) line += (i ? ", \\\n     " : "") + parts[i];
    return line + "\n";
  };
  const std::string plot =
      "set multiplot layout 1,2 title 'Synergy and closed-form error against ground truth (set 3 law)'\nset grid\n"
      // Autoscaled x ends at the smallest and largest n: without offsets the
      // points (and error bars) at the ends sit on the frame and are clipped.
      "set offsets 0.6, 0.6, 0, 0\n"
      "set xlabel 'ensemble size n'\n" + report::key_below() +
      "set ylabel 'I(W_E) - sum_a I(W_a) (bits)'\n" + plot_line(left) +
      "set ylabel 'I_{FW} - I_{true} (bits)'\n" + plot_line(right) + "unset multiplot\n";
  out.figure("synergy", plot, 1300, 550);
}

}  // namespace syninfo::validation::detail
