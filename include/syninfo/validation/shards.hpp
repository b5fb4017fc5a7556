// Shard files of `syninfo validate --shard i/n` and their merge.
//
// A shard file holds the configuration's fingerprint, the shard's position and
// every record it computed (full precision). Task t of each list belongs to
// shard t mod n at position t div n, so the merge restores the single run's
// record order exactly, and the merged report is byte-identical to a single
// run's.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/report/shard_files.hpp"
#include "syninfo/validation/config.hpp"
#include "syninfo/validation/records.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::validation {

using report::ShardError;
using report::shard_file_name;

// The "format" of validate's shard files.
inline constexpr const char* kShardFormat = "syninfo-validate-shard-1";

struct ShardFile {
  std::string source;  // path, for messages
  json::Value fingerprint;
  std::size_t index = 0, count = 1;
  Records records;
};

json::Value shard_to_json(const ValidationConfig& config, const Records& records);
// Throws ShardError naming the file on anything malformed.
ShardFile shard_from_json(const json::Value& value, const std::string& source);
ShardFile read_shard_file(const std::filesystem::path& path);

// Rebuilds the configuration the shards were made with from the first
// shard's full configuration JSON and checks that every shard carries the
// same one (naming the first key that differs), that the
// shard count agrees, that every index 0..n-1 is present exactly once and that
// each shard has exactly its tasks. Throws ShardError otherwise.
ValidationConfig config_of_shards(const std::vector<ShardFile>& shards);
Records merge_shards(const std::vector<ShardFile>& shards, const ValidationConfig& config);

// JSON text round trip (what a single run does too, so that a merged report
// and a single run's are computed from identical numbers).
Records round_trip(const Records& records);

}  // namespace syninfo::validation
