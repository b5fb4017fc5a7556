#include "syninfo/json_fields.hpp"

#include <cmath>
#include <numbers>
#include <string>

namespace syninfo {

json::Value number_or_null(double x) { return std::isfinite(x) ? json::Value::number(x) : json::Value(); }

json::Value count_json(std::size_t n) { return json::Value::number(static_cast<unsigned long long>(n)); }

json::Value index_array(const std::vector<std::size_t>& indices) {
  json::Value out = json::Value::array();
  for (std::size_t i : indices) out.push(count_json(i));
  return out;
}

void set_information_fields(json::Value& out, std::string_view quantity, double value_nats,
                            double standard_error_nats) {
  const std::string q(quantity);
  out.set(q + "_nats", number_or_null(value_nats))
      .set(q + "_bits", number_or_null(value_nats / std::numbers::ln2))
      .set("standard_error_nats", number_or_null(standard_error_nats))
      .set("standard_error_bits", number_or_null(standard_error_nats / std::numbers::ln2));
}

}  // namespace syninfo
