#include "syninfo/validation/config_json.hpp"

#include "syninfo/decimal.hpp"
#include "syninfo/simulation/sample_sets.hpp"
#include "syninfo/simulation/settings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace syninfo::validation {
namespace {

using simulation::short_number;
constexpr std::size_t kMaxNeurons = 4096;        // N x N covariances: beyond this a run does not finish
constexpr std::size_t kMaxCount = 100000000;     // sample counts, budgets
constexpr std::size_t kMaxPatterns = 100000;
constexpr std::uint64_t kMaxSeed = 9223372036854775807ULL;  // as --seed

std::string got(const json::Value& v) {
  switch (v.type()) {
    case json::Value::Type::number: return v.as_number_text();
    case json::Value::Type::string: return "\"" + json::printable(v.as_string()) + "\"";
    default: return json::type_name(v.type());
  }
}

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw ConfigError(path + ": " + what); }

void expect(const json::Value& v, json::Value::Type type, const std::string& path) {
  if (v.type() != type)
    fail(path, std::string("expected ") + json::type_name(type) + ", got " + json::type_name(v.type()));
}

std::uint64_t parse_count(const json::Value& v, const std::string& path, std::uint64_t lo, std::uint64_t hi) {
  expect(v, json::Value::Type::number, path);
  const std::string& text = v.as_number_text();
  // Digits only: 1e3, 2.0 and -1 are not counts.
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos)
    fail(path, "expected a non-negative integer, got " + text);
  const std::uint64_t x = std::stoull(text);
  if (x < lo || x > hi) fail(path, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + text);
  return x;
}

struct RealRange {
  double lo, hi;
  bool lo_open = false, hi_open = false;
  bool contains(double x) const { return (lo_open ? x > lo : x >= lo) && (hi_open ? x < hi : x <= hi); }
  std::string text() const {
    const auto bound = [](double b) {
      return std::isinf(b) ? std::string(b < 0 ? "-inf" : "inf") : short_number(b);
    };
    return std::string(lo_open ? "(" : "[") + bound(lo) + ", " + bound(hi) + (hi_open ? ")" : "]");
  }
};
constexpr double kInf = std::numeric_limits<double>::infinity();
const RealRange kAnyFinite{-kInf, kInf, true, true};
const RealRange kNonNegative{0.0, kInf, false, true};
const RealRange kPositive{0.0, kInf, true, true};
const RealRange kCorrelation{-1.0, 1.0};

double parse_real(const json::Value& v, const std::string& path, const RealRange& range) {
  expect(v, json::Value::Type::number, path);
  double x;
  try {
    x = from_decimal<double>(v.as_number_text());
  } catch (const std::exception&) {
    fail(path, "does not fit in a double, got " + v.as_number_text());
  }
  if (!std::isfinite(x) || !range.contains(x)) fail(path, "must be in " + range.text() + ", got " + v.as_number_text());
  return x;
}

// Writes every field into a JSON object, in visiting order.
struct Writer {
  json::Value out = json::Value::object();
  void count(const char* key, std::size_t& x, std::size_t, std::size_t) {
    out.set(key, json::Value::number(static_cast<unsigned long long>(x)));
  }
  void seed(const char* key, std::uint64_t& x) { out.set(key, json::Value::number(static_cast<unsigned long long>(x))); }
  void real(const char* key, double& x, const RealRange&) { out.set(key, json::Value::number(x)); }
  void boolean(const char* key, bool& x) { out.set(key, json::Value::boolean(x)); }
  template <class E, class Parse>
  void choice(const char* key, E& x, Parse) {
    out.set(key, json::Value::string(simulation::to_string(x)));
  }
  void sizes(const char* key, std::vector<std::size_t>& v, std::size_t, std::size_t, std::size_t) {
    json::Value a = json::Value::array();
    for (auto x : v) a.push(json::Value::number(static_cast<unsigned long long>(x)));
    out.set(key, std::move(a));
  }
  void pairs(const char* key, std::vector<std::pair<std::size_t, std::size_t>>& v) {
    json::Value a = json::Value::array();
    for (const auto& [x, y] : v)
      a.push(json::Value::array()
                 .push(json::Value::number(static_cast<unsigned long long>(x)))
                 .push(json::Value::number(static_cast<unsigned long long>(y))));
    out.set(key, std::move(a));
  }
  template <class F>
  void section(const char* key, F f) {
    Writer child;
    f(child);
    out.set(key, std::move(child.out));
  }
};

// Overrides the fields the object gives; rejects unknown keys.
struct Reader {
  const json::Value& in;
  std::string path;
  std::vector<std::string> known{};

  const json::Value* take(const char* key) {
    known.emplace_back(key);
    return in.find(key);
  }
  std::string at(const char* key) const { return path + "." + key; }
  void count(const char* key, std::size_t& x, std::size_t lo, std::size_t hi) {
    if (const auto* m = take(key)) x = static_cast<std::size_t>(parse_count(*m, at(key), lo, hi));
  }
  void seed(const char* key, std::uint64_t& x) {
    if (const auto* m = take(key)) x = parse_count(*m, at(key), 0, kMaxSeed);
  }
  void real(const char* key, double& x, const RealRange& range) {
    if (const auto* m = take(key)) x = parse_real(*m, at(key), range);
  }
  void boolean(const char* key, bool& x) {
    if (const auto* m = take(key)) {
      expect(*m, json::Value::Type::boolean, at(key));
      x = m->as_bool();
    }
  }
  // An enumerated value, by name; parse throws std::invalid_argument naming the accepted names.
  template <class E, class Parse>
  void choice(const char* key, E& x, Parse parse) {
    const auto* m = take(key);
    if (!m) return;
    expect(*m, json::Value::Type::string, at(key));
    try {
      x = parse(m->as_string());
    } catch (const std::invalid_argument& e) {
      fail(at(key), e.what());
    }
  }
  void sizes(const char* key, std::vector<std::size_t>& v, std::size_t min_length, std::size_t lo, std::size_t hi) {
    const auto* m = take(key);
    if (!m) return;
    expect(*m, json::Value::Type::array, at(key));
    const auto& items = m->as_array();
    if (items.size() < min_length) fail(at(key), "needs at least " + std::to_string(min_length) + " entries");
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < items.size(); ++i)
      out.push_back(static_cast<std::size_t>(parse_count(items[i], at(key) + "[" + std::to_string(i) + "]", lo, hi)));
    v = std::move(out);
  }
  void pairs(const char* key, std::vector<std::pair<std::size_t, std::size_t>>& v) {
    const auto* m = take(key);
    if (!m) return;
    expect(*m, json::Value::Type::array, at(key));
    std::vector<std::pair<std::size_t, std::size_t>> out;
    const auto& items = m->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string where = at(key) + "[" + std::to_string(i) + "]";
      expect(items[i], json::Value::Type::array, where);
      if (items[i].as_array().size() != 2) fail(where, "expected a pair [n1, n2]");
      out.emplace_back(parse_count(items[i].as_array()[0], where + "[0]", 1, kMaxCount),
                       parse_count(items[i].as_array()[1], where + "[1]", 1, kMaxCount));
    }
    v = std::move(out);
  }
  template <class F>
  void section(const char* key, F f) {
    const auto* m = take(key);
    if (!m) return;
    expect(*m, json::Value::Type::object, at(key));
    Reader child{*m, at(key)};
    f(child);
    child.reject_unknown();
  }
  void reject_unknown() const {
    for (const auto& [key, value] : in.as_object())
      if (std::find(known.begin(), known.end(), key) == known.end())
        fail(path + "." + json::printable(key), "unknown key");
  }
};

// The one list of fields: key, member, per-field range. Relations between
// fields are checked in check_config.
template <class V>
void visit_fields(ValidationConfig& c, V& v) {
  v.seed("seed", c.seed);
  v.boolean("truth", c.truth);
  v.section("random", [&](auto& s) {
    auto& r = c.random;
    s.count("neurons", r.neurons, 2, kMaxNeurons);
    s.count("min_patterns", r.min_patterns, 1, kMaxPatterns);
    s.count("max_patterns", r.max_patterns, 1, kMaxPatterns);
    s.count("min_synapses", r.min_synapses, 1, kMaxCount);
    s.count("max_synapses", r.max_synapses, 1, kMaxCount);
    s.boolean("self_connections", r.self_connections);
    s.choice("membership", r.membership, simulation::membership_from_string);
    s.count("subset_neurons", r.subset_neurons, 0, kMaxNeurons);
    s.choice("size_law", r.size_law, simulation::size_law_from_string);
    s.real("mean_low", r.mean_low, kAnyFinite);
    s.real("mean_high", r.mean_high, kAnyFinite);
    s.real("rho_low", r.rho_low, kCorrelation);
    s.real("rho_high", r.rho_high, kCorrelation);
    s.real("bb_scale", r.bb_scale, kNonNegative);
    s.count("bb_columns", r.bb_columns, 0, kMaxNeurons);
    s.real("eigen_mean", r.eigen_mean, kAnyFinite);
    s.real("eigen_sd", r.eigen_sd, kNonNegative);
    s.choice("eigen_positivity", r.eigen_positivity, simulation::eigen_positivity_from_string);
    s.real("eigen_floor", r.eigen_floor, kPositive);
    s.real("factor_high", r.factor_high, kNonNegative);
    s.choice("set3_combination", r.set3_combination, simulation::set3_combination_from_string);
  });
  v.section("curves", [&](auto& s) {
    auto& k = c.curves;
    s.count("neurons", k.neurons, 2, kMaxNeurons);
    s.sizes("fig2_patterns", k.fig2_patterns, 1, 1, kMaxPatterns);
    s.real("fig2a_rho", k.fig2a_rho, RealRange{-1.0, 1.0, true, true});
    s.real("fig2b_sigma2", k.fig2b_sigma2, kPositive);
    s.count("fig3_patterns", k.fig3_patterns, 1, kMaxPatterns);
    s.real("fig3a_rho", k.fig3a_rho, RealRange{-1.0, 1.0, true, true});
    s.real("fig3b_sigma2", k.fig3b_sigma2, kPositive);
    s.sizes("fig3_sizes", k.fig3_sizes, 1, 1, kMaxCount);
    s.real("sigma2_low", k.sigma2_low, kPositive);
    s.real("sigma2_high", k.sigma2_high, kPositive);
    s.real("rho_low", k.rho_low, RealRange{-1.0, 1.0, true, true});
    s.real("rho_high", k.rho_high, RealRange{-1.0, 1.0, true, true});
    s.count("grid_points", k.grid_points, 2, 100000);
    s.boolean("self_connections", k.self_connections);
  });
  v.section("counts", [&](auto& s) {
    s.count("set2_samples", c.set2_samples, 1, kMaxCount);
    s.count("set3_samples", c.set3_samples, 1, kMaxCount);
    s.count("fig4_samples", c.fig4_samples, 1, kMaxCount);
    s.sizes("c7_neurons", c.c7_neurons, 1, 2, kMaxNeurons);
    s.count("c7_samples", c.c7_samples, 1, kMaxCount);
  });
  v.section("truth_plan", [&](auto& s) {
    auto& t = c.truth_plan;
    s.count("outer", t.outer, 1, kMaxCount);
    s.count("work", t.work, 0, std::numeric_limits<std::uint32_t>::max());
    s.count("max_particles", t.max_particles, 1, 1000000);
    s.real("quadrature_points_per_sd", t.quadrature_points_per_sd, RealRange{0.0, 1000.0, true, false});
    s.sizes("fig2_patterns", t.fig2_patterns, 0, 1, kMaxPatterns);
    s.count("curve_points", t.curve_points, 0, 100000);
    s.sizes("fig3_sizes", t.fig3_sizes, 0, 1, kMaxCount);
    s.count("scatter", t.scatter, 0, kMaxCount);
    s.count("scatter_max_synapses", t.scatter_max_synapses, 1, kMaxCount);
    s.sizes("synergy_sizes", t.synergy_sizes, 0, 1, kMaxCount);
    s.count("synergy_per_size", t.synergy_per_size, 0, kMaxCount);
    s.count("c7_problems", t.c7_problems, 0, kMaxCount);
  });
  v.pairs("ttest_pairs", c.ttest_pairs);
  v.sizes("histogram_sizes", c.histogram_sizes, 1, 1, kMaxCount);
  v.boolean("high_precision_verdict", c.high_precision_verdict);
  v.real("repair_floor", c.repair_floor, RealRange{0.0, 1.0, true, true});
}

void check_order(double low, double high, const std::string& path, const char* low_key, const char* high_key) {
  if (low > high)
    fail(path + "." + low_key, std::string("must be <= ") + high_key + " (" + short_number(high) + "), got " + short_number(low));
}

void check_within(const std::vector<std::size_t>& v, std::size_t lo, std::size_t hi, const std::string& path,
                  const std::string& what) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] < lo || v[i] > hi)
      fail(path + "[" + std::to_string(i) + "]", "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "] (" +
                                                     what + "), got " + std::to_string(v[i]));
}

}  // namespace

json::Value config_to_json(const ValidationConfig& config) {
  ValidationConfig copy = config;
  Writer w;
  w.out.set("scale", json::Value::string(to_string(config.scale)));
  visit_fields(copy, w);
  return std::move(w.out);
}

json::Value config_to_documented_json(const ValidationConfig& config) {
  json::Value reasons = json::Value::array();
  const ValidationConfig defaults = config_for_scale(config.scale);
  for (const auto& row : simulation::parameter_table(config.random, config.curves, defaults.random, defaults.curves))
    reasons.push(json::Value::object()
                     .set("parameter", json::Value::string(row.name))
                     .set("value", json::Value::string(row.value))
                     .set("source", json::Value::string(row.source))
                     .set("reason", json::Value::string(row.reason)));
  return config_to_json(config).set("reasons", std::move(reasons));
}

bool scale_of_config_json(const json::Value& value, Scale& scale) {
  if (!value.is_object()) fail("config", std::string("expected object, got ") + json::type_name(value.type()));
  const json::Value* s = value.find("scale");
  if (!s) return false;
  expect(*s, json::Value::Type::string, "config.scale");
  try {
    scale = scale_from_string(s->as_string());
  } catch (const std::invalid_argument&) {
    fail("config.scale", "must be quick, paper or test, got " + got(*s));
  }
  return true;
}

void apply_config_json(const json::Value& value, ValidationConfig& config) {
  Scale ignored = config.scale;
  scale_of_config_json(value, ignored);
  Reader r{value, "config"};
  r.known = {"scale", "reasons"};  // "reasons" is documentation, derived from the fields
  visit_fields(config, r);
  r.reject_unknown();
  check_config(config);
}

void check_config(const ValidationConfig& c) {
  const auto& r = c.random;
  const std::string rp = "config.random";
  if (r.min_patterns > r.max_patterns)
    fail(rp + ".min_patterns", "must be <= max_patterns (" + std::to_string(r.max_patterns) + "), got " + std::to_string(r.min_patterns));
  if (r.min_synapses > r.max_synapses)
    fail(rp + ".min_synapses", "must be <= max_synapses (" + std::to_string(r.max_synapses) + "), got " + std::to_string(r.min_synapses));
  const std::size_t pairs = simulation::pair_count(r.neurons, r.self_connections);
  if (r.max_synapses > pairs)
    fail(rp + ".max_synapses", "must be <= " + std::to_string(pairs) + ", the number of distinct synapses among " +
                                   std::to_string(r.neurons) + " neurons, got " + std::to_string(r.max_synapses));
  check_order(r.mean_low, r.mean_high, rp, "mean_low", "mean_high");
  check_order(r.rho_low, r.rho_high, rp, "rho_low", "rho_high");
  if (r.rho_high < r.effective_rho_low())
    fail(rp + ".rho_high", "must be >= -1/(N-1) = " + short_number(r.effective_rho_low()) + ", got " + short_number(r.rho_high));
  if (r.membership == simulation::Membership::subset_pairs) {
    const std::size_t m = r.effective_subset_neurons();
    std::size_t smallest_n = r.neurons;
    for (auto n : c.c7_neurons) smallest_n = std::min(smallest_n, n);
    if (m > smallest_n)
      fail(rp + ".subset_neurons", "must be <= " + std::to_string(smallest_n) +
                                       ", the smallest N of the run (random.neurons and counts.c7_neurons), got " + std::to_string(m));
    if (simulation::pair_count(m, r.self_connections) < r.max_synapses)
      fail(rp + ".subset_neurons", "its " + std::to_string(simulation::pair_count(m, r.self_connections)) +
                                       " pairs must hold max_synapses (" + std::to_string(r.max_synapses) + "), got " + std::to_string(m));
  }
  if (r.eigen_positivity == simulation::EigenPositivity::reject && !(r.eigen_sd > 0.0 && r.eigen_mean > -3.0 * r.eigen_sd))
    fail(rp + ".eigen_positivity", "reject needs eigen_sd > 0 and eigen_mean > -3 eigen_sd (else the rejection rate is above 99.9%)");

  const auto& k = c.curves;
  const std::string kp = "config.curves";
  const double k_floor = -1.0 / static_cast<double>(k.neurons - 1);
  for (const auto& [key, rho] : {std::pair<const char*, double>{"fig2a_rho", k.fig2a_rho}, {"fig3a_rho", k.fig3a_rho},
                                 {"rho_low", k.rho_low}})
    if (rho <= k_floor)
      fail(kp + "." + key, "must be > -1/(N-1) = " + short_number(k_floor) + " (positive definite), got " + short_number(rho));
  check_order(k.sigma2_low, k.sigma2_high, kp, "sigma2_low", "sigma2_high");
  check_order(k.rho_low, k.rho_high, kp, "rho_low", "rho_high");
  check_within(k.fig3_sizes, 1, simulation::pair_count(k.neurons, k.self_connections), kp + ".fig3_sizes", "distinct synapses of set 1");

  const auto& t = c.truth_plan;
  const std::string tp = "config.truth_plan";
  if (t.curve_points > k.grid_points)
    fail(tp + ".curve_points", "must be <= curves.grid_points (" + std::to_string(k.grid_points) + "), got " +
                                   std::to_string(t.curve_points));
  check_within(t.synergy_sizes, r.min_synapses, r.max_synapses, tp + ".synergy_sizes", "the ensemble sizes of set 3");
  check_within(c.histogram_sizes, r.min_synapses, r.max_synapses, "config.histogram_sizes", "the ensemble sizes of set 3");
  for (std::size_t i = 0; i < c.ttest_pairs.size(); ++i) {
    const std::string where = "config.ttest_pairs[" + std::to_string(i) + "]";
    check_within({c.ttest_pairs[i].first, c.ttest_pairs[i].second}, r.min_synapses, r.max_synapses, where,
                 "the ensemble sizes of set 3");
    if (c.ttest_pairs[i].first == c.ttest_pairs[i].second) fail(where, "compares a size with itself");
  }
}

std::string config_hash(const ValidationConfig& config) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a, 64 bit
  for (unsigned char ch : config_to_json(config).dump(-1)) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
  return buffer;
}

std::string first_difference(const json::Value& a, const json::Value& b, const std::string& path) {
  return json::difference_path(a, b, path);
}

}  // namespace syninfo::validation
