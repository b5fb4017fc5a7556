// The closed form at a working precision together with a second precision,
// so that every result says how many digits double precision gets right.
// For T = double the reference is 50 digits; otherwise the second result is
// the double one. Converting a problem between precisions rounds each input
// once (double inputs are exact at 50 digits).
#pragma once

#include "syninfo/mutual_information.hpp"

namespace syninfo {

template <class To, class From>
Problem<To> convert_problem(const Problem<From>& p) {
  Problem<To> out;
  out.ensemble = p.ensemble;
  out.pattern = p.pattern;
  for (const auto& pat : p.patterns.list) {
    Pattern<To> q;
    q.mean = pat.mean.template cast<To>();
    q.cov = pat.cov.template cast<To>();
    out.patterns.list.push_back(std::move(q));
  }
  return out;
}

template <class T>
struct CrossCheckedResult {
  MiResult<T> result;          // at the working precision T
  MiResult<double> double_result;
  bool double_is_reference_side = false;  // true when T is double (then `reference` holds 50 digits)
  MiResult<float50> reference;            // only when T is double
  int agreement_digits = -1;              // -1 when either side is not ok
};

template <class T>
CrossCheckedResult<T> cross_checked_mutual_information(const Problem<T>& problem) {
  CrossCheckedResult<T> out;
  out.result = fenton_wilkinson_mutual_information(problem);
  if constexpr (std::is_same_v<T, double>) {
    out.double_result = out.result;
    out.double_is_reference_side = true;
    out.reference = fenton_wilkinson_mutual_information(convert_problem<float50>(problem));
    if (out.result.ok() && out.reference.ok()) out.agreement_digits = agreement_digits(out.result.mi_nats, out.reference.mi_nats);
  } else {
    out.double_result = fenton_wilkinson_mutual_information(convert_problem<double>(problem));
    if (out.result.ok() && out.double_result.ok())
      out.agreement_digits = agreement_digits(out.double_result.mi_nats, out.result.mi_nats);
  }
  return out;
}

}  // namespace syninfo
