// Three significant digits ("0.0887", "1.2e+03") for the truth estimators'
// notes and messages (private to src/truth).
#pragma once

#include <cstdio>
#include <string>

namespace syninfo::truth::detail {

inline std::string fmt(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3g", x);
  return b;
}

}  // namespace syninfo::truth::detail
