// Loops over outer samples whose finished blocks are kept in a BlockStore
// (block_store.hpp), and the input hash that keys them.
#pragma once

#include "syninfo/parallel.hpp"
#include "syninfo/truth/block_store.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace syninfo::truth::detail {

// FNV-1a (64 bits) of everything a computation depends on.
class InputHash {
 public:
  InputHash& bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      h_ ^= p[i];
      h_ *= 1099511628211ull;
    }
    return *this;
  }
  InputHash& add(double x) { return bytes(&x, sizeof x); }
  InputHash& add(std::uint64_t x) { return bytes(&x, sizeof x); }
  InputHash& add(const std::string& s) { return add(static_cast<std::uint64_t>(s.size())).bytes(s.data(), s.size()); }
  InputHash& add(const Eigen::MatrixXd& m) {
    add(static_cast<std::uint64_t>(m.rows())).add(static_cast<std::uint64_t>(m.cols()));
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      for (Eigen::Index i = 0; i < m.rows(); ++i) add(m(i, j));
    return *this;
  }
  InputHash& add(const Eigen::VectorXd& v) {
    add(static_cast<std::uint64_t>(v.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i) add(v(i));
    return *this;
  }
  std::string hex() const {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h_));
    return text;
  }

 private:
  std::uint64_t h_ = 1469598103934665603ull;
};

// compute(begin, end) over the outer samples [0, count). Without a store,
// parallel_for on `threads` threads. With one, in blocks of
// kStoredBlockSamples taken by the threads in turn: a block the store holds
// (under key + "/" + its first sample) is restored item by item,
// restore(i, values of item i), the others are computed, encoded item by item
// (encode(i, values of item i)) and saved. `width` values per item.
template <class Compute, class Encode, class Restore>
void stored_for(std::size_t count, unsigned threads, BlockStore* store, const std::string& key, std::size_t width,
                Compute compute, Encode encode, Restore restore) {
  if (!store) {
    parallel_for(count, threads, compute);
    return;
  }
  const std::size_t blocks = (count + kStoredBlockSamples - 1) / kStoredBlockSamples;
  parallel_for_each_dynamic(blocks, threads, [&](std::size_t b) {
    const std::size_t begin = b * kStoredBlockSamples, end = std::min(count, begin + kStoredBlockSamples);
    const std::string block_key = key + "/" + std::to_string(begin);
    std::vector<double> values;
    if (store->load(block_key, values)) {
      if (values.size() != (end - begin) * width)
        throw std::runtime_error("stored block " + block_key + " holds " + std::to_string(values.size()) +
                                 " values, expected " + std::to_string((end - begin) * width) +
                                 " (the checkpoint is damaged)");
      for (std::size_t i = begin; i < end; ++i) restore(i, &values[(i - begin) * width]);
      return;
    }
    compute(begin, end);
    values.assign((end - begin) * width, 0.0);
    for (std::size_t i = begin; i < end; ++i) encode(i, &values[(i - begin) * width]);
    store->save(block_key, values);
  });
}

}  // namespace syninfo::truth::detail
