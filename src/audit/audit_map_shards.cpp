#include "syninfo/audit/audit_map_shards.hpp"

#include "syninfo/decimal.hpp"
#include "syninfo/json_fields.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace syninfo::audit {
namespace {

using json::Value;

[[noreturn]] void bad(const std::string& where, const std::string& what) {
  throw std::invalid_argument(where + ": " + what);
}

// Doubles exactly (shortest round-trip decimal); NaN as null, infinities as strings.
Value num(double x) {
  if (std::isnan(x)) return Value();
  if (std::isinf(x)) return Value::string(x > 0 ? "inf" : "-inf");
  return Value::number(x);
}

const Value& member(const Value& v, const char* key, const std::string& where) {
  if (!v.is_object()) bad(where, "expected an object");
  const Value* m = v.find(key);
  if (!m) bad(where, std::string("missing field \"") + key + "\"");
  return *m;
}

double get_num(const Value& v, const char* key, const std::string& where) {
  const Value& m = member(v, key, where);
  if (m.is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (m.is_string() && (m.as_string() == "inf" || m.as_string() == "-inf"))
    return m.as_string() == "inf" ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
  if (!m.is_number()) bad(where, std::string(key) + ": expected a number, null, \"inf\" or \"-inf\"");
  return from_decimal<double>(m.as_number_text());
}

std::size_t count_of(const Value& m, const char* key, const std::string& where) {
  const std::string t = m.is_number() ? m.as_number_text() : "";
  if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos)
    bad(where, std::string(key) + ": expected a count");
  return static_cast<std::size_t>(std::stoull(t));
}

std::size_t get_count(const Value& v, const char* key, const std::string& where) {
  return count_of(member(v, key, where), key, where);
}

std::string get_str(const Value& v, const char* key, const std::string& where) {
  const Value& m = member(v, key, where);
  if (!m.is_string()) bad(where, std::string(key) + ": expected a string");
  return m.as_string();
}

bool get_bool(const Value& v, const char* key, const std::string& where) {
  const Value& m = member(v, key, where);
  if (!m.is_bool()) bad(where, std::string(key) + ": expected true or false");
  return m.as_bool();
}

template <class Enum, std::size_t N>
Enum enum_of(const std::string& name, const Enum (&values)[N], const char* key, const std::string& where) {
  for (Enum e : values)
    if (name == to_string(e)) return e;
  bad(where, std::string(key) + ": unknown value '" + name + "'");
}

Value strings(const std::vector<std::string>& list) {
  Value a = Value::array();
  for (const auto& s : list) a.push(Value::string(s));
  return a;
}
Value counts(const std::vector<std::size_t>& list) {
  Value a = Value::array();
  for (auto x : list) a.push(count_json(x));
  return a;
}
const Value::Array& get_array(const Value& v, const char* key, const std::string& where) {
  const Value& m = member(v, key, where);
  if (!m.is_array() || m.as_array().empty()) bad(where, std::string(key) + ": expected a non-empty list");
  return m.as_array();
}

}  // namespace

json::Value audit_map_options_json(const AuditMapOptions& o) {
  return Value::object()
      .set("scale", Value::string(o.scale))
      .set("sigma2", strings(o.sigma2))
      .set("rho", strings(o.rho))
      .set("P", counts(o.patterns))
      .set("n", counts(o.synapses))
      .set("N", count_json(o.neurons))
      .set("samples", count_json(o.samples))
      .set("inner", count_json(o.inner))
      .set("particles", count_json(o.particles))
      .set("seed", Value::number(static_cast<unsigned long long>(o.seed)));
}

AuditMapOptions audit_map_options_from_json(const json::Value& v) {
  const std::string where = "options";
  AuditMapOptions o;
  o.scale = get_str(v, "scale", where);
  for (const auto& x : get_array(v, "sigma2", where)) {
    if (!x.is_string()) bad(where, "sigma2: expected strings");
    o.sigma2.push_back(x.as_string());
  }
  for (const auto& x : get_array(v, "rho", where)) {
    if (!x.is_string()) bad(where, "rho: expected strings");
    o.rho.push_back(x.as_string());
  }
  auto count_list = [&](const char* key) {
    std::vector<std::size_t> out;
    for (const auto& x : get_array(v, key, where)) out.push_back(count_of(x, key, where));
    return out;
  };
  o.patterns = count_list("P");
  o.synapses = count_list("n");
  o.neurons = get_count(v, "N", where);
  o.samples = get_count(v, "samples", where);
  o.inner = get_count(v, "inner", where);
  o.particles = get_count(v, "particles", where);
  o.seed = get_count(v, "seed", where);
  return o;
}

json::Value to_json(const AuditMapPoint& p) {
  return Value::object()
      .set("sigma2", Value::string(p.sigma2))
      .set("rho", Value::string(p.rho))
      .set("P", count_json(p.patterns))
      .set("n", count_json(p.synapses))
      .set("N", count_json(p.neurons))
      .set("spec", p.spec)
      .set("status", Value::string(to_string(p.status)))
      .set("detail", Value::string(p.detail))
      .set("pd_verdict", Value::string(p.pd_verdict))
      .set("k_pd", Value::boolean(p.k_pd))
      .set("k_prime_pd", Value::boolean(p.k_prime_pd))
      .set("k_min_eigenvalue", num(p.k_min_eigenvalue))
      .set("k_prime_min_eigenvalue", num(p.k_prime_min_eigenvalue))
      .set("mi_fw", num(p.mi_fw))
      .set("mi_true", num(p.mi_true))
      .set("mi_true_se", num(p.mi_true_se))
      .set("estimator", Value::string(p.estimator))
      .set("reliable", Value::boolean(p.reliable))
      .set("lower_bound", Value::boolean(p.lower_bound))
      .set("relative", num(p.relative))
      .set("relative_se", num(p.relative_se))
      .set("verdict", Value::string(to_string(p.verdict.kind)))
      .set("verdict_text", Value::string(p.verdict.text))
      .set("seconds", num(p.seconds))
      .set("note", Value::string(p.note));
}

AuditMapPoint audit_map_point_from_json(const json::Value& v, const std::string& where) {
  static const MiStatus statuses[] = {MiStatus::ok, MiStatus::not_positive_definite, MiStatus::single_pattern,
                                      MiStatus::non_finite};
  static const VerdictKind kinds[] = {VerdictKind::within_1_percent, VerdictKind::overstates, VerdictKind::understates,
                                      VerdictKind::undecided, VerdictKind::unavailable};
  AuditMapPoint p;
  p.sigma2 = get_str(v, "sigma2", where);
  p.rho = get_str(v, "rho", where);
  p.patterns = get_count(v, "P", where);
  p.synapses = get_count(v, "n", where);
  p.neurons = get_count(v, "N", where);
  p.spec = member(v, "spec", where);
  p.status = enum_of(get_str(v, "status", where), statuses, "status", where);
  p.detail = get_str(v, "detail", where);
  p.pd_verdict = get_str(v, "pd_verdict", where);
  p.k_pd = get_bool(v, "k_pd", where);
  p.k_prime_pd = get_bool(v, "k_prime_pd", where);
  p.k_min_eigenvalue = get_num(v, "k_min_eigenvalue", where);
  p.k_prime_min_eigenvalue = get_num(v, "k_prime_min_eigenvalue", where);
  p.mi_fw = get_num(v, "mi_fw", where);
  p.mi_true = get_num(v, "mi_true", where);
  p.mi_true_se = get_num(v, "mi_true_se", where);
  p.estimator = get_str(v, "estimator", where);
  p.reliable = get_bool(v, "reliable", where);
  p.lower_bound = get_bool(v, "lower_bound", where);
  p.relative = get_num(v, "relative", where);
  p.relative_se = get_num(v, "relative_se", where);
  p.verdict.kind = enum_of(get_str(v, "verdict", where), kinds, "verdict", where);
  p.verdict.text = get_str(v, "verdict_text", where);
  p.seconds = get_num(v, "seconds", where);
  p.note = get_str(v, "note", where);
  return p;
}

json::Value audit_map_shard_to_json(const AuditMap& map, report::ShardPosition position) {
  Value points = Value::array();
  for (const auto& p : map.points) points.push(to_json(p));
  return Value::object()
      .set("format", Value::string(kAuditMapShardFormat))
      .set("options", audit_map_options_json(map.options))
      .set("command", Value::string(map.command))
      .set("shard", report::shard_position_json(position))
      .set("seconds", num(map.seconds))
      .set("points", std::move(points));
}

AuditMapShard audit_map_shard_from_json(const json::Value& v, const std::string& source) {
  auto require = [&](const char* key) -> const Value& { return report::shard_member(v, key, source, "an audit-map"); };
  if (report::shard_format(v) != kAuditMapShardFormat) throw report::ShardError(source + ": unknown shard format");
  AuditMapShard s;
  s.source = source;
  s.options = require("options");
  s.position = report::shard_position_from_json(require("shard"), source);
  try {
    s.map = audit_map_frame(audit_map_options_from_json(s.options));
    const Value& command = require("command");
    if (!command.is_string()) throw std::invalid_argument("command: expected a string");
    s.map.command = command.as_string();
    s.map.seconds = get_num(v, "seconds", "shard");
    const Value& points = require("points");
    if (!points.is_array()) throw std::invalid_argument("points: expected a list");
    for (std::size_t i = 0; i < points.as_array().size(); ++i)
      s.map.points.push_back(audit_map_point_from_json(points.as_array()[i], "points[" + std::to_string(i) + "]"));
  } catch (const std::invalid_argument& e) {  // also InvalidInput from a bad grid
    throw report::ShardError(source + ": " + e.what());
  }
  return s;
}

AuditMap merge_audit_map_shards(const std::vector<AuditMapShard>& shards) {
  if (shards.empty()) throw report::ShardError("no shard files given");
  const AuditMapShard& first = shards.front();
  std::vector<report::ShardPosition> positions;
  std::vector<std::string> sources;
  for (const auto& s : shards) {
    const std::string differs = json::difference_path(s.options, first.options, "options");
    if (!differs.empty())
      throw report::ShardError(s.source + ": made with different options than " + first.source + " (" + differs +
                               " differs)");
    positions.push_back(s.position);
    sources.push_back(s.source);
  }
  const std::vector<std::size_t> by_index = report::shard_cover(positions, sources);
  const std::size_t n = by_index.size();
  const std::size_t total = audit_map_jobs(first.map.options).size();
  std::vector<const std::vector<AuditMapPoint>*> parts;
  AuditMap out = first.map;
  out.seconds = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const AuditMapShard& s = shards[by_index[i]];
    if (s.map.points.size() != report::shard_task_count(total, i, n))
      throw report::ShardError(s.source + ": holds " + std::to_string(s.map.points.size()) + " points, shard " +
                               std::to_string(i) + " of " + std::to_string(n) + " should hold " +
                               std::to_string(report::shard_task_count(total, i, n)));
    parts.push_back(&s.map.points);
    out.seconds += s.map.seconds;
  }
  out.points = report::interleave(parts, total);
  const std::vector<AuditMapJob> jobs = audit_map_jobs(out.options);
  for (std::size_t t = 0; t < total; ++t) {
    const AuditMapPoint& p = out.points[t];
    if (p.patterns != jobs[t].patterns || p.synapses != jobs[t].synapses || p.rho != jobs[t].rho ||
        p.sigma2 != jobs[t].sigma2)
      throw report::ShardError(shards[by_index[t % n]].source + ": its points are not those of shard " +
                               std::to_string(t % n) + " of " + std::to_string(n));
  }
  return out;
}

}  // namespace syninfo::audit
