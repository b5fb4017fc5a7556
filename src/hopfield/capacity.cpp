#include "syninfo/hopfield/capacity.hpp"

#include "syninfo/parallel.hpp"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>

namespace syninfo::hopfield {

std::string to_string(RecallEnd end) {
  switch (end) {
    case RecallEnd::fixed_point: return "fixed_point";
    case RecallEnd::two_cycle: return "two_cycle";
    case RecallEnd::step_limit: return "step_limit";
  }
  return "unknown";
}

std::string to_string(Criterion c) { return c == Criterion::cosine ? "cos" : "theta"; }

double percentile(std::vector<double> values, double q) {
  if (values.empty()) throw std::invalid_argument("percentile of no values");
  std::sort(values.begin(), values.end());
  const double pos = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

void check_capacity_grid(const CapacityOptions& o) {
  require_neurons(o.neurons);
  if (o.alphas.empty()) throw std::invalid_argument("the load grid is empty");
  if (o.seeds == 0) throw std::invalid_argument("at least one seed is needed");
  for (std::size_t a = 0; a < o.alphas.size(); ++a) {
    if (!(o.alphas[a] > 0) || !std::isfinite(o.alphas[a]))
      throw std::invalid_argument("load alpha must be a positive number, got " + std::to_string(o.alphas[a]));
    if (a > 0 && !(o.alphas[a] > o.alphas[a - 1])) throw std::invalid_argument("the load grid must be ascending");
  }
}

std::vector<std::size_t> patterns_per_load(const CapacityOptions& o) {
  std::vector<std::size_t> m;
  for (double alpha : o.alphas)
    m.push_back(std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(alpha * static_cast<double>(o.neurons)))));
  return m;
}

CapacityResult hebbian_capacity(const CapacityOptions& o) {
  return capacity_sweep(o, [](const Matrix<double>& xi, Rng&, std::size_t, std::size_t) { return hebbian_weights(xi); });
}

CapacityResult capacity_sweep(const CapacityOptions& o, const WeightRule& rule) {
  check_capacity_grid(o);
  CapacityResult r;
  r.alphas = o.alphas;
  r.accuracy.assign(o.alphas.size(), std::vector<Accuracy>(o.seeds));
  r.evaluated.assign(o.alphas.size(), std::vector<char>(o.seeds, 0));
  r.patterns = patterns_per_load(o);
  const auto passes = [&](const Accuracy& acc) {
    return (o.criterion == Criterion::cosine ? acc.mean_cosine : acc.fraction_recalled) >= o.required_accuracy;
  };
  // Each (seed, load) draws from its own stream Rng(seed + s, a).
  const auto run = [&](std::size_t s, std::size_t a) {
    Rng rng(o.seed + s, a);
    const Matrix<double> xi = random_patterns<double>(o.neurons, r.patterns[a], rng);
    const Matrix<double> w = rule(xi, rng, a, s);
    r.accuracy[a][s] = recall_accuracy(w, xi, o.accuracy, rng);
    r.evaluated[a][s] = 1;
  };
  if (o.stop_after_failure) {
    parallel_for_each_dynamic(o.seeds, o.threads, [&](std::size_t s) {
      for (std::size_t a = 0; a < o.alphas.size(); ++a) {
        run(s, a);
        if (!passes(r.accuracy[a][s])) break;
      }
    });
  } else {
    parallel_for_each_dynamic(o.seeds * o.alphas.size(), o.threads,
                              [&](std::size_t task) { run(task / o.alphas.size(), task % o.alphas.size()); });
  }
  for (std::size_t s = 0; s < o.seeds; ++s) {
    double alpha_c = 0;
    for (std::size_t a = 0; a < o.alphas.size(); ++a) {
      if (!passes(r.accuracy[a][s])) break;  // a skipped load follows a failed one, so it is never reached
      alpha_c = o.alphas[a];
    }
    r.alpha_c.push_back(alpha_c);
  }
  r.median = percentile(r.alpha_c, 0.5);
  r.low = percentile(r.alpha_c, 0.05);
  r.high = percentile(r.alpha_c, 0.95);
  return r;
}

double single_step_flip_probability(std::size_t neurons, std::size_t patterns) {
  require_neurons(neurons);
  if (patterns == 0) throw std::invalid_argument("no patterns stored");
  const double k = static_cast<double>(patterns - 1) * static_cast<double>(neurons - 1);
  if (k == 0) return 0;  // one pattern: no crosstalk, every bit is stable
  // Flip iff B < (K - N + 1) / 2, i.e. B <= ceil((K - N + 1) / 2) - 1.
  const double b_max = std::ceil((k - static_cast<double>(neurons) + 1) / 2) - 1;
  if (b_max < 0) return 0;
  return boost::math::cdf(boost::math::binomial_distribution<double>(k, 0.5), b_max);
}

}  // namespace syninfo::hopfield
