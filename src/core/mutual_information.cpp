#include "syninfo/mutual_information.hpp"

namespace syninfo {

const char* to_string(MiStatus status) {
  switch (status) {
    case MiStatus::ok: return "ok";
    case MiStatus::not_positive_definite: return "not_positive_definite";
    case MiStatus::single_pattern: return "single_pattern";
    case MiStatus::non_finite: return "non_finite";
  }
  return "unknown";
}

template MiResult<double> fenton_wilkinson_mutual_information_of_valid(const Problem<double>&, const MiOptions&);
template MiResult<float50> fenton_wilkinson_mutual_information_of_valid(const Problem<float50>&, const MiOptions&);
template MiResult<float100> fenton_wilkinson_mutual_information_of_valid(const Problem<float100>&, const MiOptions&);
template MiResult<double> fenton_wilkinson_mutual_information(const Problem<double>&, const MiOptions&);
template MiResult<float50> fenton_wilkinson_mutual_information(const Problem<float50>&, const MiOptions&);
template MiResult<float100> fenton_wilkinson_mutual_information(const Problem<float100>&, const MiOptions&);

}  // namespace syninfo
