// The invalid-fraction map against n, rho and P (claim C6), at the main N and the C7 runs.
#include "figures.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace syninfo::validation::detail {

void write_invalid_map(OutputDir& out, const ValidationConfig& config, const Records& records, const SetAnalysis& sets) {
  const std::size_t main_n = config.random.neurons;
    CsvTable t({"set", "variable", "bin_low", "bin_high", "samples", "invalid", "fraction", "ci_low", "ci_high"});
    const double rho_lo = config.random.effective_rho_low(), rho_hi = config.random.rho_high;
    // The paper's sets at the main N, then the C7 runs at other N.
    std::vector<std::pair<SetData, std::string>> mapped;
    for (const SetData& d : sets.sets) mapped.push_back({d, simulation::to_string(d.set)});
    for (auto nn : config.c7_neurons)
      if (nn != main_n)
        for (SetId s : {SetId::set2, SetId::set3}) {
          SetData d = set_data(records, s, nn);
          if (d.size() > 0) mapped.push_back({std::move(d), std::string(simulation::to_string(s)) + "@N=" + std::to_string(nn)});
        }
    for (const auto& [d, name] : mapped) {
      for (std::size_t n = config.random.min_synapses; n <= config.random.max_synapses; ++n) {
        std::size_t k = 0, m = 0;
        for (auto* s : d.samples)
          if (s->header.synapses == n) {
            ++m;
            k += s->cf.ok() ? 0 : 1;
          }
        const Proportion p = wilson_interval(k, m);
        t.add({name, "n", cell(static_cast<double>(n)), cell(static_cast<double>(n)), cell(m), cell(k), cell(p.estimate), cell(p.ci_low), cell(p.ci_high)});
      }
      const std::size_t rho_bins = 10;
      for (std::size_t b = 0; b < rho_bins; ++b) {
        const double lo = rho_lo + (rho_hi - rho_lo) * static_cast<double>(b) / rho_bins;
        const double hi = rho_lo + (rho_hi - rho_lo) * static_cast<double>(b + 1) / rho_bins;
        std::size_t k = 0, m = 0;
        for (auto* s : d.samples)
          if (s->header.rho >= lo && (s->header.rho < hi || (b + 1 == rho_bins && s->header.rho <= hi))) {
            ++m;
            k += s->cf.ok() ? 0 : 1;
          }
        const Proportion p = wilson_interval(k, m);
        t.add({name, "rho", cell(lo), cell(hi), cell(m), cell(k), cell(p.estimate), cell(p.ci_low), cell(p.ci_high)});
      }
      for (std::size_t lo = config.random.min_patterns; lo <= config.random.max_patterns; lo += 5) {
        const std::size_t hi = std::min(lo + 4, config.random.max_patterns);
        std::size_t k = 0, m = 0;
        for (auto* s : d.samples)
          if (s->header.patterns >= lo && s->header.patterns <= hi) {
            ++m;
            k += s->cf.ok() ? 0 : 1;
          }
        const Proportion p = wilson_interval(k, m);
        t.add({name, "P", cell(static_cast<double>(lo)), cell(static_cast<double>(hi)), cell(m), cell(k), cell(p.estimate), cell(p.ci_low), cell(p.ci_high)});
      }
    }
    out.csv("invalid_map.csv", t);
    std::string plot = "set multiplot layout 1,3 title 'Fraction of samples whose closed form fails (K or K'' not positive definite), 95% Wilson intervals'\n"
                       "set ylabel 'invalid fraction'\nset grid\nset key top left font ',9'\nset yrange [0:*]\n";
    const char* vars[] = {"n", "rho", "P"};
    const char* labels[] = {"ensemble size n", "rho (bin centre)", "patterns P (bin centre)"};
    for (int v = 0; v < 3; ++v) {
      plot += std::string("set xlabel '") + labels[v] + "'\nplot ";
      int k = 0;
      for (const auto& [d, name] : mapped) {
        // Small horizontal offsets keep the error bars of the series apart.
        const double width = v == 0 ? 1.0 : (v == 1 ? (rho_hi - rho_lo) / 10 : 5.0);
        const std::string shift = cell(width * 0.06 * (k - static_cast<double>(mapped.size() - 1) / 2));
        const std::string title = name.find('@') == std::string::npos ? set_title(d.set) : set_title(d.set) + name.substr(name.find('@'));
        plot += std::string(k ? ", " : "") + "'invalid_map.csv' using ((strcol(1) eq '" + name + "' && strcol(2) eq '" + vars[v] +
                "') ? ($3+$4)/2+(" + shift + ") : NaN):7:8:9 with yerrorlines lc " + std::to_string(k + 1) + " pt 7 ps 0.6 title '" + title + "'";
        ++k;
      }
      plot += "\n";
    }
    plot += "unset multiplot\n";
    out.figure("invalid_map", plot, 1500, 500);
}

}  // namespace syninfo::validation::detail
