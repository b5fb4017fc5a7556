// The one place where the validation asks for the true information of a
// problem. Every verdict of the report uses only estimates marked reliable.
//
// Policy:
//   n = 1   quadrature at the budget's resolution (deterministic; the error
//           bound is the refinement difference): reliable by the shared rule
//           of truth/reliability.hpp (finite, I >= 0 within 3 SE, resolvable
//           in double precision), the rule `truth` and `audit` apply.
//   n >= 2  the truth driver's verdict (truth/true_information.hpp) with only
//           sequential Monte Carlo enabled: its `best` estimate and its
//           `reliable` flag. A degenerate ensemble gets a lower bound, which is
//           never reliable.
#pragma once

#include "syninfo/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace syninfo::validation {

struct GroundTruthBudget {
  std::size_t samples = 4000;  // smc outer samples (n >= 2), at most
  // smc's cost grows like outer x n x P: the outer samples are cut to
  // max(min_samples, work / (n P)) so the largest problems (n = 20, P = 50)
  // cost about as much as average ones; their standard errors are larger, and
  // the reliability verdict still decides whether they count. 0: no cap.
  std::size_t work = 0;
  std::size_t min_samples = 500;
  std::size_t max_particles = 256;  // smc's automatic reruns when its densities are noisy
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
  std::string method;           // "quadrature", "smc" or "none"
  bool reliable = false;
  std::string note;             // why unreliable, or what was skipped
};

GroundTruth ground_truth(const Problem<double>& problem, const GroundTruthBudget& budget);

}  // namespace syninfo::validation
