// A joint distribution of a discrete target and discrete sources, the input
// of every PID routine: distinct outcomes with positive probabilities summing
// to one. Symbols are integers.
#pragma once

#include "syninfo/scalar_math.hpp"

#include <cstddef>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace syninfo::pid {

using Symbol = long long;

template <class Scalar>
struct Outcome {
  Symbol target = 0;
  std::vector<Symbol> sources;
  Scalar probability = 0;
};

template <class Scalar>
struct JointDistribution {
  std::size_t sources = 0;
  std::vector<Outcome<Scalar>> outcomes;  // distinct (target, sources), probability > 0
};

// Weighted rows to a distribution: repeated outcomes are merged, zero weights
// dropped, the rest normalised. std::invalid_argument (naming the row, 0-based)
// for a negative or non-finite weight, a row of the wrong width, no rows, or
// weights that do not sum to a positive number.
template <class Scalar>
JointDistribution<Scalar> make_distribution(std::size_t sources, const std::vector<Symbol>& targets,
                                            const std::vector<std::vector<Symbol>>& source_rows,
                                            const std::vector<Scalar>& weights) {
  if (targets.size() != source_rows.size() || targets.size() != weights.size())
    throw std::invalid_argument("targets, source rows and weights differ in length");
  if (targets.empty()) throw std::invalid_argument("the table has no rows");
  std::map<std::pair<Symbol, std::vector<Symbol>>, std::size_t> index;
  JointDistribution<Scalar> d;
  d.sources = sources;
  Scalar total = 0;
  for (std::size_t r = 0; r < targets.size(); ++r) {
    const Scalar& w = weights[r];
    std::ostringstream where;
    where << "row " << r;
    if (source_rows[r].size() != sources)
      throw std::invalid_argument(where.str() + ": expected " + std::to_string(sources) + " source symbols");
    if (!is_finite(w)) throw std::invalid_argument(where.str() + ": weight is not a finite number");
    if (w < 0) throw std::invalid_argument(where.str() + ": weight is negative");
    if (w == 0) continue;
    total += w;
    auto [it, inserted] = index.try_emplace({targets[r], source_rows[r]}, d.outcomes.size());
    if (inserted) d.outcomes.push_back({targets[r], source_rows[r], w});
    else d.outcomes[it->second].probability += w;
  }
  if (!(total > 0) || !is_finite(total))
    throw std::invalid_argument("the weights do not sum to a positive finite number");
  for (auto& o : d.outcomes) o.probability /= total;
  return d;
}

// Equal weights: rows are samples (the plug-in, or empirical, distribution).
template <class Scalar>
JointDistribution<Scalar> empirical_distribution(std::size_t sources, const std::vector<Symbol>& targets,
                                                 const std::vector<std::vector<Symbol>>& source_rows) {
  return make_distribution<Scalar>(sources, targets, source_rows, std::vector<Scalar>(targets.size(), Scalar(1)));
}

}  // namespace syninfo::pid
