// The full `syninfo validate` configuration as JSON: written by
// --print-config, read by --config, carried by every shard, and hashed into
// the fingerprint printed in report.md.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/validation/config.hpp"

#include <stdexcept>
#include <string>

namespace syninfo::validation {

// A bad configuration file: the message starts with the key path
// ("config.random.rho_low: must be in [-1, 1], got 3").
class ConfigError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Every field that determines the results (not threads, shard, progress), in
// a fixed key order: the canonical form that is hashed and compared.
json::Value config_to_json(const ValidationConfig& config);

// config_to_json plus "reasons": the parameter table (value, source, reason
// of each simulation parameter), for a reader; --config ignores "reasons".
json::Value config_to_documented_json(const ValidationConfig& config);

// Overrides the fields `value` gives (any subset; a "scale" key is not read
// here, see scale_of_config_json) and checks every field and the relations
// between them. Throws ConfigError naming the key path on an unknown key, a
// wrong type, a value out of range or an inconsistent pair.
void apply_config_json(const json::Value& value, ValidationConfig& config);

// The "scale" key of a configuration object, if any; throws ConfigError if it
// is not a scale name.
bool scale_of_config_json(const json::Value& value, Scale& scale);

// Checks the relations of a complete configuration (also run by
// apply_config_json); throws ConfigError.
void check_config(const ValidationConfig& config);

// 16 hex digits of the FNV-1a hash of the canonical JSON (compact dump).
std::string config_hash(const ValidationConfig& config);

// The first key path where two canonical configurations differ ("" if equal).
std::string first_difference(const json::Value& a, const json::Value& b, const std::string& path = "config");

}  // namespace syninfo::validation
