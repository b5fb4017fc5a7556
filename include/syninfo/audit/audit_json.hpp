// A Fenton-Wilkinson audit (fenton_wilkinson_audit.hpp) as the JSON object
// `syninfo audit` prints and the Python module's audit returns, in the naming
// scheme of json_fields.hpp (docs/output_fields.md).
#pragma once

#include "syninfo/audit/fenton_wilkinson_audit.hpp"
#include "syninfo/json.hpp"
#include "syninfo/model.hpp"

namespace syninfo::audit {

json::Value audit_report_json(const FentonWilkinsonAudit& result, const Problem<double>& problem);

}  // namespace syninfo::audit
