// Figures through gnuplot (Debian's gnuplot-nox, pngcairo terminal).
//
// A figure is a gnuplot script plus the data files it reads; the script is
// kept beside the PNG so every figure can be re-drawn or restyled by hand.
#pragma once

#include <cstddef>
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

// A gnuplot string literal for text that must print as itself in enhanced
// mode (the figures' default, where W_E and x^k are sub- and superscripts):
// as gnuplot_quote, with ^ _ @ & ~ { } escaped (unescaped, @ becomes a
// phantom box and & a blank). For labels that come from data or input.
std::string gnuplot_text(const std::string& text);

// The colour of the k-th series of a figure, cycled through eight colours
// that stay apart for colour-blind readers and on white (Okabe and Ito's,
// with Tol's wine for their yellow), as a gnuplot colour spec: rgb '#0072b2'.
std::string series_colour(std::size_t k);

// A gnuplot line placing tics at 1, 2 and 5 times the powers of ten in
// [lo, hi] on a log axis ("x", "y"; gnuplot labels only the powers of ten,
// too few over one or two decades); empty when lo <= 0 or hi < lo.
std::string log_axis_tics(const std::string& axis, double lo, double hi);

// The gnuplot line that draws the legend below the plot, in columns, at a
// small font, so it takes height instead of a third of the width. gnuplot
// makes every column as wide as the longest title: keep titles short.
// (The extra row of height keeps the legend clear of the axis label.)
std::string key_below();

}  // namespace syninfo::report
