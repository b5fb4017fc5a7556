// Standard errors by batch means over disjoint random blocks of the sample.
//
// The rows 0 .. N-1 are shuffled by a Fisher-Yates pass driven by one seeded
// stream (independent of threads), cut into B contiguous pieces of nearly
// equal size, and the estimator is re-run on each piece. If the estimator's
// variance falls like 1/N, Var(full) ~ Var(block) / B, so
//   SE = sd(block estimates, divisor B - 1) / sqrt(B).
// With B = 10, estimate +- 2 SE covers the truth with probability about
// P(|t_9| < 2) = 0.92 when the estimator's bias is negligible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace syninfo::estimators {

// The blocks of row indices (each sorted ascending, so a block keeps the
// original row order). blocks is reduced so that every block has at least
// min_rows rows; the result is empty when fewer than 2 blocks remain.
std::vector<std::vector<std::size_t>> random_blocks(std::size_t n, std::size_t blocks, std::size_t min_rows,
                                                    std::uint64_t seed);

struct BlockError {
  double standard_error;     // NaN when unavailable
  std::string description;   // for Estimate::error_method
};

// Runs estimate_rows on every block and returns the batch-means standard error.
// Up to `threads` blocks run at once (0: all cores), so estimate_rows should
// then use one thread itself (small blocks gain little from more); the result
// does not depend on `threads`.
BlockError block_standard_error(std::size_t n, std::size_t blocks, std::size_t min_rows, std::uint64_t seed,
                                const std::function<double(const std::vector<std::size_t>&)>& estimate_rows,
                                unsigned threads = 1);

}  // namespace syninfo::estimators
