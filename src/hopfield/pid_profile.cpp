#include "syninfo/hopfield/pid_profile.hpp"

#include "syninfo/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace syninfo::hopfield {
namespace {

pid::Symbol bin_of(double r, double half_width, std::size_t bins) {
  if (!(half_width > 0)) return 0;
  const double u = (r + half_width) / (2 * half_width) * static_cast<double>(bins);
  return static_cast<pid::Symbol>(std::clamp(std::floor(u), 0.0, static_cast<double>(bins - 1)));
}

pid::Symbol spin(double s) { return s > 0 ? 1 : -1; }

// The neurons' PID averaged over the neurons of one network storing xi.
NeuronAtoms network_pid(const Matrix<double>& xi, const PidProfileOptions& o, Rng& rng) {
  const Matrix<double> w = hebbian_weights(xi);
  const auto m = static_cast<std::size_t>(xi.rows()), n = static_cast<std::size_t>(xi.cols());
  Matrix<double> state = xi;  // row mu: the state that produces Y
  if (o.output == PidOutput::recall)
    for (Eigen::Index mu = 0; mu < xi.rows(); ++mu)
      state.row(mu) = recall(w, Vector<double>(xi.row(mu).transpose()), o.recall, rng).state.transpose();
  const Matrix<double> field = state * w;  // w symmetric: row mu is (W s^mu)'
  NeuronAtoms mean;
  std::vector<double> t(m), r(m), y(m);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t mu = 0; mu < m; ++mu) {
      const auto a = static_cast<Eigen::Index>(mu), b = static_cast<Eigen::Index>(i);
      t[mu] = xi(a, b);
      r[mu] = field(a, b);
      // one step: sign(R), a zero field keeping the state (xi); recall: the final state itself.
      y[mu] = o.output == PidOutput::one_step ? updated_state(field(a, b), xi(a, b)) : state(a, b);
    }
    const NeuronAtoms x = neuron_pid(t, r, y, o.bins);
    mean.redundancy += x.redundancy;
    mean.unique_target += x.unique_target;
    mean.unique_recurrent += x.unique_recurrent;
    mean.synergy += x.synergy;
    mean.residual += x.residual;
    mean.output_entropy += x.output_entropy;
  }
  const double k = static_cast<double>(n);
  mean.redundancy /= k;
  mean.unique_target /= k;
  mean.unique_recurrent /= k;
  mean.synergy /= k;
  mean.residual /= k;
  mean.output_entropy /= k;
  return mean;
}

Summary summarise(const std::vector<double>& v) {
  return {percentile(v, 0.5), percentile(v, 0.05), percentile(v, 0.95)};
}

}  // namespace

std::string to_string(PidOutput o) { return o == PidOutput::one_step ? "one_step" : "recall"; }

NeuronAtoms neuron_pid(const std::vector<double>& target, const std::vector<double>& recurrent,
                       const std::vector<double>& output, std::size_t bins) {
  if (target.size() != recurrent.size() || target.size() != output.size())
    throw std::invalid_argument("neuron_pid: T, R and Y differ in length");
  if (target.empty()) throw std::invalid_argument("neuron_pid: no samples");
  if (bins < 2) throw std::invalid_argument("neuron_pid: at least 2 bins are needed for R");
  double half_width = 0;
  for (double r : recurrent) half_width = std::max(half_width, std::fabs(r));
  std::vector<pid::Symbol> ys(target.size());
  std::vector<std::vector<pid::Symbol>> sources(target.size());
  for (std::size_t k = 0; k < target.size(); ++k) {
    ys[k] = spin(output[k]);
    sources[k] = {spin(target[k]), bin_of(recurrent[k], half_width, bins)};
  }
  const auto pid_result = pid::shared_exclusion_pid(pid::empirical_distribution<double>(2, ys, sources));
  const auto a = pid::two_source_atoms(pid_result);
  return {a.redundancy, a.unique_first, a.unique_second, a.synergy, a.residual, pid_result.classical.target_entropy};
}

PidProfileResult hebbian_pid_profile(const PidProfileOptions& o) {
  require_neurons(o.neurons);
  if (o.bins < 2) throw std::invalid_argument("at least 2 bins are needed for the recurrent input, got " + std::to_string(o.bins));
  CapacityOptions grid;  // the same checks and pattern counts as the capacity sweep
  grid.neurons = o.neurons;
  grid.alphas = o.alphas;
  grid.seeds = o.seeds;
  check_capacity_grid(grid);
  PidProfileResult res;
  res.alphas = o.alphas;
  res.patterns = patterns_per_load(grid);
  const std::size_t loads = o.alphas.size();
  res.networks.assign(loads, std::vector<NeuronAtoms>(o.seeds));
  res.accuracy.assign(loads, std::vector<double>(o.seeds));
  // Each (load, seed) draws from its own stream: the result does not depend on the thread count.
  parallel_for_each_dynamic(loads * o.seeds, o.threads, [&](std::size_t task) {
    const std::size_t a = task / o.seeds, s = task % o.seeds;
    Rng rng(o.seed + s, a);
    const Matrix<double> xi = random_patterns<double>(o.neurons, res.patterns[a], rng);
    res.networks[a][s] = network_pid(xi, o, rng);
    AccuracyOptions acc;
    acc.theta = o.theta;
    acc.recall = o.recall;
    res.accuracy[a][s] = recall_accuracy(hebbian_weights(xi), xi, acc, rng).fraction_recalled;
  });
  for (std::size_t a = 0; a < loads; ++a) {
    std::vector<std::vector<double>> by(7);
    for (std::size_t s = 0; s < o.seeds; ++s) {
      const NeuronAtoms& x = res.networks[a][s];
      const double values[7] = {x.redundancy, x.unique_target, x.unique_recurrent, x.synergy,
                                x.residual,   x.output_entropy, res.accuracy[a][s]};
      for (std::size_t c = 0; c < 7; ++c) by[c].push_back(values[c]);
    }
    std::vector<Summary> row;
    for (const auto& v : by) row.push_back(summarise(v));
    res.summary.push_back(std::move(row));
  }
  return res;
}

}  // namespace syninfo::hopfield
