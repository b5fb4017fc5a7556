// Internal helpers of the validation report: number formatting, CSV tables,
// figure writing. Not installed: used by src/validation/*.cpp only.
#pragma once

#include "syninfo/report/gnuplot.hpp"
#include "syninfo/report/html_report.hpp"
#include "syninfo/reference/csv.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::validation::detail {

inline constexpr double kLn2 = 0.69314718055994530941723212145818;
inline double bits(double nats) { return nats / kLn2; }

// Short human number ("%.3g"); "n/a" for NaN.
inline std::string fmt(double x, int digits = 3) {
  if (std::isnan(x)) return "n/a";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  return buffer;
}

// p-values: "< 1e-300" below the double range, else 2 significant digits.
inline std::string fmt_p(double p) {
  if (std::isnan(p)) return "n/a";
  if (p <= 0.0) return "< 1e-300";
  return fmt(p, 2);
}

inline std::string fmt_percent(double fraction, int digits = 3) {
  if (std::isnan(fraction)) return "n/a";
  return fmt(100.0 * fraction, digits) + "%";
}

// A CSV cell for a number: 12 significant digits, empty for NaN.
inline std::string cell(double x) {
  if (!std::isfinite(x)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.12g", x);
  return buffer;
}
inline std::string cell(std::size_t x) { return std::to_string(x); }
inline std::string cell(const std::string& s) { return s; }

class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) {
    if (row.size() != header_.size()) throw std::logic_error("CsvTable: row width differs from header");
    rows_.push_back(std::move(row));
  }
  std::string text() const {
    std::string out;
    auto line = [&](const std::vector<std::string>& r) {
      for (std::size_t i = 0; i < r.size(); ++i) out += (i ? "," : "") + reference::csv_field(r[i]);
      out += '\n';
    };
    line(header_);
    for (const auto& r : rows_) line(r);
    return out;
  }
  std::size_t size() const { return rows_.size(); }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Writes files into the output directory and remembers their names.
class OutputDir {
 public:
  explicit OutputDir(std::filesystem::path dir) : dir_(std::move(dir)) {}

  void text(const std::string& name, const std::string& content) {
    std::ofstream out(dir_ / name, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + (dir_ / name).string());
    out << content;
    if (!out) throw std::runtime_error("cannot write " + (dir_ / name).string());
    files_.push_back(name);
  }
  void csv(const std::string& name, const CsvTable& table) { text(name, table.text()); }

  // Writes report.md and the same report as one self-contained page,
  // report.html, with the figures written before it inlined.
  void markdown_report(const std::string& markdown) {
    text("report.md", markdown);
    text("report.html", report::markdown_to_html(markdown, dir_).html);
  }

  // Writes NAME.gp (terminal and output, then `body`) and runs gnuplot twice:
  // NAME.png (pngcairo) and NAME.svg (vector, for papers; `gnuplot -e "svg = 1"
  // NAME.gp` redraws it by hand). Returns false (and records why) when a
  // figure could not be drawn.
  bool figure(const std::string& name, const std::string& body, int width = 900, int height = 650) {
    // Sans, so that the PNG and the SVG use the same face.
    const std::string script = report::png_and_svg_terminal(name, width, height, "Sans,11") +
                               "set datafile separator ','\nset datafile columnheaders\n" + body;
    files_.push_back(name + ".gp");
    bool drawn = true;
    for (const std::string format : {"png", "svg"}) {
      try {
        report::run_gnuplot(script, dir_ / (name + ".gp"), format == "svg" ? "svg = 1" : "");
        files_.push_back(name + "." + format);
      } catch (const std::exception& e) {
        failures_.push_back(name + "." + format + ": " + e.what());
        drawn = false;
      }
    }
    return drawn;
  }

  const std::vector<std::string>& files() const { return files_; }
  const std::vector<std::string>& failures() const { return failures_; }

 private:
  std::filesystem::path dir_;
  std::vector<std::string> files_;
  std::vector<std::string> failures_;
};

}  // namespace syninfo::validation::detail
