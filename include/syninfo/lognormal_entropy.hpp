// Differential entropy of an n-dimensional log-normal LN(lambda, K)
// (theory.md section 4):  h = sum_a lambda_a + (1/2) ln((2 pi e)^n det K).
// Defined only for positive definite K.
#pragma once

#include "syninfo/fenton_wilkinson.hpp"
#include "syninfo/symmetric_analysis.hpp"

#include <boost/math/constants/constants.hpp>

namespace syninfo {

// ln(2 pi e), at the precision of T.
template <class T>
T log_two_pi_e() {
  using std::log;
  return log(two_pi_<T>()) + 1;
}

// Entropy from the parameters and the log-determinant of K.
template <class T>
T lognormal_entropy(const Vector<T>& lambda, const T& log_det_k) {
  const T n = T(static_cast<int>(lambda.size()));
  return lambda.sum() + (n * log_two_pi_e<T>() + log_det_k) / 2;
}

// Entropy of LN(p.lambda, p.K); NaN when K is not positive definite.
template <class T>
T lognormal_entropy(const LogNormalParameters<T>& p) {
  const SymmetricAnalysis<T> a = analyse_symmetric(p.K);
  if (!a.positive_definite) return quiet_nan<T>();
  return lognormal_entropy(p.lambda, a.log_determinant);
}

}  // namespace syninfo
