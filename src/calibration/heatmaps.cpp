#include "heatmaps.hpp"

#include "syninfo/report/gnuplot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>

namespace syninfo::calibration {
namespace {

// The cells along one parameter's axis: its listed values or grid levels, or
// for a random layout's range, five equal bins (on the log scale if log).
struct Axis {
  std::vector<std::string> labels;
  std::function<std::size_t(const json::Value&)> cell;
};

std::string short_double(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", x);
  return buffer;
}

double as_double(const json::Value& v) { return v.is_number() ? std::strtod(v.as_number_text().c_str(), nullptr) : 0.0; }

Axis axis_of(const Design& design, const Parameter& p, const std::vector<json::Value>& points) {
  Axis a;
  const bool binned = !p.listed() && design.layout == Layout::random;
  if (!binned) {
    // The distinct values the points take, in first-seen order (design order).
    std::vector<std::string> seen;
    for (const auto& pt : points) {
      const std::string t = value_text(*pt.find(p.key));
      if (std::find(seen.begin(), seen.end(), t) == seen.end()) seen.push_back(t);
    }
    if (!p.listed())
      std::sort(seen.begin(), seen.end(), [](const std::string& x, const std::string& y) { return std::stod(x) < std::stod(y); });
    a.labels = seen;
    a.cell = [seen, key = p.key](const json::Value& pt) {
      return static_cast<std::size_t>(std::find(seen.begin(), seen.end(), value_text(*pt.find(key))) - seen.begin());
    };
    return a;
  }
  const std::size_t bins = std::min<std::size_t>(5, std::max<std::size_t>(design.points, 1));
  auto position = [p](double x) {
    if (p.high == p.low) return 0.0;
    return p.log ? std::log(x / p.low) / std::log(p.high / p.low) : (x - p.low) / (p.high - p.low);
  };
  for (std::size_t b = 0; b < bins; ++b) {
    const double u = (static_cast<double>(b) + 0.5) / static_cast<double>(bins);
    a.labels.push_back(short_double(p.log ? p.low * std::pow(p.high / p.low, u) : p.low + u * (p.high - p.low)));
  }
  a.cell = [bins, position, key = p.key](const json::Value& pt) {
    const double u = position(as_double(*pt.find(key)));
    return std::min(bins - 1, static_cast<std::size_t>(std::max(0.0, u) * static_cast<double>(bins)));
  };
  return a;
}

std::string tics(const std::vector<std::string>& labels) {
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i)
    out += (i ? ", " : "") + report::gnuplot_quote(labels[i]) + " " + std::to_string(i);
  return "(" + out + ")";
}

}  // namespace

std::vector<std::string> write_heatmaps(validation::detail::OutputDir& out, const Design& design,
                                        const std::vector<PointResult>& results) {
  std::vector<std::string> names;
  std::vector<json::Value> points;
  for (const auto& r : results) points.push_back(r.point);
  const auto& ps = design.parameters;
  for (std::size_t i = 0; i < ps.size(); ++i)
    for (std::size_t j = i + 1; j < ps.size(); ++j) {
      const Axis x = axis_of(design, ps[i], points), y = axis_of(design, ps[j], points);
      std::map<std::pair<std::size_t, std::size_t>, std::pair<double, std::size_t>> cells;  // min rms z, points
      for (const auto& r : results) {
        if (!std::isfinite(r.statistics.rms_z)) continue;
        auto key = std::make_pair(x.cell(r.point), y.cell(r.point));
        auto it = cells.find(key);
        if (it == cells.end()) cells.emplace(key, std::make_pair(r.statistics.rms_z, std::size_t{1}));
        else it->second = {std::min(it->second.first, r.statistics.rms_z), it->second.second + 1};
      }
      const std::string name = "heatmap-" + std::to_string(i) + "-" + std::to_string(j);
      std::string csv = "x_index,y_index,x_value,y_value,min_rms_z,points\n";
      for (const auto& [key, v] : cells) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.4g", v.first);
        csv += std::to_string(key.first) + "," + std::to_string(key.second) + "," + x.labels[key.first] + "," +
               y.labels[key.second] + "," + buffer + "," + std::to_string(v.second) + "\n";
      }
      out.text(name + ".csv", csv);
      const std::string body =
          // Two title lines, so the title fits the 800-pixel figure with room to spare.
          "set termoption noenhanced\nset title " + report::gnuplot_quote("calibration discrepancy: rms z over the paper's numbers") +
          ".\"\\n\"." + report::gnuplot_quote("(the lowest over the other parameters)") +
          "\nset xlabel " + report::gnuplot_quote(ps[i].key) + "\nset ylabel " + report::gnuplot_quote(ps[j].key) +
          "\nset xtics " + tics(x.labels) + "\nset ytics " + tics(y.labels) +
          "\nset xrange [-0.5:" + std::to_string(x.labels.size()) + "-0.5]\nset yrange [-0.5:" +
          std::to_string(y.labels.size()) + "-0.5]\nset cblabel 'rms z (0: the paper; 1.96: the edge of its 95% interval)'\n"
          "set palette defined (0 '#1a9850', 1.96 '#fee08b', 6 '#d73027')\nset cbrange [0:6]\n"
          "plot '" + name + ".csv' using 1:2:(0.5):(0.5):5 with boxxyerror fs solid 1.0 noborder lc palette notitle, '' using 1:2:(sprintf('%.2f', $5)) with labels notitle\n";
      out.figure(name, body, 800, 600);
      names.push_back(name);
    }
  return names;
}

}  // namespace syninfo::calibration
