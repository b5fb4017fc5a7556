#include "syninfo/estimators/block_error.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace syninfo::estimators {

std::vector<std::vector<std::size_t>> random_blocks(std::size_t n, std::size_t blocks, std::size_t min_rows,
                                                    std::uint64_t seed) {
  if (min_rows == 0) min_rows = 1;
  blocks = std::min(blocks, n / min_rows);
  if (blocks < 2) return {};
  std::vector<std::size_t> perm(n);
  std::iota(perm.begin(), perm.end(), std::size_t{0});
  Rng rng(seed, 0x9E3779B97F4A7C15ull);  // a stream of its own, apart from per-row streams
  for (std::size_t i = n; i > 1; --i) std::swap(perm[i - 1], perm[rng.uniform_int(0, i - 1)]);
  std::vector<std::vector<std::size_t>> out(blocks);
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::size_t begin = b * n / blocks, end = (b + 1) * n / blocks;
    out[b].assign(perm.begin() + static_cast<std::ptrdiff_t>(begin), perm.begin() + static_cast<std::ptrdiff_t>(end));
    std::sort(out[b].begin(), out[b].end());
  }
  return out;
}

BlockError block_standard_error(std::size_t n, std::size_t blocks, std::size_t min_rows, std::uint64_t seed,
                                const std::function<double(const std::vector<std::size_t>&)>& estimate_rows,
                                unsigned threads) {
  const auto parts = random_blocks(n, blocks, min_rows, seed);
  if (parts.empty()) {
    std::string why = "none (";
    if (blocks < 2) {
      why += "fewer than 2 blocks requested)";
    } else {
      why += "too few samples for 2 blocks of ";
      why += std::to_string(min_rows);
      why += " rows)";
    }
    return {std::numeric_limits<double>::quiet_NaN(), why};
  }
  std::vector<double> values(parts.size());
  parallel_for_each_dynamic(parts.size(), threads, [&](std::size_t b) { values[b] = estimate_rows(parts[b]); });
  const double b = static_cast<double>(values.size());
  double mean = 0.0;
  for (double v : values) mean += v;
  mean /= b;
  double ss = 0.0;
  for (double v : values) ss += (v - mean) * (v - mean);
  const double se = std::sqrt(ss / (b - 1.0)) / std::sqrt(b);
  const std::string count = std::to_string(values.size());
  std::string how = "batch means: sd of the estimates on ";
  how += count;
  how += " disjoint blocks of the seeded-shuffled rows, divided by sqrt(";
  how += count;
  how += ")";
  return {se, how};
}

}  // namespace syninfo::estimators
