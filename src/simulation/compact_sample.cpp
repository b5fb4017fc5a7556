#include "syninfo/simulation/compact_sample.hpp"

#include "draws.hpp"

#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <vector>

namespace syninfo::simulation {
namespace {

// Patterns' centroid dispersion (feature 3), from the full N-dimensional means.
double centroid_dispersion(const std::vector<Eigen::VectorXd>& means) {
  Eigen::VectorXd centroid = Eigen::VectorXd::Zero(means.front().size());
  for (const auto& m : means) centroid += m;
  centroid /= static_cast<double>(means.size());
  double spread = 0.0;
  for (const auto& m : means) spread += (m - centroid).squaredNorm();
  return std::sqrt(spread / static_cast<double>(means.size()));
}

CompactSample compact_set3(SetId set, const RandomSetSettings& settings, std::uint64_t seed, std::uint64_t index) {
  Rng rng = detail::sample_stream(set, settings, seed, index);
  CompactSample out;
  out.set = set;
  out.index = index;
  out.neurons = settings.neurons;
  out.header = detail::draw_header(rng, settings, index);
  const SampleHeader& h = out.header;
  const std::size_t n_neurons = settings.neurons;
  // The generated ensemble (under the nested law the block's whole sequence)
  // fixes the rows J_gen drawn; the sample's own ensemble is a prefix of it.
  Ensemble generated = settings.size_law == SizeLaw::nested ? draw_ensemble(rng, settings, settings.max_synapses)
                                                            : draw_ensemble(rng, settings, h.synapses);
  Ensemble ensemble = generated;
  ensemble.resize(h.synapses);
  const std::vector<std::size_t> rows = touched_neurons(generated);
  const std::size_t m = rows.size();
  std::vector<Eigen::VectorXd> means;
  for (std::size_t mu = 0; mu < h.patterns; ++mu)
    means.push_back(detail::uniform_vector(rng, n_neurons, settings.mean_low, settings.mean_high));

  const double a = h.sigma2 * (1.0 - h.rho), b = h.sigma2 * h.rho;
  const auto mi = static_cast<Eigen::Index>(m);
  Problem<double> on_rows;  // the problem on J_gen
  on_rows.pattern = h.pattern;
  std::vector<CovarianceFeatures> cov_features;
  for (std::size_t mu = 0; mu < h.patterns; ++mu) {
    // Q_J (m x N) and z = Q'1 from one Stiefel draw (see the header).
    const bool all_rows = m == n_neurons;
    const Eigen::MatrixXd w = random_stiefel(rng, n_neurons, all_rows ? m : m + 1).transpose();
    const Eigen::MatrixXd q_rows = w.topRows(mi);
    Eigen::VectorXd z = q_rows.transpose() * Eigen::VectorXd::Ones(mi);
    if (!all_rows) z += std::sqrt(static_cast<double>(n_neurons - m)) * w.row(mi).transpose();
    Eigen::VectorXd d(static_cast<Eigen::Index>(n_neurons));
    for (Eigen::Index i = 0; i < d.size(); ++i) d(i) = detail::positive_eigenvalue(rng, settings);
    const double c = rng.uniform(0.0, settings.factor_high);
    // S = alpha I + beta 11' + gamma Q D Q' for each combination.
    double alpha = a, beta = b, gamma = c;
    switch (settings.set3_combination) {
      case Set3Combination::sum: break;
      case Set3Combination::scaled_exchangeable: alpha = c * a, beta = c * b, gamma = 1.0; break;
      case Set3Combination::random_only: alpha = 0.0, beta = 0.0, gamma = c; break;
    }
    Eigen::MatrixXd s = gamma * ((q_rows * d.asDiagonal()) * q_rows.transpose());
    s.array() += beta;
    s.diagonal().array() += alpha;
    detail::symmetrise(s);
    Pattern<double> p;
    p.mean.resize(mi);
    for (Eigen::Index r = 0; r < mi; ++r) p.mean(r) = means[mu](static_cast<Eigen::Index>(rows[static_cast<std::size_t>(r)]));
    p.cov = std::move(s);
    on_rows.patterns.list.push_back(std::move(p));
    // Full S = Q (alpha I + gamma D + beta z z') Q'.
    const Eigen::VectorXd lambda = (alpha + gamma * d.array()).matrix();
    cov_features.push_back(rank_one_covariance_features(lambda, z, beta));
  }
  // Re-index the ensemble to J_gen, then restrict to its own touched neurons.
  for (const auto& syn : ensemble) {
    const auto pos = [&](std::size_t neuron) {
      return static_cast<std::size_t>(std::lower_bound(rows.begin(), rows.end(), neuron) - rows.begin());
    };
    on_rows.ensemble.push_back(Synapse{pos(syn.i), pos(syn.j)});
  }
  out.problem = restrict_to_touched(on_rows);
  out.independent = incidence_independent(ensemble);
  out.features = combine_features(h.patterns, h.synapses, centroid_dispersion(means), cov_features);
  return out;
}

// A rows x cols standard normal matrix, filled row-major with both normals of
// each Box-Muller pair (r cos t, r sin t): half the logarithms and uniforms of
// Rng::normal, which keeps only the cosine. The Stiefel draws are most of a
// compact set-3 sample's cost.
Eigen::MatrixXd normal_matrix_in_pairs(Rng& rng, std::size_t rows, std::size_t cols) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  const std::size_t total = rows * cols;
  double* out = m.data();  // column-major storage; position of row-major entry k below
  auto put = [&](std::size_t k, double v) { out[(k % cols) * rows + k / cols] = v; };
  for (std::size_t k = 0; k < total; k += 2) {
    const double radius = std::sqrt(-2.0 * std::log(rng.uniform_open()));
    const double angle = 6.283185307179586476925286766559 * rng.uniform();
    put(k, radius * std::cos(angle));
    if (k + 1 < total) put(k + 1, radius * std::sin(angle));
  }
  return m;
}

}  // namespace

Eigen::MatrixXd random_stiefel(Rng& rng, std::size_t neurons, std::size_t columns) {
  const Eigen::MatrixXd g = normal_matrix_in_pairs(rng, neurons, columns);
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(g);
  Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(neurons),
                                                                    static_cast<Eigen::Index>(columns));
  const Eigen::MatrixXd& r = qr.matrixQR();
  for (Eigen::Index c = 0; c < q.cols(); ++c)
    if (r(c, c) < 0.0) q.col(c) = -q.col(c);
  return q;
}

CompactSample compact_sample(SetId set, const RandomSetSettings& settings, std::uint64_t seed, std::uint64_t index) {
  detail::check_settings(settings);
  if (law_of(set) == SetId::set3) return compact_set3(set, settings, seed, index);
  const RandomSample full = generate_sample(set, settings, seed, index);
  CompactSample out;
  out.set = set;
  out.index = index;
  out.header = full.header;
  out.neurons = settings.neurons;
  out.features = sample_features(full.problem);
  out.independent = incidence_independent(full.problem.ensemble);
  out.problem = restrict_to_touched(full.problem);
  return out;
}

}  // namespace syninfo::simulation
