#include "syninfo/decimal.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace syninfo {

bool is_decimal_number(std::string_view t) {
  std::size_t i = 0;
  const std::size_t n = t.size();
  auto digits = [&] {
    const std::size_t start = i;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i;
    return i - start;
  };
  if (i < n && t[i] == '-') ++i;
  if (i < n && t[i] == '0') {
    ++i;
  } else if (digits() == 0) {
    return false;
  }
  if (i < n && t[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  }
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == n;
}

namespace {
void require_decimal(std::string_view text) {
  if (!is_decimal_number(text))
    throw std::invalid_argument("'" + std::string(text) + "' is not a decimal number");
}
}  // namespace

template <>
double from_decimal<double>(std::string_view text) {
  require_decimal(text);
  const std::string s(text);
  errno = 0;
  const double x = std::strtod(s.c_str(), nullptr);  // correctly rounded
  if (!std::isfinite(x)) throw std::range_error("'" + s + "' overflows double precision");
  return x;
}

template <>
float50 from_decimal<float50>(std::string_view text) {
  require_decimal(text);
  const float50 x(std::string{text});
  if (!boost::multiprecision::isfinite(x)) throw std::range_error("'" + std::string(text) + "' is out of range");
  return x;
}

template <>
float100 from_decimal<float100>(std::string_view text) {
  require_decimal(text);
  const float100 x(std::string{text});
  if (!boost::multiprecision::isfinite(x)) throw std::range_error("'" + std::string(text) + "' is out of range");
  return x;
}

std::string to_decimal(double x, int digits) {
  if (!std::isfinite(x)) return std::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}

namespace {
// Boost prints e.g. "1.5e+00"-style or fixed text; both are valid JSON numbers
// once a leading '+' in the mantissa (never produced) is excluded.
template <class T>
std::string mp_to_decimal(const T& x, int digits) {
  if (!boost::multiprecision::isfinite(x)) return boost::multiprecision::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf");
  return x.str(digits, std::ios_base::fmtflags(0));
}
}  // namespace

std::string to_decimal(const float50& x, int digits) { return mp_to_decimal(x, digits); }
std::string to_decimal(const float100& x, int digits) { return mp_to_decimal(x, digits); }

std::string to_string(Precision p) {
  switch (p) {
    case Precision::double_: return "double";
    case Precision::digits50: return "50";
    case Precision::digits100: return "100";
  }
  return "?";
}

Precision parse_precision(const std::string& text) {
  if (text == "double" || text == "16" || text == "53") return Precision::double_;
  if (text == "50") return Precision::digits50;
  if (text == "100") return Precision::digits100;
  throw std::invalid_argument("unknown precision '" + text + "' (expected double, 50 or 100)");
}

}  // namespace syninfo
