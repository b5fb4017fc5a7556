// The gnuplot helpers the figures use (issue 16, part 7): text that prints as
// itself in enhanced mode, tics on log axes, the series colours.
#include "syninfo/report/gnuplot.hpp"

#include <catch2/catch.hpp>

using namespace syninfo::report;

TEST_CASE("gnuplot_text escapes enhanced-mode specials", "[report][gnuplot]") {
  CHECK(gnuplot_text("set2@N=16") == "'set2\\@N=16'");
  CHECK(gnuplot_text("a_b^c {d} & e~f") == "'a\\_b\\^c \\{d\\} \\& e\\~f'");
  CHECK(gnuplot_text("K' x") == "'K'' x'");
  CHECK(gnuplot_text("set 2, N = 64") == "'set 2, N = 64'");
}

TEST_CASE("log_axis_tics: 1, 2, 5 per decade inside the range", "[report][gnuplot]") {
  CHECK(log_axis_tics("x", 0.0375, 5.32) == "set xtics (0.05, 0.1, 0.2, 0.5, 1, 2, 5)\n");
  CHECK(log_axis_tics("x", 1.6, 60) == "set xtics (2, 5, 10, 20, 50)\n");
  CHECK(log_axis_tics("y", 3, 4) == "");
  CHECK(log_axis_tics("x", 0, 10) == "");
  CHECK(series_colour(0) == "rgb '#0072b2'");
  CHECK(series_colour(8) == series_colour(0));
  CHECK(series_colour(1) != series_colour(0));
}
