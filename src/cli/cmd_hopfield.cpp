// syninfo hopfield: binary Hopfield networks with Hebbian storage (seed 003):
// the capacity from a load sweep, and the PID profile of the neurons against
// the load (its Fig. 1D).
#include "command.hpp"

#include "syninfo/hopfield/capacity.hpp"
#include "syninfo/hopfield/infomorphic.hpp"
#include "syninfo/hopfield/learning_rules.hpp"
#include "syninfo/hopfield/pid_profile.hpp"
#include "syninfo/json.hpp"
#include "syninfo/report/atomic_output.hpp"
#include "syninfo/report/gnuplot.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

namespace syninfo::cli {
namespace {

using namespace syninfo::hopfield;

double parse_load(const std::string& item) {
  char* end = nullptr;
  const double a = std::strtod(item.c_str(), &end);
  if (item.empty() || *end != '\0' || !std::isfinite(a) || !(a > 0))
    throw UsageError("--alphas expects positive numbers (A1,A2,... or LOW:STEP:HIGH), got '" + item + "'");
  return a;
}

// "A1,A2,..." (ascending) or "LOW:STEP:HIGH" (LOW, LOW + STEP, ... up to HIGH,
// each computed as LOW + k STEP so that no rounding accumulates).
std::vector<double> parse_loads(const std::string& text) {
  std::vector<double> out;
  if (text.find(':') != std::string::npos) {
    std::stringstream ss(text);
    std::string a, b, c;
    if (!std::getline(ss, a, ':') || !std::getline(ss, b, ':') || !std::getline(ss, c) || c.find(':') != std::string::npos)
      throw UsageError("--alphas LOW:STEP:HIGH needs three numbers, got '" + text + "'");
    const double low = parse_load(a), step = parse_load(b), high = parse_load(c);
    if (high < low) throw UsageError("--alphas LOW:STEP:HIGH needs HIGH >= LOW, got '" + text + "'");
    const auto count = static_cast<std::size_t>(std::floor((high - low) / step + 1e-9)) + 1;
    if (count > 10000) throw UsageError("--alphas '" + text + "' makes more than 10000 loads");
    // Rounded to 1e-9 so that 0.05:0.05:0.25 gives 0.15, not 0.15000000000000002.
    for (std::size_t k = 0; k < count; ++k) out.push_back(std::round((low + static_cast<double>(k) * step) * 1e9) / 1e9);
  } else {
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) out.push_back(parse_load(item));
  }
  if (out.empty()) throw UsageError("--alphas is empty");
  for (std::size_t k = 1; k < out.size(); ++k)
    if (!(out[k] > out[k - 1])) throw UsageError("--alphas must be ascending, got '" + text + "'");
  return out;
}

RecallOptions recall_from(const Args& args) {
  RecallOptions r;
  const std::string update = args.get_or("update", "synchronous");
  if (update == "asynchronous") r.update = Update::asynchronous;
  else if (update != "synchronous") throw UsageError("--update must be synchronous or asynchronous, got '" + update + "'");
  r.max_steps = static_cast<std::size_t>(args.get_int("max-steps", 100, 1, 1'000'000));
  return r;
}

// The options every load sweep takes (CapacityOptions and PidProfileOptions
// name them alike).
template <class SweepOptions>
void sweep_from(const Args& args, SweepOptions& o, long long default_neurons, const char* default_alphas) {
  o.neurons = static_cast<std::size_t>(args.get_int("N", default_neurons, 2, 100000));
  o.alphas = parse_loads(args.get_or("alphas", default_alphas));
  o.seeds = static_cast<std::size_t>(args.get_int("seeds", 20, 1, 100000));
  o.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, 1'000'000'000'000LL));
  o.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
}

// --goal: a named goal or five finite numbers gamma = (red, unq_T, unq_R, syn, res).
pid::AtomVector parse_goal(const std::string& text) {
  if (text.find(',') == std::string::npos) {
    try {
      return named_goal(text);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--goal: ") + e.what());
    }
  }
  std::vector<double> values;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    char* end = nullptr;
    const double g = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !std::isfinite(g))
      throw UsageError("--goal expects finite numbers g1,g2,g3,g4,g5, got '" + item + "'");
    values.push_back(g);
  }
  if (!text.empty() && text.back() == ',') values.push_back(std::nan(""));  // a trailing comma is a missing number
  if (values.size() != 5 || !std::isfinite(values.back()))
    throw UsageError("--goal needs exactly five numbers (redundancy, unique T, unique R, synergy, residual), got '" +
                     text + "'");
  return {values[0], values[1], values[2], values[3], values[4]};
}

// The infomorphic hyperparameters; every default is InfomorphicOptions' (see
// its comments and the help text for the reasons).
const std::vector<std::string> infomorphic_option_names = {"goal", "external-weight", "init-scale", "beta", "bins",
                                                           "bin-range", "learning-rate", "epochs", "checkpoints",
                                                           "stop-accuracy"};

InfomorphicOptions infomorphic_from(const Args& args, const RecallOptions& recall, double theta) {
  InfomorphicOptions o;
  if (auto goal = args.get("goal")) o.gamma = parse_goal(*goal);
  o.external_weight = args.get_double("external-weight", o.external_weight, -1e6, 1e6);
  o.init_scale = args.get_double("init-scale", o.init_scale, 0, 1e6);
  o.beta = args.get_double("beta", o.beta, 1e-9, 1e6);
  o.bins = static_cast<std::size_t>(args.get_int("bins", static_cast<long long>(o.bins), 1, 100000));
  o.bin_range = args.get_double("bin-range", o.bin_range, 1e-9, 1e12);
  o.learning_rate = args.get_double("learning-rate", o.learning_rate, 1e-12, 1e6);
  o.epochs = static_cast<std::size_t>(args.get_int("epochs", static_cast<long long>(o.epochs), 1, 10'000'000));
  o.checkpoints = static_cast<std::size_t>(args.get_int("checkpoints", static_cast<long long>(o.checkpoints), 0, 100000));
  o.stop_accuracy = args.get_double("stop-accuracy", o.stop_accuracy, 0, 2);
  o.recall = recall;
  o.theta = theta;
  return o;
}

json::Value atoms_json(const pid::AtomVector& a) {
  return json::Value::object().set("redundancy", number_or_null(a[0])).set("unique_target", number_or_null(a[1]))
      .set("unique_recurrent", number_or_null(a[2])).set("synergy", number_or_null(a[3]))
      .set("residual", number_or_null(a[4]));
}

// One network's accuracy, with its training summary for a trained rule.
json::Value seed_json(const Accuracy& x, const TrainingSummary* t) {
  json::Value entry = json::Value::object().set("a_cos", number_or_null(x.mean_cosine))
                          .set("a_theta", number_or_null(x.fraction_recalled)).set("fixed_points", count_json(x.fixed_points))
                          .set("two_cycles", count_json(x.two_cycles)).set("step_limits", count_json(x.step_limits));
  if (t)
    entry.set("training", json::Value::object().set("epochs_run", count_json(t->epochs_run))
                              .set("stopped_early", json::Value::boolean(t->stopped_early))
                              .set("goal_bits", number_or_null(t->goal))
                              .set("mean_atoms_bits", atoms_json(t->mean_atoms)));
  return entry;
}

// The hyperparameters as run, each with the reason for its default.
json::Value infomorphic_json(const InfomorphicOptions& o, const std::string& goal_text) {
  json::Value gamma = json::Value::array();
  for (double g : o.gamma) gamma.push(json::Value::number(g));
  const auto item = [](double v, const char* why) {
    return json::Value::object().set("value", json::Value::number(v)).set("default_reason", json::Value::string(why));
  };
  return json::Value::object()
      .set("goal", json::Value::string(goal_text))
      .set("gamma", std::move(gamma))
      .set("gamma_order", json::Value::string("redundancy, unique_target, unique_recurrent, synergy, residual"))
      .set("external_weight", item(o.external_weight, "2.3: the fixed target-input weight of the seed's reference code"))
      .set("init_scale", item(o.init_scale, "0.001: initial W_ij ~ U(-s, s)/sqrt(N), the reference's layer init times 0.001"))
      .set("beta", item(o.beta, "1: the sigmoid gain of the reference code"))
      .set("bins", item(static_cast<double>(o.bins), "60 equal bins of R: the reference's fixed binning"))
      .set("bin_range", item(o.bin_range, "20: R binned over [-20, 20], outside values in the edge bins (reference)"))
      .set("learning_rate", item(o.learning_rate, "0.05: the reference's Adam step (betas 0.9, 0.999, eps 1e-8)"))
      .set("epochs", item(static_cast<double>(o.epochs), "5000: the maximum full-batch epochs of the seed's capacity runs (Fig. 2)"))
      .set("checkpoints", item(static_cast<double>(o.checkpoints), "15 log-spaced accuracy checks, as the reference's capacity runs"))
      .set("stop_accuracy", item(o.stop_accuracy, "0.95: stop once a_theta from the clean patterns reaches it (> 1: never)"));
}

json::Value summary_json(const Summary& s) {
  return json::Value::object().set("median", number_or_null(s.median)).set("low", number_or_null(s.low))
      .set("high", number_or_null(s.high));
}

// Writes DIR/NAME.csv, NAME.gp and the figure NAME.png / NAME.svg.
void write_figure(const report::AtomicDirectory& dir, const std::string& name, const std::string& csv,
                  const std::string& plot) {
  std::ofstream(dir.staging() / (name + ".csv")) << csv;
  const std::string script = report::png_and_svg_terminal(name, 900, 600, "Sans,11") + plot;
  report::run_gnuplot(script, dir.staging() / (name + ".gp"));
  report::run_gnuplot(script, dir.staging() / (name + ".gp"), "svg = 1");
}

int run_capacity(int argc, char** argv) {
  std::set<std::string> names = {"rule", "N", "alphas", "seeds", "seed", "criterion", "flip", "theta", "required",
                                  "update", "max-steps", "threads", "out"};
  names.insert(infomorphic_option_names.begin(), infomorphic_option_names.end());
  names.insert({"l2-lambda", "l2-ridge"});
  const Args args = parse_args(argc, argv, 3, names, {"force", "stop-after-failure"});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
  const std::string rule = args.get_or("rule", "hebbian");
  if (rule != "hebbian" && rule != "infomorphic" && rule != "descent-l2")
    throw UsageError("--rule must be hebbian, infomorphic or descent-l2, got '" + rule + "'");
  if (rule != "infomorphic")
    for (const auto& name : infomorphic_option_names)
      if (args.has(name)) throw UsageError("--" + name + " applies to --rule infomorphic only");
  if (rule != "descent-l2")
    for (const char* name : {"l2-lambda", "l2-ridge"})
      if (args.has(name)) throw UsageError("--" + std::string(name) + " applies to --rule descent-l2 only");
  DescentL2Options l2;
  l2.lambda = args.get_double("l2-lambda", l2.lambda, 1e-12, 1e12);
  l2.ridge = args.get_double("l2-ridge", l2.ridge, 1e-15, 1e12);
  CapacityOptions o;
  sweep_from(args, o, 100, "0.02:0.02:0.3");
  const std::string criterion = args.get_or("criterion", "theta");
  if (criterion == "cos") o.criterion = Criterion::cosine;
  else if (criterion != "theta") throw UsageError("--criterion must be cos or theta, got '" + criterion + "'");
  o.accuracy.flip_fraction = args.get_double("flip", 0, 0, 0.5);
  o.accuracy.theta = args.get_double("theta", 0.95, 0, 1);
  o.required_accuracy = args.get_double("required", 0.95, 0, 1);
  o.accuracy.recall = recall_from(args);
  o.stop_after_failure = args.has("stop-after-failure");
  std::optional<report::AtomicDirectory> dir;
  if (auto out = args.get("out")) dir.emplace(*out, args.has("force"));

  std::optional<InfomorphicOptions> info;
  InfomorphicCapacityResult trained;
  if (rule == "infomorphic") {
    info = infomorphic_from(args, o.accuracy.recall, o.accuracy.theta);
    trained = infomorphic_capacity(o, *info);
  } else if (rule == "descent-l2") {
    trained.capacity = capacity_sweep(
        o, [&](const Matrix<double>& xi, Rng&, std::size_t, std::size_t) { return descent_l2_weights(xi, l2); });
  } else {
    trained.capacity = hebbian_capacity(o);
  }
  const CapacityResult& r = trained.capacity;
  json::Value per_load = json::Value::array();
  std::ostringstream csv;
  csv << "alpha,patterns,seed,a_cos,a_theta,fixed_points,two_cycles,step_limits\n";
  for (std::size_t a = 0; a < r.alphas.size(); ++a) {
    json::Value seeds = json::Value::array();
    for (std::size_t s = 0; s < o.seeds; ++s) {
      if (!r.evaluated[a][s]) {
        seeds.push(json::Value::object().set("skipped", json::Value::boolean(true)));
        continue;
      }
      const Accuracy& x = r.accuracy[a][s];
      seeds.push(seed_json(x, info ? &trained.training[a][s] : nullptr));
      csv << r.alphas[a] << ',' << r.patterns[a] << ',' << s << ',' << x.mean_cosine << ',' << x.fraction_recalled << ','
          << x.fixed_points << ',' << x.two_cycles << ',' << x.step_limits << '\n';
    }
    per_load.push(json::Value::object().set("alpha", json::Value::number(r.alphas[a]))
                      .set("patterns", count_json(r.patterns[a])).set("seeds", std::move(seeds)));
  }
  json::Value alpha_c = json::Value::array();
  for (double a : r.alpha_c) alpha_c.push(json::Value::number(a));
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("hopfield capacity"))
      .set("rule", json::Value::string(rule))
      .set("N", count_json(o.neurons))
      .set("criterion", json::Value::string(to_string(o.criterion)))
      .set("required_accuracy", json::Value::number(o.required_accuracy))
      .set("theta", json::Value::number(o.accuracy.theta))
      .set("flip_fraction", json::Value::number(o.accuracy.flip_fraction))
      .set("update", json::Value::string(o.accuracy.recall.update == Update::synchronous ? "synchronous" : "asynchronous"))
      .set("seeds", count_json(o.seeds))
      .set("seed", json::Value::number(static_cast<unsigned long long>(o.seed)))
      .set("stop_after_failure", json::Value::boolean(o.stop_after_failure))
      .set("alpha_c", json::Value::object().set("median", json::Value::number(r.median))
                          .set("low", json::Value::number(r.low)).set("high", json::Value::number(r.high))
                          .set("per_seed", std::move(alpha_c))
                          .set("definition", json::Value::string(
                              "per seed, the largest grid load up to which every load has accuracy >= required; "
                              "median and central 90% (5th-95th percentile) over seeds")))
      .set("loads", std::move(per_load));
  if (info) out.set("infomorphic", infomorphic_json(*info, args.get_or("goal", "redundancy")));
  if (rule == "descent-l2")
    out.set("descent_l2", json::Value::object()
                              .set("lambda", json::Value::number(l2.lambda))
                              .set("ridge", json::Value::number(l2.ridge))
                              .set("default_reason", json::Value::string(
                                  "lambda 0.5, ridge 0.001: Tolmachev & Manton's non-incremental settings; "
                                  "exact ridge solution, no bias")));
  if (dir) {
    const std::string column = o.criterion == Criterion::cosine ? "4" : "5";
    write_figure(*dir, "capacity", csv.str(),
                 "set datafile separator ','\nset key off\nset xlabel 'load alpha = M / N'\nset ylabel 'accuracy (" +
                     std::string(o.criterion == Criterion::cosine ? "a_cos" : "a_theta") + ")' noenhanced\nset yrange [-0.02:1.05]\n"
                     "set title " + report::gnuplot_quote(rule + " capacity, N = " + std::to_string(o.neurons) +
                                                         ": alpha_c = " + std::to_string(r.median).substr(0, 5)) +
                     " noenhanced\nset arrow from " + std::to_string(r.median) + ",0 to " + std::to_string(r.median) +
                     ",1.05 nohead dt 2\nplot 'capacity.csv' every ::1 using 1:" + column + " with points pt 7 ps 0.5\n");
    dir->commit();
  }
  std::cout << out.dump() << '\n';
  return exit_ok;
}

int run_pid_profile(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 3,
                               {"N", "alphas", "seeds", "seed", "bins", "output", "theta", "update", "max-steps",
                                "threads", "out"},
                               {"force"});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
  PidProfileOptions o;
  sweep_from(args, o, 500, "0.02:0.02:0.4");
  o.bins = static_cast<std::size_t>(args.get_int("bins", 8, 2, 1000));
  const std::string output = args.get_or("output", "recall");
  if (output == "recall") o.output = PidOutput::recall;
  else if (output != "one-step") throw UsageError("--output must be one-step or recall, got '" + output + "'");
  o.theta = args.get_double("theta", 0.95, 0, 1);
  o.recall = recall_from(args);
  std::optional<report::AtomicDirectory> dir;
  if (auto out = args.get("out")) dir.emplace(*out, args.has("force"));

  const PidProfileResult r = hebbian_pid_profile(o);
  json::Value loads = json::Value::array();
  std::ostringstream csv;
  csv << "alpha";
  for (const char* c : PidProfileResult::columns) csv << ',' << c << "_median," << c << "_low," << c << "_high";
  csv << '\n';
  for (std::size_t a = 0; a < r.alphas.size(); ++a) {
    json::Value item = json::Value::object().set("alpha", json::Value::number(r.alphas[a]))
                           .set("patterns", count_json(r.patterns[a]));
    csv << r.alphas[a];
    for (std::size_t c = 0; c < 7; ++c) {
      item.set(c < 6 ? std::string(PidProfileResult::columns[c]) + "_bits" : "accuracy", summary_json(r.summary[a][c]));
      csv << ',' << r.summary[a][c].median << ',' << r.summary[a][c].low << ',' << r.summary[a][c].high;
    }
    csv << '\n';
    loads.push(std::move(item));
  }
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("hopfield pid-profile"))
      .set("rule", json::Value::string("hebbian"))
      .set("measure", json::Value::string("shared-exclusion redundancy I^sx (Makkeh, Gutknecht & Wibral 2021)"))
      .set("units", json::Value::string("bits"))
      .set("N", count_json(o.neurons))
      .set("seeds", count_json(o.seeds))
      .set("seed", json::Value::number(static_cast<unsigned long long>(o.seed)))
      .set("bins", count_json(o.bins))
      .set("output", json::Value::string(to_string(o.output)))
      .set("definition", json::Value::string(
          "per neuron i over the M stored patterns: T = xi_i, R = (W s)_i binned, Y = the neuron's state; "
          "s = xi (one_step, Y = sign(R)) or the end of recall from xi (recall); atoms averaged over neurons, "
          "then median and central 90% over seeds; accuracy = a_theta of recall from the patterns"))
      .set("loads", std::move(loads));
  if (dir) {
    std::string plot =
        "set datafile separator ','\nset key outside below horizontal noenhanced\nset xlabel 'load alpha = M / N'\n"
        "set ylabel 'bits (accuracy: fraction recalled)'\nset yrange [*:1.05]\nset title " +
        report::gnuplot_quote("PID profile of Hebbian neurons, N = " + std::to_string(o.neurons) + ", median of " +
                              std::to_string(o.seeds) + " networks") + " noenhanced\nplot ";
    for (std::size_t c = 0; c < 7; ++c) {
      if (c == 5) continue;  // H(Y) stays in the CSV
      // The accuracy black and dashed, as the seed draws it; the atoms in colour.
      const std::string style = c == 6 ? " with lines lw 2 dt 2 lc rgb 'black'" : " with linespoints lw 2 pt 7 ps 0.5";
      plot += std::string(c ? ", " : "") + "'pid_profile.csv' every ::1 using 1:" + std::to_string(2 + 3 * c) + style +
              " title '" + PidProfileResult::columns[c] + "'";
    }
    write_figure(*dir, "pid_profile", csv.str(), plot + "\n");
    dir->commit();
  }
  std::cout << out.dump() << '\n';
  return exit_ok;
}

int run_hopfield(int argc, char** argv) {
  if (argc < 3) throw UsageError("expected a subcommand: capacity or pid-profile");
  const std::string sub = argv[2];
  if (sub == "capacity") return run_capacity(argc, argv);
  if (sub == "pid-profile") return run_pid_profile(argc, argv);
  throw UsageError("unknown subcommand '" + sub + "' (capacity or pid-profile)");
}

}  // namespace

SYNINFO_REGISTER_COMMAND(hopfield, "hopfield", "binary Hopfield networks (Hebbian or infomorphic): capacity, PID profile",
                         "usage: syninfo hopfield capacity [--rule hebbian|infomorphic|descent-l2] [--N N]\n"
                         "                                 [--alphas LIST|LOW:STEP:HIGH]\n"
                         "                                 [--seeds S] [--seed S0] [--criterion cos|theta]\n"
                         "                                 [--flip F] [--theta T] [--required A]\n"
                         "                                 [--update synchronous|asynchronous] [--max-steps K]\n"
                         "                                 [--threads T] [--stop-after-failure] [--out DIR [--force]]\n"
                         "                                 [--goal redundancy|mi|coinformation|optimized-i|optimized-ii|g1,...,g5]\n"
                         "                                 [--external-weight W] [--init-scale S] [--beta B]\n"
                         "                                 [--bins K] [--bin-range H] [--learning-rate L]\n"
                         "                                 [--epochs E] [--checkpoints C] [--stop-accuracy A]\n"
                         "                                 [--l2-lambda L] [--l2-ridge R]\n"
                         "       syninfo hopfield pid-profile [--N N] [--alphas ...] [--seeds S] [--seed S0]\n"
                         "                                 [--bins B] [--output recall|one-step] [--threads T]\n"
                         "                                 [--out DIR [--force]]\n"
                         "\n"
                         "N neurons store M = round(alpha N) random +-1 patterns with Hebbian weights\n"
                         "(outer-product sum, zero diagonal; capacity --rule picks another rule); recall\n"
                         "runs from the cue (the pattern with a fraction F of its bits flipped, default 0)\n"
                         "to a fixed point, a 2-cycle or K steps\n"
                         "(default 100). Network s at load index a draws from its own seeded stream, so the\n"
                         "results do not depend on --threads.\n"
                         "\n"
                         "capacity: accuracy per load and seed as a_cos (mean cosine overlap) and a_theta\n"
                         "  (fraction recalled with cosine >= T, default 0.95); alpha_c per seed is the largest\n"
                         "  grid load up to which every load reaches the required accuracy A (default 0.95)\n"
                         "  by the criterion (default theta); median and central 90% over S seeds (default\n"
                         "  20). Defaults: N 100, alphas 0.02:0.02:0.3. --stop-after-failure skips, per seed,\n"
                         "  the loads above its first failure (marked \"skipped\"; alpha_c is unchanged).\n"
                         "  --rule infomorphic trains each network instead (seed 003): neuron i fires +1 with\n"
                         "  probability sigmoid(B (w_ext xi_i + sum_j W_ij xi_j)) and W ascends, by full-batch Adam,\n"
                         "  the goal sum_i gamma . (redundancy, unique T, unique R, synergy, residual) of the\n"
                         "  I^sx PID of its output by T = xi_i and R = its binned recurrent input. Recall then\n"
                         "  uses sign(W s) alone. --goal: redundancy = 1,0,0,0,0 (default); mi = I(Y;T) =\n"
                         "  1,1,0,0,0; coinformation = 1,0,0,-1,0; optimized-i = 0.68,-0.27,-0.68,-0.77,-0.8\n"
                         "  and optimized-ii = 0.25,0.48,-0.16,0.04,-0.63 (the seed's Fig. 4C goals, from its\n"
                         "  reference repository); or five numbers. The seed states none of the\n"
                         "  hyperparameters; the defaults are its reference code's (public repository\n"
                         "  Priesemann-Group/Infomorphic_Networks):\n"
                         "    --external-weight 2.3  w_ext, the fixed (untrained) weight of the target input\n"
                         "    --init-scale 0.001     W_ij starts ~ U(-S, S)/sqrt(N): the reference's init x 0.001\n"
                         "    --beta 1               sigmoid gain\n"
                         "    --bins 60 --bin-range 20   R in 60 equal bins over [-20, 20], clamped at the edges\n"
                         "    --learning-rate 0.05   Adam step (betas 0.9, 0.999, eps 1e-8)\n"
                         "    --epochs 5000          maximum full-batch epochs (the seed's capacity runs)\n"
                         "    --checkpoints 15 --stop-accuracy 0.95   early stopping: at 15 log-spaced epochs,\n"
                         "                           stop once a_theta from the clean patterns reaches 0.95\n"
                         "                           (the reference stops on a_cos); > 1 never stops\n"
                         "  The JSON echoes them under \"infomorphic\", and each seed's training summary.\n"
                         "  --rule descent-l2: Tolmachev & Manton (2020), each neuron's weights minimise\n"
                         "  1/2 sum_mu (L h_i - xi_i)^2 + R/2 |w_i|^2 (no self-connection, no bias), solved\n"
                         "  exactly; their settings L = 0.5 (--l2-lambda), R = 0.001 (--l2-ridge).\n"
                         "pid-profile: the shared-exclusion PID (bits) of each neuron's state Y by its target\n"
                         "  bit T and its binned recurrent input R over the stored patterns, averaged over the\n"
                         "  neurons, median and central 90% over seeds, beside the accuracy a_theta.\n"
                         "  Y is the neuron's state at the end of recall from the pattern and R its field there\n"
                         "  (--output recall, default), or Y = sign(R) one step from the pattern (one-step).\n"
                         "  Defaults: N 500, alphas 0.02:0.02:0.4, 8 bins of R (equal width, 0 on an edge).\n"
                         "\n"
                         "--out DIR writes the CSV, a gnuplot script and the figure (PNG and SVG).\n"
                         "Output: one JSON object on stdout. Exit 2 on bad input or usage.",
                         &run_hopfield);

}  // namespace syninfo::cli
