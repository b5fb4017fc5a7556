// The --config / --print-config JSON: every preset round-trips exactly, and
// each class of bad input names the key path.
#include "syninfo/validation/config_json.hpp"

#include "syninfo/simulation/settings.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace syninfo;
using namespace syninfo::validation;

namespace {

// The message of the ConfigError that applying `text` on the quick preset throws ("" if none).
std::string error_of(const std::string& text) {
  ValidationConfig c = config_for_scale(Scale::quick);
  try {
    apply_config_json(json::parse(text), c);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("config json: every preset passes its own checks and round-trips exactly") {
  for (Scale scale : {Scale::test, Scale::quick, Scale::paper}) {
    const ValidationConfig preset = config_for_scale(scale);
    CHECK_NOTHROW(check_config(preset));
    // Applied onto a different preset, the printed form restores every field.
    ValidationConfig other = config_for_scale(scale == Scale::paper ? Scale::test : Scale::paper);
    other.scale = scale;
    apply_config_json(json::parse(config_to_documented_json(preset).dump()), other);
    CHECK(config_to_json(other).dump(-1) == config_to_json(preset).dump(-1));
    CHECK(config_hash(other) == config_hash(preset));
  }
}

TEST_CASE("config json: the documented form carries the parameter table's reasons") {
  const ValidationConfig c = config_for_scale(Scale::quick);
  const json::Value v = config_to_documented_json(c);
  const auto rows = simulation::parameter_table(c.random, c.curves);
  REQUIRE(v.find("reasons"));
  REQUIRE(v.find("reasons")->as_array().size() == rows.size());
  CHECK(v.find("reasons")->as_array()[0].find("reason")->as_string() == rows[0].reason);
}

TEST_CASE("config json: configured parameters are marked in the table, with their default") {
  const ValidationConfig d = config_for_scale(Scale::quick);
  ValidationConfig c = d;
  apply_config_json(json::parse(R"({"random": {"neurons": 26, "rho_low": -0.36}})"), c);
  const auto find_row = [](const std::vector<simulation::ParameterRow>& rows, const std::string& name) {
    for (const auto& r : rows)
      if (r.name == name) return r;
    FAIL("no row " << name);
    return simulation::ParameterRow{};
  };
  const auto rows = simulation::parameter_table(c.random, c.curves, d.random, d.curves);
  const auto n = find_row(rows, "N (sets 2, 3)");
  CHECK(n.source == "configured");
  CHECK(n.reason.find("default " + std::to_string(d.random.neurons) + " (lost: default") != std::string::npos);
  const auto rho = find_row(rows, "rho");
  CHECK(rho.source == "configured");
  CHECK(rho.value.find("= [-0.04, 1] (rho_low -0.36 raised to the valid bound)") != std::string::npos);
  CHECK(find_row(rows, "P (sets 2, 3)").source == "paper");
  for (const auto& r : simulation::parameter_table(d.random, d.curves, d.random, d.curves)) CHECK(r.source != "configured");
  c.random.rho_low = 0.2;
  CHECK(find_row(simulation::parameter_table(c.random, c.curves), "rho").value == "uniform on [0.2, 1]");
}

TEST_CASE("config json: a partial file overrides only what it gives") {
  ValidationConfig c = config_for_scale(Scale::quick);
  apply_config_json(json::parse(R"({"random": {"rho_low": -0.5, "neurons": 32}, "seed": 7})"), c);
  CHECK(c.random.rho_low == -0.5);
  CHECK(c.random.neurons == 32);
  CHECK(c.seed == 7);
  CHECK(c.random.rho_high == 1.0);
  CHECK(c.set2_samples == config_for_scale(Scale::quick).set2_samples);
  CHECK(config_hash(c) != config_hash(config_for_scale(Scale::quick)));
}

TEST_CASE("config json: each invalid class names the key path") {
  CHECK(error_of(R"({"random": {"bogus": 1}})") == "config.random.bogus: unknown key");
  CHECK(error_of(R"({"colour": 1})") == "config.colour: unknown key");
  CHECK(error_of(R"({"random": {"neurons": "64"}})") == "config.random.neurons: expected number, got string");
  CHECK(error_of(R"({"random": 3})") == "config.random: expected object, got number");
  CHECK(error_of(R"({"random": {"rho_low": 3}})") == "config.random.rho_low: must be in [-1, 1], got 3");
  CHECK(error_of(R"({"counts": {"set2_samples": 2.5}})") ==
        "config.counts.set2_samples: expected a non-negative integer, got 2.5");
  CHECK(error_of(R"({"counts": {"set2_samples": 0}})") == "config.counts.set2_samples: must be in [1, 100000000], got 0");
  CHECK(error_of(R"({"random": {"min_patterns": 60}})") == "config.random.min_patterns: must be <= max_patterns (50), got 60");
  CHECK(error_of(R"({"random": {"rho_low": 0.5, "rho_high": 0.2}})") ==
        "config.random.rho_low: must be <= rho_high (0.2), got 0.5");
  CHECK(error_of(R"({"random": {"neurons": 5}})").rfind("config.random.max_synapses: must be <= 10,", 0) == 0);
  CHECK(error_of(R"({"histogram_sizes": [1, 25]})").rfind("config.histogram_sizes[1]: must be in [1, 20]", 0) == 0);
  CHECK(error_of(R"({"ttest_pairs": [[2, 2]]})") == "config.ttest_pairs[0]: compares a size with itself");
  CHECK(error_of(R"({"truth_plan": {"curve_points": 30}})") ==
        "config.truth_plan.curve_points: must be <= curves.grid_points (25), got 30");
  CHECK(error_of(R"({"scale": "huge"})") == "config.scale: must be quick, paper or test, got \"huge\"");
  CHECK(error_of(R"({"repair_floor": 1e999})").rfind("config.repair_floor:", 0) == 0);
  CHECK(error_of("[1]") == "config: expected object, got array");
  // The lost laws of section 7: names checked, relations checked.
  CHECK(error_of(R"({"random": {"membership": "stars"}})") ==
        "config.random.membership: membership must be one of random_pairs, subset_pairs, all_pairs_of_subset, "
        "connected, got \"stars\"");
  CHECK(error_of(R"({"random": {"size_law": 3}})") == "config.random.size_law: expected string, got number");
  CHECK(error_of(R"({"random": {"set3_combination": "product"}})").rfind("config.random.set3_combination: ", 0) == 0);
  CHECK(error_of(R"({"random": {"eigen_positivity": "clip"}})").rfind("config.random.eigen_positivity: ", 0) == 0);
  CHECK(error_of(R"({"random": {"eigen_floor": 0}})").rfind("config.random.eigen_floor: must be in (0, inf), got 0", 0) == 0);
  CHECK(error_of(R"({"random": {"membership": "subset_pairs", "subset_neurons": 5}})") ==
        "config.random.subset_neurons: its 10 pairs must hold max_synapses (20), got 5");
  CHECK(error_of(R"({"random": {"membership": "subset_pairs", "subset_neurons": 40}})") ==
        "config.random.subset_neurons: must be <= 16, the smallest N of the run (random.neurons and counts.c7_neurons), "
        "got 40");
  CHECK(error_of(R"({"random": {"eigen_positivity": "reject", "eigen_mean": -5}})")
            .rfind("config.random.eigen_positivity: reject needs", 0) == 0);
}

TEST_CASE("config json: every lost law round-trips by name") {
  ValidationConfig c = config_for_scale(Scale::quick);
  c.random.membership = simulation::Membership::connected;
  c.random.size_law = simulation::SizeLaw::nested;
  c.random.set3_combination = simulation::Set3Combination::random_only;
  c.random.eigen_positivity = simulation::EigenPositivity::floor;
  c.random.eigen_floor = 0.25;
  c.random.bb_columns = 3;
  c.random.subset_neurons = 9;
  const json::Value j = config_to_json(c);
  CHECK(j.find("random")->find("membership")->as_string() == "connected");
  ValidationConfig back = config_for_scale(Scale::quick);
  apply_config_json(j, back);
  CHECK(first_difference(config_to_json(back), j, "config").empty());
  CHECK(back.random.size_law == simulation::SizeLaw::nested);
  CHECK(config_hash(back) != config_hash(config_for_scale(Scale::quick)));
}

TEST_CASE("config json: first_difference names the first differing key") {
  ValidationConfig a = config_for_scale(Scale::test), b = a;
  CHECK(first_difference(config_to_json(a), config_to_json(b)).empty());
  b.curves.fig3_sizes.push_back(12);
  CHECK(first_difference(config_to_json(a), config_to_json(b)) == "config.curves.fig3_sizes");
  b = a;
  b.random.bb_scale = 0.5;
  CHECK(first_difference(config_to_json(a), config_to_json(b)) == "config.random.bb_scale");
}
