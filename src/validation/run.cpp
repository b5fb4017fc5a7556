#include "syninfo/validation/run.hpp"

#include "syninfo/cross_check.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/random.hpp"
#include "syninfo/report/checkpoint.hpp"
#include "syninfo/report/progress.hpp"
#include "syninfo/simulation/compact_sample.hpp"
#include "syninfo/simulation/features.hpp"
#include "syninfo/simulation/sample_sets.hpp"
#include "syninfo/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <iostream>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace syninfo::validation {
namespace {

using simulation::SetId;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Grid indices of `points` evenly spread points of a grid of `size` (both ends included).
std::vector<std::size_t> spread_indices(std::size_t size, std::size_t points) {
  std::vector<std::size_t> out;
  if (size == 0 || points == 0) return out;
  if (points == 1) return {size / 2};
  for (std::size_t i = 0; i < points; ++i) {
    const auto g = static_cast<std::size_t>(std::llround(static_cast<double>(i) * static_cast<double>(size - 1) /
                                                         static_cast<double>(points - 1)));
    if (out.empty() || out.back() != g) out.push_back(g);
  }
  return out;
}

std::vector<double> grid_of(const ValidationConfig& c, const std::string& figure) {
  const bool sigma_axis = !figure.empty() && figure[1] == 'A';
  return sigma_axis ? simulation::log_grid(c.curves.sigma2_low, c.curves.sigma2_high, c.curves.grid_points)
                    : simulation::linear_grid(c.curves.rho_low, c.curves.rho_high, c.curves.grid_points);
}

// Runs body(i) for i in [0, count) on `threads` workers, taking tasks in order
// from a shared counter (tasks differ in cost by orders of magnitude). The
// first exception is rethrown.
template <class Body>
void dynamic_for(std::size_t count, unsigned threads, Body&& body) {
  if (threads == 0) threads = default_threads();
  const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(count, 1)));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= count) return;
      try {
        body(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next.store(count);
        return;
      }
    }
  };
  if (workers <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < workers; ++w) pool.emplace_back(work);
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
}

// A seed per ground-truth task: the run seed and the task's identity.
std::uint64_t task_seed(std::uint64_t seed, const TruthTask& t) {
  std::uint64_t state = seed ^ 0x5851F42D4C957F2Dull;
  std::uint64_t h = splitmix64(state);
  for (char ch : t.kind + "/" + t.figure) {
    state = h ^ static_cast<unsigned char>(ch);
    h = splitmix64(state);
  }
  for (std::uint64_t v : {static_cast<std::uint64_t>(t.curve), static_cast<std::uint64_t>(t.grid), t.index}) {
    state = h ^ v;
    h = splitmix64(state);
  }
  return h;
}

GroundTruthBudget budget_for(const ValidationConfig& c, const TruthTask& t) {
  GroundTruthBudget b;
  b.samples = c.truth_plan.outer;
  b.work = c.truth_plan.work;
  b.max_particles = c.truth_plan.max_particles;
  b.seed = task_seed(c.seed, t);
  b.threads = 1;
  b.quadrature_points_per_sd = c.truth_plan.quadrature_points_per_sd;
  return b;
}

double elapsed(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

bool in_shard(std::size_t task, const ValidationConfig& config) {
  return config.shard_count <= 1 || task % config.shard_count == config.shard_index;
}

simulation::CurveExample curve_example(const ValidationConfig& c) {
  std::size_t max_patterns = c.curves.fig3_patterns;
  for (auto p : c.curves.fig2_patterns) max_patterns = std::max(max_patterns, p);
  std::size_t max_synapses = 1;
  for (auto n : c.curves.fig3_sizes) max_synapses = std::max(max_synapses, n);
  return simulation::CurveExample(c.seed, c.curves.neurons, max_patterns, max_synapses, c.curves.self_connections);
}

Problem<double> curve_problem(const simulation::CurveExample& example, const ValidationConfig& c,
                              const std::string& figure, std::size_t curve, double x, std::size_t neurons) {
  const std::size_t n_neurons = neurons ? neurons : example.neurons();
  const char family = figure.at(0), axis = figure.at(1);
  const std::size_t patterns = family == '2' ? curve : c.curves.fig3_patterns;
  const std::size_t synapses = family == '2' ? 1 : curve;
  double sigma2 = 0.0, rho = 0.0;
  if (axis == 'A') {
    sigma2 = x;
    rho = family == '2' ? c.curves.fig2a_rho : c.curves.fig3a_rho;
  } else {
    rho = x;
    sigma2 = family == '2' ? c.curves.fig2b_sigma2 : c.curves.fig3b_sigma2;
  }
  return example.problem_at(n_neurons, patterns, synapses, sigma2, rho);
}

ClosedForm evaluate_closed_form(const Problem<double>& problem, const ValidationConfig& config) {
  ClosedForm out;
  const MiResult<double> r = fenton_wilkinson_mutual_information(problem);
  out.status = to_string(r.status);
  out.mi_nats = r.ok() ? r.mi_nats : nan;
  if (r.ok()) {
    out.repaired_status = out.status;
    out.repaired_nats = out.mi_nats;
    return out;
  }
  out.verdict = "not checked";
  if (config.high_precision_verdict && r.status == MiStatus::not_positive_definite) {
    const MiResult<float50> high = fenton_wilkinson_mutual_information(convert_problem<float50>(problem));
    const std::string v = verdict(r.status, high.status);
    out.verdict = v.empty() ? "not checked" : v;
  }
  MiOptions repair;
  repair.policy = PdPolicy::nearest_pd;
  repair.repair_floor = config.repair_floor;
  const MiResult<double> fixed = fenton_wilkinson_mutual_information(problem, repair);
  out.repaired_status = to_string(fixed.status);
  out.repaired_nats = fixed.ok() ? fixed.mi_nats : nan;
  return out;
}

Plan make_plan(const ValidationConfig& c) {
  Plan plan;
  // Set-1 curves.
  for (const std::string figure : {"2A", "2B", "3A", "3B"}) {
    const auto grid = grid_of(c, figure);
    const auto& curves = figure[0] == '2' ? c.curves.fig2_patterns : c.curves.fig3_sizes;
    for (auto curve : curves)
      for (std::size_t g = 0; g < grid.size(); ++g) plan.curves.push_back(CurveTask{figure, curve, g, grid[g]});
  }
  // C7: Fig. 3A points as full problems at the smallest N that holds the
  // ensemble, at N, and at 2N (the curves themselves run on touched neurons).
  {
    const auto example = curve_example(c);
    std::size_t max_n = 1;
    for (auto n : c.curves.fig3_sizes) max_n = std::max(max_n, n);
    std::size_t touched_max = 0;
    const auto& seq = example.synapse_sequence();
    for (std::size_t a = 0; a < max_n && a < seq.size(); ++a) touched_max = std::max({touched_max, seq[a].i, seq[a].j});
    const auto grid = grid_of(c, "3A");
    for (const std::size_t neurons : {touched_max + 1, c.curves.neurons, 2 * c.curves.neurons})
      for (auto curve : c.curves.fig3_sizes)
        for (auto g : spread_indices(grid.size(), 3))
          plan.curves.push_back(CurveTask{"3A@N=" + std::to_string(neurons), curve, g, grid[g]});
  }
  // Random sets at the main N, then the C7 runs at other N.
  auto add_samples = [&](SetId set, std::size_t neurons, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) plan.samples.push_back(SampleTask{set, neurons, i});
  };
  add_samples(SetId::set2, c.random.neurons, c.set2_samples);
  add_samples(SetId::set3, c.random.neurons, c.set3_samples);
  add_samples(SetId::set3_fig4, c.random.neurons, c.fig4_samples);
  for (auto n : c.c7_neurons) {
    add_samples(SetId::set2, n, c.c7_samples);
    add_samples(SetId::set3, n, c.c7_samples);
  }
  if (!c.truth) return plan;
  // Ground truth: curve points.
  const auto& t = c.truth_plan;
  for (const std::string figure : {"2A", "2B", "3A", "3B"}) {
    const auto grid = grid_of(c, figure);
    std::vector<std::size_t> curves;
    if (figure[0] == '2') {
      for (auto p : t.fig2_patterns)
        if (std::find(c.curves.fig2_patterns.begin(), c.curves.fig2_patterns.end(), p) != c.curves.fig2_patterns.end())
          curves.push_back(p);
    } else {
      curves.push_back(1);
      for (auto n : t.fig3_sizes)
        if (n != 1 && std::find(c.curves.fig3_sizes.begin(), c.curves.fig3_sizes.end(), n) != c.curves.fig3_sizes.end())
          curves.push_back(n);
    }
    for (auto curve : curves)
      for (auto g : spread_indices(grid.size(), t.curve_points)) {
        TruthTask task;
        task.kind = "curve";
        task.figure = figure;
        task.curve = curve;
        task.grid = g;
        task.x = grid[g];
        plan.truths.push_back(task);
      }
  }
  // Scatter subsamples: the first samples of sets 2 and 3 with at most
  // scatter_max_synapses synapses (a random subsample of those by construction).
  for (SetId set : {SetId::set2, SetId::set3}) {
    const std::size_t available = set == SetId::set2 ? c.set2_samples : c.set3_samples;
    std::size_t taken = 0;
    for (std::size_t i = 0; i < available && taken < t.scatter; ++i) {
      if (simulation::sample_header(set, c.random, c.seed, i).synapses > t.scatter_max_synapses) continue;
      ++taken;
      TruthTask task;
      task.kind = "scatter";
      task.figure = simulation::to_string(set);
      task.set = set;
      task.index = i;
      plan.truths.push_back(task);
    }
  }
  // Synergy: stratified over n, the first Fig. 4 samples of each size.
  {
    std::vector<std::size_t> taken(t.synergy_sizes.size(), 0);
    for (std::uint64_t i = 0; i < c.fig4_samples; ++i) {
      const auto h = simulation::sample_header(SetId::set3_fig4, c.random, c.seed, i);
      for (std::size_t s = 0; s < t.synergy_sizes.size(); ++s) {
        if (h.synapses != t.synergy_sizes[s] || taken[s] >= t.synergy_per_size) continue;
        ++taken[s];
        TruthTask task;
        task.kind = "synergy";
        task.figure = simulation::to_string(SetId::set3_fig4);
        task.set = SetId::set3_fig4;
        task.index = i;
        task.curve = h.synapses;
        plan.truths.push_back(task);
      }
      bool done = true;
      for (auto k : taken) done = done && k >= t.synergy_per_size;
      if (done) break;
    }
  }
  // C7: ground truth of Fig. 3A problems (n = 2) at N and embedded at 2N.
  {
    const auto grid = grid_of(c, "3A");
    std::size_t made = 0;
    for (auto g : spread_indices(grid.size(), std::max<std::size_t>(t.c7_problems, 1))) {
      if (made++ >= t.c7_problems) break;
      TruthTask task;
      task.kind = "c7";
      task.figure = "3A";
      task.curve = std::min<std::size_t>(2, c.curves.fig3_sizes.empty() ? 1 : *std::max_element(c.curves.fig3_sizes.begin(), c.curves.fig3_sizes.end()));
      task.grid = g;
      task.x = grid[g];
      task.index = made - 1;
      plan.truths.push_back(task);
    }
  }
  return plan;
}

namespace {

CurveRecord curve_record(const CurveTask& task, const simulation::CurveExample& example, const ValidationConfig& config) {
  CurveRecord rec;
  rec.figure = task.figure;
  rec.curve = task.curve;
  rec.grid = task.grid;
  rec.x = task.x;
  const auto at = task.figure.find("@N=");
  if (at == std::string::npos) {
    rec.cf = evaluate_closed_form(
        simulation::restrict_to_touched(curve_problem(example, config, task.figure, task.curve, task.x)), config);
  } else {
    const std::size_t neurons = std::stoul(task.figure.substr(at + 3));
    rec.cf = evaluate_closed_form(curve_problem(example, config, task.figure.substr(0, at), task.curve, task.x, neurons),
                                  config);
  }
  return rec;
}

// Features on the full problem, closed form on the touched neurons.
SampleRecord sample_record(const SampleTask& task, const ValidationConfig& config) {
  simulation::RandomSetSettings settings = config.random;
  settings.neurons = task.neurons;
  const auto sample = simulation::compact_sample(task.set, settings, config.seed, task.index);
  SampleRecord rec;
  rec.set = task.set;
  rec.neurons = task.neurons;
  rec.index = task.index;
  rec.header = sample.header;
  rec.features = sample.features;
  rec.independent = sample.independent;
  rec.cf = evaluate_closed_form(sample.problem, config);
  return rec;
}

TruthRecord truth_record(const TruthTask& task, const simulation::CurveExample& example, const ValidationConfig& config) {
  TruthRecord rec;
  rec.kind = task.kind;
  rec.figure = task.figure;
  rec.curve = task.curve;
  rec.grid = task.grid;
  rec.x = task.x;
  rec.index = task.index;
  rec.embedded.value = rec.embedded.standard_error = nan;
  rec.embedded.method = "none";
  GroundTruthBudget budget = budget_for(config, task);
  // The curve problems in full; a random sample on its touched neurons
  // (all the closed form and the truth depend on, theory.md 5.6).
  Problem<double> full;
  std::size_t neurons = 0;
  if (task.kind == "curve" || task.kind == "c7") {
    full = curve_problem(example, config, task.figure, task.curve, task.x);
    neurons = full.patterns.neurons();
  } else {
    full = simulation::compact_sample(task.set, config.random, config.seed, task.index).problem;
    neurons = config.random.neurons;
  }
  const Problem<double> problem = simulation::restrict_to_touched(full);
  rec.neurons = neurons;
  rec.patterns = problem.patterns.count();
  rec.synapses = problem.ensemble.size();
  rec.cf = evaluate_closed_form(problem, config);
  rec.truth = ground_truth(problem, budget);
  if (task.kind == "synergy") {
    for (const auto& s : full.ensemble) {
      Problem<double> single = full;
      single.ensemble = {s};
      const Problem<double> small = simulation::restrict_to_touched(single);
      rec.singles.push_back(ground_truth(small, budget));
      rec.singles_cf.push_back(evaluate_closed_form(small, config));
    }
  }
  if (task.kind == "c7") {
    const Problem<double> embedded =
        curve_problem(example, config, task.figure, task.curve, task.x, 2 * config.curves.neurons);
    rec.embedded = ground_truth(embedded, budget);
  }
  return rec;
}

// One stage's tasks (plan indices `mine`): those kept in the checkpoint are
// read back, the others computed by compute(plan index) on the workers and
// appended to the checkpoint as they finish.
template <class Record>
class Stage {
 public:
  Stage(const char* kind, std::vector<std::size_t> mine, report::Checkpoint* checkpoint,
        Record (*parse)(const json::Value&, const std::string&))
      : kind_(kind), mine_(std::move(mine)), checkpoint_(checkpoint), records_(mine_.size()) {
    // Every kept record is read before any work, so that a damaged one is
    // refused (exit 2) at the start.
    for (std::size_t i = 0; i < mine_.size(); ++i) {
      const json::Value* kept = checkpoint_ ? checkpoint_->find(key(i)) : nullptr;
      if (!kept) {
        todo_.push_back(i);
        continue;
      }
      try {
        records_[i] = parse(*kept, key(i));
      } catch (const std::invalid_argument& e) {
        throw report::CheckpointRefused(checkpoint_->dir().string() + " is damaged: " + e.what());
      }
    }
  }
  std::size_t resumed() const { return mine_.size() - todo_.size(); }

  template <class Compute>
  std::vector<Record> run(const char* label, const ValidationConfig& config, Compute compute) {
    if (checkpoint_ && config.progress && checkpoint_->resumed() > 0)
      std::cerr << label << ": " << resumed() << " of " << mine_.size() << " tasks resumed from "
                << checkpoint_->dir().string() << '\n';
    report::Progress progress(label, todo_.size(), config.progress);
    dynamic_for(todo_.size(), config.threads, [&](std::size_t j) {
      const std::size_t i = todo_[j];
      records_[i] = compute(mine_[i]);
      if (checkpoint_) checkpoint_->append(key(i), to_json(records_[i]));
      progress.tick();
    });
    progress.finish();
    return std::move(records_);
  }

 private:
  std::string key(std::size_t i) const { return std::string(kind_) + "/" + std::to_string(mine_[i]); }

  const char* kind_;
  std::vector<std::size_t> mine_, todo_;
  report::Checkpoint* checkpoint_;
  std::vector<Record> records_;
};

}  // namespace

Records compute_records(const ValidationConfig& config, const Plan& plan, StageTimings* timings,
                        report::Checkpoint* checkpoint) {
  const auto example = curve_example(config);
  // Which tasks are ours.
  auto select = [&](std::size_t count) {
    std::vector<std::size_t> mine;
    for (std::size_t t = 0; t < count; ++t)
      if (in_shard(t, config)) mine.push_back(t);
    return mine;
  };
  Stage<CurveRecord> curves("curve", select(plan.curves.size()), checkpoint, &curve_record_from_json);
  Stage<SampleRecord> samples("sample", select(plan.samples.size()), checkpoint, &sample_record_from_json);
  Stage<TruthRecord> truths("truth", select(plan.truths.size()), checkpoint, &truth_record_from_json);
  if (timings) timings->resumed_tasks = curves.resumed() + samples.resumed() + truths.resumed();

  Records out;
  auto start = std::chrono::steady_clock::now();
  out.curves = curves.run("validate: set-1 curves", config,
                          [&](std::size_t t) { return curve_record(plan.curves[t], example, config); });
  if (timings) timings->curves = elapsed(start);
  start = std::chrono::steady_clock::now();
  out.samples = samples.run("validate: closed form on sets 2, 3", config,
                            [&](std::size_t t) { return sample_record(plan.samples[t], config); });
  if (timings) timings->samples = elapsed(start);
  start = std::chrono::steady_clock::now();
  std::mutex timing_mutex;
  out.truths = truths.run("validate: ground truth", config, [&](std::size_t t) {
    const auto task_start = std::chrono::steady_clock::now();
    TruthRecord rec = truth_record(plan.truths[t], example, config);
    if (timings) {
      std::lock_guard<std::mutex> lock(timing_mutex);
      const std::string key =
          rec.kind + (rec.kind == "curve" ? " " + rec.figure + " n=" + std::to_string(rec.synapses) : "");
      timings->truth_by_kind[key] += elapsed(task_start);
      ++timings->truth_tasks[key];
    }
    return rec;
  });
  if (timings) timings->truth = elapsed(start);
  return out;
}

}  // namespace syninfo::validation
