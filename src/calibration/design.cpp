#include "syninfo/calibration/design.hpp"

#include "syninfo/random.hpp"
#include "syninfo/validation/config_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace syninfo::calibration {
namespace {

constexpr std::size_t kMaxPoints = 100000;

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw DesignError(path + ": " + what); }

const json::Value& member(const json::Value& object, const char* key, const std::string& path) {
  const json::Value* v = object.find(key);
  if (!v) fail(path, std::string("missing key \"") + key + "\"");
  return *v;
}

double number_of(const json::Value& v, const std::string& path) {
  if (!v.is_number()) fail(path, std::string("expected number, got ") + json::type_name(v.type()));
  const double x = std::strtod(v.as_number_text().c_str(), nullptr);
  if (!std::isfinite(x)) fail(path, "must be finite, got " + v.as_number_text());
  return x;
}

std::size_t count_of(const json::Value& v, const std::string& path, std::size_t lo, std::size_t hi) {
  const double x = number_of(v, path);
  if (x != std::floor(x) || x < static_cast<double>(lo) || x > static_cast<double>(hi))
    fail(path, "must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + v.as_number_text());
  return static_cast<std::size_t>(x);
}

void reject_unknown(const json::Value& object, const std::vector<std::string>& known, const std::string& path) {
  for (const auto& [key, value] : object.as_object())
    if (std::find(known.begin(), known.end(), key) == known.end()) fail(path + "." + json::printable(key), "unknown key");
}

// The configuration field a dotted key names, or nullptr.
const json::Value* field_at(const json::Value& config, const std::string& key) {
  const json::Value* v = &config;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = key.find('.', start);
    const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!v->is_object() || part.empty()) return nullptr;
    v = v->find(part);
    if (!v) return nullptr;
    if (dot == std::string::npos) return v;
    start = dot + 1;
  }
}

// Sets a dotted key inside a (nested) object, creating the objects on the way.
void set_at(json::Value& object, const std::string& key, json::Value value) {
  const std::size_t dot = key.find('.');
  if (dot == std::string::npos) {
    object.set(key, std::move(value));
    return;
  }
  const std::string head = key.substr(0, dot);
  json::Value child = object.find(head) && object.find(head)->is_object() ? *object.find(head) : json::Value::object();
  set_at(child, key.substr(dot + 1), std::move(value));
  object.set(head, std::move(child));
}

// Six significant digits: the nominal value of a design level, exactly as
// printed (the configuration gets the decimal, not a long binary expansion).
json::Value level_value(double x, bool integer) {
  if (integer) return json::Value::number(static_cast<long long>(std::llround(x)));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return json::Value::number_text(buffer);
}

// The value at position u in [0, 1] of a range (u = 0: low, u = 1: high).
double range_at(const Parameter& p, double u) {
  return p.log ? p.low * std::pow(p.high / p.low, u) : p.low + u * (p.high - p.low);
}

Parameter parameter_from_json(const json::Value& v, const std::string& path, const json::Value& fields) {
  if (!v.is_object()) fail(path, std::string("expected object, got ") + json::type_name(v.type()));
  reject_unknown(v, {"key", "values", "low", "high", "log", "integer", "levels"}, path);
  Parameter p;
  const json::Value& key = member(v, "key", path);
  if (!key.is_string()) fail(path + ".key", "expected string");
  p.key = key.as_string();
  const json::Value* field = p.key == "scale" ? nullptr : field_at(fields, p.key);
  if (!field || field->is_object())
    fail(path + ".key", "not a configuration field (see syninfo validate --print-config): " + p.key);
  if (const json::Value* values = v.find("values")) {
    if (v.find("low") || v.find("high")) fail(path, "give either values or low/high, not both");
    if (!values->is_array() || values->as_array().empty()) fail(path + ".values", "expected a non-empty array");
    p.values = values->as_array();
    for (std::size_t i = 0; i < p.values.size(); ++i)
      if (p.values[i].type() != field->type())
        fail(path + ".values[" + std::to_string(i) + "]", std::string("expected ") + json::type_name(field->type()) +
                                                              " like the field " + p.key + ", got " + json::type_name(p.values[i].type()));
    return p;
  }
  if (!field->is_number()) fail(path, "a range (low/high) needs a numeric field; list the values of " + p.key);
  p.low = number_of(member(v, "low", path), path + ".low");
  p.high = number_of(member(v, "high", path), path + ".high");
  if (p.low > p.high) fail(path + ".low", "must be <= high (" + member(v, "high", path).as_number_text() + ")");
  if (const json::Value* log = v.find("log")) {
    if (!log->is_bool()) fail(path + ".log", "expected boolean");
    p.log = log->as_bool();
  }
  if (p.log && !(p.low > 0.0)) fail(path + ".low", "a log range needs low > 0");
  if (const json::Value* integer = v.find("integer")) {
    if (!integer->is_bool()) fail(path + ".integer", "expected boolean");
    p.integer = integer->as_bool();
  }
  if (const json::Value* levels = v.find("levels")) p.levels = count_of(*levels, path + ".levels", 1, kMaxPoints);
  return p;
}

// A parameter's value at grid level `level` of its grid.
json::Value grid_value(const Parameter& p, std::size_t level) {
  if (p.listed()) return p.values[level];
  const double u = p.levels > 1 ? static_cast<double>(level) / static_cast<double>(p.levels - 1) : 0.5;
  return level_value(range_at(p, u), p.integer);
}

std::size_t grid_size(const Parameter& p) { return p.listed() ? p.values.size() : p.levels; }

}  // namespace

std::string value_text(const json::Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_number()) return v.as_number_text();
  return v.dump(-1);
}

Design design_from_json(const json::Value& value) {
  const std::string path = "design";
  if (!value.is_object()) fail(path, std::string("expected object, got ") + json::type_name(value.type()));
  reject_unknown(value, {"scale", "base", "layout", "points", "seed", "parameters"}, path);
  Design d;
  if (const json::Value* s = value.find("scale")) {
    try {
      if (!s->is_string()) throw std::invalid_argument("");
      d.scale = validation::scale_from_string(s->as_string());
    } catch (const std::invalid_argument&) {
      fail(path + ".scale", "must be quick, paper or test");
    }
  }
  if (const json::Value* b = value.find("base")) {
    if (!b->is_object()) fail(path + ".base", std::string("expected object, got ") + json::type_name(b->type()));
    d.base = *b;
  }
  if (const json::Value* l = value.find("layout")) {
    if (!l->is_string() || (l->as_string() != "grid" && l->as_string() != "random"))
      fail(path + ".layout", "must be \"grid\" or \"random\"");
    d.layout = l->as_string() == "grid" ? Layout::grid : Layout::random;
  }
  if (const json::Value* s = value.find("seed"))
    d.seed = count_of(*s, path + ".seed", 0, std::numeric_limits<std::uint32_t>::max());
  if (const json::Value* n = value.find("points")) {
    if (d.layout != Layout::random) fail(path + ".points", "only a random layout takes a number of points");
    d.points = count_of(*n, path + ".points", 1, kMaxPoints);
  } else if (d.layout == Layout::random) {
    fail(path, "a random layout needs \"points\"");
  }
  const json::Value fields = validation::config_to_json(validation::config_for_scale(d.scale));
  const json::Value& params = member(value, "parameters", path);
  if (!params.is_array() || params.as_array().empty()) fail(path + ".parameters", "expected a non-empty array");
  for (std::size_t i = 0; i < params.as_array().size(); ++i) {
    const std::string where = path + ".parameters[" + std::to_string(i) + "]";
    d.parameters.push_back(parameter_from_json(params.as_array()[i], where, fields));
    for (std::size_t j = 0; j < i; ++j)
      if (d.parameters[j].key == d.parameters[i].key) fail(where + ".key", "repeats parameters[" + std::to_string(j) + "]");
  }
  if (d.layout == Layout::grid) {
    double total = 1.0;
    for (const auto& p : d.parameters) total *= static_cast<double>(grid_size(p));
    if (total > static_cast<double>(kMaxPoints))
      fail(path + ".parameters", "the grid has " + std::to_string(static_cast<long long>(total)) + " points, more than " +
                                     std::to_string(kMaxPoints) + "; use a random layout");
  }
  // Every point must be a valid configuration: found now, not an hour into the run.
  try {
    validation::ValidationConfig probe = validation::config_for_scale(d.scale);
    validation::apply_config_json(d.base, probe);
  } catch (const validation::ConfigError& e) {
    fail(path + ".base", e.what());
  }
  const auto points = design_points(d);
  for (std::size_t k = 0; k < points.size(); ++k) {
    try {
      (void)config_at(d, points[k]);
    } catch (const validation::ConfigError& e) {
      fail(path, "point " + std::to_string(k) + " " + points[k].dump(-1) + " is not a valid configuration: " + e.what());
    }
  }
  return d;
}

json::Value design_to_json(const Design& d) {
  json::Value params = json::Value::array();
  for (const auto& p : d.parameters) {
    json::Value v = json::Value::object().set("key", json::Value::string(p.key));
    if (p.listed()) {
      v.set("values", json::Value::array(p.values));
    } else {
      v.set("low", json::Value::number(p.low)).set("high", json::Value::number(p.high));
      v.set("log", json::Value::boolean(p.log)).set("integer", json::Value::boolean(p.integer));
      v.set("levels", json::Value::number(static_cast<unsigned long long>(p.levels)));
    }
    params.push(std::move(v));
  }
  json::Value out = json::Value::object()
                        .set("scale", json::Value::string(validation::to_string(d.scale)))
                        .set("base", d.base)
                        .set("layout", json::Value::string(d.layout == Layout::grid ? "grid" : "random"));
  if (d.layout == Layout::random) out.set("points", json::Value::number(static_cast<unsigned long long>(d.points)));
  out.set("seed", json::Value::number(static_cast<unsigned long long>(d.seed)));
  out.set("parameters", std::move(params));
  return out;
}

std::vector<json::Value> design_points(const Design& d) {
  std::vector<json::Value> out;
  if (d.layout == Layout::grid) {
    std::size_t total = 1;
    for (const auto& p : d.parameters) total *= grid_size(p);
    for (std::size_t k = 0; k < total; ++k) {
      json::Value point = json::Value::object();
      std::size_t rest = k, stride = total;
      for (const auto& p : d.parameters) {  // the first parameter varies slowest
        stride /= grid_size(p);
        point.set(p.key, grid_value(p, rest / stride));
        rest %= stride;
      }
      out.push_back(std::move(point));
    }
    return out;
  }
  const std::size_t n = d.points;
  out.assign(n, json::Value::object());
  for (std::size_t j = 0; j < d.parameters.size(); ++j) {
    const Parameter& p = d.parameters[j];
    Rng rng(d.seed ^ 0xCA11B4A7E5EEDull, j);  // one stream per parameter: adding one leaves the others' strata
    std::vector<std::size_t> strata(n);
    for (std::size_t k = 0; k < n; ++k) strata[k] = k;
    for (std::size_t k = 0; k + 1 < n; ++k) std::swap(strata[k], strata[static_cast<std::size_t>(rng.uniform_int(k, n - 1))]);
    for (std::size_t k = 0; k < n; ++k) {
      const double u = (static_cast<double>(strata[k]) + rng.uniform(0.0, 1.0)) / static_cast<double>(n);
      if (p.listed()) {
        const auto index = std::min(p.values.size() - 1, static_cast<std::size_t>(u * static_cast<double>(p.values.size())));
        out[k].set(p.key, p.values[index]);
      } else {
        out[k].set(p.key, level_value(range_at(p, u), p.integer));
      }
    }
  }
  return out;
}

validation::ValidationConfig config_at(const Design& d, const json::Value& point) {
  validation::ValidationConfig c = validation::config_for_scale(d.scale);
  c.seed = d.seed;
  json::Value overrides = d.base;
  for (const auto& [key, value] : point.as_object()) set_at(overrides, key, value);
  validation::apply_config_json(overrides, c);
  c.truth = false;
  c.progress = false;
  return c;
}

}  // namespace syninfo::calibration
