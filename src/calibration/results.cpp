#include "syninfo/calibration/results.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace syninfo::calibration {
namespace {

constexpr const char* kShardTag = "syninfo_calibration_shard";

// Non-finite numbers are stored as null (JSON has no NaN).
json::Value number_or_null(double x) { return std::isfinite(x) ? json::Value::number(x) : json::Value(); }

double number_of(const json::Value* v) {
  if (!v || v->is_null()) return kNaN;
  if (!v->is_number()) throw ShardError("expected a number or null");
  return std::strtod(v->as_number_text().c_str(), nullptr);
}

std::size_t count_of(const json::Value* v) {
  const double x = number_of(v);
  if (!(x >= 0.0) || x != std::floor(x)) throw ShardError("expected a count");
  return static_cast<std::size_t>(x);
}

const std::string& string_of(const json::Value* v) {
  if (!v || !v->is_string()) throw ShardError("expected a string");
  return v->as_string();
}

const json::Value::Array& array_of(const json::Value* v) {
  if (!v || !v->is_array()) throw ShardError("expected an array");
  return v->as_array();
}

std::string csv_number(double x) {
  if (!std::isfinite(x)) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", x);
  return buffer;
}

std::string csv_text(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

json::Value result_to_json(const PointResult& r) {
  json::Value stats = json::Value::array();
  for (const auto& s : r.statistics.stats)
    stats.push(json::Value::object()
                   .set("name", json::Value::string(s.name))
                   .set("label", json::Value::string(s.label))
                   .set("paper", number_or_null(s.paper))
                   .set("paper_count", json::Value::number(static_cast<unsigned long long>(s.paper_count)))
                   .set("value", number_or_null(s.value))
                   .set("ci_low", number_or_null(s.ci_low))
                   .set("ci_high", number_or_null(s.ci_high))
                   .set("count", json::Value::number(static_cast<unsigned long long>(s.count)))
                   .set("z", number_or_null(s.z))
                   .set("reproduction", json::Value::string(s.reproduction)));
  json::Value alts = json::Value::array();
  for (const auto& a : r.statistics.alternatives)
    alts.push(json::Value::object()
                  .set("name", json::Value::string(a.name))
                  .set("description", json::Value::string(a.description))
                  .set("mean_r", number_or_null(a.mean_r))
                  .set("sd_r", number_or_null(a.sd_r)));
  return json::Value::object()
      .set("index", json::Value::number(static_cast<unsigned long long>(r.index)))
      .set("point", r.point)
      .set("statistics", std::move(stats))
      .set("alternatives", std::move(alts))
      .set("rms_z", number_or_null(r.statistics.rms_z))
      .set("max_abs_z", number_or_null(r.statistics.max_abs_z))
      .set("consistent", json::Value::boolean(r.statistics.consistent));
}

PointResult result_from_json(const json::Value& v) {
  if (!v.is_object()) throw ShardError("a point record must be an object");
  PointResult r;
  r.index = count_of(v.find("index"));
  const json::Value* point = v.find("point");
  if (!point || !point->is_object()) throw ShardError("a point record needs its \"point\" object");
  r.point = *point;
  for (const auto& s : array_of(v.find("statistics"))) {
    Statistic x;
    x.name = string_of(s.find("name"));
    x.label = string_of(s.find("label"));
    x.paper = number_of(s.find("paper"));
    x.paper_count = count_of(s.find("paper_count"));
    x.value = number_of(s.find("value"));
    x.ci_low = number_of(s.find("ci_low"));
    x.ci_high = number_of(s.find("ci_high"));
    x.count = count_of(s.find("count"));
    x.z = number_of(s.find("z"));
    x.reproduction = string_of(s.find("reproduction"));
    r.statistics.stats.push_back(std::move(x));
  }
  for (const auto& a : array_of(v.find("alternatives")))
    r.statistics.alternatives.push_back(Alternative{string_of(a.find("name")), string_of(a.find("description")),
                                                    number_of(a.find("mean_r")), number_of(a.find("sd_r"))});
  r.statistics.rms_z = number_of(v.find("rms_z"));
  r.statistics.max_abs_z = number_of(v.find("max_abs_z"));
  const json::Value* c = v.find("consistent");
  if (!c || !c->is_bool()) throw ShardError("a point record needs \"consistent\"");
  r.statistics.consistent = c->as_bool();
  return r;
}

json::Value shard_to_json(const Design& design, std::size_t shard_index, std::size_t shard_count,
                          const std::vector<PointResult>& results) {
  json::Value points = json::Value::array();
  for (const auto& r : results) points.push(result_to_json(r));
  return json::Value::object()
      .set(kShardTag, json::Value::number(1))
      .set("design", design_to_json(design))
      .set("shard", json::Value::array()
                        .push(json::Value::number(static_cast<unsigned long long>(shard_index)))
                        .push(json::Value::number(static_cast<unsigned long long>(shard_count))))
      .set("points", std::move(points));
}

std::string calibration_shard_name(std::size_t shard_index, std::size_t shard_count) {
  return "calibration-shard-" + std::to_string(shard_index) + "-of-" + std::to_string(shard_count) + ".json";
}

MergedShards merge_calibration_shards(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("calibration-shard-", 0) == 0 && e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec) throw ShardError("cannot read " + dir.string() + ": " + ec.message());
  if (files.empty()) throw ShardError("no calibration-shard-*.json in " + dir.string());
  std::sort(files.begin(), files.end());
  MergedShards out;
  std::string design_text;
  std::size_t count = 0;
  std::map<std::size_t, PointResult> by_index;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    try {
      const json::Value v = json::parse(text.str());
      if (!v.is_object() || !v.find(kShardTag)) throw ShardError("not a calibration shard");
      const json::Value* design = v.find("design");
      if (!design) throw ShardError("no design");
      const auto& shard = array_of(v.find("shard"));
      if (shard.size() != 2) throw ShardError("\"shard\" must be [i, n]");
      const std::size_t n = count_of(&shard[1]);
      if (design_text.empty()) {
        design_text = design->dump(-1);
        out.design = design_from_json(*design);
        count = n;
      } else if (design->dump(-1) != design_text) {
        throw ShardError("its design differs from " + files.front().filename().string() + "'s");
      } else if (n != count) {
        throw ShardError("it is one of " + std::to_string(n) + " shards, " + files.front().filename().string() +
                         " one of " + std::to_string(count));
      }
      for (const auto& p : array_of(v.find("points"))) {
        PointResult r = result_from_json(p);
        if (!by_index.emplace(r.index, r).second) throw ShardError("repeats point " + std::to_string(r.index));
      }
    } catch (const ShardError& e) {
      throw ShardError(f.string() + ": " + e.what());
    } catch (const json::ParseError& e) {
      throw ShardError(f.string() + ": " + e.what());
    } catch (const DesignError& e) {
      throw ShardError(f.string() + ": " + e.what());
    }
  }
  const std::size_t total = design_points(out.design).size();
  std::string missing;
  std::size_t missing_count = 0;
  for (std::size_t k = 0; k < total; ++k)
    if (!by_index.count(k) && ++missing_count <= 10) missing += (missing.empty() ? "" : ", ") + std::to_string(k);
  if (missing_count > 0)
    throw ShardError(dir.string() + ": " + std::to_string(missing_count) + " of " + std::to_string(total) +
                     " points missing (" + missing + (missing_count > 10 ? ", ..." : "") + "); run the missing shards");
  for (auto& [k, r] : by_index) {
    if (k >= total) throw ShardError(dir.string() + ": point " + std::to_string(k) + " is not in the design");
    out.results.push_back(std::move(r));
  }
  return out;
}

std::string points_csv(const Design& design, const std::vector<PointResult>& results) {
  std::string out = "point";
  for (const auto& p : design.parameters) out += "," + csv_text(p.key);
  const std::vector<std::string> names = statistic_names();
  for (const auto& n : names) out += "," + n + "," + n + "_ci_low," + n + "_ci_high," + n + "_z," + n + "_reproduction";
  out += ",rms_z,max_abs_z,consistent";
  std::vector<std::string> alt_names;
  if (!results.empty())
    for (const auto& a : results.front().statistics.alternatives) alt_names.push_back(a.name);
  for (const auto& a : alt_names) out += ",c5_" + a + "_mean_r,c5_" + a + "_sd_r";
  out += "\n";
  for (const auto& r : results) {
    out += std::to_string(r.index);
    for (const auto& p : design.parameters) {
      const json::Value* v = r.point.find(p.key);
      out += "," + (v ? csv_text(value_text(*v)) : std::string());
    }
    for (const auto& s : r.statistics.stats)
      out += "," + csv_number(s.value) + "," + csv_number(s.ci_low) + "," + csv_number(s.ci_high) + "," + csv_number(s.z) +
             "," + s.reproduction;
    out += "," + csv_number(r.statistics.rms_z) + "," + csv_number(r.statistics.max_abs_z) + "," +
           (r.statistics.consistent ? "yes" : "no");
    for (const auto& a : r.statistics.alternatives) out += "," + csv_number(a.mean_r) + "," + csv_number(a.sd_r);
    out += "\n";
  }
  return out;
}

}  // namespace syninfo::calibration
