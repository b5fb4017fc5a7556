// The results of a calibration sweep: one record per design point, their
// JSON form (shards of `syninfo calibrate --shard i/n`, merged by
// `syninfo calibrate --merge`), and the CSV of every point.
#pragma once

#include "syninfo/calibration/design.hpp"
#include "syninfo/calibration/point_statistics.hpp"
#include "syninfo/json.hpp"

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::calibration {

struct PointResult {
  std::size_t index = 0;  // position in design_points order
  json::Value point;      // {key: value}
  PointStatistics statistics;
};

// A shard that cannot be merged: the message names the file and what is wrong.
class ShardError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

json::Value result_to_json(const PointResult& r);
PointResult result_from_json(const json::Value& v);  // throws ShardError on a malformed record

// A shard file's content: the design, the shard and its points.
json::Value shard_to_json(const Design& design, std::size_t shard_index, std::size_t shard_count,
                          const std::vector<PointResult>& results);
std::string calibration_shard_name(std::size_t shard_index, std::size_t shard_count);

// Reads every calibration shard in `dir`; refuses shards of different designs
// or shard counts, and a set that misses or repeats a point (ShardError).
struct MergedShards {
  Design design;
  std::vector<PointResult> results;  // in index order, all points
};
MergedShards merge_calibration_shards(const std::filesystem::path& dir);

// One row per point: the parameters, then each statistic (value, CI, z,
// reproduction), the discrepancy, then each C5 alternative.
std::string points_csv(const Design& design, const std::vector<PointResult>& results);

}  // namespace syninfo::calibration
