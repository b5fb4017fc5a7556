#include "syninfo/calibration/report.hpp"

#include "syninfo/calibration/summary.hpp"
#include "syninfo/report/atomic_output.hpp"

#include "../validation/report_util.hpp"
#include "heatmaps.hpp"

#include <cmath>
#include <cstdio>
#include <map>

namespace syninfo::calibration {
namespace {

constexpr double kZ95 = 1.959963984540054;

std::string fmt(double x, int digits = 3) {
  if (!std::isfinite(x)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  return buffer;
}

std::string fmt_z(double z) {
  if (!std::isfinite(z)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2f", z);
  return buffer;
}

std::string row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + c + " |";
  return out + "\n";
}

std::string header(const std::vector<std::string>& cells) {
  std::string out = row(cells) + "|";
  for (std::size_t i = 0; i < cells.size(); ++i) out += "---|";
  return out + "\n";
}

std::string point_text(const json::Value& point) {
  std::string out;
  for (const auto& [key, value] : point.as_object()) out += (out.empty() ? "" : ", ") + key + " = " + value_text(value);
  return out;
}

std::string parameter_text(const Parameter& p) {
  if (p.listed()) {
    std::string out;
    for (const auto& v : p.values) out += (out.empty() ? "" : ", ") + value_text(v);
    return "{" + out + "}";
  }
  return std::string(p.log ? "log " : "") + "[" + fmt(p.low, 6) + ", " + fmt(p.high, 6) + "]" +
         (p.integer ? " integers" : "") + " (" + std::to_string(p.levels) + " grid levels)";
}

const PointResult& at(const std::vector<PointResult>& results, std::size_t index) {
  for (const auto& r : results)
    if (r.index == index) return r;
  return results.front();
}

std::string closest_text(const Closest& c, const std::vector<PointResult>& results) {
  if (!c.found) return "no point gives a value";
  return fmt(c.value) + " (z " + fmt_z(c.z) + ") at point " + std::to_string(c.point) + " (" +
         point_text(at(results, c.point).point) + ")";
}

std::string design_section(const Design& design, std::size_t points, const std::string& command) {
  std::string md = "## Design\n\n";
  md += "Scale `" + std::string(validation::to_string(design.scale)) + "` (the paper's sample counts at `paper`), " +
        (design.layout == Layout::grid ? "a full grid" : "a Latin-hypercube random design (seed " + std::to_string(design.seed) + ")") +
        " of " + std::to_string(points) + " points; every other parameter as in the base configuration" +
        (design.base.as_object().empty() ? " (the scale's preset)" : ": `" + design.base.dump(-1) + "`") + ".\n\n";
  md += header({"parameter", "values"});
  for (const auto& p : design.parameters) md += row({"`" + p.key + "`", parameter_text(p)});
  md += "\nMade by:\n\n    " + command + "\n\n";
  return md;
}

std::string statistics_section(const CalibrationSummary& s, const std::vector<PointResult>& results) {
  std::string md = "## Each paper number: the closest the reconstruction comes\n\n";
  md += "z is the distance to the paper's value in standard errors of the difference (Fisher z with both "
        "sample sizes for a correlation; the score statistic of the Wilson interval for the invalid fraction, the paper's "
        "1% taken as exact). "
        "|z| <= 1.96: the paper's number lies within this point's 95% interval.\n\n";
  md += header({"statistic", "paper", "range over the design", "closest (z) and where", "points with abs(z) <= 1.96"});
  for (const auto& c : s.closest)
    md += row({c.label, fmt(c.paper), "[" + fmt(c.lowest) + ", " + fmt(c.highest) + "]", closest_text(c, results),
               std::to_string(c.within) + " of " + std::to_string(results.size())});
  md += "\n";
  for (const auto& c : s.closest)
    if (c.within == 0)
      md += "- **" + c.label + "**: no point reproduces the paper's " + fmt(c.paper) + "; the closest is " +
            closest_text(c, results) + ".\n";
  return md + "\n";
}

std::string best_section(const CalibrationSummary& s, const std::vector<PointResult>& results) {
  std::string md = "## Reconstructions consistent with all of the paper's numbers\n\n";
  if (s.consistent.empty()) {
    md += "None: at no point of the design do all seven numbers lie within their 95% intervals (every |z| <= 1.96).\n\n";
  } else {
    md += std::to_string(s.consistent.size()) + " of " + std::to_string(results.size()) +
          " points (by increasing rms z): ";
    for (std::size_t i = 0; i < s.consistent.size() && i < 20; ++i)
      md += (i ? "; " : "") + std::to_string(s.consistent[i]) + " (" + point_text(at(results, s.consistent[i]).point) + ")";
    md += s.consistent.size() > 20 ? "; ...\n\n" : "\n\n";
  }
  md += "### The best points by the combined discrepancy (rms z over the seven numbers)\n\n";
  std::vector<std::string> head{"point", "parameters", "rms z", "max abs(z)"};
  if (!results.empty())
    for (const auto& st : results.front().statistics.stats) head.push_back(st.name);
  md += header(head);
  for (std::size_t k : s.best) {
    const PointResult& r = at(results, k);
    std::vector<std::string> cells{std::to_string(k), point_text(r.point), fmt(r.statistics.rms_z),
                                   fmt(r.statistics.max_abs_z)};
    for (const auto& st : r.statistics.stats) cells.push_back(fmt(st.value) + " (" + fmt_z(st.z) + ")");
    md += row(cells);
  }
  return md + "\n";
}

std::string alternatives_section(const CalibrationSummary& s) {
  std::string md = "## C5: what the paper's computation would have to be\n\n";
  md += "Other readings of C5's two correlations, computed on the same Fig. 4 records at every point. An alternative "
        "that reaches the paper's 0.70 / -0.62 (|z| <= 1.96, z from the same 20-size Fisher rule) where the main "
        "statistic does not would explain the paper's number by a different computation.\n\n";
  md += header({"alternative", "what it computes", "corr(mean, n): range; closest", "corr(sd, n): range; closest"});
  for (const auto& a : s.alternatives)
    md += row({"`" + a.name + "`", a.description,
               "[" + fmt(a.mean.lowest) + ", " + fmt(a.mean.highest) + "]; " +
                   (a.mean.found ? fmt(a.mean.value) + " (z " + fmt_z(a.mean.z) + ", point " + std::to_string(a.mean.point) + ")"
                                 : "no z (not over sizes)"),
               "[" + fmt(a.sd.lowest) + ", " + fmt(a.sd.highest) + "]; " +
                   (a.sd.found ? fmt(a.sd.value) + " (z " + fmt_z(a.sd.z) + ", point " + std::to_string(a.sd.point) + ")" : "n/a")});
  md += "\n";
  std::string reach;
  for (const auto& a : s.alternatives) {
    if (a.both_found)
      reach += "- `" + a.name + "` is consistent with both of the paper's numbers at " + std::to_string(a.both_within) +
               " points; closest at point " + std::to_string(a.both_point) + " (" + fmt(a.both_mean) + ", " +
               fmt(a.both_sd) + ").\n";
    else if ((a.mean.found && std::fabs(a.mean.z) <= kZ95) || (a.sd.found && std::fabs(a.sd.z) <= kZ95))
      reach += "- `" + a.name + "` is consistent with one of the two numbers at some points (" +
               std::to_string(a.mean.within) + " for corr(mean, n), " + std::to_string(a.sd.within) +
               " for corr(sd, n)), never with both at once.\n";
  }
  md += reach.empty() ? "No alternative is consistent with either of the paper's numbers anywhere in the design.\n" : reach;
  return md + "\n";
}

}  // namespace

CalibrationFiles write_calibration(const Design& design, const std::vector<PointResult>& results,
                                   const std::filesystem::path& dir, const std::string& command) {
  validation::detail::OutputDir out(dir);
  out.text("points.csv", points_csv(design, results));
  out.text("design.json", design_to_json(design).dump() + "\n");
  const std::vector<std::string> maps = write_heatmaps(out, design, results);
  const CalibrationSummary s = summarise_calibration(results);
  std::string md = "# Calibration of the reconstruction against the paper's numbers\n\n";
  md += "Closed form only: at each point of the design, the statistics the paper reports (C2's and C4's log-log "
        "correlations on sets 2 and 3, C5's two correlations on the Fig. 4 run, C6's invalid fraction) with their "
        "95% intervals at the point's sample sizes, computed exactly as `syninfo validate --no-truth` computes them. "
        "Every point is in `points.csv`.\n\n";
  md += best_section(s, results);
  md += statistics_section(s, results);
  md += alternatives_section(s);
  md += "## Heat maps\n\n";
  if (maps.empty()) md += "One parameter: no pairs to map (see points.csv).\n\n";
  for (std::size_t k = 0; k < maps.size(); ++k) md += "![" + maps[k] + "](" + maps[k] + ".png)\n\n";
  md += design_section(design, results.size(), command);
  out.markdown_report(md);
  CalibrationFiles files;
  files.files = out.files();
  files.figure_failures = out.failures();
  return files;
}

}  // namespace syninfo::calibration
