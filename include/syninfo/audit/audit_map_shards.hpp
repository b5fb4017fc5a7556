// Shard files of `syninfo audit-map --shard i/n`, their merge, and the JSON
// form of a grid point (also what the checkpoint of --resume keeps).
//
// A shard file holds the grid options (everything the points depend on, not
// the thread count), the recorded command, the shard position, its run time
// and every point it computed at full precision, in map order. Merged, the
// shards give exactly the map of a single run (report::interleave), and
// write_audit_map then writes the same files.
#pragma once

#include "syninfo/audit/audit_map.hpp"
#include "syninfo/json.hpp"
#include "syninfo/report/shard_files.hpp"

#include <string>
#include <vector>

namespace syninfo::audit {

inline constexpr const char* kAuditMapShardFormat = "syninfo-audit-map-shard-1";

// Every option the points depend on (grid, sample sizes, seed, N, scale), in
// a fixed order; not threads or progress.
json::Value audit_map_options_json(const AuditMapOptions& options);
// Throws std::invalid_argument naming the field.
AuditMapOptions audit_map_options_from_json(const json::Value& value);

// A point at full precision (non-finite numbers as null, "inf", "-inf").
json::Value to_json(const AuditMapPoint& point);
// Throws std::invalid_argument naming `where` and the field.
AuditMapPoint audit_map_point_from_json(const json::Value& value, const std::string& where);

// The shard file of a map computed with run.shard = position.
json::Value audit_map_shard_to_json(const AuditMap& map, report::ShardPosition position);

struct AuditMapShard {
  std::string source;  // path, for messages
  json::Value options;
  report::ShardPosition position;
  AuditMap map;        // frame, command, seconds and the shard's points
};
// Throws report::ShardError naming the source on anything malformed.
AuditMapShard audit_map_shard_from_json(const json::Value& value, const std::string& source);

// The single run's map from a complete set of shards: the same options in
// every shard (ShardError naming the first field that differs), every
// position once, each with exactly its points. seconds is the sum of the
// shards' run times; command is the first shard's.
AuditMap merge_audit_map_shards(const std::vector<AuditMapShard>& shards);

}  // namespace syninfo::audit
