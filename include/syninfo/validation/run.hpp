// Computing a validation run: the list of tasks a configuration implies
// (set-1 curve points, random-set samples, ground-truth problems), which of
// them a shard owns, and their results.
//
// Every task's result is a pure function of the configuration and the task
// (its random streams are keyed by the seed and the task), so results do not
// depend on the thread count or on how tasks are split into shards.
#pragma once

#include "syninfo/model.hpp"
#include "syninfo/simulation/curves.hpp"
#include "syninfo/validation/config.hpp"
#include "syninfo/validation/records.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace syninfo::report {
class Checkpoint;
}

namespace syninfo::validation {

struct CurveTask {
  std::string figure;  // "2A", "2B", "3A", "3B", or "3A@N=K" (C7: full problem at K neurons)
  std::size_t curve = 0, grid = 0;
  double x = 0.0;
};

struct SampleTask {
  simulation::SetId set = simulation::SetId::set2;
  std::size_t neurons = 0;
  std::uint64_t index = 0;
};

struct TruthTask {
  std::string kind;    // "curve", "scatter", "synergy", "c7"
  std::string figure;  // curve: figure; scatter/synergy: set name; c7: "3A"
  std::size_t curve = 0, grid = 0;
  double x = 0.0;
  simulation::SetId set = simulation::SetId::set2;
  std::uint64_t index = 0;
};

struct Plan {
  std::vector<CurveTask> curves;
  std::vector<SampleTask> samples;
  std::vector<TruthTask> truths;
};

Plan make_plan(const ValidationConfig& config);

// Task t of a list belongs to shard (t mod shard_count).
bool in_shard(std::size_t task, const ValidationConfig& config);

// The set-1 example of a configuration.
simulation::CurveExample curve_example(const ValidationConfig& config);
// The problem of a curve point (full N dimensions, or `neurons` when given).
Problem<double> curve_problem(const simulation::CurveExample& example, const ValidationConfig& config,
                              const std::string& figure, std::size_t curve, double x, std::size_t neurons = 0);

// The closed form of a problem in double; for failures the 50-digit verdict
// (when enabled) and the nearest-PD repaired value.
ClosedForm evaluate_closed_form(const Problem<double>& problem, const ValidationConfig& config);

struct StageTimings {
  double curves = 0.0, samples = 0.0, truth = 0.0;  // seconds (wall clock)
  std::size_t resumed_tasks = 0;                     // tasks read back from a checkpoint (not timed)
  std::map<std::string, double> truth_by_kind;       // summed task seconds (CPU-ish) per ground-truth kind
  std::map<std::string, std::size_t> truth_tasks;    // tasks per kind
};

// Computes the tasks of the configured shard, in plan order. With a
// checkpoint, the tasks it keeps (keys "curve/T", "sample/T", "truth/T", T
// the task's index in the plan) are read back instead of computed, and every
// task computed is appended to it as it finishes; the records are the same
// either way (the report is computed from their JSON text in both cases).
// Throws report::CheckpointRefused when a kept record is damaged.
Records compute_records(const ValidationConfig& config, const Plan& plan, StageTimings* timings = nullptr,
                        report::Checkpoint* checkpoint = nullptr);

}  // namespace syninfo::validation
