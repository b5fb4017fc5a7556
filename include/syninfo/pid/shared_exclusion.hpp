// The shared-exclusion redundancy I^sx (Makkeh, Gutknecht & Wibral, Phys. Rev.
// E 103, 032149, 2021) and the PID atoms from its Moebius inversion over the
// redundancy lattice, locally (per outcome) and averaged, in bits.
// Derivation: proofs/pid_shared_exclusion.md.
#pragma once

#include "syninfo/pid/classical.hpp"
#include "syninfo/pid/distribution.hpp"
#include "syninfo/pid/lattice.hpp"

#include <cstddef>
#include <map>
#include <stdexcept>
#include <vector>

namespace syninfo::pid {

// Values per lattice node (indexed like RedundancyLattice::nodes).
template <class Scalar>
struct NodeValues {
  std::vector<Scalar> informative;     // from -log2 P(union event)
  std::vector<Scalar> misinformative;  // from -log2 P(union event | target)
  std::vector<Scalar> total;           // informative - misinformative
};

template <class Scalar>
struct PidResult {
  RedundancyLattice lattice;
  // Per outcome of the distribution, in its order.
  std::vector<NodeValues<Scalar>> local_redundancy;  // i^sx(t : alpha)
  std::vector<NodeValues<Scalar>> local_atoms;       // pi^sx(t : alpha)
  // Expectations over the distribution.
  NodeValues<Scalar> redundancy;  // I^sx(T : alpha)
  NodeValues<Scalar> atoms;       // Pi^sx(T : alpha)
  ClassicalQuantities<Scalar> classical;

  std::size_t node(const Antichain& alpha) const {
    for (std::size_t k = 0; k < lattice.nodes.size(); ++k)
      if (lattice.nodes[k] == alpha) return k;
    throw std::invalid_argument("not a node of the lattice");
  }
};

namespace detail {

template <class Scalar>
NodeValues<Scalar> zero_values(std::size_t nodes) {
  return {std::vector<Scalar>(nodes, Scalar(0)), std::vector<Scalar>(nodes, Scalar(0)),
          std::vector<Scalar>(nodes, Scalar(0))};
}

// pi(beta) = f(beta) - sum over alpha < beta of pi(alpha), in lattice order.
template <class Scalar>
std::vector<Scalar> moebius_inversion(const RedundancyLattice& lattice, const std::vector<Scalar>& f) {
  std::vector<Scalar> pi(f.size());
  for (std::size_t k = 0; k < f.size(); ++k) {
    Scalar below = 0;
    for (std::size_t j : lattice.strictly_below[k]) below += pi[j];
    pi[k] = f[k] - below;
  }
  return pi;
}

// covers[k][m]: an outcome whose sources agree with the realised ones exactly
// on the sources in mask m lies in the union event of node k (some collection
// of the antichain is wholly among the agreeing sources).
inline std::vector<std::vector<char>> union_membership(const RedundancyLattice& lattice) {
  const std::size_t masks = std::size_t{1} << lattice.sources;
  std::vector<std::vector<char>> covers(lattice.nodes.size(), std::vector<char>(masks, 0));
  for (std::size_t k = 0; k < lattice.nodes.size(); ++k)
    for (std::size_t m = 0; m < masks; ++m)
      for (Collection a : lattice.nodes[k])
        if ((a & m) == a) covers[k][m] = 1;
  return covers;
}

}  // namespace detail

// The full decomposition of d. Requires 1 <= d.sources <= max_sources and a
// normalised distribution (make_distribution).
template <class Scalar>
PidResult<Scalar> shared_exclusion_pid(const JointDistribution<Scalar>& d) {
  PidResult<Scalar> r;
  r.lattice = make_redundancy_lattice(d.sources);
  const std::size_t nodes = r.lattice.nodes.size();
  const std::size_t count = d.outcomes.size();
  if (count == 0) throw std::invalid_argument("the distribution has no outcomes");
  const auto covers = detail::union_membership(r.lattice);

  std::map<Symbol, Scalar> target_marginal;
  for (const auto& o : d.outcomes) target_marginal[o.target] += o.probability;

  r.redundancy = detail::zero_values<Scalar>(nodes);
  r.atoms = detail::zero_values<Scalar>(nodes);
  std::vector<Scalar> p_union(nodes), p_union_and_target(nodes);
  for (std::size_t k = 0; k < count; ++k) {
    const auto& here = d.outcomes[k];
    std::fill(p_union.begin(), p_union.end(), Scalar(0));
    std::fill(p_union_and_target.begin(), p_union_and_target.end(), Scalar(0));
    for (const auto& other : d.outcomes) {
      std::size_t agree = 0;
      for (std::size_t j = 0; j < d.sources; ++j)
        if (other.sources[j] == here.sources[j]) agree |= std::size_t{1} << j;
      const bool same_target = other.target == here.target;
      for (std::size_t n = 0; n < nodes; ++n) {
        if (!covers[n][agree]) continue;
        p_union[n] += other.probability;
        if (same_target) p_union_and_target[n] += other.probability;
      }
    }
    // Both events contain the outcome itself, so neither probability is zero.
    const Scalar p_target = target_marginal[here.target];
    NodeValues<Scalar> local = detail::zero_values<Scalar>(nodes);
    for (std::size_t n = 0; n < nodes; ++n) {
      local.informative[n] = -log2_(p_union[n]);
      local.misinformative[n] = -log2_(p_union_and_target[n] / p_target);
      local.total[n] = local.informative[n] - local.misinformative[n];
    }
    NodeValues<Scalar> atoms{detail::moebius_inversion(r.lattice, local.informative),
                             detail::moebius_inversion(r.lattice, local.misinformative),
                             detail::moebius_inversion(r.lattice, local.total)};
    for (std::size_t n = 0; n < nodes; ++n) {
      r.redundancy.informative[n] += here.probability * local.informative[n];
      r.redundancy.misinformative[n] += here.probability * local.misinformative[n];
      r.redundancy.total[n] += here.probability * local.total[n];
      r.atoms.informative[n] += here.probability * atoms.informative[n];
      r.atoms.misinformative[n] += here.probability * atoms.misinformative[n];
      r.atoms.total[n] += here.probability * atoms.total[n];
    }
    r.local_redundancy.push_back(std::move(local));
    r.local_atoms.push_back(std::move(atoms));
  }
  r.classical = classical_quantities(d);
  return r;
}

// The two-source atoms by name (sources 0 = "T", 1 = "R" in the issue).
template <class Scalar>
struct TwoSourceAtoms {
  Scalar redundancy, unique_first, unique_second, synergy, residual;
};

template <class Scalar>
TwoSourceAtoms<Scalar> two_source_atoms(const PidResult<Scalar>& r) {
  if (r.lattice.sources != 2) throw std::invalid_argument("two_source_atoms needs a two-source PID");
  return {r.atoms.total[r.node({1u, 2u})], r.atoms.total[r.node({1u})], r.atoms.total[r.node({2u})],
          r.atoms.total[r.node({3u})], r.classical.residual_entropy};
}

}  // namespace syninfo::pid
