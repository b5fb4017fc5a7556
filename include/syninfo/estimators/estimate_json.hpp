// The result fields of the sample estimators (KSG mutual information,
// Frenzel-Pompe conditional mutual information, Kozachenko-Leonenko
// entropy, permutation tests), in the naming scheme of json_fields.hpp.
// `syninfo ksg|cmi|entropy` add the description of their CSV input; the
// Python module converts the same objects to dicts.
#pragma once

#include "syninfo/estimators/estimate.hpp"
#include "syninfo/estimators/kozachenko_leonenko.hpp"
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/estimators/ksg_conditional.hpp"
#include "syninfo/estimators/permutation_test.hpp"
#include "syninfo/json.hpp"

namespace syninfo::estimators {

// method, algorithm, k, samples, mi_nats, mi_bits, standard_error_nats/bits,
// error_method, noise, seed, copula, normalised, ceiling_nats, warnings.
void set_ksg_fields(json::Value& out, const Estimate& e, const KsgOptions& options);

// method, k, samples, cmi_nats, cmi_bits, standard_error_nats/bits,
// error_method, seed, normalised.
void set_cmi_fields(json::Value& out, const Estimate& e, const CmiOptions& options);

// method, norm, k, samples, entropy_nats, entropy_bits, standard_error_nats/bits,
// error_method, normalised (always false: h(aX) = h(X) + ln|a| has no
// scale-free version).
void set_entropy_fields(json::Value& out, const Estimate& e, const KlOptions& options);

// permutations, p_value, surrogates_at_least_observed, surrogate_mean_nats,
// surrogate_sd_nats, null_method; with `conditional` also shuffle_neighbours.
void set_permutation_fields(json::Value& out, const PermutationTest& test, const PermutationOptions& options,
                            bool conditional);

}  // namespace syninfo::estimators
