// Logic gates as exact distributions, and their published pointwise SxPID
// atoms. Every probability and every expected atom is a rational number (the
// atom as log2(num/den)), so the test values carry no rounding of their own.
#pragma once

#include "syninfo/pid/distribution.hpp"
#include "syninfo/pid/lattice.hpp"

#include <string>
#include <utility>
#include <vector>

namespace syninfo::pid::test {

using Ratio = std::pair<long long, long long>;

struct GateRow {
  std::vector<Symbol> sources;
  Symbol target;
  Ratio probability;
  std::vector<Ratio> atoms;  // log2(num/den) per node, in the reference order below
};

struct Gate {
  std::string name;
  std::vector<GateRow> rows;
};

// The node order of the reference tests (Abzinger/SxPID, testing/test_gates.py):
// two sources {1},{2},{12},{1}{2}; three sources as listed there.
inline std::vector<Antichain> reference_order(std::size_t sources) {
  if (sources == 2) return {{1}, {2}, {3}, {1, 2}};
  // (1,) (2,) (3,) (1,2) (1,3) (2,3) (1,2,3) (1)(2) (1)(3) (1)(23) (2)(3) (2)(13) (3)(12)
  // (12)(13) (12)(23) (13)(23) (1)(2)(3) (12)(13)(23), as bit masks.
  return {{1}, {2}, {4}, {3}, {5}, {6}, {7}, {1, 2}, {1, 4}, {1, 6}, {2, 4}, {2, 5}, {3, 4},
          {3, 5}, {3, 6}, {5, 6}, {1, 2, 4}, {3, 5, 6}};
}

template <class Scalar>
JointDistribution<Scalar> distribution_of(const Gate& g) {
  std::vector<Symbol> targets;
  std::vector<std::vector<Symbol>> sources;
  std::vector<Scalar> weights;
  for (const auto& row : g.rows) {
    targets.push_back(row.target);
    sources.push_back(row.sources);
    weights.push_back(Scalar(row.probability.first) / Scalar(row.probability.second));
  }
  return make_distribution<Scalar>(g.rows.front().sources.size(), targets, sources, weights);
}

// Expected values from Abzinger/SxPID, testing/test_gates.py (the pointwise
// "true_values" of each test_*_gate). Tuple-valued targets there are coded
// here as integers (t = 2a + b, or 4a + 2b + c); the atoms do not depend on
// how target symbols are named.
inline std::vector<Gate> bivariate_gates() {
  const Ratio q{1, 4};
  return {
      {"Xor", {{{0, 0}, 0, q, {{3, 2}, {3, 2}, {4, 3}, {2, 3}}},
               {{0, 1}, 1, q, {{3, 2}, {3, 2}, {4, 3}, {2, 3}}},
               {{1, 0}, 1, q, {{3, 2}, {3, 2}, {4, 3}, {2, 3}}},
               {{1, 1}, 0, q, {{3, 2}, {3, 2}, {4, 3}, {2, 3}}}}},
      {"And", {{{0, 0}, 0, q, {{1, 1}, {1, 1}, {1, 1}, {4, 3}}},
               {{0, 1}, 0, q, {{3, 2}, {3, 4}, {4, 3}, {8, 9}}},
               {{1, 0}, 0, q, {{3, 4}, {3, 2}, {4, 3}, {8, 9}}},
               {{1, 1}, 1, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}}}},
      {"Unq", {{{0, 0}, 0, q, {{3, 2}, {3, 4}, {4, 3}, {4, 3}}},
               {{0, 1}, 0, q, {{3, 2}, {3, 4}, {4, 3}, {4, 3}}},
               {{1, 0}, 1, q, {{3, 2}, {3, 4}, {4, 3}, {4, 3}}},
               {{1, 1}, 1, q, {{3, 2}, {3, 4}, {4, 3}, {4, 3}}}}},
      {"Rnd", {{{0, 0}, 0, {1, 2}, {{1, 1}, {1, 1}, {1, 1}, {2, 1}}},
               {{1, 1}, 1, {1, 2}, {{1, 1}, {1, 1}, {1, 1}, {2, 1}}}}},
      {"Copy", {{{0, 0}, 0, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                {{0, 1}, 1, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                {{1, 0}, 2, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                {{1, 1}, 3, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}}}},
      {"(S1,Xor)", {{{0, 0}, 0, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                    {{0, 1}, 1, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                    {{1, 0}, 3, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                    {{1, 1}, 2, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}}}},
      {"PwUnq", {{{0, 1}, 1, q, {{1, 1}, {2, 1}, {1, 1}, {1, 1}}},
                 {{1, 0}, 1, q, {{2, 1}, {1, 1}, {1, 1}, {1, 1}}},
                 {{0, 2}, 2, q, {{1, 1}, {2, 1}, {1, 1}, {1, 1}}},
                 {{2, 0}, 2, q, {{2, 1}, {1, 1}, {1, 1}, {1, 1}}}}},
      {"RndErr", {{{0, 0}, 0, {3, 8}, {{5, 4}, {15, 16}, {16, 15}, {8, 5}}},
                  {{1, 1}, 1, {3, 8}, {{5, 4}, {15, 16}, {16, 15}, {8, 5}}},
                  {{0, 1}, 0, {1, 8}, {{7, 4}, {7, 16}, {16, 7}, {8, 7}}},
                  {{1, 0}, 1, {1, 8}, {{7, 4}, {7, 16}, {16, 7}, {8, 7}}}}},
      {"Sum", {{{0, 0}, 0, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
               {{0, 1}, 1, q, {{3, 2}, {3, 2}, {4, 3}, {2, 3}}},
               {{1, 0}, 1, q, {{3, 2}, {3, 2}, {4, 3}, {2, 3}}},
               {{1, 1}, 2, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}}}},
      {"ReducedOr", {{{0, 0}, 0, {1, 2}, {{4, 3}, {4, 3}, {9, 8}, {1, 1}}},
                     {{0, 1}, 1, q, {{1, 1}, {3, 1}, {1, 1}, {2, 3}}},
                     {{1, 0}, 1, q, {{3, 1}, {1, 1}, {1, 1}, {2, 3}}}}},
      {"WilliamsBeerA", {{{0, 0}, 0, {1, 3}, {{3, 2}, {3, 2}, {4, 3}, {1, 1}}},
                         {{0, 1}, 1, {1, 3}, {{1, 1}, {2, 1}, {1, 1}, {3, 2}}},
                         {{1, 0}, 2, {1, 3}, {{2, 1}, {1, 1}, {1, 1}, {3, 2}}}}},
      {"WilliamsBeerB", {{{0, 0}, 0, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                         {{0, 1}, 1, q, {{3, 4}, {3, 2}, {4, 3}, {4, 3}}},
                         {{1, 0}, 2, q, {{3, 2}, {3, 2}, {4, 3}, {4, 3}}},
                         {{1, 1}, 1, q, {{3, 4}, {3, 2}, {4, 3}, {4, 3}}}}},
      {"WilliamsBeerC", {{{0, 0}, 0, {1, 6}, {{4, 3}, {2, 1}, {3, 2}, {3, 4}}},
                         {{0, 1}, 1, {1, 6}, {{5, 6}, {5, 4}, {6, 5}, {6, 5}}},
                         {{0, 1}, 2, {1, 6}, {{5, 3}, {5, 4}, {6, 5}, {3, 5}}},
                         {{1, 0}, 2, {1, 6}, {{4, 3}, {2, 1}, {3, 2}, {3, 4}}},
                         {{1, 1}, 0, {1, 6}, {{5, 3}, {5, 4}, {6, 5}, {3, 5}}},
                         {{1, 1}, 1, {1, 6}, {{5, 6}, {5, 4}, {6, 5}, {6, 5}}}}},
  };
}

// Same source file, the trivariate tests (TriHash, TriRnd, DblXor, XorCopy).
inline std::vector<Gate> trivariate_gates() {
  const std::vector<Ratio> trihash{{5, 4}, {5, 4}, {5, 4}, {9, 8}, {9, 8}, {9, 8}, {32, 27}, {7, 8}, {7, 8},
                                   {32, 35}, {7, 8}, {32, 35}, {32, 35}, {16, 15}, {16, 15}, {16, 15}, {8, 7},
                                   {875, 1024}};
  const std::vector<Ratio> dblxor{{5, 4}, {5, 4}, {5, 4}, {9, 8}, {9, 8}, {9, 8}, {32, 27}, {7, 6}, {7, 6},
                                  {36, 35}, {7, 6}, {36, 35}, {36, 35}, {16, 15}, {16, 15}, {16, 15}, {4, 7},
                                  {875, 864}};
  const std::vector<Ratio> xorcopy{{1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {4, 3}, {4, 3},
                                   {9, 8}, {4, 3}, {9, 8}, {9, 8}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {32, 27}};
  std::vector<Ratio> trirnd(18, {1, 1});
  trirnd[16] = {2, 1};
  Gate hash{"TriHash", {}}, rnd{"TriRnd", {}}, dbl{"DblXor", {}}, copy{"XorCopy", {}};
  for (Symbol a = 0; a < 2; ++a)
    for (Symbol b = 0; b < 2; ++b)
      for (Symbol c = 0; c < 2; ++c) {
        hash.rows.push_back({{a, b, c}, a ^ b ^ c, {1, 8}, trihash});
        dbl.rows.push_back({{a, b, c}, 2 * (a ^ b) + (b ^ c), {1, 8}, dblxor});
        if (c == (a ^ b)) copy.rows.push_back({{a, b, c}, 4 * a + 2 * b + c, {1, 4}, xorcopy});
      }
  rnd.rows = {{{0, 0, 0}, 0, {1, 2}, trirnd}, {{1, 1, 1}, 1, {1, 2}, trirnd}};
  return {hash, rnd, dbl, copy};
}

}  // namespace syninfo::pid::test
