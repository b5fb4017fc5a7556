#include "syninfo/validation/shards.hpp"

#include "syninfo/spec.hpp"
#include "syninfo/validation/config_json.hpp"
#include "syninfo/validation/run.hpp"

#include <fstream>
#include <sstream>

namespace syninfo::validation {
namespace {

constexpr const char* kFormat = "syninfo-validate-shard-1";

const json::Value& require(const json::Value& v, const char* key, const std::string& source) {
  const json::Value* m = v.is_object() ? v.find(key) : nullptr;
  if (!m) throw ShardError(source + ": not a validate shard file (missing \"" + key + "\")");
  return *m;
}

std::size_t as_count(const json::Value& v, const std::string& source, const char* what) {
  if (!v.is_number()) throw ShardError(source + ": " + what + " is not a number");
  // The whole text must be digits: stoull would read 1e30 as 1 and 0.5 as 0.
  const std::string& text = v.as_number_text();
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    throw ShardError(source + ": " + what + " '" + text + "' is not a count");
  try {
    return static_cast<std::size_t>(std::stoull(v.as_number_text()));
  } catch (const std::exception&) {
    throw ShardError(source + ": " + what + " is not a count");
  }
}

template <class T>
std::vector<T> interleave(const std::vector<const std::vector<T>*>& parts, std::size_t total) {
  std::vector<T> out;
  out.reserve(total);
  const std::size_t n = parts.size();
  for (std::size_t t = 0; t < total; ++t) out.push_back((*parts[t % n])[t / n]);
  return out;
}

std::size_t tasks_of(std::size_t total, std::size_t index, std::size_t count) {
  return total / count + (index < total % count ? 1 : 0);
}

}  // namespace

std::string shard_file_name(std::size_t index, std::size_t count) {
  return "shard-" + std::to_string(index) + "-of-" + std::to_string(count) + ".json";
}

json::Value shard_to_json(const ValidationConfig& config, const Records& records) {
  return json::Value::object()
      .set("format", json::Value::string(kFormat))
      .set("config", config_fingerprint(config))
      .set("shard", json::Value::array()
                        .push(json::Value::number(static_cast<unsigned long long>(config.shard_index)))
                        .push(json::Value::number(static_cast<unsigned long long>(config.shard_count))))
      .set("records", to_json(records));
}

ShardFile shard_from_json(const json::Value& v, const std::string& source) {
  const json::Value& format = require(v, "format", source);
  if (!format.is_string() || format.as_string() != kFormat) throw ShardError(source + ": unknown shard format");
  ShardFile s;
  s.source = source;
  s.fingerprint = require(v, "config", source);
  const json::Value& shard = require(v, "shard", source);
  if (!shard.is_array() || shard.as_array().size() != 2) throw ShardError(source + ": \"shard\" must be [index, count]");
  s.index = as_count(shard.as_array()[0], source, "shard index");
  s.count = as_count(shard.as_array()[1], source, "shard count");
  if (s.count == 0 || s.index >= s.count) throw ShardError(source + ": shard index out of range");
  try {
    s.records = records_from_json(require(v, "records", source));
  } catch (const std::invalid_argument& e) {
    throw ShardError(source + ": " + e.what());
  }
  return s;
}

ShardFile read_shard_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ShardError("cannot read shard file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return shard_from_json(json::parse(text.str()), path.string());
  } catch (const json::ParseError& e) {
    throw ShardError(path.string() + ": " + e.what());
  }
}

ValidationConfig config_of_shards(const std::vector<ShardFile>& shards) {
  if (shards.empty()) throw ShardError("no shard files given");
  const ShardFile& first = shards.front();
  // The full configuration comes from the shard itself: its scale preset
  // overridden by every field it carries, checked like a --config file.
  ValidationConfig config;
  try {
    Scale scale = Scale::quick;
    if (!scale_of_config_json(first.fingerprint, scale)) throw ConfigError("config.scale: missing");
    config = config_for_scale(scale);
    apply_config_json(first.fingerprint, config);
  } catch (const ConfigError& e) {
    throw ShardError(first.source + ": " + e.what());
  }
  const json::Value expected = config_to_json(config);
  for (const auto& s : shards) {
    const std::string differs = first_difference(s.fingerprint, expected);
    if (!differs.empty())
      throw ShardError(s.source + ": made with a different configuration than " + first.source + " (" + differs +
                       " differs)");
  }
  std::vector<int> seen(first.count, 0);
  for (const auto& s : shards) {
    if (s.count != first.count)
      throw ShardError(s.source + ": shard count " + std::to_string(s.count) + " differs from " + std::to_string(first.count));
    if (seen[s.index]++) throw ShardError(s.source + ": shard " + std::to_string(s.index) + " given twice");
  }
  for (std::size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) throw ShardError("shard " + std::to_string(i) + " of " + std::to_string(first.count) + " is missing");
  config.shard_count = first.count;
  return config;
}

Records merge_shards(const std::vector<ShardFile>& shards, const ValidationConfig& config) {
  const std::size_t n = config.shard_count;
  std::vector<const ShardFile*> by_index(n, nullptr);
  for (const auto& s : shards) {
    if (s.count != n || s.index >= n) throw ShardError(s.source + ": not one of " + std::to_string(n) + " shards");
    if (by_index[s.index]) throw ShardError(s.source + ": shard " + std::to_string(s.index) + " given twice");
    by_index[s.index] = &s;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (!by_index[i]) throw ShardError("shard " + std::to_string(i) + " of " + std::to_string(n) + " is missing");
  const Plan plan = make_plan(config);
  std::vector<const std::vector<CurveRecord>*> curves;
  std::vector<const std::vector<SampleRecord>*> samples;
  std::vector<const std::vector<TruthRecord>*> truths;
  for (std::size_t i = 0; i < n; ++i) {
    const ShardFile& s = *by_index[i];
    if (s.records.curves.size() != tasks_of(plan.curves.size(), i, n) ||
        s.records.samples.size() != tasks_of(plan.samples.size(), i, n) ||
        s.records.truths.size() != tasks_of(plan.truths.size(), i, n))
      throw ShardError(s.source + ": holds a different number of results than shard " + std::to_string(i) + " of " +
                       std::to_string(n) + " should");
    curves.push_back(&s.records.curves);
    samples.push_back(&s.records.samples);
    truths.push_back(&s.records.truths);
  }
  Records out;
  out.curves = interleave(curves, plan.curves.size());
  out.samples = interleave(samples, plan.samples.size());
  out.truths = interleave(truths, plan.truths.size());
  return out;
}

Records round_trip(const Records& records) { return records_from_json(json::parse(to_json(records).dump(-1))); }

}  // namespace syninfo::validation
