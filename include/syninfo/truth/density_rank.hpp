// Whether a sum of log-normal terms has a density in R^n (proofs/
// degenerate_ensembles.md section 1). Z = sum_mu exp(g^mu), g^mu = m^mu +
// L^mu z^mu with z^mu standard normal and L^mu a square-root factor of the
// log-term covariance E S^mu E'. Z is a real-analytic map of the stacked
// z^mu; its Jacobian d ln Z_a / d z^mu_j = (T_a^mu / Z_a) L^mu_aj has the same
// rank at almost every point (the generic rank), and Z has a density exactly
// when that rank is n. The rank is measured at a few random points (a larger
// rank anywhere is the generic one: rank is lower semi-continuous).
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/truth/model_sampling.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace syninfo::truth {

struct DensityRank {
  std::size_t rank = 0;        // generic rank of the Jacobian of Z (at most n)
  std::size_t dimension = 0;   // n
  double smallest_kept = 0.0;  // smallest singular value counted in the rank (relative to the largest)
  bool has_density() const { return rank == dimension; }
};

// The generic rank of the sum of `terms` (all of them, or all but `exclude`),
// from `points` random draws (seeded); singular values below `tolerance` x the
// largest count as zero.
DensityRank sum_density_rank(const std::vector<LogTerm>& terms, std::optional<std::size_t> exclude = std::nullopt,
                             std::size_t points = 4, std::uint64_t seed = 1, double tolerance = 1e-9);

// What the exact identity I = h(W_E) - h(R^(k)) gives for this problem:
// finite (both have densities), infinite (W_E has a density, R^(k) does not:
// given x^k, W_E lies on a Lebesgue-null translate of R^(k)'s support), or
// undefined here (W_E itself has no density in R^n).
enum class InformationKind { finite, infinite, undefined };
struct DensityVerdict {
  InformationKind kind = InformationKind::finite;
  DensityRank w, r;
  std::string reason;  // why infinite or undefined, "" when finite
};
DensityVerdict density_verdict(const Problem<double>& problem);

}  // namespace syninfo::truth
