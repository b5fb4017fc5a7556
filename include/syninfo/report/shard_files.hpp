// What the sharded commands (`validate --shard i/n`, `audit-map --shard i/n`)
// and `syninfo merge` share: the shard position, the file names, finding the
// files, checking that a set of shards covers every position exactly once,
// and restoring the single run's task order.
//
// Task t of a run's task list belongs to shard t mod n, at position t div n
// of that shard's list, so interleaving the shards' lists restores the order
// of a single run exactly.
#pragma once

#include "syninfo/json.hpp"

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::report {

// A shard file (or a set of them) is malformed or incomplete; the message
// names the file. Commands exit 2.
class ShardError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ShardPosition {
  std::size_t index = 0, count = 1;
};

// "i/n" with 0 <= i < n; std::invalid_argument ("--shard expects i/n with
// 0 <= i < n, got '...'") otherwise.
ShardPosition parse_shard_position(const std::string& text);

// shard-i-of-n.json, and its timings and checkpoint beside it.
std::string shard_file_name(std::size_t index, std::size_t count);
std::string shard_timings_name(std::size_t index, std::size_t count);
std::string shard_checkpoint_name(std::size_t index, std::size_t count);

// The shard files among the arguments: every shard-*.json in a directory
// (sorted), or a file given by name. ShardError when an argument is neither,
// or a directory holds no shard file.
std::vector<std::filesystem::path> find_shard_files(const std::vector<std::string>& arguments);

// The whole text of a file; ShardError when it cannot be read.
std::string read_shard_text(const std::filesystem::path& path);

// The "format" member of a shard file's JSON ("" when there is none).
std::string shard_format(const json::Value& value);

// A member that must be present; ShardError naming the file otherwise.
const json::Value& shard_member(const json::Value& value, const char* key, const std::string& source,
                                const char* kind);

// A non-negative integer written as digits only; ShardError otherwise.
std::size_t shard_count_value(const json::Value& value, const std::string& source, const char* what);

// [index, count] and back (ShardError naming the file).
json::Value shard_position_json(ShardPosition position);
ShardPosition shard_position_from_json(const json::Value& value, const std::string& source);

// The tasks of a list of `total` that shard (index of count) owns.
std::size_t shard_task_count(std::size_t total, std::size_t index, std::size_t count);
inline bool in_shard(std::size_t task, ShardPosition position) {
  return position.count <= 1 || task % position.count == position.index;
}

// Checks that positions[s] (from file sources[s]) all have the same count and
// cover 0..count-1 exactly once; returns, for each index, which shard holds it.
// ShardError ("shard 1 of 2 is missing", "... given twice") otherwise.
std::vector<std::size_t> shard_cover(const std::vector<ShardPosition>& positions, const std::vector<std::string>& sources);

// The single run's list from the shards' lists (parts[i] of shard i).
template <class T>
std::vector<T> interleave(const std::vector<const std::vector<T>*>& parts, std::size_t total) {
  std::vector<T> out;
  out.reserve(total);
  const std::size_t n = parts.size();
  for (std::size_t t = 0; t < total; ++t) out.push_back((*parts[t % n])[t / n]);
  return out;
}

}  // namespace syninfo::report
