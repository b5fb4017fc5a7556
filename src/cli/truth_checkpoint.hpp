// `syninfo truth --checkpoint DIR [--resume]`: the run's identity and the
// store that keeps its finished blocks of outer samples in the checkpoint.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/report/checkpoint.hpp"
#include "syninfo/truth/block_store.hpp"
#include "syninfo/truth/true_information.hpp"

#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

namespace syninfo::cli {

// Everything the result depends on: the spec (with --pattern applied), the
// method and every sampling option (not the thread count).
json::Value truth_identity(const json::Value& spec, const std::string& method, const truth::TruthOptions& options);

// Each block is one task of the checkpoint (key: the block's key), its values
// as 16 hex digits of each double's bits (exact, NaN and infinities included).
class CheckpointBlockStore : public truth::BlockStore {
 public:
  explicit CheckpointBlockStore(report::Checkpoint& checkpoint) : checkpoint_(checkpoint) {}
  // Throws report::CheckpointRefused when a kept block is not hex doubles.
  bool load(const std::string& key, std::vector<double>& values) override;
  void save(const std::string& key, const std::vector<double>& values) override;
  std::size_t loaded() const { return loaded_; }
  std::size_t saved() const { return saved_; }

 private:
  report::Checkpoint& checkpoint_;
  std::atomic<std::size_t> loaded_{0}, saved_{0};
};

}  // namespace syninfo::cli
