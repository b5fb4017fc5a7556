// The two-source shared-exclusion PID (I^sx) of a binned table p(t, r, y) as a
// differentiable function of the table, for training infomorphic neurons
// (hopfield/infomorphic.hpp): the five atoms (redundancy, unique T, unique R,
// synergy, residual H(Y) - I(Y; T, R)) in bits, and the exact gradient of any
// weighted sum of them with respect to every table cell and to the per-pattern
// firing probabilities that make the table. T is binary, R takes `bins`
// values, Y is binary. Derivation: proofs/infomorphic_gradient.md.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace syninfo::pid {

// Atom order of the goal vector gamma everywhere in syninfo.
enum AtomIndex : std::size_t { redundancy = 0, unique_target = 1, unique_recurrent = 2, synergy = 3, residual = 4 };
using AtomVector = std::array<double, 5>;

// p(t, r, y) with t in {0, 1}, r in [0, bins), y in {0, 1} (0: Y = -1, 1: Y = +1).
// Cells need not sum to 1: every formula is applied to the numbers as given, so
// a finite-difference test may move one cell alone.
struct BinnedTable {
  explicit BinnedTable(std::size_t bins) : bins(bins), p(4 * bins, 0.0) {}
  std::size_t bins;
  std::vector<double> p;
  std::size_t cell(std::size_t t, std::size_t r, std::size_t y) const { return (t * bins + r) * 2 + y; }
  double& at(std::size_t t, std::size_t r, std::size_t y) { return p[cell(t, r, y)]; }
  double at(std::size_t t, std::size_t r, std::size_t y) const { return p[cell(t, r, y)]; }
};

struct GoalGradient {
  AtomVector atoms{};            // bits
  double goal = 0;               // gamma . atoms
  std::vector<double> gradient;  // d goal / d p(cell), indexed like BinnedTable::p
};

// The atoms of the table and the gradient of gamma . atoms with respect to the
// cells. A cell whose own union probability is 0 (it and its whole union
// event are empty) has an infinite derivative in real arithmetic; its
// logarithm is taken at the smallest positive double instead, so the result
// stays finite. std::invalid_argument for a negative or non-finite cell or a
// table whose cells sum to 0.
GoalGradient binned_goal(const BinnedTable& table, const AtomVector& gamma);

// The table of one neuron over M patterns: pattern mu sits in source cell
// (target_bin[mu], recurrent_bin[mu]) and fires (Y = +1) with probability
// fire[mu]; silent[mu] = 1 - fire[mu], passed separately so that a
// probability near 0 or 1 keeps its relative accuracy. p = counts / M.
BinnedTable firing_table(const std::vector<int>& target_bin, const std::vector<int>& recurrent_bin,
                         const std::vector<double>& fire, const std::vector<double>& silent, std::size_t bins);

// d goal / d fire[mu] = (g(t_mu, r_mu, +1) - g(t_mu, r_mu, -1)) / M, with the
// bins held fixed (bin assignment is piecewise constant in the weights).
std::vector<double> firing_gradient(const GoalGradient& g, const BinnedTable& table,
                                    const std::vector<int>& target_bin, const std::vector<int>& recurrent_bin);

}  // namespace syninfo::pid
