// The calibration design: grid order, the Latin hypercube's strata, log and
// integer ranges, config_at, and each class of bad design naming its key.
#include "syninfo/calibration/design.hpp"

#include "syninfo/validation/config_json.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>

using namespace syninfo;
using namespace syninfo::calibration;

namespace {

std::string error_of(const std::string& text) {
  try {
    (void)design_from_json(json::parse(text));
  } catch (const DesignError& e) {
    return e.what();
  }
  return "";
}

double number(const json::Value& point, const std::string& key) {
  return std::stod(point.find(key)->as_number_text());
}

}  // namespace

TEST_CASE("calibration design: a grid varies the last parameter fastest") {
  const Design d = design_from_json(json::parse(R"({"scale": "test", "parameters": [
      {"key": "random.bb_scale", "values": [0.1, 0.2]},
      {"key": "random.rho_low", "low": 0, "high": 0.5, "levels": 3}]})"));
  const auto points = design_points(d);
  REQUIRE(points.size() == 6);
  CHECK(points[0].find("random.bb_scale")->as_number_text() == "0.1");
  CHECK(points[2].find("random.bb_scale")->as_number_text() == "0.1");
  CHECK(points[3].find("random.bb_scale")->as_number_text() == "0.2");
  CHECK(points[0].find("random.rho_low")->as_number_text() == "0");
  CHECK(points[1].find("random.rho_low")->as_number_text() == "0.25");
  CHECK(points[5].find("random.rho_low")->as_number_text() == "0.5");
  // config_at applies base, point and the design's seed; never truth.
  const validation::ValidationConfig c = config_at(d, points[4]);
  CHECK(c.random.bb_scale == 0.2);
  CHECK(c.random.rho_low == 0.25);
  CHECK_FALSE(c.truth);
  CHECK(c.set2_samples == validation::config_for_scale(validation::Scale::test).set2_samples);
}

TEST_CASE("calibration design: log and integer ranges") {
  const Design d = design_from_json(json::parse(R"({"scale": "test", "parameters": [
      {"key": "random.neurons", "low": 16, "high": 256, "log": true, "integer": true, "levels": 5}]})"));
  const auto points = design_points(d);
  REQUIRE(points.size() == 5);
  const double expected[] = {16, 32, 64, 128, 256};  // 16 x 2^k exactly
  for (std::size_t k = 0; k < 5; ++k) CHECK(number(points[k], "random.neurons") == expected[k]);
  CHECK(config_at(d, points[2]).random.neurons == 64);
}

TEST_CASE("calibration design: a random layout puts one point in each stratum of every parameter") {
  const Design d = design_from_json(json::parse(R"({"scale": "test", "layout": "random", "points": 12, "seed": 4,
      "parameters": [{"key": "random.bb_scale", "low": 0.001, "high": 1, "log": true},
                     {"key": "random.rho_high", "low": 0.5, "high": 1},
                     {"key": "random.set3_combination", "values": ["sum", "scaled_exchangeable", "random_only"]}]})"));
  const auto points = design_points(d);
  REQUIRE(points.size() == 12);
  std::set<int> log_strata, lin_strata;
  std::size_t per_value[3] = {0, 0, 0};
  for (const auto& p : points) {
    const double b = number(p, "random.bb_scale"), r = number(p, "random.rho_high");
    REQUIRE(b >= 0.001);
    REQUIRE(b <= 1.0);
    // Stratum of each coordinate (6 significant digits: a value can sit 1e-6 off its stratum's edge).
    log_strata.insert(static_cast<int>(std::floor(std::log(b / 0.001) / std::log(1000.0) * 12 + 1e-9)));
    lin_strata.insert(static_cast<int>(std::floor((r - 0.5) / 0.5 * 12 + 1e-9)));
    const std::string c = p.find("random.set3_combination")->as_string();
    per_value[c == "sum" ? 0 : c == "scaled_exchangeable" ? 1 : 2]++;
  }
  CHECK(log_strata.size() == 12);
  CHECK(lin_strata.size() == 12);
  for (auto k : per_value) CHECK(k == 4);  // 12 strata over 3 values: 4 each
  // Seeded: the same design gives the same points; another seed others.
  CHECK(design_points(d)[3].dump(-1) == points[3].dump(-1));
  Design other = d;
  other.seed = 5;
  CHECK(design_points(other)[3].dump(-1) != points[3].dump(-1));
}

TEST_CASE("calibration design: each class of bad design names the key") {
  CHECK(error_of(R"([1])") == "design: expected object, got array");
  CHECK(error_of(R"({"parameters": []})") == "design.parameters: expected a non-empty array");
  CHECK(error_of(R"({"colour": 1, "parameters": [{"key": "seed", "values": [1]}]})") == "design.colour: unknown key");
  CHECK(error_of(R"({"parameters": [{"key": "random", "values": [1]}]})").rfind("design.parameters[0].key: not a configuration field", 0) == 0);
  CHECK(error_of(R"({"parameters": [{"key": "random.bb_scale", "values": ["big"]}]})") ==
        "design.parameters[0].values[0]: expected number like the field random.bb_scale, got string");
  CHECK(error_of(R"({"parameters": [{"key": "random.bb_scale", "low": 2, "high": 1}]})") ==
        "design.parameters[0].low: must be <= high (1)");
  CHECK(error_of(R"({"parameters": [{"key": "random.bb_scale", "low": 0, "high": 1, "log": true}]})") ==
        "design.parameters[0].low: a log range needs low > 0");
  CHECK(error_of(R"({"parameters": [{"key": "random.membership", "low": 0, "high": 1}]})").rfind(
            "design.parameters[0]: a range (low/high) needs a numeric field", 0) == 0);
  CHECK(error_of(R"({"layout": "random", "parameters": [{"key": "seed", "values": [1]}]})") ==
        "design: a random layout needs \"points\"");
  CHECK(error_of(R"({"points": 3, "parameters": [{"key": "seed", "values": [1]}]})") ==
        "design.points: only a random layout takes a number of points");
  CHECK(error_of(R"({"parameters": [{"key": "seed", "values": [1]}, {"key": "seed", "values": [2]}]})") ==
        "design.parameters[1].key: repeats parameters[0]");
  CHECK(error_of(R"({"base": {"random": {"bogus": 1}}, "parameters": [{"key": "seed", "values": [1]}]})") ==
        "design.base: config.random.bogus: unknown key");
  CHECK(error_of(R"({"scale": "test", "parameters": [{"key": "random.membership", "values": ["random_pairs", "stars"]}]})")
            .rfind("design: point 1 {\"random.membership\": \"stars\"} is not a valid configuration: config.random.membership:", 0) == 0);
}
