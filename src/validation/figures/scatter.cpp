// Per-sample tables of the random sets and the scatter figures (Fig. 2C/D, 3C/D).
#include "figures.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace syninfo::validation::detail {

void write_sample_tables(OutputDir& out, const SetAnalysis& sets) {
  for (const SetData& d : sets.sets) {
    CsvTable t({"index", "P", "n", "k", "sigma2", "rho", "f1_patterns", "f2_synapses", "f3_centroid_dispersion",
                "f4_mean_log_det", "f5_mean_condition", "f6_mean_offdiag_diag_ratio", "status", "verdict_50_digits",
                "mi_bits", "substitute_index", "substituted_bits", "repaired_bits", "e_independent"});
    for (std::size_t i = 0; i < d.size(); ++i) {
      const SampleRecord& s = *d.samples[i];
      const auto sub = d.value(i, Mode::substitute);
      const auto rep = d.value(i, Mode::repair);
      std::vector<std::string> row{cell(static_cast<std::size_t>(s.index)), cell(s.header.patterns), cell(s.header.synapses),
                                   cell(s.header.pattern), cell(s.header.sigma2), cell(s.header.rho)};
      for (double f : s.features) row.push_back(cell(f));
      row.push_back(s.cf.status);
      row.push_back(s.cf.verdict);
      row.push_back(cell(s.cf.ok() ? bits(s.cf.mi_nats) : nan));
      row.push_back(d.substitute[i] ? cell(static_cast<std::size_t>(d.samples[*d.substitute[i]]->index)) : "");
      row.push_back(cell(sub ? bits(*sub) : nan));
      row.push_back(cell(rep ? bits(*rep) : nan));
      row.push_back(s.independent ? "1" : "0");
      t.add(std::move(row));
    }
    out.csv(std::string(simulation::to_string(d.set)) + "_samples.csv", t);
  }
}

void write_scatter_figures(OutputDir& out, const SetAnalysis& sets) {
  {
    CsvTable t({"set", "index", "P", "n", "truth_bits", "truth_se_bits", "method", "reliable", "closed_form_status",
                "closed_form_bits", "note"});
    for (const ScatterTruth* s : {&sets.st2, &sets.st3})
      for (auto* r : s->all)
        t.add({r->figure, cell(static_cast<std::size_t>(r->index)), cell(r->patterns), cell(r->synapses), cell(bits(r->truth.value)),
               cell(bits(r->truth.standard_error)), r->truth.method, r->truth.reliable ? "1" : "0", r->cf.status,
               cell(r->cf.ok() ? bits(r->cf.mi_nats) : nan), r->truth.note});
    out.csv("truth_scatter.csv", t);
  }

  // Scatter figures (Fig. 2C/D: against P; 3C/D: against n).
  auto scatter_figure = [&out, &sets](const std::string& name, const SetData& d, const LogLogFit& fit, bool against_p) {
    if (!fit.fit.valid) {
      out.figure(name, "set title 'no valid regression'\nplot 0 notitle\n");
      return;
    }
    const ScatterTruth& st = d.set == SetId::set2 ? sets.st2 : sets.st3;
    const std::string csv = "'" + std::string(simulation::to_string(d.set)) + "_samples.csv'";
    const std::string col = against_p ? "2" : "3";
    const std::string set_name = simulation::to_string(d.set);
    // The x range from the data, padded on the log scale so the end points clear the frame.
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    bool invalid_drawn = false;
    for (std::size_t i = 0; i < d.size(); ++i) {
      const double x = static_cast<double>(against_p ? d.samples[i]->header.patterns : d.samples[i]->header.synapses);
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      const auto sub = d.value(i, Mode::substitute);
      invalid_drawn = invalid_drawn || (!d.samples[i]->cf.ok() && sub && *sub > 0);
    }
    bool truth_drawn = false, unreliable_drawn = false;
    for (const TruthRecord* r : st.all)
      if (r->truth.value > 0) (r->truth.reliable ? truth_drawn : unreliable_drawn) = true;
    std::string plot = "set title '" + std::string(against_p ? "Fig. 2" : "Fig. 3") + (d.set == SetId::set2 ? "C" : "D") + ": " +
                       set_title(d.set) + ", log-log regression: slope " + fmt(fit.fit.slope) + " " +
                       ci_text(fit.fit.slope_ci_low, fit.fit.slope_ci_high) + ", r = " + fmt(fit.corr.r, 2) + ", p = " +
                       fmt_p(fit.corr.p_value) + "'\n" + "set xlabel '" + (against_p ? "number of patterns P" : "ensemble size n") +
                       "'\nset ylabel 'I(W_E; x^k) (bits)'\nset logscale xy\nset grid\n" + report::key_below() +
                       (hi > 0 ? "set xrange [" + cell(lo / 1.2) + ":" + cell(hi * 1.2) + "]\n" + report::log_axis_tics("x", lo / 1.2, hi * 1.2) : "") +
                       "f(x) = 10**(" + cell(fit.fit.intercept) + ") * x**(" + cell(fit.fit.slope) + ")\n" + "plot " + csv +
                       " using " + col + ":((strcol(13) eq 'ok' && $15>0) ? $15 : NaN) with points pt 7 ps 0.4 lc rgb '#4477aa' title 'closed form'";
    if (invalid_drawn)
      plot += ", \\\n     " + csv + " using " + col +
              ":((strcol(13) ne 'ok' && $17>0) ? $17 : NaN) with points pt 9 ps 0.9 lc rgb '#ee7733' title 'invalid: nearest valid sample'";
    const std::string truth_x = against_p ? "3" : "4";
    if (truth_drawn)
      plot += ", \\\n     'truth_scatter.csv' using " + truth_x + ":((strcol(1) eq '" + set_name +
              "' && $8==1 && $5>0) ? $5 : NaN):6 with yerrorbars pt 6 ps 1 lc rgb 'black' title 'truth +- se (reliable)'";
    if (unreliable_drawn)
      plot += ", \\\n     'truth_scatter.csv' using " + truth_x + ":((strcol(1) eq '" + set_name +
              "' && $8==0 && $5>0) ? $5 : NaN):6 with yerrorbars pt 4 ps 1 lc rgb 'gray50' title 'truth (unreliable)'";
    plot += ", \\\n     f(x) with lines lw 2 lc rgb '#cc3311' title 'regression (substituted)'\n";
    out.figure(name, plot, 900, 700);
  };
  scatter_figure("fig2c", sets.set2(), sets.fits2.p[0], true);
  scatter_figure("fig2d", sets.set3(), sets.fits3.p[0], true);
  scatter_figure("fig3c", sets.set2(), sets.fits2.n[0], false);
  scatter_figure("fig3d", sets.set3(), sets.fits3.n[0], false);
}

}  // namespace syninfo::validation::detail
