// Building error messages by streaming the parts (this also sidesteps GCC
// 12's false -Wrestrict alarm on chains of std::string operator+).
#pragma once

#include <sstream>
#include <string>

namespace syninfo::estimators {

template <class... Parts>
std::string message(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
}

}  // namespace syninfo::estimators
