// Properties of the shared-exclusion PID on random discrete distributions:
// the atoms add up to the mutual informations, the decomposition is symmetric
// in the sources and blind to symbol names, and a duplicated source is wholly
// redundant. Also the lattice sizes.
#include "syninfo/pid/shared_exclusion.hpp"

#include <catch2/catch.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace syninfo::pid {
namespace {

// Random tables have <= 27 outcomes with integer weights over their sum; every
// quantity is a sum of <= 27 products of a probability and a logarithm and a
// Moebius sum of <= 17 such values, so double rounding stays below ~1e-13
// bits. The identities are exact in real arithmetic: 1e-10 is a safe margin.
constexpr double tolerance = 1e-10;

struct RandomTable {
  std::size_t sources = 2;
  std::vector<Symbol> targets;
  std::vector<std::vector<Symbol>> source_rows;
  std::vector<double> weights;
};

// Every combination of target in 0..a_t-1 and sources in 0..a_s-1 with a
// random integer weight 0..9 (at least one positive).
rc::Gen<RandomTable> random_table(std::size_t sources) {
  return rc::gen::exec([sources] {
    RandomTable t;
    t.sources = sources;
    const int target_alphabet = *rc::gen::inRange(1, 4);
    const int source_alphabet = *rc::gen::inRange(1, sources == 2 ? 4 : 3);
    std::size_t cells = static_cast<std::size_t>(target_alphabet);
    for (std::size_t j = 0; j < sources; ++j) cells *= static_cast<std::size_t>(source_alphabet);
    auto weights = *rc::gen::container<std::vector<int>>(cells, rc::gen::inRange(0, 10));
    if (std::all_of(weights.begin(), weights.end(), [](int w) { return w == 0; })) weights[0] = 1;
    for (std::size_t c = 0; c < cells; ++c) {
      std::size_t rest = c;
      t.targets.push_back(static_cast<Symbol>(rest % static_cast<std::size_t>(target_alphabet)));
      rest /= static_cast<std::size_t>(target_alphabet);
      std::vector<Symbol> s;
      for (std::size_t j = 0; j < sources; ++j) {
        s.push_back(static_cast<Symbol>(rest % static_cast<std::size_t>(source_alphabet)));
        rest /= static_cast<std::size_t>(source_alphabet);
      }
      t.source_rows.push_back(s);
      t.weights.push_back(weights[c]);
    }
    return t;
  });
}

PidResult<double> pid_of(const RandomTable& t) {
  return shared_exclusion_pid(make_distribution<double>(t.sources, t.targets, t.source_rows, t.weights));
}

Collection all(std::size_t n) { return static_cast<Collection>((1u << n) - 1); }

TEST_CASE("the redundancy lattice has the Dedekind-number sizes", "[pid][lattice]") {
  // Antichains of non-empty subsets: Dedekind number M(n) - 2 (no empty
  // antichain, no antichain of the empty set): 1, 4, 18, 166.
  CHECK(make_redundancy_lattice(1).nodes.size() == 1);
  CHECK(make_redundancy_lattice(2).nodes.size() == 4);
  CHECK(make_redundancy_lattice(3).nodes.size() == 18);
  CHECK(make_redundancy_lattice(4).nodes.size() == 166);
  const auto l = make_redundancy_lattice(3);
  CHECK(l.nodes[l.bottom] == Antichain{1, 2, 4});
  CHECK(l.nodes[l.top] == Antichain{7});
  CHECK(l.strictly_below[l.top].size() == 17);
  CHECK_THROWS_AS(make_redundancy_lattice(0), std::invalid_argument);
  CHECK_THROWS_AS(make_redundancy_lattice(5), std::invalid_argument);
}

void check_sums(const RandomTable& t) {
  const auto d = make_distribution<double>(t.sources, t.targets, t.source_rows, t.weights);
  const auto r = shared_exclusion_pid(d);
  // Each node's redundancy is the sum of the atoms at and below it ...
  for (std::size_t k = 0; k < r.lattice.nodes.size(); ++k) {
    double sum = r.atoms.total[k];
    for (std::size_t j : r.lattice.strictly_below[k]) sum += r.atoms.total[j];
    RC_ASSERT(std::abs(sum - r.redundancy.total[k]) < tolerance);
  }
  // ... and a single collection's redundancy is its mutual information with
  // the target, computed from entropies by independent code.
  for (Collection a = 1; a <= all(t.sources); ++a)
    RC_ASSERT(std::abs(r.redundancy.total[r.node({a})] - mutual_information(d, a)) < tolerance);
  // All atoms plus the residual entropy make up H(Y).
  const double total = std::accumulate(r.atoms.total.begin(), r.atoms.total.end(), 0.0);
  RC_ASSERT(std::abs(total - r.classical.joint_mi) < tolerance);
  RC_ASSERT(std::abs(total + r.classical.residual_entropy - r.classical.target_entropy) < tolerance);
  // Informative minus misinformative parts give the atoms.
  for (std::size_t k = 0; k < r.lattice.nodes.size(); ++k)
    RC_ASSERT(std::abs(r.atoms.informative[k] - r.atoms.misinformative[k] - r.atoms.total[k]) < tolerance);
}

TEST_CASE("PID atoms sum to the mutual informations", "[pid][property]") {
  rc::prop("two sources", [] { check_sums(*random_table(2)); });
  rc::prop("three sources", [] { check_sums(*random_table(3)); });
}

TEST_CASE("two-source atoms: the classical identities", "[pid][property]") {
  rc::prop("red + unq = I(Y;S_j), and co-information = red - syn", [] {
    const auto t = *random_table(2);
    const auto r = pid_of(t);
    const auto a = two_source_atoms(r);
    RC_ASSERT(std::abs(a.redundancy + a.unique_first - r.classical.source_mi[0]) < tolerance);
    RC_ASSERT(std::abs(a.redundancy + a.unique_second - r.classical.source_mi[1]) < tolerance);
    RC_ASSERT(std::abs(a.redundancy - a.synergy - r.classical.co_information) < tolerance);
  });
}

TEST_CASE("PID is symmetric in the sources", "[pid][property]") {
  rc::prop("a permutation of the sources permutes the atoms", [] {
    const std::size_t n = *rc::gen::inRange<std::size_t>(2, 4);
    const auto t = *random_table(n);
    const std::vector<std::vector<std::size_t>> permutations =
        n == 2 ? std::vector<std::vector<std::size_t>>{{1, 0}}
               : std::vector<std::vector<std::size_t>>{{1, 0, 2}, {0, 2, 1}, {2, 1, 0}, {1, 2, 0}, {2, 0, 1}};
    const auto perm = *rc::gen::elementOf(permutations);
    RandomTable u = t;
    for (std::size_t i = 0; i < t.source_rows.size(); ++i)
      for (std::size_t j = 0; j < n; ++j) u.source_rows[i][j] = t.source_rows[i][perm[j]];
    const auto r = pid_of(t), s = pid_of(u);
    // New source j is old source perm[j]: collection bits map accordingly.
    auto map_collection = [&](Collection a) {
      Collection b = 0;
      for (std::size_t j = 0; j < n; ++j)
        if (a >> perm[j] & 1u) b |= Collection{1} << j;
      return b;
    };
    for (std::size_t k = 0; k < r.lattice.nodes.size(); ++k) {
      Antichain mapped;
      for (Collection a : r.lattice.nodes[k]) mapped.push_back(map_collection(a));
      std::sort(mapped.begin(), mapped.end());
      RC_ASSERT(std::abs(r.atoms.total[k] - s.atoms.total[s.node(mapped)]) < tolerance);
    }
  });
}

TEST_CASE("PID does not depend on the names of the symbols", "[pid][property]") {
  rc::prop("a bijective relabelling of every variable leaves the atoms", [] {
    const std::size_t n = *rc::gen::inRange<std::size_t>(2, 4);
    const auto t = *random_table(n);
    // Relabel x -> offset - 7 x per variable (a bijection of the integers).
    const auto offsets = *rc::gen::container<std::vector<int>>(n + 1, rc::gen::inRange(-50, 50));
    RandomTable u = t;
    for (std::size_t i = 0; i < t.targets.size(); ++i) {
      u.targets[i] = offsets[0] - 7 * t.targets[i];
      for (std::size_t j = 0; j < n; ++j) u.source_rows[i][j] = offsets[j + 1] - 7 * t.source_rows[i][j];
    }
    const auto r = pid_of(t), s = pid_of(u);
    for (std::size_t k = 0; k < r.lattice.nodes.size(); ++k)
      RC_ASSERT(std::abs(r.atoms.total[k] - s.atoms.total[k]) < tolerance);
  });
}

TEST_CASE("a source with itself: redundancy is its mutual information", "[pid][property]") {
  rc::prop("sources (S, S): redundancy I(Y;S), no unique information, no synergy", [] {
    auto t = *random_table(2);
    for (auto& row : t.source_rows) row[1] = row[0];
    const auto r = pid_of(t);
    const auto a = two_source_atoms(r);
    RC_ASSERT(std::abs(a.redundancy - r.classical.source_mi[0]) < tolerance);
    RC_ASSERT(std::abs(a.unique_first) < tolerance);
    RC_ASSERT(std::abs(a.unique_second) < tolerance);
    RC_ASSERT(std::abs(a.synergy) < tolerance);
  });
}

}  // namespace
}  // namespace syninfo::pid
