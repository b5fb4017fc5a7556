// The one place where the validation asks for the true information of a
// problem. Every verdict of the report uses only estimates marked reliable.
//
// Policy (until the truth area's TruthReport carries its own `best` estimate
// and `reliable` flag; then this adapter forwards those):
//   n = 1   quadrature (deterministic, error bound ~1e-8): reliable.
//   n >= 2  conditional Monte Carlo, reliable when no outer sample had zero
//           estimated density and its bias allowance is below its statistical
//           error; otherwise KSG (algorithm 1), marked unreliable (KSG is
//           biased low in high joint dimension), with the reason in `note`.
#pragma once

#include "syninfo/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace syninfo::validation {

struct GroundTruthBudget {
  std::size_t samples = 4000;  // CMC outer samples, KSG samples
  std::size_t inner = 256;     // CMC inner draws
  std::uint64_t seed = 1;
  unsigned threads = 1;        // inside one estimate (the validation parallelises over problems)
  // Quadrature resolution (n = 1); the fine run doubles it and the difference
  // is the reported error bound. 4 keeps P = 50 under a second; the bound
  // measured there is below 1e-3 relative.
  double quadrature_points_per_sd = 4.0;
};

struct GroundTruth {
  double value = 0.0;           // nats; NaN when no method produced a value
  double standard_error = 0.0;  // nats
  std::string method;           // "quadrature", "cmc", "ksg1" or "none"
  bool reliable = false;
  std::string note;             // why unreliable, or what was skipped
};

GroundTruth ground_truth(const Problem<double>& problem, const GroundTruthBudget& budget);

}  // namespace syninfo::validation
