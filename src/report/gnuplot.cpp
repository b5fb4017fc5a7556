#include "syninfo/report/gnuplot.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace syninfo::report {
namespace {

// Runs a shell command, returns its exit status and captured stderr+stdout.
int run_captured(const std::string& command, std::string& output) {
  output.clear();
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  const int status = ::pclose(pipe);
  return status;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

bool gnuplot_available() {
  static const bool available = [] {
    std::string output;
    const int status = run_captured("gnuplot -e \"set terminal pngcairo\" </dev/null", output);
    return status == 0 && output.find("unknown") == std::string::npos;
  }();
  return available;
}

std::string png_and_svg_terminal(const std::string& name, int width, int height, const std::string& font) {
  const std::string size = std::to_string(width) + "," + std::to_string(height);
  return "if (exists('svg')) {\n  set terminal svg size " + size + " font " + gnuplot_quote(font) +
         " dynamic background '#ffffff'\n  set output " + gnuplot_quote(name + ".svg") + "\n} else {\n" +
         "  set terminal pngcairo size " + size + " font " + gnuplot_quote(font) + "\n  set output " +
         gnuplot_quote(name + ".png") + "\n}\n";
}

std::string gnuplot_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string gnuplot_text(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '^' || c == '_' || c == '@' || c == '&' || c == '~' || c == '{' || c == '}') escaped += '\\';
    escaped += c;
  }
  return gnuplot_quote(escaped);
}

std::string series_colour(std::size_t k) {
  static constexpr const char* kColours[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                             "#e69f00", "#56b4e9", "#000000", "#882255"};
  return std::string("rgb '") + kColours[k % (sizeof kColours / sizeof kColours[0])] + "'";
}

std::string key_below() { return "set key below center horizontal Left reverse font ',9' samplen 2 spacing 1.1 height 1\n"; }

std::string log_axis_tics(const std::string& axis, double lo, double hi) {
  if (!(lo > 0) || !(hi >= lo) || !std::isfinite(hi)) return "";
  std::string tics;
  for (double decade = std::pow(10.0, std::floor(std::log10(lo))); decade <= hi; decade *= 10)
    for (double m : {1.0, 2.0, 5.0})
      if (m * decade >= lo * (1 - 1e-12) && m * decade <= hi * (1 + 1e-12)) {
        char number[32];
        std::snprintf(number, sizeof number, "%.6g", m * decade);
        tics += (tics.empty() ? "" : ", ") + std::string(number);
      }
  return tics.empty() ? "" : "set " + axis + "tics (" + tics + ")\n";
}

void run_gnuplot(const std::string& script, const std::filesystem::path& script_path, const std::string& definitions) {
  {
    std::ofstream out(script_path);
    if (!out) throw PlotError("cannot write gnuplot script " + script_path.string());
    out << script;
    if (!out) throw PlotError("cannot write gnuplot script " + script_path.string());
  }
  if (!gnuplot_available())
    throw PlotError("gnuplot with the pngcairo terminal is not installed (Debian package gnuplot-nox); script kept at " +
                    script_path.string());
  const auto dir = script_path.parent_path().empty() ? std::filesystem::path(".") : script_path.parent_path();
  std::string output;
  const std::string defines = definitions.empty() ? "" : "-e " + shell_quote(definitions) + " ";
  const int status = run_captured("cd " + shell_quote(dir.string()) + " && gnuplot " + defines +
                                      shell_quote(script_path.filename().string()) + " </dev/null",
                                  output);
  if (status != 0) {
    std::istringstream lines(output);
    std::string first, line;
    while (std::getline(lines, line))
      if (!line.empty()) first += (first.empty() ? "" : " | ") + line;
    throw PlotError("gnuplot failed on " + script_path.string() + ": " + (first.empty() ? "no message" : first));
  }
}

}  // namespace syninfo::report
