// The differentiable binned PID (pid/differentiable.hpp): its atoms equal the
// I^sx library's atoms on the same table, and its gradients (with respect to
// the table cells and to the per-pattern firing probabilities) equal central
// finite differences. Derivation: proofs/infomorphic_gradient.md.
#include "syninfo/pid/differentiable.hpp"
#include "syninfo/pid/shared_exclusion.hpp"

#include <catch2/catch.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>

#include <algorithm>
#include <cmath>

namespace syninfo::pid {
namespace {

// A table of 1..5 recurrent bins with integer weights over their sum;
// min_weight 1 keeps every cell positive (for derivatives), 0 allows empty cells.
rc::Gen<BinnedTable> random_table(int min_weight) {
  return rc::gen::exec([min_weight] {
    const auto bins = static_cast<std::size_t>(*rc::gen::inRange(1, 6));
    auto w = *rc::gen::container<std::vector<int>>(4 * bins, rc::gen::inRange(min_weight, 10));
    if (std::all_of(w.begin(), w.end(), [](int x) { return x == 0; })) w[0] = 1;
    double total = 0;
    for (int x : w) total += x;
    BinnedTable tab(bins);
    for (std::size_t c = 0; c < w.size(); ++c) tab.p[c] = w[c] / total;
    return tab;
  });
}

TwoSourceAtoms<double> library_atoms(const BinnedTable& tab) {
  std::vector<Symbol> ys;
  std::vector<std::vector<Symbol>> sources;
  std::vector<double> weights;
  for (std::size_t t = 0; t < 2; ++t)
    for (std::size_t r = 0; r < tab.bins; ++r)
      for (std::size_t y = 0; y < 2; ++y) {
        ys.push_back(static_cast<Symbol>(y));
        sources.push_back({static_cast<Symbol>(t), static_cast<Symbol>(r)});
        weights.push_back(tab.at(t, r, y));
      }
  return two_source_atoms(shared_exclusion_pid(make_distribution<double>(2, ys, sources, weights)));
}

AtomVector unit(std::size_t k) {
  AtomVector g{};
  g[k] = 1;
  return g;
}

// Central differences with step h = 1e-6 on cells >= 1/180 (weights >= 1 of a
// total <= 9 * 20): the truncation error h^2 |f'''| / 6 is below ~1e-8 since
// |f'''| <~ 1 / (p_min^2 ln 2) ~ 5e4, and the rounding error eps * sum|terms| / h
// is ~1e-9 (the goal sums <= 20 terms of size <= ~10 bits). The derivatives
// are O(1 .. 10) bits, so a budget of 1e-6 (1 + |g|) leaves a factor >= 100.
constexpr double fd_step = 1e-6;
double fd_budget(double exact) { return 1e-6 * (1 + std::fabs(exact)); }

}  // namespace

// The same plug-in I^sx computed by two codes (the marginal-based one here and
// the outcome-by-outcome one of shared_exclusion.hpp); each atom is a sum of
// <= 40 terms of size <= ~10 bits, so double rounding stays below ~1e-13.
TEST_CASE("binned atoms equal the I^sx library's atoms on the same table", "[pid][differentiable]") {
  rc::prop("random tables with empty cells", [] {
    const BinnedTable tab = *random_table(0);
    const AtomVector a = binned_goal(tab, unit(0)).atoms;
    const auto lib = library_atoms(tab);
    RC_ASSERT(std::fabs(a[redundancy] - lib.redundancy) < 1e-12);
    RC_ASSERT(std::fabs(a[unique_target] - lib.unique_first) < 1e-12);
    RC_ASSERT(std::fabs(a[unique_recurrent] - lib.unique_second) < 1e-12);
    RC_ASSERT(std::fabs(a[synergy] - lib.synergy) < 1e-12);
    RC_ASSERT(std::fabs(a[residual] - lib.residual) < 1e-12);
  });
}

// Y = T and R a copy of T: 1 bit of redundancy, every other atom 0 (exact
// in real arithmetic; logs of 1/2 and 1 are exact in double).
TEST_CASE("binned atoms of a copied bit: one bit of redundancy", "[pid][differentiable]") {
  BinnedTable tab(2);
  tab.at(0, 0, 0) = 0.5;
  tab.at(1, 1, 1) = 0.5;
  const AtomVector a = binned_goal(tab, unit(0)).atoms;
  CHECK(a[redundancy] == Approx(1.0).margin(1e-15));
  for (std::size_t k = 1; k < 5; ++k) CHECK(a[k] == Approx(0.0).margin(1e-15));
}

TEST_CASE("table gradient of every atom and of a mixed goal equals central differences", "[pid][differentiable]") {
  rc::prop("random positive tables", [] {
    const BinnedTable tab = *random_table(1);
    std::vector<AtomVector> goals{unit(0), unit(1), unit(2), unit(3), unit(4)};
    AtomVector mixed;
    for (double& x : mixed) x = *rc::gen::inRange(-20, 21) / 10.0;
    goals.push_back(mixed);
    for (const AtomVector& gamma : goals) {
      const GoalGradient g = binned_goal(tab, gamma);
      for (std::size_t c = 0; c < tab.p.size(); ++c) {
        BinnedTable up = tab, down = tab;
        up.p[c] += fd_step;
        down.p[c] -= fd_step;
        const double fd = (binned_goal(up, gamma).goal - binned_goal(down, gamma).goal) / (2 * fd_step);
        RC_ASSERT(std::fabs(fd - g.gradient[c]) <= fd_budget(g.gradient[c]));
      }
    }
  });
}

// Firing probabilities in [0.05, 0.95] and M <= 30 patterns: every occupied
// cell holds >= 0.05 / 30 ~ 1.7e-3. A step h = 1e-6 on fire[mu] moves two
// cells by h / M, so the truncation error is ~h^2 |f'''| / M^3 < 1e-10, and
// the rounding error of the goal (~1e-15 bits) over 2h is ~1e-9: the budget
// fd_budget (1e-6 relative) again leaves a factor >= 100.
TEST_CASE("firing-probability gradient equals central differences", "[pid][differentiable]") {
  rc::prop("random neurons", [] {
    const auto bins = static_cast<std::size_t>(*rc::gen::inRange(1, 8));
    const auto m = static_cast<std::size_t>(*rc::gen::inRange(1, 31));
    std::vector<int> tb(m), rb(m);
    std::vector<double> fire(m), silent(m);
    for (std::size_t mu = 0; mu < m; ++mu) {
      tb[mu] = *rc::gen::inRange(0, 2);
      rb[mu] = *rc::gen::inRange(0, static_cast<int>(bins));
      fire[mu] = *rc::gen::inRange(5, 96) / 100.0;
      silent[mu] = 1 - fire[mu];
    }
    AtomVector gamma;
    for (double& x : gamma) x = *rc::gen::inRange(-20, 21) / 10.0;
    const BinnedTable tab = firing_table(tb, rb, fire, silent, bins);
    const GoalGradient g = binned_goal(tab, gamma);
    const std::vector<double> d = firing_gradient(g, tab, tb, rb);
    const double h = fd_step;
    for (std::size_t mu = 0; mu < m; ++mu) {
      auto f_up = fire, s_up = silent, f_down = fire, s_down = silent;
      f_up[mu] += h;
      s_up[mu] -= h;
      f_down[mu] -= h;
      s_down[mu] += h;
      const double fd = (binned_goal(firing_table(tb, rb, f_up, s_up, bins), gamma).goal -
                         binned_goal(firing_table(tb, rb, f_down, s_down, bins), gamma).goal) / (2 * h);
      RC_ASSERT(std::fabs(fd - d[mu]) <= fd_budget(d[mu]));
    }
  });
}

TEST_CASE("binned_goal rejects malformed tables", "[pid][differentiable]") {
  BinnedTable tab(2);
  CHECK_THROWS_AS(binned_goal(tab, unit(0)), std::invalid_argument);  // sums to 0
  tab.p[0] = -0.1;
  tab.p[1] = 1.1;
  CHECK_THROWS_AS(binned_goal(tab, unit(0)), std::invalid_argument);
  CHECK_THROWS_AS(firing_table({0, 2}, {0, 0}, {0.5, 0.5}, {0.5, 0.5}, 2), std::invalid_argument);
}

}  // namespace syninfo::pid
