// The validation pipeline: results independent of threads and shards, and a
// whole run at the test scale whose report agrees with its own CSVs.
#include "syninfo/reference/csv.hpp"
#include "syninfo/validation/report.hpp"
#include "syninfo/validation/run.hpp"
#include "syninfo/validation/shards.hpp"
#include "syninfo/validation/statistics.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace syninfo;
using namespace syninfo::validation;
namespace fs = std::filesystem;

namespace {

// A configuration smaller than the test scale (every task kind present).
ValidationConfig mini_config() {
  ValidationConfig c = config_for_scale(Scale::test);
  c.progress = false;
  c.set2_samples = 16;
  c.set3_samples = 8;
  c.fig4_samples = 40;
  c.curves.grid_points = 4;
  c.curves.fig2_patterns = {2, 5};
  c.curves.fig3_sizes = {1, 2, 5};
  c.c7_neurons = {16};
  c.c7_samples = 4;
  c.truth_plan.outer = 100;
  c.truth_plan.fig2_patterns = {2};
  c.truth_plan.curve_points = 2;
  c.truth_plan.fig3_sizes = {2};
  c.truth_plan.scatter = 2;
  c.truth_plan.synergy_sizes = {1, 2};
  c.truth_plan.synergy_per_size = 1;
  c.truth_plan.c7_problems = 1;
  return c;
}

fs::path temp_dir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("syninfo-validation-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// File names the report links or quotes: a run of [A-Za-z0-9_.-] between
// ` or ( and ` or ), ending in one of the extensions the report writes.
// (A hand scanner, not std::regex: GCC 12 warns falsely inside <regex>
// under the sanitizers, and warnings are errors.)
std::set<std::string> named_files(const std::string& text) {
  const auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  };
  std::set<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '`' && text[i] != '(') continue;
    std::size_t j = i + 1;
    while (j < text.size() && name_char(text[j])) ++j;
    if (j == text.size() || (text[j] != '`' && text[j] != ')') || j == i + 1) continue;
    const std::string name = text.substr(i + 1, j - i - 1);
    const auto dot = name.rfind('.');
    if (dot == std::string::npos) continue;
    const std::string ext = name.substr(dot + 1);
    if (ext == "csv" || ext == "png" || ext == "gp" || ext == "md" || ext == "json" || ext == "svg") names.insert(name);
  }
  return names;
}

std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
  std::vector<std::vector<std::string>> rows;
  for (auto& r : reference::parse_csv(slurp(p))) rows.push_back(r.fields);
  return rows;
}

}  // namespace

TEST_CASE("validation: results do not depend on threads or shards", "[validation][pipeline]") {
  ValidationConfig c = mini_config();
  const Plan plan = make_plan(c);
  REQUIRE(!plan.truths.empty());
  c.threads = 1;
  const Records one = compute_records(c, plan);
  c.threads = 2;
  const Records two = compute_records(c, plan);
  const std::string single = to_json(one).dump(-1);
  CHECK(to_json(two).dump(-1) == single);

  // Three shards, written as files and merged: the same records in the same order.
  const fs::path dir = temp_dir("shards");
  std::vector<ShardFile> shards;
  for (std::size_t i = 0; i < 3; ++i) {
    ValidationConfig s = c;
    s.shard_index = i;
    s.shard_count = 3;
    const Records part = compute_records(s, plan);
    const fs::path file = dir / shard_file_name(i, 3);
    std::ofstream(file) << shard_to_json(s, part).dump(-1);
    shards.push_back(read_shard_file(file));
  }
  ValidationConfig merged_config = c;
  merged_config.shard_count = 3;
  const Records merged = merge_shards(shards, merged_config);
  CHECK(to_json(merged).dump(-1) == single);
  CHECK(to_json(round_trip(one)).dump(-1) == single);  // the JSON round trip is exact

  // And the reports are byte-identical.
  const fs::path a = dir / "single", b = dir / "merged";
  fs::create_directories(a);
  fs::create_directories(b);
  const ReportSummary sa = write_report(c, round_trip(one), a);
  write_report(c, round_trip(merged), b);
  for (const auto& f : sa.files)
    if (f.size() > 4 && (f.substr(f.size() - 4) == ".csv" || f.substr(f.size() - 3) == ".md" || f.substr(f.size() - 3) == ".gp")) {
      INFO(f);
      CHECK(slurp(a / f) == slurp(b / f));
    }
  CHECK(slurp(a / "report.md") == slurp(b / "report.md"));

  // A missing or duplicated shard is refused.
  std::vector<ShardFile> partial{shards[0], shards[2]};
  CHECK_THROWS_AS(merge_shards(partial, merged_config), ShardError);
  fs::remove_all(dir);
}

TEST_CASE("validation: shard files are checked before merging", "[validation][pipeline]") {
  ValidationConfig c = mini_config();
  c.truth = false;
  const Plan plan = make_plan(c);
  std::vector<ShardFile> shards;
  for (std::size_t i = 0; i < 2; ++i) {
    ValidationConfig s = c;
    s.shard_index = i;
    s.shard_count = 2;
    shards.push_back(shard_from_json(shard_to_json(s, compute_records(s, plan)), "shard" + std::to_string(i)));
  }
  // The mini configuration is not a scale preset: the shards carry it in full.
  const ValidationConfig rebuilt = config_of_shards(shards);
  CHECK(config_fingerprint(rebuilt).dump(-1) == config_fingerprint(c).dump(-1));
  CHECK(rebuilt.shard_count == 2);
  // A shard of another configuration is refused, naming the key that differs.
  std::vector<ShardFile> mixed = shards;
  ValidationConfig other = c;
  other.random.bb_scale = 0.5;
  mixed[1].fingerprint = config_fingerprint(other);
  CHECK_THROWS_WITH(config_of_shards(mixed), Catch::Contains("config.random.bb_scale differs"));
  CHECK_THROWS_AS(config_of_shards({}), ShardError);
  CHECK_THROWS_AS(shard_from_json(json::parse("{\"format\": \"other\"}"), "x"), ShardError);
}

TEST_CASE("validation: a test-scale run and its report agree with their CSVs", "[validation][pipeline]") {
  ValidationConfig c = config_for_scale(Scale::test);
  c.progress = false;
  c.threads = 2;
  const fs::path dir = temp_dir("run");
  const Records records = round_trip(compute_records(c, make_plan(c)));
  const ReportSummary summary = write_report(c, records, dir);
  CHECK(summary.figure_failures.empty());
  const std::string report = slurp(dir / "report.md");
  REQUIRE(report.rfind("# syninfo validate", 0) == 0);
  CHECK(report.find("## Claims") < report.find("## Run"));  // the claims table comes first

  // Every file the report names exists; every figure is a non-empty PNG.
  const std::set<std::string> named = named_files(report);
  CHECK(named.size() > 20);
  for (const auto& f : named) {
    INFO(f);
    CHECK(fs::exists(dir / f));
    if (f.size() > 4 && f.substr(f.size() - 4) == ".png") {
      const std::string png = slurp(dir / f);
      CHECK(png.size() > 1000);
      CHECK(png.substr(1, 3) == "PNG");
    }
  }
  for (const std::string fig : {"fig2a", "fig2b", "fig2c", "fig2d", "fig3a", "fig3b", "fig3c", "fig3d", "fig4a", "fig4b",
                                "invalid_map", "synergy"}) {
    INFO(fig);
    CHECK(named.count(fig + ".png") == 1);
    // The vector version of every figure: a complete SVG document with drawing in it.
    REQUIRE(named.count(fig + ".svg") == 1);
    const std::string svg = slurp(dir / (fig + ".svg"));
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(svg.find("<path") != std::string::npos);
  }

  // C1 for the closed form on set 1: along every P curve of Fig. 2A the
  // information rises with sigma2, and at every sigma2 it falls with P.
  {
    const auto rows = read_csv(dir / "fig2a.csv");
    std::map<std::size_t, std::map<std::size_t, double>> curve;  // P -> grid -> bits
    for (std::size_t r = 1; r < rows.size(); ++r)
      if (rows[r][4] == "ok") curve[std::stoul(rows[r][1])][std::stoul(rows[r][2])] = std::stod(rows[r][5]);
    REQUIRE(curve.size() == c.curves.fig2_patterns.size());
    for (const auto& [p, points] : curve) {
      double last = -1.0;
      for (const auto& [g, v] : points) {
        CHECK(v > last);
        last = v;
      }
    }
    for (std::size_t g = 0; g < c.curves.grid_points; ++g) {
      double last = 1e300;
      for (const auto& [p, points] : curve) {
        CHECK(points.at(g) < last);
        last = points.at(g);
      }
    }
  }

  // Numbers in the claims table against what the CSVs give.
  std::map<std::string, double> number;
  for (const auto& row : read_csv(dir / "claims_numbers.csv"))
    if (row[0] != "quantity" && !row[1].empty()) number[row[0]] = std::stod(row[1]);
  {
    // C6: the invalid fraction equals the count of non-ok rows in the sample CSVs.
    std::size_t invalid = 0, total = 0;
    for (const std::string set : {"set2", "set3", "set3_fig4"})
      for (const auto& row : read_csv(dir / (set + "_samples.csv"))) {
        if (row[0] == "index") continue;
        ++total;
        invalid += row[12] == "ok" ? 0 : 1;
      }
    CHECK(number.at("c6_total") == static_cast<double>(total));
    CHECK(number.at("c6_invalid") == static_cast<double>(invalid));
    CHECK(report.find("(" + std::to_string(invalid) + "/" + std::to_string(total) + ")") != std::string::npos);
  }
  {
    // C2 for set 2: log10 of the substituted values against log10 P.
    std::vector<double> x, y;
    for (const auto& row : read_csv(dir / "set2_samples.csv")) {
      if (row[0] == "index" || row[16].empty()) continue;
      const double v = std::stod(row[16]);
      if (!(v > 0)) continue;
      x.push_back(std::log10(std::stod(row[1])));
      y.push_back(std::log10(v));
    }
    const Correlation r = pearson_correlation(x, y);
    // CSV values carry 12 digits: the correlation agrees to ~1e-10.
    CHECK(r.r == Approx(number.at("c2_set2_r")).margin(1e-9));
    char text[32];
    std::snprintf(text, sizeof text, "set 2: r = %.2g ", r.r);
    CHECK(report.find(text) != std::string::npos);
  }
  {
    // C5: correlation of the per-n means of I/n with n.
    std::vector<double> n, mean;
    for (const auto& row : read_csv(dir / "fig4_per_n.csv")) {
      if (row[0] == "n" || std::stoul(row[1]) < 2) continue;
      n.push_back(std::stod(row[0]));
      mean.push_back(std::stod(row[2]));
    }
    CHECK(pearson_correlation(n, mean).r == Approx(number.at("c5_mean_r")).margin(1e-9));
  }
  {
    // The claims CSV carries the same rows as the report's table.
    const auto claims = read_csv(dir / "claims.csv");
    REQUIRE(claims.size() == 9);
    for (std::size_t i = 1; i < claims.size(); ++i) {
      CHECK(claims[i][0] == "C" + std::to_string(i));
      CHECK(report.find("| " + claims[i][0] + " | ") != std::string::npos);
      REQUIRE(claims[i].size() == 10);
      for (std::size_t column : {4u, 7u}) {  // reproduces the paper; holds for the truth
        const std::string& v = claims[i][column];
        CHECK((v == "holds" || v == "fails" || v == "undecided" || v == "n/a"));
      }
      // Sample-size advice only where the truth verdict is undecided.
      if (claims[i][7] != "undecided") CHECK(claims[i][9].empty());
    }
  }
  fs::remove_all(dir);
}
