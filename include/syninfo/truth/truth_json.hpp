// A truth report (true_information.hpp) as the JSON object `syninfo truth`
// prints and the Python module's true_information returns, in the naming
// scheme of json_fields.hpp: the best estimate at the top level (mi_nats,
// mi_bits, standard_error_nats/bits, information, reliable), then `best`
// with how it was chosen, every method's estimate with its diagnostics, and
// the closed form and Gaussian-channel value beside them.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/model.hpp"
#include "syninfo/truth/true_information.hpp"

namespace syninfo::truth {

json::Value truth_report_json(const Problem<double>& problem, const TruthOptions& options, const TruthReport& report);

}  // namespace syninfo::truth
