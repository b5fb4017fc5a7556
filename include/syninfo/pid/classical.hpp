// Classical information quantities of a discrete joint distribution, in bits,
// computed from marginal entropies (independently of the PID code, so that the
// PID's single-collection redundancies can be checked against them).
#pragma once

#include "syninfo/pid/distribution.hpp"
#include "syninfo/pid/lattice.hpp"

#include <cstddef>
#include <map>
#include <vector>

namespace syninfo::pid {

template <class Scalar>
Scalar log2_(const Scalar& x) {
  if constexpr (std::is_same_v<Scalar, double>) return std::log2(x);
  else {
    using std::log;
    static const Scalar ln2 = log(Scalar(2));
    return log(x) / ln2;
  }
}

// Entropy in bits of the target (when with_target) and the sources in mask.
template <class Scalar>
Scalar marginal_entropy(const JointDistribution<Scalar>& d, Collection mask, bool with_target) {
  std::map<std::vector<Symbol>, Scalar> marginal;
  for (const auto& o : d.outcomes) {
    std::vector<Symbol> key;
    if (with_target) key.push_back(o.target);
    for (std::size_t j = 0; j < d.sources; ++j)
      if (mask >> j & 1u) key.push_back(o.sources[j]);
    marginal[key] += o.probability;
  }
  Scalar h = 0;
  for (const auto& [key, p] : marginal) h -= p * log2_(p);
  return h;
}

// I(Y; S_mask) = H(Y) + H(S_mask) - H(Y, S_mask).
template <class Scalar>
Scalar mutual_information(const JointDistribution<Scalar>& d, Collection mask) {
  return marginal_entropy(d, 0, true) + marginal_entropy(d, mask, false) - marginal_entropy(d, mask, true);
}

template <class Scalar>
struct ClassicalQuantities {
  Scalar target_entropy = 0;              // H(Y)
  std::vector<Scalar> source_mi;          // I(Y; S_j) per source
  Scalar joint_mi = 0;                    // I(Y; S_1..S_n)
  // Co-information of Y and all sources: the alternating sum over non-empty
  // source sets A of (-1)^(|A|+1) I(Y; S_A); for two sources
  // I(Y;T) + I(Y;R) - I(Y;T,R).
  Scalar co_information = 0;
  Scalar residual_entropy = 0;            // H(Y) - I(Y; S_1..S_n) = H(Y | S_1..S_n)
};

template <class Scalar>
ClassicalQuantities<Scalar> classical_quantities(const JointDistribution<Scalar>& d) {
  ClassicalQuantities<Scalar> q;
  q.target_entropy = marginal_entropy(d, 0, true);
  const Collection all = static_cast<Collection>((Collection{1} << d.sources) - 1);
  for (std::size_t j = 0; j < d.sources; ++j) q.source_mi.push_back(mutual_information(d, Collection{1} << j));
  q.joint_mi = mutual_information(d, all);
  for (Collection a = 1; a <= all; ++a) {
    const Scalar mi = mutual_information(d, a);
    if (__builtin_popcount(a) % 2 == 1) q.co_information += mi;
    else q.co_information -= mi;
  }
  // As H(Y, S) - H(S): the same number, but exactly 0 for a deterministic
  // target (both entropies sum the same terms) instead of a rounding residue.
  q.residual_entropy = marginal_entropy(d, all, true) - marginal_entropy(d, all, false);
  return q;
}

}  // namespace syninfo::pid
