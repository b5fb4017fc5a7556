#include "syninfo/validation/shards.hpp"

#include "syninfo/spec.hpp"
#include "syninfo/validation/config_json.hpp"
#include "syninfo/validation/run.hpp"

namespace syninfo::validation {
namespace {

const json::Value& require(const json::Value& v, const char* key, const std::string& source) {
  return report::shard_member(v, key, source, "a validate");
}

}  // namespace

json::Value shard_to_json(const ValidationConfig& config, const Records& records) {
  return json::Value::object()
      .set("format", json::Value::string(kShardFormat))
      .set("config", config_fingerprint(config))
      .set("shard", report::shard_position_json({config.shard_index, config.shard_count}))
      .set("records", to_json(records));
}

ShardFile shard_from_json(const json::Value& v, const std::string& source) {
  const json::Value& format = require(v, "format", source);
  if (!format.is_string() || format.as_string() != kShardFormat) throw ShardError(source + ": unknown shard format");
  ShardFile s;
  s.source = source;
  s.fingerprint = require(v, "config", source);
  const report::ShardPosition position = report::shard_position_from_json(require(v, "shard", source), source);
  s.index = position.index;
  s.count = position.count;
  try {
    s.records = records_from_json(require(v, "records", source));
  } catch (const std::invalid_argument& e) {
    throw ShardError(source + ": " + e.what());
  }
  return s;
}

ShardFile read_shard_file(const std::filesystem::path& path) {
  const std::string text = report::read_shard_text(path);
  try {
    return shard_from_json(json::parse(text), path.string());
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
  std::vector<report::ShardPosition> positions;
  std::vector<std::string> sources;
  for (const auto& s : shards) {
    positions.push_back({s.index, s.count});
    sources.push_back(s.source);
  }
  report::shard_cover(positions, sources);
  config.shard_count = first.count;
  return config;
}

Records merge_shards(const std::vector<ShardFile>& shards, const ValidationConfig& config) {
  const std::size_t n = config.shard_count;
  std::vector<report::ShardPosition> positions;
  std::vector<std::string> sources;
  for (const auto& s : shards) {
    if (s.count != n || s.index >= n) throw ShardError(s.source + ": not one of " + std::to_string(n) + " shards");
    positions.push_back({s.index, s.count});
    sources.push_back(s.source);
  }
  const std::vector<std::size_t> by_index = report::shard_cover(positions, sources);
  const Plan plan = make_plan(config);
  std::vector<const std::vector<CurveRecord>*> curves;
  std::vector<const std::vector<SampleRecord>*> samples;
  std::vector<const std::vector<TruthRecord>*> truths;
  for (std::size_t i = 0; i < n; ++i) {
    const ShardFile& s = shards[by_index[i]];
    if (s.records.curves.size() != report::shard_task_count(plan.curves.size(), i, n) ||
        s.records.samples.size() != report::shard_task_count(plan.samples.size(), i, n) ||
        s.records.truths.size() != report::shard_task_count(plan.truths.size(), i, n))
      throw ShardError(s.source + ": holds a different number of results than shard " + std::to_string(i) + " of " +
                       std::to_string(n) + " should");
    curves.push_back(&s.records.curves);
    samples.push_back(&s.records.samples);
    truths.push_back(&s.records.truths);
  }
  Records out;
  out.curves = report::interleave(curves, plan.curves.size());
  out.samples = report::interleave(samples, plan.samples.size());
  out.truths = report::interleave(truths, plan.truths.size());
  return out;
}

Records round_trip(const Records& records) { return records_from_json(json::parse(to_json(records).dump(-1))); }

}  // namespace syninfo::validation
