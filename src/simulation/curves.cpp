#include "syninfo/simulation/curves.hpp"

#include "syninfo/random.hpp"
#include "syninfo/simulation/sample_sets.hpp"

#include <cmath>
#include <stdexcept>

namespace syninfo::simulation {
namespace {

// Stream ids within set 1's seed: pattern mu's means use stream mu; the
// synapse sequence uses its own stream far above any pattern index.
constexpr std::uint64_t kSequenceStream = 1ull << 40;

}  // namespace

CurveExample::CurveExample(std::uint64_t seed, std::size_t neurons, std::size_t max_patterns, std::size_t max_synapses,
                           bool self_connections)
    : seed_(set_seed(seed, SetId::set1, 0)), neurons_(neurons), max_patterns_(max_patterns) {
  if (neurons < 2) throw std::invalid_argument("CurveExample: N must be at least 2");
  if (max_patterns < 2) throw std::invalid_argument("CurveExample: need at least 2 patterns");
  Rng rng(seed_, kSequenceStream);
  sequence_ = random_ensemble(rng, neurons, max_synapses, self_connections);
}

Problem<double> CurveExample::problem(std::size_t patterns, std::size_t synapses, double sigma2, double rho) const {
  return problem_at(neurons_, patterns, synapses, sigma2, rho);
}

Problem<double> CurveExample::problem_at(std::size_t neurons, std::size_t patterns, std::size_t synapses, double sigma2,
                                         double rho) const {
  if (patterns < 1 || patterns > max_patterns_) throw std::invalid_argument("CurveExample: pattern count out of range");
  if (synapses < 1 || synapses > sequence_.size()) throw std::invalid_argument("CurveExample: ensemble size out of range");
  Problem<double> p;
  p.ensemble.assign(sequence_.begin(), sequence_.begin() + static_cast<std::ptrdiff_t>(synapses));
  for (const auto& s : p.ensemble)
    if (s.i >= neurons || s.j >= neurons) throw std::invalid_argument("CurveExample: N too small for the ensemble");
  p.pattern = 0;
  const Eigen::MatrixXd cov = exchangeable_covariance(neurons, sigma2, rho);
  for (std::size_t mu = 0; mu < patterns; ++mu) {
    Rng rng(seed_, mu);
    Eigen::VectorXd mean(static_cast<Eigen::Index>(neurons));
    for (Eigen::Index i = 0; i < mean.size(); ++i) mean(i) = rng.uniform(-1.0, 1.0);
    p.patterns.list.push_back(Pattern<double>{std::move(mean), cov});
  }
  return p;
}

std::vector<double> log_grid(double lo, double hi, std::size_t points) {
  if (!(lo > 0.0) || !(hi >= lo) || points < 2) throw std::invalid_argument("log_grid: need 0 < lo <= hi, 2+ points");
  std::vector<double> out(points);
  const double a = std::log(lo), b = std::log(hi);
  for (std::size_t i = 0; i < points; ++i)
    out[i] = i + 1 == points ? hi : std::exp(a + (b - a) * static_cast<double>(i) / static_cast<double>(points - 1));
  out[0] = lo;
  return out;
}

std::vector<double> linear_grid(double lo, double hi, std::size_t points) {
  if (!(hi >= lo) || points < 2) throw std::invalid_argument("linear_grid: need lo <= hi, 2+ points");
  std::vector<double> out(points);
  for (std::size_t i = 0; i < points; ++i)
    out[i] = i + 1 == points ? hi : lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(points - 1);
  return out;
}

}  // namespace syninfo::simulation
