#include "syninfo/estimators/estimate_json.hpp"

#include "syninfo/json_fields.hpp"

namespace syninfo::estimators {
namespace {

void set_common(json::Value& out, const Estimate& e, const char* quantity) {
  set_information_fields(out, quantity, e.value, e.standard_error);
  out.set("error_method", json::Value::string(e.error_method));
}

}  // namespace

void set_ksg_fields(json::Value& out, const Estimate& e, const KsgOptions& options) {
  out.set("method", json::Value::string(e.method))
      .set("algorithm", json::Value::number(options.algorithm))
      .set("k", json::Value::number(options.k))
      .set("samples", count_json(e.samples));
  set_common(out, e, "mi");
  json::Value warnings = json::Value::array();
  for (const auto& w : e.warnings) warnings.push(json::Value::string(w));
  out.set("noise", json::Value::number(options.noise))
      .set("seed", json::Value::number(static_cast<unsigned long long>(options.seed)))
      .set("copula", json::Value::boolean(options.copula))
      .set("normalised", json::Value::boolean(options.normalise && !options.copula))
      .set("ceiling_nats", json::Value::number(ksg_ceiling(e.samples, options.k)))
      .set("warnings", std::move(warnings));
}

void set_cmi_fields(json::Value& out, const Estimate& e, const CmiOptions& options) {
  out.set("method", json::Value::string(e.method))
      .set("k", json::Value::number(options.k))
      .set("samples", count_json(e.samples));
  set_common(out, e, "cmi");
  out.set("seed", json::Value::number(static_cast<unsigned long long>(options.seed)))
      .set("normalised", json::Value::boolean(options.normalise));
}

void set_entropy_fields(json::Value& out, const Estimate& e, const KlOptions& options) {
  out.set("method", json::Value::string(e.method))
      .set("norm", json::Value::string(options.norm == Norm::max ? "max" : "euclidean"))
      .set("k", json::Value::number(options.k))
      .set("samples", count_json(e.samples));
  set_common(out, e, "entropy");
  out.set("normalised", json::Value::boolean(false));
}

void set_permutation_fields(json::Value& out, const PermutationTest& test, const PermutationOptions& options,
                            bool conditional) {
  out.set("permutations", count_json(test.permutations))
      .set("p_value", json::Value::number(test.p_value))
      .set("surrogates_at_least_observed", count_json(test.at_least_observed))
      .set("surrogate_mean_nats", number_or_null(test.surrogate_mean))
      .set("surrogate_sd_nats", number_or_null(test.surrogate_sd));
  if (conditional) out.set("shuffle_neighbours", count_json(options.neighbours));
  out.set("null_method", json::Value::string(test.null_method));
}

}  // namespace syninfo::estimators
