// The invalid-fraction map against n, rho and P (claim C6), at the main N and the C7 runs.
#include "figures.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

namespace syninfo::validation::detail {
namespace {

std::string two_decimals(double x) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(2) << x;
  return s.str();
}

// One row of the map: a set's samples at one N, its CSV key and its label.
struct Series {
  SetData data;
  std::string name;   // set2, or set2@N=16 for the C7 runs (the CSV's key)
  std::string label;  // set 2, N = 16
};

}  // namespace

void write_invalid_map(OutputDir& out, const ValidationConfig& config, const Records& records, const SetAnalysis& sets) {
  const std::size_t main_n = config.random.neurons;
    CsvTable t({"set", "variable", "bin_low", "bin_high", "samples", "invalid", "fraction", "ci_low", "ci_high"});
    const double rho_lo = config.random.effective_rho_low(), rho_hi = config.random.rho_high;
    // The paper's sets at the main N, then the C7 runs at other N.
    std::vector<Series> mapped;
    for (const SetData& d : sets.sets)
      mapped.push_back({d, simulation::to_string(d.set), set_title(d.set) + ", N = " + std::to_string(main_n)});
    for (auto nn : config.c7_neurons)
      if (nn != main_n)
        for (SetId s : {SetId::set2, SetId::set3}) {
          SetData d = set_data(records, s, nn);
          if (d.size() > 0)
            mapped.push_back({std::move(d), std::string(simulation::to_string(s)) + "@N=" + std::to_string(nn),
                              set_title(s) + ", N = " + std::to_string(nn)});
        }
    // One heat-map cell per (series, bin): the fraction in percent, NaN when the bin is empty.
    std::string grid[3];
    double max_percent = 0;
    auto add_cell = [&](int variable, std::size_t column, std::size_t row, std::size_t m, double fraction) {
      if (m) max_percent = std::max(max_percent, 100 * fraction);
      grid[variable] += std::to_string(column) + " " + std::to_string(row) + " " + (m ? cell(100 * fraction) : "NaN") + "\n";
    };
    for (std::size_t row = 0; row < mapped.size(); ++row) {
      const SetData& d = mapped[row].data;
      const std::string& name = mapped[row].name;
      for (std::size_t n = config.random.min_synapses; n <= config.random.max_synapses; ++n) {
        std::size_t k = 0, m = 0;
        for (auto* s : d.samples)
          if (s->header.synapses == n) {
            ++m;
            k += s->cf.ok() ? 0 : 1;
          }
        const Proportion p = wilson_interval(k, m);
        t.add({name, "n", cell(static_cast<double>(n)), cell(static_cast<double>(n)), cell(m), cell(k), cell(p.estimate), cell(p.ci_low), cell(p.ci_high)});
        add_cell(0, n - config.random.min_synapses, row, m, p.estimate);
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
        add_cell(1, b, row, m, p.estimate);
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
        add_cell(2, (lo - config.random.min_patterns) / 5, row, m, p.estimate);
      }
    }
    out.csv("invalid_map.csv", t);
    // A heat map per variable (rows: the sets at each N; columns: bins): nine
    // overlapping curves with error bars were unreadable. Intervals are in the CSV.
    std::string ytics, blank_ytics;
    for (std::size_t row = 0; row < mapped.size(); ++row) {
      const std::string& label = mapped[row].label;
      ytics += std::string(row ? ", " : "") + report::gnuplot_text(label) + " " + std::to_string(row);
      blank_ytics += std::string(row ? ", " : "") + "'' " + std::to_string(row);
    }
    // Every few bins labelled, so the labels do not run into each other.
    std::string xtics[3];
    for (std::size_t n = config.random.min_synapses; n <= config.random.max_synapses; n += 4)
      xtics[0] += std::string(xtics[0].empty() ? "" : ", ") + "'" + std::to_string(n) + "' " + std::to_string(n - config.random.min_synapses);
    for (std::size_t b = 0; b < 10; b += 3)
      xtics[1] += std::string(b ? ", " : "") + "'" + two_decimals(rho_lo + (rho_hi - rho_lo) * (b + 0.5) / 10) + "' " + std::to_string(b);
    for (std::size_t lo = config.random.min_patterns; lo <= config.random.max_patterns; lo += 15)
      xtics[2] += std::string(xtics[2].empty() ? "" : ", ") + "'" + std::to_string(lo) + "-" +
                  std::to_string(std::min(lo + 4, config.random.max_patterns)) + "' " + std::to_string((lo - config.random.min_patterns) / 5);
    std::string plot;
    const char* blocks[] = {"$n", "$rho", "$P"};
    for (int v = 0; v < 3; ++v) plot += std::string(blocks[v]) + " << EOD\n" + grid[v] + "EOD\n";
    // One colour scale for the three panels, its bar beside the last.
    plot += "set datafile separator whitespace\nset datafile nocolumnheaders\nunset key\n"
            "set palette defined (0 '#ffffff', 1 '#fdd49e', 2 '#fc8d59', 3 '#b30000')\nset cbrange [0:" +
            cell(std::max(1.0, max_percent)) + "]\nset yrange [" + cell(static_cast<double>(mapped.size()) - 0.5) +
            ":-0.5]\nset tics out nomirror\n"
            // Bins without samples (NaN, not drawn) show this grey, not the white of 0%.
            "set object 1 rectangle from graph 0,0 to graph 1,1 behind fillcolor rgb '#d9d9d9' fillstyle solid noborder\n"
            "set multiplot layout 1,3 margins 0.14,0.93,0.16,0.9 spacing 0.025 title 'Samples whose closed form fails (K or K'' not positive definite), in % of each bin; grey: no samples (95% intervals in the CSV)'\n";
    const char* labels[] = {"ensemble size n", "rho (bin centre)", "patterns P (bin)"};
    for (int v = 0; v < 3; ++v) {
      plot += std::string("set xlabel '") + labels[v] + "'\nset xtics (" + xtics[v] + ")\n";
      plot += v == 0 ? "set ytics (" + ytics + ") font ',9'\n" : "set ytics (" + blank_ytics + ")\n";
      plot += v == 2 ? "set colorbox\nset cblabel '% of samples invalid'\n" : "unset colorbox\n";
      plot += std::string("plot ") + blocks[v] + " using 1:2:3 with image\n";
    }
    plot += "unset multiplot\n";
    out.figure("invalid_map", plot, 1500, 500);
}

}  // namespace syninfo::validation::detail
