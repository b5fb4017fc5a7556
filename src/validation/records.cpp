#include "syninfo/validation/records.hpp"

#include "syninfo/decimal.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace syninfo::validation {
namespace {

using json::Value;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Doubles at 17 significant digits (exact round trip); NaN as null.
Value num(double x) { return std::isfinite(x) ? Value::number(x) : Value(); }
Value count(std::uint64_t x) { return Value::number(static_cast<unsigned long long>(x)); }
Value str(const std::string& s) { return Value::string(s); }

[[noreturn]] void bad(const std::string& where, const std::string& what) {
  throw std::invalid_argument("record " + where + ": " + what);
}

const Value& member(const Value& v, const char* key, const std::string& where) {
  if (!v.is_object()) bad(where, "expected an object");
  const Value* m = v.find(key);
  if (!m) bad(where, std::string("missing field \"") + key + "\"");
  return *m;
}

double get_num(const Value& v, const std::string& where) {
  if (v.is_null()) return nan;
  if (!v.is_number()) bad(where, "expected a number or null");
  return from_decimal<double>(v.as_number_text());
}

std::uint64_t get_count(const Value& v, const std::string& where) {
  if (!v.is_number()) bad(where, "expected a count");
  const std::string& t = v.as_number_text();
  if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos) bad(where, "expected a count, got " + t);
  return std::stoull(t);
}

std::string get_str(const Value& v, const std::string& where) {
  if (!v.is_string()) bad(where, "expected a string");
  return v.as_string();
}

const Value::Array& get_array(const Value& v, const std::string& where, std::size_t size = 0) {
  if (!v.is_array()) bad(where, "expected an array");
  if (size && v.as_array().size() != size) bad(where, "expected " + std::to_string(size) + " items");
  return v.as_array();
}

simulation::SetId set_from(const std::string& name, const std::string& where) {
  for (auto s : {simulation::SetId::set1, simulation::SetId::set2, simulation::SetId::set3, simulation::SetId::set3_fig4})
    if (name == simulation::to_string(s)) return s;
  bad(where, "unknown set '" + name + "'");
}

// ClosedForm as [status, mi, verdict, repaired_status, repaired_mi].
Value cf_json(const ClosedForm& c) {
  return Value::array().push(str(c.status)).push(num(c.mi_nats)).push(str(c.verdict)).push(str(c.repaired_status)).push(num(c.repaired_nats));
}
ClosedForm cf_from(const Value& v, const std::string& where) {
  const auto& a = get_array(v, where, 5);
  ClosedForm c;
  c.status = get_str(a[0], where);
  c.mi_nats = get_num(a[1], where);
  c.verdict = get_str(a[2], where);
  c.repaired_status = get_str(a[3], where);
  c.repaired_nats = get_num(a[4], where);
  return c;
}

// GroundTruth as [value, se, method, reliable, note].
Value gt_json(const GroundTruth& g) {
  return Value::array().push(num(g.value)).push(num(g.standard_error)).push(str(g.method)).push(Value::boolean(g.reliable)).push(str(g.note));
}
GroundTruth gt_from(const Value& v, const std::string& where) {
  const auto& a = get_array(v, where, 5);
  GroundTruth g;
  g.value = get_num(a[0], where);
  g.standard_error = get_num(a[1], where);
  g.method = get_str(a[2], where);
  if (!a[3].is_bool()) bad(where, "expected a boolean");
  g.reliable = a[3].as_bool();
  g.note = get_str(a[4], where);
  return g;
}

}  // namespace

json::Value to_json(const CurveRecord& c) {
  return Value::array().push(str(c.figure)).push(count(c.curve)).push(count(c.grid)).push(num(c.x)).push(cf_json(c.cf));
}

json::Value to_json(const SampleRecord& s) {
  Value f = Value::array();
  for (double x : s.features) f.push(num(x));
  return Value::array()
      .push(str(simulation::to_string(s.set)))
      .push(count(s.neurons))
      .push(count(s.index))
      .push(count(s.header.patterns))
      .push(count(s.header.synapses))
      .push(count(s.header.pattern))
      .push(num(s.header.sigma2))
      .push(num(s.header.rho))
      .push(std::move(f))
      .push(Value::boolean(s.independent))
      .push(cf_json(s.cf));
}

json::Value to_json(const TruthRecord& t) {
  Value singles = Value::array(), singles_cf = Value::array();
  for (const auto& g : t.singles) singles.push(gt_json(g));
  for (const auto& c : t.singles_cf) singles_cf.push(cf_json(c));
  return Value::object()
      .set("kind", str(t.kind))
      .set("figure", str(t.figure))
      .set("curve", count(t.curve))
      .set("grid", count(t.grid))
      .set("x", num(t.x))
      .set("index", count(t.index))
      .set("neurons", count(t.neurons))
      .set("patterns", count(t.patterns))
      .set("synapses", count(t.synapses))
      .set("truth", gt_json(t.truth))
      .set("cf", cf_json(t.cf))
      .set("singles", std::move(singles))
      .set("singles_cf", std::move(singles_cf))
      .set("embedded", gt_json(t.embedded));
}

CurveRecord curve_record_from_json(const json::Value& v, const std::string& where) {
  const auto& c = get_array(v, where, 5);
  CurveRecord rec;
  rec.figure = get_str(c[0], where);
  rec.curve = get_count(c[1], where);
  rec.grid = get_count(c[2], where);
  rec.x = get_num(c[3], where);
  rec.cf = cf_from(c[4], where);
  return rec;
}

SampleRecord sample_record_from_json(const json::Value& v, const std::string& where) {
  const auto& s = get_array(v, where, 11);
  SampleRecord rec;
  rec.set = set_from(get_str(s[0], where), where);
  rec.neurons = get_count(s[1], where);
  rec.index = get_count(s[2], where);
  rec.header.patterns = get_count(s[3], where);
  rec.header.synapses = get_count(s[4], where);
  rec.header.pattern = get_count(s[5], where);
  rec.header.sigma2 = get_num(s[6], where);
  rec.header.rho = get_num(s[7], where);
  const auto& f = get_array(s[8], where, simulation::kFeatureCount);
  for (std::size_t k = 0; k < simulation::kFeatureCount; ++k) rec.features[k] = get_num(f[k], where);
  if (!s[9].is_bool()) bad(where, "expected a boolean");
  rec.independent = s[9].as_bool();
  rec.cf = cf_from(s[10], where);
  return rec;
}

TruthRecord truth_record_from_json(const json::Value& t, const std::string& where) {
  TruthRecord rec;
  rec.kind = get_str(member(t, "kind", where), where);
  rec.figure = get_str(member(t, "figure", where), where);
  rec.curve = get_count(member(t, "curve", where), where);
  rec.grid = get_count(member(t, "grid", where), where);
  rec.x = get_num(member(t, "x", where), where);
  rec.index = get_count(member(t, "index", where), where);
  rec.neurons = get_count(member(t, "neurons", where), where);
  rec.patterns = get_count(member(t, "patterns", where), where);
  rec.synapses = get_count(member(t, "synapses", where), where);
  rec.truth = gt_from(member(t, "truth", where), where);
  rec.cf = cf_from(member(t, "cf", where), where);
  for (const auto& g : get_array(member(t, "singles", where), where)) rec.singles.push_back(gt_from(g, where));
  for (const auto& c : get_array(member(t, "singles_cf", where), where)) rec.singles_cf.push_back(cf_from(c, where));
  rec.embedded = gt_from(member(t, "embedded", where), where);
  return rec;
}

json::Value to_json(const Records& r) {
  Value curves = Value::array(), samples = Value::array(), truths = Value::array();
  for (const auto& c : r.curves) curves.push(to_json(c));
  for (const auto& s : r.samples) samples.push(to_json(s));
  for (const auto& t : r.truths) truths.push(to_json(t));
  return Value::object().set("curves", std::move(curves)).set("samples", std::move(samples)).set("truths", std::move(truths));
}

Records records_from_json(const json::Value& v) {
  Records r;
  const auto& curves = get_array(member(v, "curves", "root"), "curves");
  for (std::size_t i = 0; i < curves.size(); ++i)
    r.curves.push_back(curve_record_from_json(curves[i], "curves[" + std::to_string(i) + "]"));
  const auto& samples = get_array(member(v, "samples", "root"), "samples");
  for (std::size_t i = 0; i < samples.size(); ++i)
    r.samples.push_back(sample_record_from_json(samples[i], "samples[" + std::to_string(i) + "]"));
  const auto& truths = get_array(member(v, "truths", "root"), "truths");
  for (std::size_t i = 0; i < truths.size(); ++i)
    r.truths.push_back(truth_record_from_json(truths[i], "truths[" + std::to_string(i) + "]"));
  return r;
}

}  // namespace syninfo::validation
