// The redundancy lattice of partial information decomposition (Williams &
// Beer): the antichains of non-empty source collections, ordered by
// alpha <= beta iff every collection in beta contains some collection of alpha.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::pid {

// A source collection as a bit mask over the sources (bit j = source j).
using Collection = std::uint32_t;
// An antichain: collections none of which contains another, sorted ascending.
using Antichain = std::vector<Collection>;

inline constexpr std::size_t max_sources = 4;  // 166 antichains; 5 sources would have 7579

struct RedundancyLattice {
  std::size_t sources = 0;
  // Nodes in an order in which every node comes after all nodes below it, so
  // that a single pass computes the Moebius inversion.
  std::vector<Antichain> nodes;
  // strictly_below[k]: indices of the nodes strictly below node k.
  std::vector<std::vector<std::size_t>> strictly_below;
  std::size_t bottom = 0;  // {1}{2}...{n}
  std::size_t top = 0;     // {1 2 ... n}
};

// alpha <= beta in the redundancy order.
bool precedes_or_equal(const Antichain& alpha, const Antichain& beta);

// The lattice for 1 <= sources <= max_sources; std::invalid_argument otherwise.
// Nodes with the same number of lower nodes keep the order of their
// collections (fewer, smaller collections first), so the order is stable.
RedundancyLattice make_redundancy_lattice(std::size_t sources);

// "{T}{R}", "{T,R}", "{A}{B,C}": each collection in braces, sources by name.
std::string node_name(const Antichain& alpha, const std::vector<std::string>& source_names);

}  // namespace syninfo::pid
