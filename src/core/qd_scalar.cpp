// The functions libqd lacks for float50_qd (qd_scalar.hpp): expm1, log1p,
// decimal input and output, and Eigen's NumTraits members.
#include "syninfo/qd_scalar.hpp"

#include "syninfo/decimal.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace syninfo {

namespace {

// expm1 below |x| = 1/2: y = x 2^-k with |y| < 2^-10, the Taylor polynomial
// sum_{m=1}^{17} y^m / m! (first omitted term y^18 / 18! < 1.1e-67 |y|), then
// k doublings expm1(2y) = expm1(y) (expm1(y) + 2), each adding ~1 eps.
constexpr int taylor_terms = 17;
constexpr double reduced_bound = 1.0 / 1024;

const std::array<qd_real, taylor_terms + 1>& inverse_factorials() {
  static const std::array<qd_real, taylor_terms + 1> table = [] {
    std::array<qd_real, taylor_terms + 1> c{};
    c[0] = qd_real(1);
    for (int m = 1; m <= taylor_terms; ++m) c[static_cast<std::size_t>(m)] = c[static_cast<std::size_t>(m - 1)] / qd_real(m);
    return c;
  }();
  return table;
}

}  // namespace

qd_real qd_expm1(const qd_real& x) {
  if (x.isnan()) return x;
  const double lead = x.x[0];
  // |x| >= 1/2: e^x - 1 loses at most a factor e^{1/2} / (e^{1/2} - 1) ~ 2.5
  // (x = 1/2) or e^{-1/2} / (1 - e^{-1/2}) ~ 1.5 (x = -1/2) of relative accuracy.
  if (!(std::fabs(lead) < 0.5)) return exp(x) - 1.0;
  if (lead == 0) return x;
  int k = 0;
  for (double a = std::fabs(lead); a >= reduced_bound; a *= 0.5) ++k;
  const qd_real y = ldexp(x, -k);
  const auto& c = inverse_factorials();
  qd_real p = c[taylor_terms];
  for (int m = taylor_terms - 1; m >= 1; --m) p = p * y + c[static_cast<std::size_t>(m)];
  qd_real e = p * y;
  for (int i = 0; i < k; ++i) e = e * (e + 2.0);
  return e;
}

qd_real qd_log1p(const qd_real& x) {
  if (x.isnan()) return x;
  const double lead = x.x[0];
  if (x < -1.0) return qd_real::_nan;
  if (x == -1.0) return -qd_real::_inf;
  if (std::isinf(lead)) return x;
  // Outside |x| < 1/2, ln(1 + x) has |value| > 0.4 and the rounding of 1 + x
  // moves it by ~eps absolute.
  if (!(std::fabs(lead) < 0.5)) return log(1.0 + x);
  if (lead == 0) return x;
  // Newton on expm1(y) = x from double's log1p (~1e-16 relative): each step
  // squares the relative error (1e-32, then < eps); the residual expm1(y) - x
  // is accurate to a few eps |x| because expm1 is.
  qd_real y(std::log1p(lead));
  for (int step = 0; step < 2; ++step) {
    const qd_real e = qd_expm1(y);
    y -= (e - x) / (1.0 + e);
  }
  return y;
}

qd_real qd_two_pi() { return qd_real::_2pi; }

template <>
qd_real from_decimal<qd_real>(std::string_view text) {
  // float100 reads the text correctly rounded to ~332 bits; its leading 212+
  // bits are then split greedily into four doubles, each the nearest double
  // to what remains (a normalised quad-double).
  float100 rest = from_decimal<float100>(text);
  if (!std::isfinite(rest.convert_to<double>()))
    throw std::range_error("'" + std::string(text) + "' is out of the range of quad-double");
  std::array<double, 4> parts{};
  for (double& p : parts) {
    p = rest.convert_to<double>();
    rest -= p;
  }
  return qd_real(parts[0], parts[1], parts[2], parts[3]);
}

std::string to_decimal(const qd_real& x, int digits) {
  if (x.isnan()) return "nan";
  if (x.isinf()) return x.x[0] > 0 ? "inf" : "-inf";
  // The exact sum of the parts unless they span more than float100's ~332
  // bits (then rounded ~1e-100 relative), rounded once to `digits`.
  float100 sum = 0;
  for (int i = 3; i >= 0; --i) sum += x.x[i];
  return to_decimal(sum, digits);
}

}  // namespace syninfo

namespace Eigen {

qd_real NumTraits<qd_real>::epsilon() { return qd_real(qd_real::_eps); }
qd_real NumTraits<qd_real>::dummy_precision() { return 1000.0 * epsilon(); }
qd_real NumTraits<qd_real>::highest() { return qd_real::_max; }
qd_real NumTraits<qd_real>::lowest() { return -qd_real::_max; }
qd_real NumTraits<qd_real>::infinity() { return qd_real::_inf; }
qd_real NumTraits<qd_real>::quiet_NaN() { return qd_real::_nan; }

}  // namespace Eigen
