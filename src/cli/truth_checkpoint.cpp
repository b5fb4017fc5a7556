#include "truth_checkpoint.hpp"

#include <bit>
#include <cstdint>

namespace syninfo::cli {

json::Value truth_identity(const json::Value& spec, const std::string& method, const truth::TruthOptions& o) {
  auto count = [](std::size_t x) { return json::Value::number(static_cast<unsigned long long>(x)); };
  return json::Value::object()
      .set("spec", spec)
      .set("method", json::Value::string(method))
      .set("samples", count(o.samples))
      .set("inner", count(o.inner))
      .set("seed", json::Value::number(static_cast<unsigned long long>(o.seed)))
      .set("k", json::Value::number(o.k))
      .set("smc_samples", count(o.smc_samples))
      .set("particles", count(o.smc_particles))
      .set("replicates", count(o.smc_replicates))
      .set("max_particles", count(o.smc_max_particles))
      .set("control_samples", count(o.smc_control_samples))
      .set("proposal", json::Value::string(o.smc_bridge ? "bridge" : "plain"))
      .set("noise_levels", count(o.noise_levels));
}

bool CheckpointBlockStore::load(const std::string& key, std::vector<double>& values) {
  const json::Value* kept = checkpoint_.find(key);
  if (!kept) return false;
  const std::string* hex = kept->is_string() ? &kept->as_string() : nullptr;
  if (!hex || hex->size() % 16 != 0 || hex->find_first_not_of("0123456789abcdef") != std::string::npos)
    throw report::CheckpointRefused(checkpoint_.dir().string() + " is damaged: block " + key +
                                    " is not a string of hex doubles");
  values.resize(hex->size() / 16);
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = std::bit_cast<double>(static_cast<std::uint64_t>(std::stoull(hex->substr(16 * i, 16), nullptr, 16)));
  ++loaded_;
  return true;
}

void CheckpointBlockStore::save(const std::string& key, const std::vector<double>& values) {
  static const char* digits = "0123456789abcdef";
  std::string hex(16 * values.size(), '0');
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto bits = std::bit_cast<std::uint64_t>(values[i]);
    for (int d = 0; d < 16; ++d) hex[16 * i + static_cast<std::size_t>(d)] = digits[(bits >> (60 - 4 * d)) & 15];
  }
  checkpoint_.append(key, json::Value::string(std::move(hex)));
  ++saved_;
}

}  // namespace syninfo::cli
