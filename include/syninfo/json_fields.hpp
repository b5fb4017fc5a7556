// The naming scheme of every JSON result syninfo prints (docs/output_fields.md):
// a quantity's name ends in its unit (`mi_nats`, `mi_bits`, `cmi_nats`,
// `entropy_nats`), the standard error of the headline value is
// `standard_error_nats` / `standard_error_bits`, a value computed in double
// is a JSON number, one computed at 50 or 100 digits is a decimal string,
// and a value that does not exist is null with the reason beside it.
// The CLI and the Python module build their results from these helpers, so
// the two cannot drift apart.
#pragma once

#include "syninfo/json.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace syninfo {

// A double as a JSON number, or null when it is NaN or infinite.
json::Value number_or_null(double x);

// A count as a JSON integer.
json::Value count_json(std::size_t n);

// A list of indices as a JSON array of integers.
json::Value index_array(const std::vector<std::size_t>& indices);

// Sets `<quantity>_nats`, `<quantity>_bits`, `standard_error_nats` and
// `standard_error_bits` (nulls for non-finite values).
void set_information_fields(json::Value& out, std::string_view quantity, double value_nats,
                            double standard_error_nats);

}  // namespace syninfo
