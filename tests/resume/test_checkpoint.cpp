// The checkpoint of long runs (report/checkpoint.hpp) and the stored blocks of
// outer samples (truth/block_store.hpp): kept tasks come back exactly, a torn
// last line is dropped, another run's or a damaged checkpoint is refused, and
// smc / cmc give bit for bit the same result with a store that holds some or
// all of their blocks as without one, at any thread count.
#include "syninfo/report/checkpoint.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/truth/conditional_monte_carlo.hpp"
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using syninfo::json::Value;
using syninfo::report::Checkpoint;
using syninfo::report::CheckpointRefused;
using syninfo::report::CheckpointSettings;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("syninfo-checkpoint-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  return dir;
}

CheckpointSettings settings(const fs::path& dir, bool resume, long long seed = 1) {
  CheckpointSettings s;
  s.dir = dir;
  s.command = "validate";
  s.identity = Value::object().set("config", Value::object().set("seed", Value::number(seed)));
  s.resume = resume;
  s.start_over = "remove it";
  return s;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A BlockStore in memory that counts what it was asked.
class MemoryStore : public syninfo::truth::BlockStore {
 public:
  bool load(const std::string& key, std::vector<double>& values) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++asked;
    const auto it = blocks.find(key);
    if (it == blocks.end()) return false;
    values = it->second;
    ++loaded;
    return true;
  }
  void save(const std::string& key, const std::vector<double>& values) override {
    std::lock_guard<std::mutex> lock(mutex_);
    blocks[key] = values;
    ++saved;
  }
  std::map<std::string, std::vector<double>> blocks;
  std::size_t asked = 0, loaded = 0, saved = 0;

 private:
  std::mutex mutex_;
};

syninfo::Problem<double> two_synapses() {
  return syninfo::problem_from_json<double>(syninfo::json::parse(R"({"patterns": [
    {"mean": [0.2, -0.1, 0.3], "cov": [[0.40, 0.10, 0.05], [0.10, 0.30, 0.12], [0.05, 0.12, 0.50]]},
    {"mean": [-0.3, 0.1, 0.2], "cov": [[0.60, -0.10, 0.00], [-0.10, 0.45, 0.15], [0.00, 0.15, 0.35]]},
    {"mean": [0.1, 0.0, -0.2], "cov": [[0.50, 0.05, 0.10], [0.05, 0.40, 0.00], [0.10, 0.00, 0.30]]}],
    "synapses": [[0, 1], [1, 2]], "pattern": 0})"));
}

}  // namespace

TEST_CASE("checkpoint: tasks appended come back on resume, a torn last line is dropped", "[checkpoint]") {
  const fs::path dir = fresh_dir("roundtrip");
  {
    Checkpoint c(settings(dir, false));
    CHECK(c.resumed() == 0);
    c.append("curve/0", Value::array().push(Value::number(0.5)).push(Value::string("ok")));
    c.append("truth/7", Value::object().set("x", Value::number(-2.5e-300)));
  }
  // A kill in the middle of a write leaves a line without its end.
  { std::ofstream(dir / "tasks.jsonl", std::ios::app) << "{\"key\": \"truth/8\", \"val"; }
  {
    Checkpoint c(settings(dir, true));
    CHECK(c.resumed() == 2);
    REQUIRE(c.find("curve/0"));
    CHECK(c.find("curve/0")->dump(-1) == "[0.5, \"ok\"]");
    CHECK(c.find("truth/7")->find("x")->as_number_text() == "-2.5e-300");
    CHECK(c.find("truth/8") == nullptr);
    c.append("truth/8", Value::number(3));
  }
  const std::string text = read(dir / "tasks.jsonl");
  CHECK(text.find("\"val{") == std::string::npos);  // the torn line was cut off, not continued
  Checkpoint c(settings(dir, true));
  CHECK(c.resumed() == 3);
  CHECK(c.find("truth/8")->as_number_text() == "3");
  CHECK(read(dir / "checkpoint.json").find("\"note\": \"an unfinished run, not a report") != std::string::npos);
  c.remove();
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("checkpoint: another run's, a missing, a busy or a damaged checkpoint is refused", "[checkpoint]") {
  const fs::path dir = fresh_dir("refused");
  { Checkpoint c(settings(dir, false)); }
  // Resume with another identity: the message names the differing field and both values.
  try {
    Checkpoint c(settings(dir, true, 2));
    FAIL("resumed with another seed");
  } catch (const CheckpointRefused& e) {
    CHECK(std::string(e.what()).find("identity.config.seed is 1 there, 2 now") != std::string::npos);
  }
  // A new run over an existing checkpoint, unless told to discard it.
  CHECK_THROWS_AS(Checkpoint(settings(dir, false)), CheckpointRefused);
  CheckpointSettings discard = settings(dir, false, 3);
  discard.discard = true;
  { Checkpoint c(discard); }
  CHECK(read(dir / "checkpoint.json").find("\"seed\": 3") != std::string::npos);
  // One run at a time.
  {
    Checkpoint first(settings(dir, true, 3));
    CHECK_THROWS_WITH(Checkpoint(settings(dir, true, 3)), Catch::Contains("in use by another running syninfo"));
  }
  // A damaged complete line.
  { std::ofstream(dir / "tasks.jsonl", std::ios::app) << "{\"key\": 5}\n"; }
  CHECK_THROWS_WITH(Checkpoint(settings(dir, true, 3)), Catch::Contains("tasks.jsonl line 1 is damaged"));
  // Nothing to resume; a directory that is not a checkpoint is never taken over.
  const fs::path none = fresh_dir("none");
  CHECK_THROWS_WITH(Checkpoint(settings(none, true)), Catch::Contains("no checkpoint in"));
  fs::create_directories(none);
  { std::ofstream(none / "data.txt") << "user file"; }
  CheckpointSettings over = settings(none, false);
  over.discard = true;
  CHECK_THROWS_WITH(Checkpoint(over), Catch::Contains("is not a checkpoint"));
  CHECK(fs::exists(none / "data.txt"));
  fs::remove_all(dir);
  fs::remove_all(none);
}

TEST_CASE("stored blocks: smc gives the same bits with a full, a partial or no store", "[checkpoint][smc]") {
  const auto problem = two_synapses();
  syninfo::truth::SmcOptions o;
  o.outer = 700;  // 6 blocks, the last one short
  o.seed = 5;
  o.threads = 2;
  const auto plain = syninfo::truth::smc_mutual_information(problem, o);
  MemoryStore store;
  o.store = &store;
  const auto filled = syninfo::truth::smc_mutual_information(problem, o);
  CHECK(store.saved >= 6);
  CHECK(store.loaded == 0);
  // Drop every other block, as an interrupted run would have: the rest is recomputed.
  std::size_t k = 0;
  for (auto it = store.blocks.begin(); it != store.blocks.end();) it = k++ % 2 ? store.blocks.erase(it) : std::next(it);
  const std::size_t kept = store.blocks.size();
  o.threads = 1;
  const auto resumed = syninfo::truth::smc_mutual_information(problem, o);
  CHECK(store.loaded == kept);
  for (const auto* r : {&filled, &resumed}) {
    CHECK(r->estimate.value == plain.estimate.value);
    CHECK(r->estimate.standard_error == plain.estimate.standard_error);
    CHECK(r->h_w.estimate.value == plain.h_w.estimate.value);
    CHECK(r->particle_check_shift == plain.particle_check_shift);
    CHECK(r->control_correlation == plain.control_correlation);
    CHECK(r->sample_differences == plain.sample_differences);
  }
  // Another seed is another computation: none of the stored blocks is used.
  o.seed = 6;
  store.loaded = 0;
  (void)syninfo::truth::smc_mutual_information(problem, o);
  CHECK(store.loaded == 0);
}

TEST_CASE("stored blocks: cmc gives the same bits with a partial store", "[checkpoint][cmc]") {
  const auto problem = two_synapses();
  syninfo::truth::CmcOptions o;
  o.outer = 400;
  o.inner = 16;
  o.seed = 9;
  o.threads = 2;
  const auto plain = syninfo::truth::cmc_mutual_information(problem, o);
  MemoryStore store;
  o.store = &store;
  (void)syninfo::truth::cmc_mutual_information(problem, o);
  REQUIRE(store.blocks.size() == 4);
  store.blocks.erase(store.blocks.begin());
  o.threads = 1;
  const auto resumed = syninfo::truth::cmc_mutual_information(problem, o);
  CHECK(store.loaded == 3);
  CHECK(resumed.estimate.value == plain.estimate.value);
  CHECK(resumed.estimate.standard_error == plain.estimate.standard_error);
  CHECK(resumed.h_r.zero_density == plain.h_r.zero_density);
  // A stored block of the wrong size is an error, never silently used.
  store.blocks.begin()->second.pop_back();
  CHECK_THROWS_WITH(syninfo::truth::cmc_mutual_information(problem, o), Catch::Contains("the checkpoint is damaged"));
}
