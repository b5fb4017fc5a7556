// A calibration point's statistics are validate --no-truth's: the reduced
// plan (sets 2, 3 and Fig. 4 at the main N) gives the same records, and the
// numbers equal the claims' to the bit (the same code on the same records).
#include "syninfo/calibration/design.hpp"
#include "syninfo/calibration/point_statistics.hpp"
#include "syninfo/calibration/results.hpp"
#include "syninfo/calibration/summary.hpp"
#include "syninfo/validation/run.hpp"
#include "syninfo/validation/shards.hpp"

#include "validation/claims/analysis.hpp"
#include "validation/claims/claims.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>

using namespace syninfo;
using namespace syninfo::calibration;

namespace {

// validate --no-truth's claims for a configuration, as the command computes
// them: the full plan, records through the shard JSON round trip, analysis.
std::map<std::string, validation::detail::ClaimResult> validate_claims(const validation::ValidationConfig& config) {
  validation::ValidationConfig c = config;
  c.truth = false;
  c.progress = false;
  const validation::Records records = validation::round_trip(validation::compute_records(c, validation::make_plan(c)));
  const validation::detail::Analysis a = validation::detail::analyse(c, records);
  std::map<std::string, validation::detail::ClaimResult> out;
  for (auto& r : validation::detail::evaluate_claims(a, c)) out[r.id] = r;
  return out;
}

double number(const validation::detail::ClaimResult& r, const std::string& name) {
  for (const auto& [k, v] : r.numbers)
    if (k == name) return v;
  FAIL("claim " << r.id << " has no number " << name);
  return 0.0;
}

const Statistic& stat(const PointStatistics& p, const std::string& name) {
  for (const auto& s : p.stats)
    if (s.name == name) return s;
  FAIL("no statistic " << name);
  return p.stats.front();
}

}  // namespace

TEST_CASE("calibration: a tiny design's points reproduce validate --no-truth exactly", "[calibration]") {
  const Design d = design_from_json(json::parse(R"({"scale": "test", "parameters": [
      {"key": "random.bb_scale", "values": [0.015625, 0.5]},
      {"key": "random.membership", "values": ["random_pairs", "connected"]}]})"));
  const auto points = design_points(d);
  REQUIRE(points.size() == 4);
  for (const auto& point : points) {
    INFO(point.dump(-1));
    validation::ValidationConfig config = config_at(d, point);
    config.threads = 2;
    const PointStatistics p = point_statistics(config);
    const auto claims = validate_claims(config);
    // Exact: same records, same functions (no tolerance).
    CHECK(stat(p, "c2_set2_r").value == number(claims.at("C2"), "c2_set2_r"));
    CHECK(stat(p, "c2_set3_r").value == number(claims.at("C2"), "c2_set3_r"));
    CHECK(stat(p, "c4_set2_r").value == number(claims.at("C4"), "c4_set2_r"));
    CHECK(stat(p, "c4_set3_r").value == number(claims.at("C4"), "c4_set3_r"));
    CHECK(stat(p, "c6_invalid_fraction").value == number(claims.at("C6"), "c6_fraction"));
    // C5's claim number is the regression's r, the statistic Pearson's r of the
    // same 20 points: equal to rounding (1e-12).
    CHECK(std::fabs(stat(p, "c5_mean_r").value - number(claims.at("C5"), "c5_mean_r")) < 1e-12);
    CHECK(std::fabs(stat(p, "c5_sd_r").value - number(claims.at("C5"), "c5_sd_r")) < 1e-12);
    // The reproduction verdicts agree: a claim holds when both its numbers do, fails when one fails.
    for (const auto& [id, a, b] : {std::tuple<std::string, std::string, std::string>{"C2", "c2_set2_r", "c2_set3_r"},
                                   {"C4", "c4_set2_r", "c4_set3_r"}, {"C5", "c5_mean_r", "c5_sd_r"}}) {
      const std::string ra = stat(p, a).reproduction, rb = stat(p, b).reproduction;
      const std::string expected = ra == "fails" || rb == "fails" ? "fails" : ra == "holds" && rb == "holds" ? "holds" : "undecided";
      CHECK(validation::detail::to_string(claims.at(id).reproduction) == expected);
    }
    CHECK(stat(p, "c6_invalid_fraction").reproduction == validation::detail::to_string(claims.at("C6").reproduction));
    // C6's z is the Wilson interval's score statistic: |z| <= 1.96 exactly when 1% lies inside the interval.
    const Statistic& c6 = stat(p, "c6_invalid_fraction");
    CHECK((std::fabs(c6.z) <= 1.959963984540054) == (c6.ci_low <= 0.01 && 0.01 <= c6.ci_high));
    // The alternatives include validate's own reading.
    REQUIRE_FALSE(p.alternatives.empty());
    CHECK(p.alternatives.front().name == "substitute");
    if (std::isfinite(p.alternatives.front().mean_r))
      CHECK(std::fabs(p.alternatives.front().mean_r - stat(p, "c5_mean_r").value) < 1e-12);
  }
}

TEST_CASE("calibration: z, the combined discrepancy and consistency", "[calibration]") {
  // z of a correlation: Fisher z difference over sqrt(1/(m-3) + 1/(m'-3)).
  // r = tanh(atanh(0.7) + 2 sqrt(2/17)) is exactly 2 standard errors above 0.70 at m = m' = 20.
  const double se = std::sqrt(2.0 / 17.0);
  const double r = std::tanh(std::atanh(0.7) + 2 * se);
  CHECK(correlation_distance(r, 20, 0.7, 20) == Approx(2.0).epsilon(1e-12));
  CHECK(std::isnan(correlation_distance(0.5, 3, 0.7, 20)));  // too few pairs
  // A point result round-trips through its JSON (shards), NaN as null.
  PointResult x;
  x.index = 7;
  x.point = json::Value::object().set("random.bb_scale", json::Value::number_text("0.25"));
  Statistic s;
  s.name = "c5_mean_r";
  s.label = "C5 Fig. 4: corr(mean I/n, n)";
  s.paper = 0.7;
  s.paper_count = 20;
  s.value = 0.123456789012345;
  s.count = 20;
  s.z = correlation_distance(s.value, 20, 0.7, 20);
  s.reproduction = "fails";
  x.statistics.stats = {s};
  x.statistics.alternatives = {Alternative{"sample_level", "d", 0.1, kNaN}};
  x.statistics.rms_z = std::fabs(s.z);
  x.statistics.max_abs_z = std::fabs(s.z);
  const PointResult y = result_from_json(json::parse(result_to_json(x).dump(-1)));
  CHECK(y.index == 7);
  CHECK(y.statistics.stats[0].value == s.value);  // exact (17 significant digits)
  CHECK(y.statistics.stats[0].z == s.z);
  CHECK(std::isnan(y.statistics.stats[0].ci_low));
  CHECK(std::isnan(y.statistics.alternatives[0].sd_r));
  // The summary finds the closest point and counts those within 1.96.
  PointResult near = x;
  near.index = 0;
  near.statistics.stats[0].value = 0.69;
  near.statistics.stats[0].z = correlation_distance(0.69, 20, 0.7, 20);
  const CalibrationSummary sum = summarise_calibration({near, x});
  REQUIRE(sum.closest.size() == 1);
  CHECK(sum.closest[0].point == 0);
  CHECK(sum.closest[0].within == 1);  // 0.69 is within; 0.12 is 2.5 standard errors off
  CHECK(std::fabs(x.statistics.stats[0].z) > 1.96);
}
