// The design of a `syninfo calibrate` sweep (issue 11 section 4): which lost
// parameters vary, over which values or ranges, and how the points are laid
// out (a full grid, or a seeded Latin-hypercube random design that fills the
// space with few points). A point is a set of configuration overrides on top
// of the design's base configuration; config_at turns it into the
// ValidationConfig whose closed-form statistics the point reports.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/validation/config.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::calibration {

// A bad design file: the message starts with the key path
// ("design.parameters[1].low: must be <= high (0.5), got 2").
class DesignError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct Parameter {
  std::string key;                 // a configuration path, "random.bb_scale"
  std::vector<json::Value> values;  // listed values (then low/high are unused)
  double low = 0.0, high = 0.0;    // a range: `levels` grid levels, or a stratum per random point
  bool log = false;                // spaced on a log scale (low > 0)
  bool integer = false;            // rounded to the nearest integer
  std::size_t levels = 3;          // grid levels of a range

  bool listed() const { return !values.empty(); }
};

enum class Layout { grid, random };

struct Design {
  validation::Scale scale = validation::Scale::paper;
  json::Value base = json::Value::object();  // configuration overrides shared by every point
  std::vector<Parameter> parameters;
  Layout layout = Layout::grid;
  std::size_t points = 0;   // random layout: the number of points
  std::uint64_t seed = 1;   // random layout's seed; also the runs' seed unless base sets one
};

// Reads a design file's JSON; DesignError names the key on any problem,
// including a point whose configuration is invalid (checked for every point).
Design design_from_json(const json::Value& value);
json::Value design_to_json(const Design& design);

// The points in design order: grid points vary the last parameter fastest;
// random points are a Latin hypercube (each parameter's range cut into
// `points` equal strata, one point per stratum, strata paired at random).
// Each point is an object {key: value} with one entry per parameter.
std::vector<json::Value> design_points(const Design& design);

// The base configuration with the point's overrides; no truth, no progress.
// Throws validation::ConfigError naming the key.
validation::ValidationConfig config_at(const Design& design, const json::Value& point);

// A parameter's value as short text ("0.015625", "subset_pairs").
std::string value_text(const json::Value& v);

}  // namespace syninfo::calibration
