// A map of the closed form's error over set-1 style inputs (theory.md
// section 7): exchangeable covariance S = sigma2 ((1 - rho) I + rho 11')
// shared by all patterns, means uniform in [-1, 1] from a seed, pattern k = 0,
// and the ensemble of size n = the first n synapses of one fixed random
// sequence of distinct pairs i < j (no self-connections) over N neurons, N the
// smallest with N (N - 1) / 2 >= the largest n of the grid. Every grid point
// is a `generate` spec (written beside the results) that `syninfo audit`
// reproduces exactly. I_true and its verdict are those of `syninfo audit`
// (quadrature for n = 1, the truth driver's smc for n >= 2), without the
// entropies.
#pragma once

#include "syninfo/audit/fenton_wilkinson_audit.hpp"
#include "syninfo/json.hpp"
#include "syninfo/report/shard_files.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace syninfo::report {
class Checkpoint;
}

namespace syninfo::audit {

struct AuditMapOptions {
  std::vector<std::string> sigma2;     // decimal text, read exactly by the spec reader
  std::vector<std::string> rho;
  std::vector<std::size_t> patterns;   // P values (>= 2)
  std::vector<std::size_t> synapses;   // n values (>= 1)
  std::size_t samples = 2000;          // smc outer samples for n >= 2 (and CMC outer samples of the n = 2 cross-check)
  std::size_t inner = 64;              // CMC inner draws (n = 2 cross-check)
  std::size_t particles = 32;          // smc particles per run (raised by the driver when the densities are noisy)
  std::uint64_t seed = 1;              // means and ensemble sequence; CMC seed
  std::size_t neurons = 0;             // N; 0: the smallest that holds the largest n
  unsigned threads = 0;
  std::string scale = "quick";         // recorded in the outputs
  bool progress = false;
};

// The quick and full grids (see `syninfo help audit-map`).
AuditMapOptions audit_map_preset(const std::string& scale);

struct AuditMapPoint {
  std::string sigma2, rho;
  std::size_t patterns = 0, synapses = 0, neurons = 0;
  json::Value spec;         // the generate spec of this point
  MiStatus status = MiStatus::ok;
  std::string detail;
  std::string pd_verdict;
  bool k_pd = false, k_prime_pd = false;
  double k_min_eigenvalue = 0.0, k_prime_min_eigenvalue = 0.0;
  double mi_fw = 0.0;       // NaN unless ok
  double mi_true = 0.0, mi_true_se = 0.0;  // NaN when no estimator applies
  std::string estimator;    // "quadrature", "smc" or "smc_lower_bound"
  bool reliable = false;    // the truth driver's verdict on mi_true
  bool lower_bound = false; // mi_true is a lower bound (degenerate ensemble)
  double relative = 0.0, relative_se = 0.0;  // NaN when undefined
  Verdict verdict;
  double seconds = 0.0;
  std::string note;
};

struct AuditMap {
  AuditMapOptions options;
  std::size_t neurons = 0;
  Ensemble sequence;  // the fixed sequence of pairs (first max n used)
  std::vector<AuditMapPoint> points;  // order: P, n, rho, sigma2 (sigma2 fastest)
  double seconds = 0.0;
  std::string command;  // how it was invoked (for the summary)
};

// Smallest N with N (N - 1) / 2 >= n (at least 2).
std::size_t neurons_for(std::size_t synapses);

// The fixed sequence: all pairs i < j of N neurons in a seeded random order.
Ensemble pair_sequence(std::size_t neurons, std::uint64_t seed);

// The spec of one grid point.
json::Value audit_map_spec(const std::string& sigma2, const std::string& rho, std::size_t patterns,
                           const Ensemble& ensemble, std::size_t neurons, std::uint64_t seed);

// The grid points in map order (P, n, rho, sigma2; sigma2 fastest): the
// tasks of a run, of its shards and of its checkpoint.
struct AuditMapJob {
  std::size_t patterns = 0, synapses = 0;
  std::string rho, sigma2;
};
std::vector<AuditMapJob> audit_map_jobs(const AuditMapOptions& options);

// A map without points: its options, N and sequence of pairs. Throws
// InvalidInput for an N too small or (through the spec reader) an invalid
// sigma2 / rho.
AuditMap audit_map_frame(const AuditMapOptions& options);

// How a run is split and kept: with a shard (i of n) only the jobs t with
// t mod n = i are computed, and map.points holds those, in map order; with a
// checkpoint, the points it keeps (key "point/T", T the job's index) are read
// back and every point computed is appended to it.
struct AuditMapRun {
  report::ShardPosition shard;
  report::Checkpoint* checkpoint = nullptr;
};

// Throws InvalidInput (through the spec reader) for an invalid sigma2 / rho,
// report::CheckpointRefused for a damaged kept point.
AuditMap run_audit_map(const AuditMapOptions& options, const AuditMapRun& run = {});

// Writes DIR/audit_map.csv, audit_map_specs.jsonl, audit_map.dat,
// audit_map.gp + audit_map.png (when gnuplot is available; otherwise the
// summary says so) and audit_map.md. Returns the files written.
std::vector<std::filesystem::path> write_audit_map(const AuditMap& map, const std::filesystem::path& dir);

}  // namespace syninfo::audit
