// Finished blocks of the outer samples of a long Monte Carlo computation
// (sequential and conditional Monte Carlo), kept by the caller so that an
// interrupted run can be resumed (`syninfo truth --checkpoint DIR --resume`).
//
// Every outer sample's values are a function of the computation's inputs and
// the sample's index only (its random stream is Rng(seed, i)), so a block
// read back holds exactly the values the computation would produce: a resumed
// run gives bit for bit the result of an uninterrupted one, at any thread
// count. The key of a block names the computation ("smc", "cmc"), a hash of
// all its inputs (terms, options, seed) and the block's first sample.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace syninfo::truth {

class BlockStore {
 public:
  virtual ~BlockStore() = default;
  // The values stored under key into values (true), or false. Thread-safe.
  virtual bool load(const std::string& key, std::vector<double>& values) = 0;
  // Keeps a finished block. Thread-safe.
  virtual void save(const std::string& key, const std::vector<double>& values) = 0;
};

// Outer samples per block (only when a store is given; without one the
// samples are split among the threads as before).
inline constexpr std::size_t kStoredBlockSamples = 128;

}  // namespace syninfo::truth
