#include "syninfo/pid/lattice.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace syninfo::pid {
namespace {

bool is_subset(Collection a, Collection b) { return (a & b) == a; }

bool is_antichain(const Antichain& alpha) {
  for (std::size_t i = 0; i < alpha.size(); ++i)
    for (std::size_t j = 0; j < alpha.size(); ++j)
      if (i != j && is_subset(alpha[i], alpha[j])) return false;
  return true;
}

}  // namespace

bool precedes_or_equal(const Antichain& alpha, const Antichain& beta) {
  return std::all_of(beta.begin(), beta.end(), [&](Collection b) {
    return std::any_of(alpha.begin(), alpha.end(), [&](Collection a) { return is_subset(a, b); });
  });
}

RedundancyLattice make_redundancy_lattice(std::size_t sources) {
  if (sources < 1 || sources > max_sources)
    throw std::invalid_argument("the redundancy lattice needs 1 to " + std::to_string(max_sources) +
                                " sources, got " + std::to_string(sources));
  // The non-empty collections 1 .. 2^n - 1; every antichain is a subset of them.
  const std::size_t collections = (std::size_t{1} << sources) - 1;
  std::vector<Antichain> found;
  for (std::uint64_t chosen = 1; chosen < (std::uint64_t{1} << collections); ++chosen) {
    Antichain alpha;
    for (std::size_t c = 0; c < collections; ++c)
      if (chosen >> c & 1u) alpha.push_back(static_cast<Collection>(c + 1));
    if (is_antichain(alpha)) found.push_back(std::move(alpha));
  }
  const std::size_t count = found.size();
  std::vector<std::vector<std::size_t>> below(count);
  for (std::size_t i = 0; i < count; ++i)
    for (std::size_t j = 0; j < count; ++j)
      if (i != j && precedes_or_equal(found[j], found[i])) below[i].push_back(j);
  // alpha < beta implies below(alpha) is a proper subset of below(beta), so
  // sorting by the number of lower nodes is a linear extension of the order.
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return below[a].size() < below[b].size(); });
  std::vector<std::size_t> position(count);
  for (std::size_t k = 0; k < count; ++k) position[order[k]] = k;

  RedundancyLattice lattice;
  lattice.sources = sources;
  for (std::size_t k = 0; k < count; ++k) {
    lattice.nodes.push_back(found[order[k]]);
    std::vector<std::size_t> lower;
    for (std::size_t j : below[order[k]]) lower.push_back(position[j]);
    std::sort(lower.begin(), lower.end());
    lattice.strictly_below.push_back(std::move(lower));
  }
  lattice.bottom = 0;  // the only node with nothing below it
  lattice.top = count - 1;  // the only node with everything below it
  return lattice;
}

std::string node_name(const Antichain& alpha, const std::vector<std::string>& source_names) {
  std::string out;
  for (Collection a : alpha) {
    out += '{';
    bool first = true;
    for (std::size_t j = 0; j < source_names.size(); ++j) {
      if (!(a >> j & 1u)) continue;
      if (!first) out += ',';
      out += source_names[j];
      first = false;
    }
    out += '}';
  }
  return out;
}

}  // namespace syninfo::pid
