// Per-task results of a validation run: everything the report is computed
// from, at full precision, so shards can be written, read back and merged into
// exactly the report a single run gives.
#pragma once

#include "syninfo/json.hpp"
#include "syninfo/simulation/features.hpp"
#include "syninfo/simulation/sample_sets.hpp"
#include "syninfo/validation/ground_truth.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace syninfo::validation {

// One closed-form evaluation in double, with what is known about a failure.
struct ClosedForm {
  std::string status;        // to_string(MiStatus): ok, not_positive_definite, non_finite, ...
  double mi_nats = 0.0;      // NaN unless ok
  std::string verdict;       // non-ok only: "real", "rounding: ..." (50 digits), or "not checked"
  std::string repaired_status;  // under nearest-PD repair
  double repaired_nats = 0.0;   // NaN unless repaired_status is ok
  bool ok() const { return status == "ok"; }
};

// A point of a set-1 curve.
struct CurveRecord {
  std::string figure;     // "2A", "2B", "3A", "3B"
  std::size_t curve = 0;  // P (Fig. 2) or n (Fig. 3)
  std::size_t grid = 0;   // index on the sigma2 or rho grid
  double x = 0.0;         // sigma2 (A) or rho (B)
  ClosedForm cf;
};

// A sample of a random set.
struct SampleRecord {
  simulation::SetId set = simulation::SetId::set2;
  std::size_t neurons = 0;
  std::uint64_t index = 0;
  simulation::SampleHeader header;
  simulation::Features features{};
  // Whether the ensemble's incidence vectors e_a are linearly independent
  // (else the ensemble is degenerate and the ground truth gives only a lower bound).
  bool independent = true;
  ClosedForm cf;
};

// A ground-truth computation and the closed form of the same problem.
struct TruthRecord {
  std::string kind;       // "curve", "scatter", "synergy", "c7"
  std::string figure;     // curve: figure id; scatter/synergy: set name; c7: "embedded"
  std::size_t curve = 0;  // curve: P or n
  std::size_t grid = 0;
  double x = 0.0;
  std::uint64_t index = 0;  // scatter/synergy: sample index; c7: problem number
  std::size_t neurons = 0, patterns = 0, synapses = 0;
  GroundTruth truth;
  ClosedForm cf;
  // synergy: each synapse alone (quadrature and closed form), in ensemble order.
  std::vector<GroundTruth> singles;
  std::vector<ClosedForm> singles_cf;
  // c7: the same problem's ground truth embedded at more neurons.
  GroundTruth embedded;
};

struct Records {
  std::vector<CurveRecord> curves;
  std::vector<SampleRecord> samples;
  std::vector<TruthRecord> truths;
};

json::Value to_json(const Records& records);
// Throws std::invalid_argument naming the field on a malformed record.
Records records_from_json(const json::Value& value);

// One record each (the items of the lists above; a checkpoint stores them one
// by one). The readers throw std::invalid_argument naming `where`.
json::Value to_json(const CurveRecord& record);
json::Value to_json(const SampleRecord& record);
json::Value to_json(const TruthRecord& record);
CurveRecord curve_record_from_json(const json::Value& value, const std::string& where);
SampleRecord sample_record_from_json(const json::Value& value, const std::string& where);
TruthRecord truth_record_from_json(const json::Value& value, const std::string& where);

}  // namespace syninfo::validation
