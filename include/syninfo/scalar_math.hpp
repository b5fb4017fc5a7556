// Elementary functions used generically over double and the multiprecision
// types: one spelling for each, so templated code reads the same at every
// precision.
#pragma once

#include "syninfo/precision.hpp"

#include <boost/math/special_functions/expm1.hpp>
#include <boost/math/special_functions/log1p.hpp>
#include <boost/math/constants/constants.hpp>

#include <cmath>
#include <limits>

namespace syninfo {

template <class T>
bool is_finite(const T& x) {
  using std::isfinite;
  using boost::multiprecision::isfinite;
  return isfinite(x);
}

template <class T>
T quiet_nan() { return std::numeric_limits<T>::quiet_NaN(); }

// 2 pi at the precision of T (Boost.Math's constant for qd_real would be
// double's, qd_scalar.hpp).
template <class T>
T two_pi_() {
  if constexpr (std::is_same_v<T, float50_qd>) return qd_two_pi();
  else return boost::math::constants::two_pi<T>();
}

// ln(1 + x), accurate for small x.
template <class T>
T log1p_(const T& x) {
  if constexpr (std::is_same_v<T, double>) return std::log1p(x);
  else if constexpr (std::is_same_v<T, float50_qd>) return qd_log1p(x);
  else return boost::math::log1p(x);
}

// e^x - 1, accurate for small x.
template <class T>
T expm1_(const T& x) {
  if constexpr (std::is_same_v<T, double>) return std::expm1(x);
  else if constexpr (std::is_same_v<T, float50_qd>) return qd_expm1(x);
  else return boost::math::expm1(x);
}

// ln(sum_i exp(v_i)) without overflow.
template <class T, class Range>
T log_sum_exp(const Range& values) {
  using std::exp;
  using std::log;
  bool any = false;
  T top = 0;
  for (const T& v : values) {
    if (!any || v > top) top = v;
    any = true;
  }
  if (!any) return -std::numeric_limits<T>::infinity();
  T sum = 0;
  for (const T& v : values) sum += exp(T(v - top));
  return top + log(sum);
}

}  // namespace syninfo
