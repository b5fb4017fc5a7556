// RapidCheck generators of valid (and deliberately invalid) models.
//
// Every input is an integer over 100 (or 1000 for means), so the same real
// numbers are represented at every precision: T(a) / T(100) is correctly
// rounded in double and in the multiprecision types alike, and a covariance
// built as an integer matrix over 100 is exactly symmetric and exactly PSD.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/model.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace syninfo::test {

enum class CovarianceFamily { exchangeable, exchangeable_plus_random, per_pattern_random };

// A model in integer form: mean = m / 1000, cov = c / 100.
struct IntegerModel {
  int neurons = 0;
  std::vector<std::vector<long>> means;               // [mu][i]
  std::vector<std::vector<std::vector<long>>> covs;   // [mu][i][j]
  Ensemble ensemble;
  std::size_t pattern = 0;
  CovarianceFamily family = CovarianceFamily::exchangeable;

  template <class T>
  Problem<T> build() const {
    Problem<T> p;
    for (std::size_t mu = 0; mu < means.size(); ++mu) {
      Pattern<T> pat;
      pat.mean.resize(neurons);
      pat.cov.resize(neurons, neurons);
      for (int i = 0; i < neurons; ++i) {
        pat.mean(i) = T(means[mu][i]) / T(1000);
        for (int j = 0; j < neurons; ++j) pat.cov(i, j) = T(covs[mu][i][j]) / T(100);
      }
      p.patterns.list.push_back(std::move(pat));
    }
    p.ensemble = ensemble;
    p.pattern = pattern;
    return p;
  }

  // The model as a syninfo spec (for recorded counterexamples).
  json::Value to_json() const {
    json::Value patterns = json::Value::array();
    for (std::size_t mu = 0; mu < means.size(); ++mu) {
      json::Value mean = json::Value::array(), cov = json::Value::array();
      for (int i = 0; i < neurons; ++i) {
        mean.push(json::Value::string(decimal(means[mu][i], 3)));
        json::Value row = json::Value::array();
        for (int j = 0; j < neurons; ++j) row.push(json::Value::string(decimal(covs[mu][i][j], 2)));
        cov.push(std::move(row));
      }
      patterns.push(json::Value::object().set("mean", std::move(mean)).set("cov", std::move(cov)));
    }
    json::Value synapses = json::Value::array();
    for (const auto& s : ensemble) synapses.push(json::Value::array({json::Value::number(s.i), json::Value::number(s.j)}));
    return json::Value::object()
        .set("patterns", std::move(patterns))
        .set("synapses", std::move(synapses))
        .set("pattern", json::Value::number(pattern));
  }

  static std::string decimal(long value, int places) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    if (static_cast<int>(digits.size()) <= places) digits.insert(0, places + 1 - digits.size(), '0');
    digits.insert(digits.size() - places, ".");
    return (negative ? "-" : "") + digits;
  }
};

inline std::ostream& operator<<(std::ostream& os, const IntegerModel& m) { return os << m.to_json().dump(-1); }

// Covariance times 100, as integers: an exchangeable matrix (diagonal d,
// off-diagonal o, PSD iff d - o >= 0 and d + (n-1) o >= 0), plus for the
// other families B B' with B integer in [-3, 3]: exactly symmetric and PSD.
inline rc::Gen<std::vector<std::vector<long>>> gen_covariance(int n, CovarianceFamily family) {
  using namespace rc;
  return gen::exec([n, family] {
    const long d = *gen::inRange<long>(1, 301);
    const long o_min = n > 1 ? -(d / (n - 1)) : 0;
    const long o = *gen::inRange<long>(o_min, d + 1);
    std::vector<std::vector<long>> c(n, std::vector<long>(n, o));
    for (int i = 0; i < n; ++i) c[i][i] = d;
    if (family != CovarianceFamily::exchangeable) {
      std::vector<std::vector<long>> b(n, std::vector<long>(n));
      for (auto& row : b)
        for (auto& x : row) x = *gen::inRange<long>(-3, 4);
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
          long dot = 0;
          for (int t = 0; t < n; ++t) dot += b[i][t] * b[j][t];
          c[i][j] += dot;
        }
    }
    return c;
  });
}

// A random permutation of v (Fisher-Yates with RapidCheck draws, so it shrinks).
template <class V>
V shuffled(V v) {
  for (std::size_t i = v.size(); i > 1; --i) {
    const std::size_t j = *rc::gen::inRange<std::size_t>(0, i);
    std::swap(v[i - 1], v[j]);
  }
  return v;
}

// Valid models: N in [2, max_neurons], P in [1, max_patterns], ensembles of
// distinct unordered pairs (self-connections allowed), n in [1, max_synapses].
inline rc::Gen<IntegerModel> gen_model(int max_neurons = 6, int max_patterns = 10, int max_synapses = 6,
                                       int min_patterns = 2) {
  using namespace rc;
  return gen::exec([=] {
    IntegerModel m;
    m.neurons = *gen::inRange(2, max_neurons + 1);
    const int p = *gen::inRange(min_patterns, max_patterns + 1);
    m.family = *gen::element(CovarianceFamily::exchangeable, CovarianceFamily::exchangeable_plus_random,
                             CovarianceFamily::per_pattern_random);
    const auto shared = *gen_covariance(m.neurons, m.family);
    for (int mu = 0; mu < p; ++mu) {
      std::vector<long> mean(m.neurons);
      for (auto& x : mean) x = *gen::inRange<long>(-1000, 1001);
      m.means.push_back(mean);
      m.covs.push_back(m.family == CovarianceFamily::per_pattern_random ? *gen_covariance(m.neurons, m.family) : shared);
    }
    std::vector<Synapse> all;
    for (int i = 0; i < m.neurons; ++i)
      for (int j = i; j < m.neurons; ++j) all.push_back({std::size_t(i), std::size_t(j)});
    const int n = *gen::inRange(1, std::min<int>(max_synapses, static_cast<int>(all.size())) + 1);
    // A random subset in random order, each pair in a random orientation.
    for (int a = 0; a < n; ++a) {
      const std::size_t pick = *gen::inRange<std::size_t>(0, all.size());
      Synapse s = all[pick];
      all.erase(all.begin() + static_cast<long>(pick));
      if (*gen::arbitrary<bool>()) std::swap(s.i, s.j);
      m.ensemble.push_back(s);
    }
    m.pattern = *gen::inRange<std::size_t>(0, static_cast<std::size_t>(p));
    return m;
  });
}

}  // namespace syninfo::test
