// syninfo pid: shared-exclusion partial information decomposition of a
// discrete table (a probability table, or samples).
#include "command.hpp"

#include "syninfo/json.hpp"
#include "syninfo/pid/sample_estimate.hpp"
#include "syninfo/pid/shared_exclusion.hpp"
#include "syninfo/pid/symbol_table.hpp"

#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>

namespace syninfo::cli {
namespace {

using pid::Symbol;

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) items.push_back(item);
  if (!text.empty() && text.back() == ',') items.emplace_back();
  return items;
}

// Source names for the output: column names, made distinct ("X", "X#2") when
// a column is given twice.
std::vector<std::string> distinct_names(std::vector<std::string> names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    int repeat = 1;
    for (std::size_t j = 0; j < i; ++j)
      if (names[j] == names[i] || names[j].rfind(names[i] + "#", 0) == 0) ++repeat;
    if (repeat > 1) names[i] += "#" + std::to_string(repeat);
  }
  return names;
}

json::Value by_node(const pid::RedundancyLattice& lattice, const std::vector<std::string>& names,
                    const std::vector<double>& values) {
  json::Value out = json::Value::object();
  for (std::size_t k = 0; k < lattice.nodes.size(); ++k)
    out.set(pid::node_name(lattice.nodes[k], names), json::Value::number(values[k]));
  return out;
}

json::Value named(const std::vector<std::string>& names, const std::vector<double>& values, std::size_t first) {
  json::Value out = json::Value::object();
  for (std::size_t i = 0; i < names.size(); ++i) out.set(names[i], json::Value::number(values[first + i]));
  return out;
}

json::Value classical_json(const pid::ClassicalQuantities<double>& c, const std::vector<std::string>& names) {
  json::Value mi = json::Value::object();
  for (std::size_t j = 0; j < names.size(); ++j) mi.set(names[j], json::Value::number(c.source_mi[j]));
  json::Value out = json::Value::object();
  out.set("H_target", json::Value::number(c.target_entropy))
      .set("I_target_source", std::move(mi))
      .set("I_target_all_sources", json::Value::number(c.joint_mi))
      .set("co_information", json::Value::number(c.co_information))
      .set("residual_entropy", json::Value::number(c.residual_entropy));
  return out;
}

json::Value local_json(const pid::JointDistribution<double>& d, const pid::PidResult<double>& r,
                       const std::vector<std::string>& names) {
  json::Value rows = json::Value::array();
  for (std::size_t k = 0; k < d.outcomes.size(); ++k) {
    const auto& o = d.outcomes[k];
    json::Value symbols = json::Value::array();
    for (Symbol s : o.sources) symbols.push(json::Value::number(s));
    json::Value row = json::Value::object();
    row.set("target", json::Value::number(o.target))
        .set("sources", std::move(symbols))
        .set("probability", json::Value::number(o.probability))
        .set("atoms", by_node(r.lattice, names, r.local_atoms[k].total))
        .set("informative_atoms", by_node(r.lattice, names, r.local_atoms[k].informative))
        .set("misinformative_atoms", by_node(r.lattice, names, r.local_atoms[k].misinformative));
    rows.push(std::move(row));
  }
  return rows;
}

void print_text(const pid::PidResult<double>& r, const std::vector<std::string>& names, const json::Value& sample,
                bool is_sample) {
  std::cout << "shared-exclusion PID (bits)\n";
  std::cout << std::setprecision(10);
  for (std::size_t k = 0; k < r.lattice.nodes.size(); ++k) {
    std::cout << "  atom " << std::left << std::setw(24) << pid::node_name(r.lattice.nodes[k], names)
              << std::right << std::setw(18) << r.atoms.total[k];
    if (is_sample) {
      const auto* se = sample.find("bootstrap");
      if (se && !se->is_null())
        std::cout << "  (bootstrap s.e. "
                  << se->find("standard_error")->find(pid::node_name(r.lattice.nodes[k], names))->as_number_text()
                  << ")";
    }
    std::cout << '\n';
  }
  const auto& c = r.classical;
  auto row = [](const std::string& label, double value) {
    std::cout << "  " << std::left << std::setw(29) << label << std::right << std::setw(18) << value << '\n';
  };
  row("H(target)", c.target_entropy);
  for (std::size_t j = 0; j < names.size(); ++j) row("I(target;" + names[j] + ")", c.source_mi[j]);
  row("I(target;all sources)", c.joint_mi);
  row("co-information", c.co_information);
  row("residual entropy", c.residual_entropy);
}

int run_pid(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"target", "sources", "weights", "format", "bootstrap", "seed"}, {"local"});
  if (args.positional.size() != 1) throw UsageError("expected exactly one TABLE.csv argument");
  if (!args.has("target")) throw UsageError("--target is required");
  if (!args.has("sources")) throw UsageError("--sources is required");
  const std::string format = args.get_or("format", "json");
  if (format != "json" && format != "text") throw UsageError("--format must be json or text, got '" + format + "'");
  const auto replicates = static_cast<std::size_t>(args.get_int("bootstrap", 0, 0, 1'000'000));
  const auto seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, std::numeric_limits<long long>::max()));
  if (args.has("weights") && replicates > 0)
    throw UsageError("--bootstrap needs samples (rows without --weights): a weighted table is a distribution");
  const auto source_specs = split_list(*args.get("sources"));
  if (source_specs.empty() || source_specs.size() > pid::max_sources)
    throw UsageError("--sources must list 1 to " + std::to_string(pid::max_sources) + " columns");

  const auto table = pid::read_symbol_table_file(args.positional[0]);
  const std::size_t target_col = pid::resolve_column(table, *args.get("target"));
  std::vector<std::size_t> source_cols;
  std::vector<std::string> names;
  for (const auto& spec : source_specs) {
    source_cols.push_back(pid::resolve_column(table, spec));
    names.push_back(pid::column_name(table, source_cols.back()));
  }
  names = distinct_names(names);
  std::optional<std::size_t> weight_col;
  if (args.has("weights")) weight_col = pid::resolve_column(table, *args.get("weights"));

  const std::vector<Symbol> targets = pid::symbol_column(table, target_col);
  std::vector<std::vector<Symbol>> source_rows(targets.size());
  for (std::size_t c : source_cols) {
    const auto column = pid::symbol_column(table, c);
    for (std::size_t i = 0; i < column.size(); ++i) source_rows[i].push_back(column[i]);
  }

  pid::JointDistribution<double> dist;
  pid::PidResult<double> result;
  json::Value sample;  // null for a weighted table
  if (weight_col) {
    dist = pid::make_distribution<double>(source_cols.size(), targets, source_rows, pid::weight_column(table, *weight_col));
    result = pid::shared_exclusion_pid(dist);
  } else {
    pid::SampleOptions options;
    options.bootstrap = replicates;
    options.seed = seed;
    auto estimate = pid::estimate_from_samples(source_cols.size(), targets, source_rows, options);
    dist = pid::empirical_distribution<double>(source_cols.size(), targets, source_rows);
    result = estimate.plug_in;
    json::Value mm = json::Value::object();
    mm.set("H_target", json::Value::number(estimate.miller_madow_target_entropy))
        .set("I_target_source", named(names, estimate.miller_madow_source_mi, 0))
        .set("I_target_all_sources", json::Value::number(estimate.miller_madow_joint_mi));
    sample = json::Value::object();
    sample.set("samples", json::Value::number(static_cast<unsigned long long>(estimate.samples)))
        .set("estimator", json::Value::string("plug-in (empirical distribution)"))
        .set("miller_madow_bias", std::move(mm));
    if (estimate.replicates > 0) {
      const auto quantity_names = pid::reported_quantity_names(result.lattice, names);
      json::Value se = json::Value::object(), bias = json::Value::object();
      for (std::size_t i = 0; i < quantity_names.size(); ++i) {
        se.set(quantity_names[i], json::Value::number(estimate.bootstrap_standard_error[i]));
        bias.set(quantity_names[i], json::Value::number(estimate.bootstrap_bias[i]));
      }
      json::Value boot = json::Value::object();
      boot.set("replicates", json::Value::number(static_cast<unsigned long long>(estimate.replicates)))
          .set("seed", json::Value::number(static_cast<unsigned long long>(seed)))
          .set("standard_error", std::move(se))
          .set("bias", std::move(bias));
      sample.set("bootstrap", std::move(boot));
    } else {
      sample.set("bootstrap", json::Value());
    }
  }

  if (format == "text") {
    print_text(result, names, sample, !weight_col);
    return exit_ok;
  }
  json::Value input = json::Value::object();
  json::Value source_list = json::Value::array();
  for (const auto& n : names) source_list.push(json::Value::string(n));
  input.set("file", json::Value::string(args.positional[0]))
      .set("target", json::Value::string(pid::column_name(table, target_col)))
      .set("sources", std::move(source_list))
      .set("weights", weight_col ? json::Value::string(pid::column_name(table, *weight_col)) : json::Value())
      .set("kind", json::Value::string(weight_col ? "distribution" : "samples"))
      .set("rows", json::Value::number(static_cast<unsigned long long>(table.rows.size())))
      .set("outcomes", json::Value::number(static_cast<unsigned long long>(dist.outcomes.size())));
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("pid"))
      .set("measure", json::Value::string("shared-exclusion redundancy I^sx (Makkeh, Gutknecht & Wibral 2021)"))
      .set("units", json::Value::string("bits"))
      .set("input", std::move(input))
      .set("atoms", by_node(result.lattice, names, result.atoms.total));
  if (result.lattice.sources == 2) {
    const auto two = pid::two_source_atoms(result);
    json::Value unique = json::Value::object();
    unique.set(names[0], json::Value::number(two.unique_first)).set(names[1], json::Value::number(two.unique_second));
    out.set("redundancy", json::Value::number(two.redundancy))
        .set("unique", std::move(unique))
        .set("synergy", json::Value::number(two.synergy));
  }
  out.set("residual_entropy", json::Value::number(result.classical.residual_entropy))
      .set("informative_atoms", by_node(result.lattice, names, result.atoms.informative))
      .set("misinformative_atoms", by_node(result.lattice, names, result.atoms.misinformative))
      .set("redundancies", by_node(result.lattice, names, result.redundancy.total))
      .set("classical", classical_json(result.classical, names))
      .set("sample", std::move(sample));
  if (args.has("local")) out.set("local", local_json(dist, result, names));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

}  // namespace

SYNINFO_REGISTER_COMMAND(pid, "pid", "shared-exclusion partial information decomposition of a discrete table",
                         "usage: syninfo pid TABLE.csv --target COL --sources COLS [--weights COL]\n"
                         "                   [--format json|text] [--bootstrap B --seed S] [--local]\n"
                         "\n"
                         "Decomposes the information that the source columns carry about the target\n"
                         "column into the atoms of the redundancy lattice under the shared-exclusion\n"
                         "redundancy I^sx (Makkeh, Gutknecht & Wibral, Phys. Rev. E 103, 032149, 2021),\n"
                         "in bits. Two sources give redundancy, unique information of each, synergy and\n"
                         "the residual entropy H(Y) - I(Y;sources); up to 4 sources are supported.\n"
                         "\n"
                         "  TABLE.csv       comma-separated integer symbols, one outcome per row; an\n"
                         "                  optional header row names the columns\n"
                         "  --target COL    target column, by header name or 0-based index\n"
                         "  --sources COLS  comma-separated source columns (names or indices)\n"
                         "  --weights COL   probability or weight column (non-negative, positive sum);\n"
                         "                  without it every row is one sample (plug-in estimate with\n"
                         "                  Miller-Madow bias of the mutual informations)\n"
                         "  --bootstrap B   bootstrap replicates for standard errors and bias (samples)\n"
                         "  --seed S        bootstrap seed (default 1)\n"
                         "  --local         also print the pointwise (local) atoms of every outcome\n"
                         "  --format F      json (default) or text\n"
                         "\n"
                         "Output: one JSON object on stdout. Exit 2 on bad input or usage.",
                         &run_pid);

}  // namespace syninfo::cli
