#include "syninfo/attractor/capacity_scan.hpp"

#include "syninfo/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace syninfo::attractor {

namespace {

void summarise(LoadResult& load) {
  const auto n = static_cast<double>(load.final_m.size());
  double sum = 0, hits = 0;
  for (std::size_t s = 0; s < load.final_m.size(); ++s) {
    sum += load.final_m[s];
    hits += load.retrieved[s] ? 1 : 0;
  }
  load.mean_m = sum / n;
  double ss = 0;
  for (double m : load.final_m) ss += (m - load.mean_m) * (m - load.mean_m);
  load.standard_error_m = n > 1 ? std::sqrt(ss / (n - 1) / n) : std::nan("");
  load.retrieved_fraction = hits / n;
}

double crossing(const std::vector<LoadResult>& loads) {
  for (std::size_t a = 0; a < loads.size(); ++a) {
    if (loads[a].retrieved_fraction >= 0.5) continue;
    if (a == 0) return std::nan("");
    const LoadResult &lo = loads[a - 1], &hi = loads[a];
    const double t = (lo.retrieved_fraction - 0.5) / (lo.retrieved_fraction - hi.retrieved_fraction);
    return lo.realised_alpha + t * (hi.realised_alpha - lo.realised_alpha);
  }
  return std::nan("");
}

}  // namespace

CapacityScan simulate_capacity(const AttractorParameters& parameters, const CapacityScanOptions& options,
                               const IntegrationOptions& integration) {
  if (options.alphas.empty()) throw std::invalid_argument("capacity scan: no loads");
  if (options.seeds < 1) throw std::invalid_argument("capacity scan: at least one seed");
  std::vector<double> alphas = options.alphas;
  std::sort(alphas.begin(), alphas.end());
  const double K = options.c * static_cast<double>(options.N);
  CapacityScan out;
  for (double alpha : alphas) {
    if (!(std::isfinite(alpha) && alpha > 0)) throw std::invalid_argument("capacity scan: loads must be positive");
    LoadResult load;
    load.alpha = alpha;
    load.p = static_cast<std::size_t>(std::max(1.0, std::round(alpha * K)));
    load.realised_alpha = static_cast<double>(load.p) / K;
    load.final_m.assign(options.seeds, 0);
    load.retrieved.assign(options.seeds, false);
    out.loads.push_back(load);
  }
  // Refuse a bad size before any run.
  validate(NetworkSize{options.N, options.c, out.loads.front().p, options.first_seed});
  IntegrationOptions serial = integration;
  serial.threads = 1;
  const std::size_t runs = out.loads.size() * options.seeds;
  std::vector<char> retrieved(runs, 0);  // vector<bool> is not safe to write from threads
  std::vector<double> final_m(runs, 0);
  parallel_for_each_dynamic(runs, integration.threads, [&](std::size_t run) {
    const LoadResult& load = out.loads[run / options.seeds];
    const std::uint64_t seed = options.first_seed + run % options.seeds;
    const Network net = build_network(parameters, NetworkSize{options.N, options.c, load.p, seed}, 1);
    ProtocolOptions protocol = options.protocol;
    protocol.cue_pattern = 0;
    protocol.initial_seed = seed;
    const ProtocolResult r = delayed_match_to_sample(parameters, net, protocol, serial);
    final_m[run] = r.final_m;
    retrieved[run] = r.retrieved ? 1 : 0;
  });
  for (std::size_t run = 0; run < runs; ++run) {
    LoadResult& load = out.loads[run / options.seeds];
    load.final_m[run % options.seeds] = final_m[run];
    load.retrieved[run % options.seeds] = retrieved[run] != 0;
  }
  for (LoadResult& load : out.loads) summarise(load);
  out.alpha_c = crossing(out.loads);
  return out;
}

}  // namespace syninfo::attractor
