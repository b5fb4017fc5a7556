// Decimal text <-> scalar, exactly at the working precision.
//
// Input numbers are read from their decimal text, never through a double, so
// "0.1" is one tenth to 50 digits at 50-digit precision. Output strings carry
// enough digits to round-trip the working precision.
#pragma once

#include "syninfo/precision.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace syninfo {

// True when text is a decimal number in JSON grammar (optional '-', digits,
// optional fraction, optional exponent). No leading '+', no hex, no nan/inf.
bool is_decimal_number(std::string_view text);

// Parses decimal text correctly rounded to T. Throws std::invalid_argument if
// the text is not a decimal number, std::range_error if it does not fit in T.
template <class T>
T from_decimal(std::string_view text);

template <>
double from_decimal<double>(std::string_view text);
template <>
float50 from_decimal<float50>(std::string_view text);
template <>
float100 from_decimal<float100>(std::string_view text);
// Quad-double: the text is read at 100 digits and split into four doubles,
// each the nearest to what remains (src/core/qd_scalar.cpp).
template <>
float50_qd from_decimal<float50_qd>(std::string_view text);

// Constants are built from strings so they are exact at every precision.
template <class T>
T constant(const char* text) { return from_decimal<T>(text); }

// Decimal text with `digits` significant digits (default: round-trip digits).
std::string to_decimal(double x, int digits = std::numeric_limits<double>::max_digits10);
std::string to_decimal(const float50& x, int digits = std::numeric_limits<float50>::max_digits10);
std::string to_decimal(const float100& x, int digits = std::numeric_limits<float100>::max_digits10);
// 50 significant digits by default (the precision; qd carries ~63).
std::string to_decimal(const float50_qd& x, int digits = 50);

inline double to_double(double x) { return x; }
inline double to_double(const float50& x) { return x.convert_to<double>(); }
inline double to_double(const float100& x) { return x.convert_to<double>(); }

}  // namespace syninfo
