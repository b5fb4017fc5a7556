// Quad-double arithmetic (libqd, Debian's libqd-dev) as an opt-in 50-digit
// scalar of syninfo (issue 17): float50_qd = qd_real, an unevaluated sum of
// four doubles, ~212 bits (~63 significant digits, epsilon 2^-209 ~ 1.2e-63).
// Include this header first in a translation unit that computes with it
// (precision.hpp only declares the type).
//
// What differs from the Boost.Multiprecision types, and how it is handled:
//  - std::numeric_limits<qd_real> (from libqd) derives from the double one:
//    digits, digits10 and max_digits10 are double's (epsilon, min and max
//    are qd's). Eigen gets its own NumTraits (precision.hpp); the closed form
//    only takes epsilon() from numeric_limits. Boost.Math would likewise
//    treat qd_real as a double, so its constants (except exact ones such as
//    1/2) and its expm1/log1p series are not used for qd: scalar_math.hpp
//    dispatches to qd_expm1, qd_log1p and qd_two_pi (src/core/qd_scalar.cpp).
//  - The exponent range is double's (|x| < 1.8e308) and the low parts
//    underflow first: full relative precision needs |x| >~ 1e-244 (the fourth
//    part, ~1e-63 |x|, must stay a normal double). libqd's exp returns 0
//    below an argument of about -709 and +inf above about +709, where
//    cpp_bin_float's exponent range keeps going. In the closed form: e^v and
//    expm1(v) of a log-domain covariance v >~ 709 overflow (status
//    non_finite, as in double), and a weight exp(ln A - max ln A) below
//    ~1e-308 is flushed to 0 (relative contribution < 1e-308, far below the
//    1e-40 budget). libqd's exp loses relative accuracy once e^x leaves
//    1e-244 .. 1e244 (~1e-20 relative at x = -700), and its log (a Newton
//    step on exp(-ln y)) beyond y ~ 1e244 (~1e-27 relative at 1e300); the
//    closed form takes log of sums >= 1 of moderate size and of Cholesky
//    pivots. The reference table has no case near any of these limits.
//  - No constructor from long: T(static_cast<long>(n)) would be ambiguous,
//    so the templated code converts counts through int, and Eigen's 1-norm
//    condition estimator (which converts an Index) is replaced for LLT below.
//  - Decimal input goes through MPFR at 100 digits, never through qd's reader.
#pragma once

#include <qd/qd_real.h>

#include "syninfo/precision.hpp"

#include <Eigen/Cholesky>

namespace Eigen::internal {

// Matrix<qd_real>::cast<double>() (qd_real has no conversion operator).
template <>
struct cast_impl<qd_real, double, void> {
  static inline double run(const qd_real& x) { return ::to_double(x); }
};

// Estimate of ||A^-1||_1 for A = L L^T (Hager's power iteration on the unit
// ball of the 1-norm, with Higham's alternating-sign test vector as a second
// lower bound). A is symmetric, so A^-T x is the same solve as A^-1 x.
template <>
inline qd_real rcond_invmatrix_L1_norm_estimate(const LLT<Matrix<qd_real, Dynamic, Dynamic>, Lower>& dec) {
  using Vec = Matrix<qd_real, Dynamic, 1>;
  const Index n = dec.rows();
  if (n == 0) return qd_real(0);
  const qd_real count(static_cast<int>(n));
  Vec x = Vec::Constant(n, qd_real(1) / count);
  qd_real estimate(0);
  Index last = -1;
  for (int iteration = 0; iteration < 5; ++iteration) {
    const Vec y = dec.solve(x);
    const qd_real norm = y.lpNorm<1>();
    if (iteration > 0 && !(norm > estimate)) break;
    estimate = norm;
    Vec signs(n);
    for (Index i = 0; i < n; ++i) signs(i) = y(i) < 0.0 ? qd_real(-1) : qd_real(1);
    const Vec z = dec.solve(signs);
    Index j = 0;
    for (Index i = 1; i < n; ++i)
      if (abs(z(i)) > abs(z(j))) j = i;
    if (iteration > 0 && (j == last || !(abs(z(j)) > z.dot(x)))) break;
    x.setZero();
    x(j) = qd_real(1);
    last = j;
  }
  Vec b(n);
  for (Index i = 0; i < n; ++i) {
    const qd_real magnitude = qd_real(1) + (n > 1 ? qd_real(static_cast<int>(i)) / qd_real(static_cast<int>(n - 1)) : qd_real(0));
    b(i) = i % 2 == 0 ? magnitude : qd_real(-magnitude);
  }
  const qd_real alternate = 2.0 * dec.solve(b).lpNorm<1>() / (3.0 * count);
  return alternate > estimate ? alternate : estimate;
}

}  // namespace Eigen::internal
