// Scalar types of syninfo and their Eigen integration.
//
// Every numeric routine is templated on the scalar; these are the ones the
// library instantiates: double, 50 and 100 significant decimal digits.
// Expression templates are off (et_off) so that Eigen sees plain value types.
// Boost 1.74's boost/multiprecision/eigen.hpp does not compile with Eigen 3.4,
// hence our own NumTraits specialisation below.
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/mpfr.hpp>
#include <Eigen/Core>

#include <limits>
#include <string>
#include <type_traits>

namespace syninfo {

using float50 = boost::multiprecision::number<boost::multiprecision::cpp_bin_float<50>,
                                              boost::multiprecision::et_off>;
using float100 = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<100>,
                                               boost::multiprecision::et_off>;
// 50 digits through MPFR: measured against cpp_bin_float in
// bench/closed_form_throughput (float50 stays cpp_bin_float, see README).
using float50_mpfr = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<50>,
                                                   boost::multiprecision::et_off>;
// Quad-double (libqd's qd_real, ~63 digits in double's exponent range): the
// opt-in fast 50-digit path. Only declared here; a translation unit that
// computes with it includes syninfo/qd_scalar.hpp (libqd's header and the
// Eigen glue) before the other syninfo headers.
}  // namespace syninfo
struct qd_real;
namespace syninfo {
using float50_qd = ::qd_real;
// What libqd lacks (src/core/qd_scalar.cpp, limits in qd_scalar.hpp).
float50_qd qd_expm1(const float50_qd& x);
float50_qd qd_log1p(const float50_qd& x);
float50_qd qd_two_pi();

// Precision named on the command line and in reports.
enum class Precision { double_, digits50, digits100 };

std::string to_string(Precision p);
// Accepts "double", "50", "100"; throws std::invalid_argument otherwise.
Precision parse_precision(const std::string& text);

template <class T>
constexpr int significant_digits() {
  if constexpr (std::is_same_v<T, float50_qd>) return 62;  // numeric_limits<qd_real> is double's
  else return std::numeric_limits<T>::digits10;
}

}  // namespace syninfo

namespace Eigen {

template <class Backend>
struct NumTraits<boost::multiprecision::number<Backend, boost::multiprecision::et_off>>
    : GenericNumTraits<boost::multiprecision::number<Backend, boost::multiprecision::et_off>> {
  using Self = boost::multiprecision::number<Backend, boost::multiprecision::et_off>;
  using Real = Self;
  using NonInteger = Self;
  using Literal = Self;
  using Nested = Self;
  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    ReadCost = 1,
    AddCost = 4,
    MulCost = 8
  };
  static Self epsilon() { return std::numeric_limits<Self>::epsilon(); }
  // Eigen uses this as the default "is approximately" tolerance.
  static Self dummy_precision() { return 1000 * std::numeric_limits<Self>::epsilon(); }
  static Self highest() { return (std::numeric_limits<Self>::max)(); }
  static Self lowest() { return std::numeric_limits<Self>::lowest(); }
  static Self infinity() { return std::numeric_limits<Self>::infinity(); }
  static Self quiet_NaN() { return std::numeric_limits<Self>::quiet_NaN(); }
  static int digits10() { return std::numeric_limits<Self>::digits10; }
  static int digits() { return std::numeric_limits<Self>::digits; }
};

// Quad-double: ~212 bits. The members are defined in src/core/qd_scalar.cpp
// (qd_real is incomplete here); std::numeric_limits<qd_real> is double's
// apart from epsilon, min and max, so nothing is inherited from it.
template <>
struct NumTraits<qd_real> {
  using Real = qd_real;
  using NonInteger = qd_real;
  using Literal = qd_real;
  using Nested = qd_real;
  enum {
    IsComplex = 0,
    IsInteger = 0,
    IsSigned = 1,
    RequireInitialization = 1,
    ReadCost = 1,
    AddCost = 4,
    MulCost = 8
  };
  static qd_real epsilon();
  static qd_real dummy_precision();
  static qd_real highest();
  static qd_real lowest();
  static qd_real infinity();
  static qd_real quiet_NaN();
  static int digits10() { return 62; }
  static int max_digits10() { return 65; }
  static int digits() { return 209; }
  static int min_exponent() { return -1021; }
  static int max_exponent() { return 1024; }
};

}  // namespace Eigen
