#include "syninfo/simulation/sample_sets.hpp"

#include "draws.hpp"

#include <Eigen/LU>
#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace syninfo::simulation {

const char* to_string(SetId set) {
  switch (set) {
    case SetId::set1: return "set1";
    case SetId::set2: return "set2";
    case SetId::set3: return "set3";
    case SetId::set3_fig4: return "set3_fig4";
  }
  return "unknown";
}

SetId law_of(SetId set) { return set == SetId::set3_fig4 ? SetId::set3 : set; }

std::uint64_t set_seed(std::uint64_t seed, SetId set, std::size_t neurons) {
  std::uint64_t state = seed;
  std::uint64_t mixed = splitmix64(state);
  state = mixed ^ (static_cast<std::uint64_t>(set) * 0x9E3779B97F4A7C15ull);
  mixed = splitmix64(state);
  state = mixed ^ (static_cast<std::uint64_t>(neurons) * 0xC2B2AE3D27D4EB4Full);
  return splitmix64(state);
}

double RandomSetSettings::effective_rho_low() const {
  const double valid_low = neurons > 1 ? -1.0 / static_cast<double>(neurons - 1) : 0.0;
  return std::max(rho_low, valid_low);
}

std::size_t pair_count(std::size_t neurons, bool self_connections) {
  return neurons * (neurons - 1) / 2 + (self_connections ? neurons : 0);
}

std::size_t RandomSetSettings::effective_subset_neurons() const {
  if (subset_neurons > 0) return subset_neurons;
  std::size_t m = 1;
  while (pair_count(m, self_connections) < max_synapses) ++m;
  return std::max<std::size_t>(m, 2);
}

namespace detail {

void check_settings(const RandomSetSettings& s) {
  if (s.neurons < 2) throw std::invalid_argument("simulation: N must be at least 2");
  if (s.min_patterns < 2 || s.max_patterns < s.min_patterns)
    throw std::invalid_argument("simulation: need 2 <= min_patterns <= max_patterns");
  if (s.min_synapses < 1 || s.max_synapses < s.min_synapses)
    throw std::invalid_argument("simulation: need 1 <= min_synapses <= max_synapses");
  if (s.max_synapses > pair_count(s.neurons, s.self_connections))
    throw std::invalid_argument("simulation: more synapses than neuron pairs");
  if (s.membership == Membership::subset_pairs) {
    const std::size_t m = s.effective_subset_neurons();
    if (m > s.neurons || pair_count(m, s.self_connections) < s.max_synapses)
      throw std::invalid_argument("simulation: subset_neurons must be <= N and its pairs must hold max_synapses");
  }
  if (s.eigen_positivity == EigenPositivity::reject && !(s.eigen_sd > 0.0 && s.eigen_mean > -3.0 * s.eigen_sd))
    throw std::invalid_argument("simulation: eigen_positivity reject needs eigen_sd > 0 and eigen_mean > -3 eigen_sd");
  if (s.eigen_positivity == EigenPositivity::floor && !(s.eigen_floor > 0.0))
    throw std::invalid_argument("simulation: eigen_floor must be > 0");
  if (!(s.effective_rho_low() <= s.rho_high) || s.rho_high > 1.0)
    throw std::invalid_argument("simulation: rho range must lie within [-1/(N-1), 1]");
}

// The header's draws are the same under every size law (the stream position
// is part of the sample's definition); balanced and nested then set n from
// the sample index.
SampleHeader draw_header(Rng& rng, const RandomSetSettings& s, std::uint64_t index) {
  SampleHeader h;
  h.patterns = static_cast<std::size_t>(rng.uniform_int(s.min_patterns, s.max_patterns));
  h.synapses = static_cast<std::size_t>(rng.uniform_int(s.min_synapses, s.max_synapses));
  h.pattern = static_cast<std::size_t>(rng.uniform_int(0, h.patterns - 1));
  h.sigma2 = std::fabs(rng.normal());
  h.rho = rng.uniform(s.effective_rho_low(), s.rho_high);
  if (s.size_law != SizeLaw::uniform) h.synapses = s.min_synapses + static_cast<std::size_t>(index % s.size_count());
  return h;
}

// The stream of sample `index`: its own, or under the nested law its block's.
Rng sample_stream(SetId set, const RandomSetSettings& s, std::uint64_t seed, std::uint64_t index) {
  const std::uint64_t stream = s.size_law == SizeLaw::nested ? index / s.size_count() : index;
  return Rng(set_seed(seed, set, s.neurons), stream);
}

namespace {

// `count` distinct neurons of [0, neurons), uniformly (a partial Fisher-Yates shuffle).
std::vector<std::size_t> random_neurons(Rng& rng, std::size_t neurons, std::size_t count) {
  std::vector<std::size_t> all(neurons);
  for (std::size_t i = 0; i < neurons; ++i) all[i] = i;
  for (std::size_t i = 0; i < count; ++i) {
    const auto j = static_cast<std::size_t>(rng.uniform_int(i, neurons - 1));
    std::swap(all[i], all[j]);
  }
  all.resize(count);
  return all;
}

Ensemble on_neurons(const Ensemble& local, const std::vector<std::size_t>& neurons) {
  Ensemble out;
  for (const auto& s : local) {
    std::size_t i = neurons[s.i], j = neurons[s.j];
    if (i > j) std::swap(i, j);
    out.push_back(Synapse{i, j});
  }
  return out;
}

Ensemble all_pairs_of_subset(Rng& rng, std::size_t neurons, std::size_t synapses, bool self_connections) {
  std::size_t k = 1;
  while (pair_count(k, self_connections) < synapses) ++k;
  const auto chosen = random_neurons(rng, neurons, k);
  Ensemble local;
  for (std::size_t i = 0; i < k; ++i)
    for (std::size_t j = self_connections ? i : i + 1; j < k; ++j) local.push_back(Synapse{i, j});
  for (std::size_t a = 0; a + 1 < local.size(); ++a) {
    const auto b = static_cast<std::size_t>(rng.uniform_int(a, local.size() - 1));
    std::swap(local[a], local[b]);
  }
  local.resize(synapses);
  return on_neurons(local, chosen);
}

// Each new synapse joins a uniformly chosen neuron of the ensemble to a
// uniformly chosen neuron (redrawn while the pair is taken). A free pair
// always exists while synapses <= the number of pairs, so the loop ends.
Ensemble connected_ensemble(Rng& rng, std::size_t neurons, std::size_t synapses, bool self_connections) {
  Ensemble out = random_ensemble(rng, neurons, std::min<std::size_t>(synapses, 1), self_connections);
  if (out.empty()) return out;
  std::set<std::pair<std::size_t, std::size_t>> seen{{out[0].i, out[0].j}};
  std::vector<std::size_t> touched{out[0].i};
  if (out[0].j != out[0].i) touched.push_back(out[0].j);
  while (out.size() < synapses) {
    std::size_t i = touched[static_cast<std::size_t>(rng.uniform_int(0, touched.size() - 1))];
    std::size_t j = static_cast<std::size_t>(rng.uniform_int(0, neurons - 1));
    if (i == j && !self_connections) continue;
    if (i > j) std::swap(i, j);
    if (!seen.insert({i, j}).second) continue;
    for (std::size_t v : {i, j})
      if (std::find(touched.begin(), touched.end(), v) == touched.end()) touched.push_back(v);
    out.push_back(Synapse{i, j});
  }
  return out;
}

}  // namespace

double positive_eigenvalue(Rng& rng, const RandomSetSettings& s) {
  switch (s.eigen_positivity) {
    case EigenPositivity::absolute: break;
    case EigenPositivity::reject:
      for (;;) {  // check_settings bounds the rejection rate (P(d > 0) > 0.1%)
        const double d = s.eigen_mean + s.eigen_sd * rng.normal();
        if (d > 0.0) return d;
      }
    case EigenPositivity::floor: return std::max(s.eigen_mean + s.eigen_sd * rng.normal(), s.eigen_floor);
  }
  return std::fabs(s.eigen_mean + s.eigen_sd * rng.normal());
}

Eigen::VectorXd uniform_vector(Rng& rng, std::size_t size, double lo, double hi) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(size));
  for (Eigen::Index i = 0; i < v.size(); ++i) v(i) = rng.uniform(lo, hi);
  return v;
}

Eigen::MatrixXd normal_matrix(Rng& rng, std::size_t rows, std::size_t cols) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  // Row-major fill order, fixed: the stream position is part of the sample's definition.
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c) m(r, c) = rng.normal();
  return m;
}

// Exact symmetry (the model rejects asymmetric covariances; products like
// B B' are symmetric only up to rounding).
void symmetrise(Eigen::MatrixXd& m) { m = (0.5 * (m + m.transpose())).eval(); }

}  // namespace detail

using detail::check_settings;
using detail::draw_header;
using detail::normal_matrix;
using detail::positive_eigenvalue;
using detail::sample_stream;
using detail::symmetrise;
using detail::uniform_vector;

Ensemble random_ensemble(Rng& rng, std::size_t neurons, std::size_t synapses, bool self_connections) {
  if (synapses > pair_count(neurons, self_connections)) throw std::invalid_argument("random_ensemble: more synapses than neuron pairs");
  Ensemble out;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  while (out.size() < synapses) {
    std::size_t i = static_cast<std::size_t>(rng.uniform_int(0, neurons - 1));
    std::size_t j = static_cast<std::size_t>(rng.uniform_int(0, neurons - 1));
    if (i == j && !self_connections) continue;
    if (i > j) std::swap(i, j);
    if (!seen.insert({i, j}).second) continue;
    out.push_back(Synapse{i, j});
  }
  return out;
}

Ensemble draw_ensemble(Rng& rng, const RandomSetSettings& settings, std::size_t synapses) {
  using namespace detail;
  const std::size_t n = settings.neurons;
  const bool self = settings.self_connections;
  switch (settings.membership) {
    case Membership::random_pairs: return random_ensemble(rng, n, synapses, self);
    case Membership::subset_pairs: {
      const auto chosen = random_neurons(rng, n, settings.effective_subset_neurons());
      return on_neurons(random_ensemble(rng, chosen.size(), synapses, self), chosen);
    }
    case Membership::all_pairs_of_subset: return all_pairs_of_subset(rng, n, synapses, self);
    case Membership::connected: return connected_ensemble(rng, n, synapses, self);
  }
  throw std::invalid_argument("draw_ensemble: unknown membership law");
}

namespace detail {

Ensemble sample_ensemble(Rng& rng, const RandomSetSettings& s, const SampleHeader& h) {
  if (s.size_law != SizeLaw::nested) return draw_ensemble(rng, s, h.synapses);
  // The block's growing sequence, cut at this sample's size.
  Ensemble e = draw_ensemble(rng, s, s.max_synapses);
  e.resize(h.synapses);
  return e;
}

}  // namespace detail

Problem<double> restrict_to_touched(const Problem<double>& problem) {
  const std::vector<std::size_t> touched = touched_neurons(problem.ensemble);
  auto position = [&](std::size_t neuron) {
    return static_cast<std::size_t>(std::lower_bound(touched.begin(), touched.end(), neuron) - touched.begin());
  };
  Problem<double> out;
  out.pattern = problem.pattern;
  for (const auto& s : problem.ensemble) out.ensemble.push_back(Synapse{position(s.i), position(s.j)});
  const auto m = static_cast<Eigen::Index>(touched.size());
  for (const auto& p : problem.patterns.list) {
    Pattern<double> q;
    q.mean.resize(m);
    q.cov.resize(m, m);
    for (Eigen::Index a = 0; a < m; ++a) {
      const auto ia = static_cast<Eigen::Index>(touched[static_cast<std::size_t>(a)]);
      q.mean(a) = p.mean(ia);
      for (Eigen::Index b = 0; b < m; ++b) q.cov(a, b) = p.cov(ia, static_cast<Eigen::Index>(touched[static_cast<std::size_t>(b)]));
    }
    out.patterns.list.push_back(std::move(q));
  }
  return out;
}

bool incidence_independent(const Ensemble& ensemble) {
  const std::vector<std::size_t> touched = touched_neurons(ensemble);
  Eigen::MatrixXd e = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(ensemble.size()), static_cast<Eigen::Index>(touched.size()));
  for (std::size_t a = 0; a < ensemble.size(); ++a) {
    const auto col = [&](std::size_t neuron) {
      return static_cast<Eigen::Index>(std::lower_bound(touched.begin(), touched.end(), neuron) - touched.begin());
    };
    e(static_cast<Eigen::Index>(a), col(ensemble[a].i)) += 1.0;
    e(static_cast<Eigen::Index>(a), col(ensemble[a].j)) += 1.0;
  }
  // Small integer matrix: a rank-revealing LU is exact enough.
  Eigen::FullPivLU<Eigen::MatrixXd> lu(e);
  return static_cast<std::size_t>(lu.rank()) == ensemble.size();
}

Eigen::MatrixXd exchangeable_covariance(std::size_t neurons, double sigma2, double rho) {
  const auto n = static_cast<Eigen::Index>(neurons);
  Eigen::MatrixXd s = Eigen::MatrixXd::Constant(n, n, sigma2 * rho);
  s.diagonal().setConstant(sigma2);
  return s;
}

Eigen::MatrixXd random_orthogonal(Rng& rng, std::size_t neurons) {
  const Eigen::MatrixXd g = normal_matrix(rng, neurons, neurons);
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(g);
  Eigen::MatrixXd q = qr.householderQ();
  const Eigen::MatrixXd& r = qr.matrixQR();
  for (Eigen::Index c = 0; c < q.cols(); ++c)
    if (r(c, c) < 0.0) q.col(c) = -q.col(c);
  return q;
}

SampleHeader sample_header(SetId set, const RandomSetSettings& settings, std::uint64_t seed, std::uint64_t index) {
  check_settings(settings);
  Rng rng = sample_stream(set, settings, seed, index);
  return draw_header(rng, settings, index);
}

RandomSample generate_sample(SetId set, const RandomSetSettings& settings, std::uint64_t seed, std::uint64_t index) {
  check_settings(settings);
  const SetId law = law_of(set);
  if (law != SetId::set2 && law != SetId::set3) throw std::invalid_argument("generate_sample: set 1 has no random samples");
  Rng rng = sample_stream(set, settings, seed, index);
  RandomSample out;
  out.set = set;
  out.index = index;
  out.header = draw_header(rng, settings, index);
  const SampleHeader& h = out.header;
  const std::size_t n_neurons = settings.neurons;
  out.problem.ensemble = detail::sample_ensemble(rng, settings, h);
  out.problem.pattern = h.pattern;
  std::vector<Eigen::VectorXd> means;
  for (std::size_t mu = 0; mu < h.patterns; ++mu)
    means.push_back(uniform_vector(rng, n_neurons, settings.mean_low, settings.mean_high));
  const Eigen::MatrixXd exchangeable = exchangeable_covariance(n_neurons, h.sigma2, h.rho);
  if (law == SetId::set2) {
    const Eigen::MatrixXd b = normal_matrix(rng, n_neurons, settings.effective_bb_columns());
    Eigen::MatrixXd s = exchangeable + settings.effective_bb_scale() * (b * b.transpose());
    symmetrise(s);
    for (std::size_t mu = 0; mu < h.patterns; ++mu) out.problem.patterns.list.push_back(Pattern<double>{means[mu], s});
  } else {
    for (std::size_t mu = 0; mu < h.patterns; ++mu) {
      const Eigen::MatrixXd q = random_orthogonal(rng, n_neurons);
      Eigen::VectorXd d(static_cast<Eigen::Index>(n_neurons));
      for (Eigen::Index i = 0; i < d.size(); ++i) d(i) = positive_eigenvalue(rng, settings);
      const double c = rng.uniform(0.0, settings.factor_high);
      Eigen::MatrixXd s;
      switch (settings.set3_combination) {
        case Set3Combination::sum: s = exchangeable + c * (q * d.asDiagonal() * q.transpose()); break;
        case Set3Combination::scaled_exchangeable: s = c * exchangeable + q * d.asDiagonal() * q.transpose(); break;
        case Set3Combination::random_only: s = c * (q * d.asDiagonal() * q.transpose()); break;
      }
      symmetrise(s);
      out.problem.patterns.list.push_back(Pattern<double>{means[mu], std::move(s)});
    }
  }
  return out;
}

}  // namespace syninfo::simulation
