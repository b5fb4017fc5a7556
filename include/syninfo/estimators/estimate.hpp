// The result type shared by every estimator of the true information.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace syninfo::estimators {

// An estimate with its own standard error (GSL's habit: a function that can
// estimate its error reports it).
struct Estimate {
  double value = 0.0;           // nats
  double standard_error = 0.0;  // nats; how it was obtained is in error_method
  std::size_t samples = 0;      // sample size the estimate used
  std::string method;           // e.g. "ksg1", "ksg2", "kozachenko_leonenko", "cmc", "quadrature"
  std::string error_method;     // e.g. "batch means over 10 blocks", "quadrature error bound"
  std::vector<std::string> warnings;  // caveats about this estimate (e.g. KSG at its ceiling); usually empty
};

}  // namespace syninfo::estimators
