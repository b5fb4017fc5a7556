#include "syninfo/pid/sample_estimate.hpp"

#include "syninfo/random.hpp"

#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <stdexcept>

namespace syninfo::pid {
namespace {

Collection all_sources(std::size_t n) { return static_cast<Collection>((Collection{1} << n) - 1); }

// Distinct values of (target if with_target, sources in mask) among the outcomes.
std::size_t occupied_cells(const JointDistribution<double>& d, Collection mask, bool with_target) {
  std::set<std::vector<Symbol>> seen;
  for (const auto& o : d.outcomes) {
    std::vector<Symbol> key;
    if (with_target) key.push_back(o.target);
    for (std::size_t j = 0; j < d.sources; ++j)
      if (mask >> j & 1u) key.push_back(o.sources[j]);
    seen.insert(std::move(key));
  }
  return seen.size();
}

double miller_madow_mi(const JointDistribution<double>& d, Collection mask, std::size_t n) {
  const double cells = static_cast<double>(occupied_cells(d, mask, true)) -
                       static_cast<double>(occupied_cells(d, 0, true)) -
                       static_cast<double>(occupied_cells(d, mask, false)) + 1.0;
  return cells / (2.0 * static_cast<double>(n) * std::numbers::ln2);
}

}  // namespace

std::vector<double> reported_quantities(const PidResult<double>& r) {
  std::vector<double> q = r.atoms.total;
  q.push_back(r.classical.target_entropy);
  for (double mi : r.classical.source_mi) q.push_back(mi);
  q.push_back(r.classical.joint_mi);
  q.push_back(r.classical.co_information);
  q.push_back(r.classical.residual_entropy);
  return q;
}

std::vector<std::string> reported_quantity_names(const RedundancyLattice& lattice,
                                                 const std::vector<std::string>& source_names) {
  std::vector<std::string> names;
  for (const auto& node : lattice.nodes) names.push_back(node_name(node, source_names));
  names.push_back("H_target");
  for (const auto& s : source_names) names.push_back("I_target_" + s);
  names.push_back("I_target_all");
  names.push_back("co_information");
  names.push_back("residual_entropy");
  return names;
}

SampleEstimate estimate_from_samples(std::size_t sources, const std::vector<Symbol>& targets,
                                     const std::vector<std::vector<Symbol>>& source_rows,
                                     const SampleOptions& options) {
  SampleEstimate e;
  const auto empirical = empirical_distribution<double>(sources, targets, source_rows);
  e.plug_in = shared_exclusion_pid(empirical);
  e.samples = targets.size();
  const std::size_t n = e.samples;
  e.miller_madow_target_entropy =
      -(static_cast<double>(occupied_cells(empirical, 0, true)) - 1.0) / (2.0 * static_cast<double>(n) * std::numbers::ln2);
  for (std::size_t j = 0; j < sources; ++j)
    e.miller_madow_source_mi.push_back(miller_madow_mi(empirical, Collection{1} << j, n));
  e.miller_madow_joint_mi = miller_madow_mi(empirical, all_sources(sources), n);
  if (options.bootstrap == 0) return e;

  // Each sample as the index of its outcome, so a replicate is a vector of counts.
  std::map<std::pair<Symbol, std::vector<Symbol>>, std::size_t> index;
  for (std::size_t k = 0; k < empirical.outcomes.size(); ++k)
    index[{empirical.outcomes[k].target, empirical.outcomes[k].sources}] = k;
  std::vector<std::size_t> sample_outcome(n);
  for (std::size_t i = 0; i < n; ++i) sample_outcome[i] = index.at({targets[i], source_rows[i]});

  const std::vector<double> plug_in = reported_quantities(e.plug_in);
  std::vector<double> sum(plug_in.size(), 0.0), sum_sq(plug_in.size(), 0.0);
  std::vector<std::size_t> counts(empirical.outcomes.size());
  for (std::size_t b = 0; b < options.bootstrap; ++b) {
    Rng rng(options.seed, b);  // replicate b is the same whatever else runs
    std::fill(counts.begin(), counts.end(), std::size_t{0});
    for (std::size_t i = 0; i < n; ++i) ++counts[sample_outcome[rng.uniform_int(0, n - 1)]];
    JointDistribution<double> resampled;
    resampled.sources = sources;
    for (std::size_t k = 0; k < counts.size(); ++k)
      if (counts[k] > 0) {
        auto o = empirical.outcomes[k];
        o.probability = static_cast<double>(counts[k]) / static_cast<double>(n);
        resampled.outcomes.push_back(std::move(o));
      }
    const std::vector<double> q = reported_quantities(shared_exclusion_pid(resampled));
    for (std::size_t i = 0; i < q.size(); ++i) {
      // Deviations from the plug-in keep the sum of squares well conditioned.
      const double dev = q[i] - plug_in[i];
      sum[i] += dev;
      sum_sq[i] += dev * dev;
    }
  }
  const double b = static_cast<double>(options.bootstrap);
  e.replicates = options.bootstrap;
  for (std::size_t i = 0; i < plug_in.size(); ++i) {
    const double mean_dev = sum[i] / b;
    e.bootstrap_bias.push_back(mean_dev);
    const double var = options.bootstrap > 1 ? std::max(0.0, (sum_sq[i] - b * mean_dev * mean_dev) / (b - 1)) : 0.0;
    e.bootstrap_standard_error.push_back(std::sqrt(var));
  }
  return e;
}

}  // namespace syninfo::pid
