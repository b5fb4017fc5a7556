// Figures through gnuplot (Debian's gnuplot-nox, pngcairo terminal).
//
// A figure is a gnuplot script plus the data files it reads; the script is
// kept beside the PNG so every figure can be re-drawn or restyled by hand.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace syninfo::report {

class PlotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Whether a gnuplot with the pngcairo terminal can be run (cached).
bool gnuplot_available();

// Writes `script` to script_path and runs gnuplot on it with the script's
// directory as working directory (so data files are named relative to it).
// `definitions` are gnuplot assignments run before the script (`-e`, e.g.
// "svg = 1"), so one script can draw more than one format. Throws PlotError
// naming the script and gnuplot's stderr when gnuplot is missing or fails.
void run_gnuplot(const std::string& script, const std::filesystem::path& script_path,
                 const std::string& definitions = "");

// The terminal and output lines of a figure drawn in two formats from one
// script: NAME.png (pngcairo) by default, NAME.svg (vector graphics, for
// papers) when gnuplot runs with the definition "svg = 1".
std::string png_and_svg_terminal(const std::string& name, int width, int height, const std::string& font);

// A gnuplot string literal (single-quoted, quotes doubled).
std::string gnuplot_quote(const std::string& text);

}  // namespace syninfo::report
