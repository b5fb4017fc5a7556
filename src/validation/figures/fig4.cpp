// Fig. 4A/B: per-synapse information against ensemble size (claim C5).
#include "figures.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace syninfo::validation::detail {

void write_fig4_figures(OutputDir& out, const ValidationConfig& config, const SetData& fig4, const SynergyAnalysis& s) {
  const std::size_t max_size = config.random.max_synapses;
  {
    CsvTable t({"n", "count", "mean_bits_per_synapse", "sd_bits_per_synapse", "count_drop", "mean_drop", "sd_drop", "count_repair",
                "mean_repair", "sd_repair"});
    for (std::size_t n = 1; n <= max_size; ++n) {
      std::vector<std::string> row{cell(n)};
      for (int m = 0; m < 3; ++m) {
        const Summary sum = summarise(s.per_size[n][static_cast<std::size_t>(m)]);
        row.push_back(cell(sum.count));
        row.push_back(cell(sum.count ? sum.mean : nan));
        row.push_back(cell(sum.count > 1 ? sum.sd : nan));
      }
      t.add(std::move(row));
    }
    out.csv("fig4_per_n.csv", t);
  }
  // Histograms of I/n per n.
  {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (auto n : config.histogram_sizes)
      if (n <= max_size)
        for (double v : s.per_size[n][0]) {
          lo = std::min(lo, v);
          hi = std::max(hi, v);
        }
    CsvTable t({"n", "bin_low", "bin_high", "count", "density"});
    const std::size_t bins = 30;
    if (std::isfinite(lo) && hi > lo) {
      for (auto n : config.histogram_sizes) {
        if (n > max_size) continue;
        const Histogram h = histogram(s.per_size[n][0], lo, hi, bins);
        const double total = static_cast<double>(s.per_size[n][0].size());
        for (std::size_t b = 0; b < bins; ++b)
          t.add({cell(n), cell(lo + h.width * static_cast<double>(b)), cell(lo + h.width * static_cast<double>(b + 1)),
                 cell(h.counts[b]), cell(total > 0 ? static_cast<double>(h.counts[b]) / (total * h.width) : nan)});
      }
    }
    out.csv("fig4_histograms.csv", t);
    std::string plot = "set title 'Fig. 4B: distribution of I/n per ensemble size (set 3, invalid samples substituted)'\n"
                       "set xlabel 'I(W_E; x^k) / n (bits per synapse)'\nset ylabel 'density'\nset grid\nset yrange [0:*]\n" +
                       report::key_below() +
                       // A bin's width of room at both ends, so the first and last bins clear the frame.
                       (std::isfinite(lo) && hi > lo ? "set xrange [" + cell(lo - (hi - lo) / bins) + ":" + cell(hi + (hi - lo) / bins) + "]\n" : "") +
                       "plot ";
    int k = 0;
    for (auto n : config.histogram_sizes) {
      // Only the sizes with samples (the legend names only drawn series).
      if (n > max_size || s.per_size[n][0].empty() || !(std::isfinite(lo) && hi > lo)) continue;
      plot += std::string(k ? ", " : "") + "'fig4_histograms.csv' using (($1==" + std::to_string(n) +
              ") ? ($2+$3)/2 : NaN):5 with histeps lw 2 lc " + report::series_colour(static_cast<std::size_t>(k)) +
              " title 'n = " + std::to_string(n) + "'";
      ++k;
    }
    if (k == 0) plot = "set title 'Fig. 4B: no ensemble size with samples'\nplot 0 notitle";
    out.figure("fig4b", plot + "\n");
  }
  {
    const auto& f = s.fig4_fits[0];
    std::string plot = "set multiplot layout 1,2 title 'Fig. 4A: per-synapse information I/n against ensemble size (set 3, " +
                       std::to_string(fig4.size()) + " samples, invalid ones substituted)'\nset grid\nset xlabel 'ensemble size n'\n" +
                       report::key_below() +
                       // One size of room at each end, so the first and last points and bars clear the frame.
                       "set xrange [0:" + std::to_string(max_size + 1) + "]\n";
    plot += "set ylabel 'mean of I/n (bits)'\nfm(x) = " + cell(f.mean_fit.intercept) + " + " + cell(f.mean_fit.slope) + "*x\n" +
            "plot 'fig4_per_n.csv' using 1:3:($4/sqrt($2)) with yerrorbars pt 7 lc rgb '#4477aa' title 'mean +- standard error', fm(x) with lines lc rgb '#cc3311' title 'regression: r = " +
            fmt(f.mean_fit.r, 2) + "'\n";
    plot += "set ylabel 'sd of I/n (bits)'\nfs(x) = " + cell(f.sd_fit.intercept) + " + " + cell(f.sd_fit.slope) + "*x\n" +
            "plot 'fig4_per_n.csv' using 1:4 with points pt 7 lc rgb '#4477aa' title 'sd', fs(x) with lines lc rgb '#cc3311' title 'regression: r = " +
            fmt(f.sd_fit.r, 2) + "'\nunset multiplot\n";
    if (!f.mean_fit.valid || !f.sd_fit.valid) plot = "set title 'Fig. 4A: too few ensemble sizes'\nplot 0 notitle\n";
    out.figure("fig4a", plot, 1300, 550);
  }
}

}  // namespace syninfo::validation::detail
