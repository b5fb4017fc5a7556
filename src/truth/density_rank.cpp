#include "syninfo/truth/density_rank.hpp"

#include "psd_square_root.hpp"
#include "syninfo/random.hpp"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <string>

namespace syninfo::truth {
DensityRank sum_density_rank(const std::vector<LogTerm>& terms, std::optional<std::size_t> exclude, std::size_t points,
                             std::uint64_t seed, double tolerance) {
  DensityRank out;
  if (terms.empty()) return out;
  const Eigen::Index n = terms.front().mean.size();
  out.dimension = static_cast<std::size_t>(n);
  std::vector<std::size_t> used;
  for (std::size_t mu = 0; mu < terms.size(); ++mu)
    if (!exclude || mu != *exclude) used.push_back(mu);
  if (used.empty() || n == 0) return out;
  std::vector<Eigen::MatrixXd> roots;
  // Rank-revealing factors: eigenvalues within round-off of zero (<= 1e-12
  // of the largest) are dropped. Kept, sqrt(1e-16) = 1e-8 relative is above
  // the SVD's 1e-9 cut: all 15 pairs among 6 neurons (rank 6 per term)
  // counted 14 dimensions for two terms that fill 11.
  for (std::size_t mu : used) roots.push_back(detail::psd_square_root(terms[mu].cov, 1e-12));
  const auto cols = static_cast<Eigen::Index>(used.size()) * n;
  Eigen::MatrixXd g(n, static_cast<Eigen::Index>(used.size())), jac(n, cols);
  for (std::size_t p = 0; p < std::max<std::size_t>(points, 1); ++p) {
    Rng rng(seed, p);
    for (std::size_t c = 0; c < used.size(); ++c) {
      Eigen::VectorXd z(n);
      for (Eigen::Index a = 0; a < n; ++a) z(a) = rng.normal();
      g.col(static_cast<Eigen::Index>(c)) = terms[used[c]].mean + roots[c] * z;
    }
    // Row a scaled by 1 / Z_a (weights T_a^mu / Z_a in (0, 1]): the rank is
    // unchanged and no row overflows.
    for (Eigen::Index a = 0; a < n; ++a) {
      const double top = g.row(a).maxCoeff();
      const Eigen::ArrayXd share = (g.row(a).array() - top).exp();
      const double total = share.sum();
      for (std::size_t c = 0; c < used.size(); ++c)
        jac.block(a, static_cast<Eigen::Index>(c) * n, 1, n) =
            (share(static_cast<Eigen::Index>(c)) / total) * roots[c].row(a);
    }
    const Eigen::JacobiSVD<Eigen::MatrixXd> svd(jac);
    const Eigen::VectorXd s = svd.singularValues();
    if (s.size() == 0 || !(s(0) > 0.0)) continue;
    std::size_t rank = 0;
    double kept = 1.0;
    for (Eigen::Index i = 0; i < s.size(); ++i)
      if (s(i) > tolerance * s(0)) {
        ++rank;
        kept = s(i) / s(0);
      }
    if (rank > out.rank || (rank == out.rank && kept > out.smallest_kept)) {
      out.rank = rank;
      out.smallest_kept = kept;
    }
  }
  return out;
}

DensityVerdict density_verdict(const Problem<double>& problem) {
  const std::vector<LogTerm> terms = log_terms(problem);
  DensityVerdict v;
  v.w = sum_density_rank(terms);
  v.r = sum_density_rank(terms, problem.pattern);
  const std::string n = std::to_string(v.w.dimension);
  if (!v.w.has_density()) {
    v.kind = InformationKind::undefined;
    v.reason = "W_E has no density in R^" + n + ": the sum of the patterns' terms fills only " +
               std::to_string(v.w.rank) + " dimensions (generic Jacobian rank), so h(W_E) and the identity "
               "I = h(W_E) - h(R^(k)) are undefined";
  } else if (!v.r.has_density()) {
    v.kind = InformationKind::infinite;
    v.reason = "R^(k) has no density in R^" + n + " (its terms fill " + std::to_string(v.r.rank) +
               " dimensions) while W_E has one: given x^k, W_E lies on a null set, so I(W_E; x^k) is infinite";
  }
  return v;
}

}  // namespace syninfo::truth
