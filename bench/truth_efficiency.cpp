// Cost per unit variance of the smc ground truth (issue 12): standard error
// squared times CPU seconds, measured in one run for three versions of smc,
// on ensembles that are chains, stars and random graphs with n = 2, 5, 10, 20
// synapses and P = 10, 50 patterns.
//   old  = smc as it was before issue 12's efficiency work: no control
//          variates (SmcOptions::control_samples = 0), a particle check on
//          one set of samples only (check_extensions = 0), plain proposal;
//   prev = the previous version: control variates, a significant check
//          shift measured again on up to 3 more sets, plain proposal;
//   new  = the defaults: prev with the bridge proposal
//          (SmcOptions::bridge_proposal, proofs/smc_bridge_proposal.md).
// All use the same seed, so old and prev share their smc densities (they
// differ by the control-variate correction only) and new draws its own. The
// printed z values ((new - old) / SE_old and (new - prev) / combined SE)
// check that the results are statistically unchanged. Efficiency ratio =
// (SE_a^2 t_a) / (SE_new^2 t_new) with the full SE (statistical error and
// bias allowance); the statistical part alone is printed beside it.
// usage: bench_truth_efficiency [--quick] [--samples M] [--patterns P] [--max-synapses N] [--threads T]
//   (--patterns and --max-synapses restrict the grid to P and to n <= N)
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include "syninfo/random.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace syninfo;
using namespace syninfo::truth;

constexpr std::size_t kNeurons = 24;

Ensemble shape_ensemble(const std::string& shape, std::size_t n, std::uint64_t seed) {
  Ensemble e;
  if (shape == "chain") {
    for (std::size_t a = 0; a < n; ++a) e.push_back({a, a + 1});
  } else if (shape == "star") {
    for (std::size_t a = 0; a < n; ++a) e.push_back({0, a + 1});
  } else {
    // Random distinct pairs, redrawn until smc can treat the ensemble (no
    // even cycle, no more synapses than neuron directions).
    Rng rng(seed, n);
    std::set<std::pair<std::size_t, std::size_t>> seen;
    while (e.size() < n) {
      std::size_t i = static_cast<std::size_t>(rng.uniform() * kNeurons), j = static_cast<std::size_t>(rng.uniform() * kNeurons);
      if (i == j) continue;
      if (i > j) std::swap(i, j);
      if (!seen.insert({i, j}).second) continue;
      e.push_back({i, j});
      Problem<double> probe;
      probe.patterns.list.push_back({Eigen::VectorXd::Zero(kNeurons), Eigen::MatrixXd::Identity(kNeurons, kNeurons)});
      probe.patterns.list.push_back(probe.patterns.list.front());
      probe.patterns.list.push_back(probe.patterns.list.front());
      probe.ensemble = e;
      if (!smc_unavailable_reason(probe).empty()) {
        e.pop_back();
      }
    }
  }
  return e;
}

// Set-1 style: means uniform in [-1, 1], one exchangeable covariance
// (sigma^2 0.5, rho 0.3) shared by the patterns.
Problem<double> problem_of(const std::string& shape, std::size_t n, std::size_t patterns) {
  Problem<double> p;
  Rng rng(17, n * 100 + patterns);
  Eigen::MatrixXd s = Eigen::MatrixXd::Constant(kNeurons, kNeurons, 0.5 * 0.3);
  s.diagonal().setConstant(0.5);
  for (std::size_t mu = 0; mu < patterns; ++mu) {
    Eigen::VectorXd m(kNeurons);
    for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = rng.uniform(-1.0, 1.0);
    p.patterns.list.push_back({m, s});
  }
  p.ensemble = shape_ensemble(shape, n, 5);
  p.pattern = 0;
  return p;
}

struct Run {
  SmcMutualInformation r;
  double cpu = 0.0;
};

Run run(const Problem<double>& p, SmcOptions o) {
  const std::clock_t c0 = std::clock();
  Run out;
  out.r = smc_mutual_information(p, o);
  out.cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t samples = 400;
  unsigned threads = 0;
  bool quick = false;
  std::size_t only_patterns = 0, max_synapses = 20;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick")) {
      quick = true;
    } else if (!std::strcmp(argv[i], "--samples") && i + 1 < argc) {
      samples = static_cast<std::size_t>(std::atol(argv[++i]));
    } else if (!std::strcmp(argv[i], "--patterns") && i + 1 < argc) {
      only_patterns = static_cast<std::size_t>(std::atol(argv[++i]));
    } else if (!std::strcmp(argv[i], "--max-synapses") && i + 1 < argc) {
      max_synapses = static_cast<std::size_t>(std::atol(argv[++i]));
    } else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) {
      threads = static_cast<unsigned>(std::atol(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: bench_truth_efficiency [--quick] [--samples M] [--patterns P] [--max-synapses N] [--threads T]\n");
      return 2;
    }
  }
  const std::vector<std::size_t> sizes = quick ? std::vector<std::size_t>{2, 5} : std::vector<std::size_t>{2, 5, 10, 20};
  const std::vector<std::size_t> pattern_counts = quick ? std::vector<std::size_t>{10} : std::vector<std::size_t>{10, 50};
  std::printf("| shape | n | P | I old | SE old | I prev | SE prev | I new | SE new | z new-old | z new-prev | t old s | t prev s | t new s | rv prev | rv new | ratio old/new | ratio prev/new | ratio old/new (statistical) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  double log_old = 0.0, log_prev = 0.0, log_stat = 0.0;
  int count = 0;
  auto efficiency = [](double se_a, double t_a, double se_b, double t_b) { return se_a * se_a * t_a / (se_b * se_b * t_b); };
  for (const std::string shape : {"chain", "star", "random"})
    for (std::size_t n : sizes)
      for (std::size_t patterns : pattern_counts) {
        if ((only_patterns && patterns != only_patterns) || n > max_synapses) continue;
        const Problem<double> p = problem_of(shape, n, patterns);
        SmcOptions o;
        o.outer = samples;
        o.seed = 3;
        o.threads = threads;
        o.control_samples = 0;
        o.check_extensions = 0;
        o.bridge_proposal = false;
        const Run old_run = run(p, o);
        o.control_samples = SmcOptions{}.control_samples;
        o.check_extensions = SmcOptions{}.check_extensions;
        const Run prev_run = run(p, o);
        o.bridge_proposal = true;
        const Run new_run = run(p, o);
        const auto& ro = old_run.r;
        const auto& rp = prev_run.r;
        const auto& rn = new_run.r;
        const double se_old = ro.estimate.standard_error, se_prev = rp.estimate.standard_error,
                     se_new = rn.estimate.standard_error;
        const double vs_old = efficiency(se_old, old_run.cpu, se_new, new_run.cpu);
        const double vs_prev = efficiency(se_prev, prev_run.cpu, se_new, new_run.cpu);
        const double stat = efficiency(ro.statistical_error, old_run.cpu, rn.statistical_error, new_run.cpu);
        const double rv_prev = 0.5 * (rp.h_w.mean_relative_variance + rp.h_r.mean_relative_variance);
        const double rv_new = 0.5 * (rn.h_w.mean_relative_variance + rn.h_r.mean_relative_variance);
        std::printf("| %s | %zu | %zu | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %+.2f | %+.2f | %.2f | %.2f | %.2f | %.3f | %.3f | %.2f | %.2f | %.2f |\n",
                    shape.c_str(), n, patterns, ro.estimate.value, se_old, rp.estimate.value, se_prev, rn.estimate.value,
                    se_new, (rn.estimate.value - ro.estimate.value) / se_old,
                    (rn.estimate.value - rp.estimate.value) / std::hypot(se_prev, se_new), old_run.cpu, prev_run.cpu,
                    new_run.cpu, rv_prev, rv_new, vs_old, vs_prev, stat);
        std::fflush(stdout);
        log_old += std::log(vs_old);
        log_prev += std::log(vs_prev);
        log_stat += std::log(stat);
        ++count;
      }
  std::printf("\ngeometric mean ratio over %d specs: old/new %.2f, prev/new %.2f (full SE); old/new %.2f (statistical "
              "error); %zu outer samples\n",
              count, std::exp(log_old / count), std::exp(log_prev / count), std::exp(log_stat / count), samples);
}
