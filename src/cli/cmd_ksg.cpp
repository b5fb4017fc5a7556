// syninfo ksg: KSG mutual information between column groups of a CSV file.
#include "command.hpp"

#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/estimate_json.hpp"
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/estimators/permutation_test.hpp"
#include "syninfo/json.hpp"

#include <cmath>
#include <iostream>
#include <limits>
#include <numbers>

namespace syninfo::cli {
namespace {

int run_ksg(int argc, char** argv) {
  const Args args =
      parse_args(argc, argv, 2, joined({"x", "y", "k", "algorithm", "noise", "seed", "threads", "blocks", "permutations"}, csv_input_options),
                 joined({"copula", "no-normalise"}, csv_input_flags));
  if (args.positional.size() != 1) throw UsageError("expected exactly one DATA.csv argument");
  if (!args.has("x") || !args.has("y")) throw UsageError("--x and --y are required");
  const ColumnList x_list = parse_column_list(*args.get("x"), "x");
  const ColumnList y_list = parse_column_list(*args.get("y"), "y");
  estimators::KsgOptions o;
  o.k = static_cast<int>(args.get_int("k", 3, 1, 1'000'000));
  o.algorithm = static_cast<int>(args.get_int("algorithm", 1, 1, 2));
  o.noise = args.get_double("noise", 0.0, 0.0, 1.0);
  o.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, std::numeric_limits<long long>::max()));
  o.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  o.blocks = static_cast<std::size_t>(args.get_int("blocks", 10, 0, 1'000'000));
  o.copula = args.has("copula");
  o.normalise = !args.has("no-normalise");
  estimators::PermutationOptions p;
  p.permutations = static_cast<std::size_t>(args.get_int("permutations", 0, 0, 1'000'000));
  p.seed = o.seed;
  p.threads = o.threads;

  const CsvInput input = read_csv_input(args, args.positional[0], o.threads);
  const auto& table = input.table;
  const auto columns = static_cast<std::size_t>(table.values.cols());
  const auto x_cols = x_list.indices(columns, table.header);
  const auto y_cols = y_list.indices(columns, table.header);
  require_disjoint(x_list, x_cols, y_list, y_cols);
  std::vector<std::size_t> both = x_cols;
  both.insert(both.end(), y_cols.begin(), y_cols.end());
  const estimators::CompleteRows rows = select_complete_rows(input, both);
  Eigen::MatrixXd x_storage, y_storage;
  const estimators::MatrixView x = selected_view(input, x_cols, rows, x_storage);
  const estimators::MatrixView y = selected_view(input, y_cols, rows, y_storage);
  const estimators::Estimate e = estimators::ksg_mutual_information(x, y, o);

  require_finite_estimate(e);
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("ksg"));
  estimators::set_ksg_fields(out, e, o);
  if (p.permutations > 0)
    estimators::set_permutation_fields(out, estimators::mi_permutation_test(x, y, o, p), p, false);
  out.set("rows_read", count_json(static_cast<std::size_t>(table.values.rows())));
  set_csv_input_fields(out, input, rows);
  out.set("header", csv_header_json(table))
      .set("x_columns", index_array(x_cols))
      .set("y_columns", index_array(y_cols));
  for (const auto& w : e.warnings) std::cerr << "syninfo ksg: warning: " << w << '\n';
  std::cout << out.dump() << '\n';
  return exit_ok;
}

const std::string ksg_usage = std::string(
    "usage: syninfo ksg DATA.csv --x COLS --y COLS [--k K] [--algorithm 1|2] [--noise R]\n"
    "                   [--seed S] [--copula] [--no-normalise] [--threads T] [--blocks B]\n"
    "                   [--permutations P]\n"
    "                   [--delimiter comma|tab|whitespace] [--index-column | --no-index-column]\n"
    "                   [--drop-missing]\n"
    "\n"
    "Estimates I(X;Y) in nats and bits with the Kraskov-Stoegbauer-Grassberger\n"
    "k-nearest-neighbour estimator (max-norm), with a batch-means standard error.\n"
    "Every column is first standardised to zero mean and unit variance (as JIDT and\n"
    "scikit-learn do), so the estimate does not depend on the columns' units.\n"
    "\n") + csv_input_help +
    "  --x, --y COLS   0-based column indices or header names, e.g. 0,2 or 0-3 or a,b\n"
    "                  (disjoint, no repeats; an item of digits is an index)\n"
    "  --k K           neighbours (default 3)\n"
    "  --algorithm A   1 (strict counts) or 2 (non-strict), default 1\n"
    "  --noise R       add R * sd(column) * N(0,1) to every value against ties (default 0)\n"
    "  --seed S        seed for the noise and the block shuffle (default 1)\n"
    "  --copula        rank-transform every column first (then no standardisation)\n"
    "  --no-normalise  estimate in the given units, as before this default (exact ties\n"
    "                  at positive distances, as in discrete data, are then kept exactly)\n"
    "  --threads T     worker threads, 0 = all cores (default 0)\n"
    "  --blocks B      blocks for the standard error (default 10; 0 = none)\n"
    "  --permutations P  surrogates for a significance test (default 0 = none): the rows\n"
    "                  of Y are shuffled against X (null: X independent of Y);\n"
    "                  p = (1 + #{surrogate >= estimate}) / (1 + P), in p_value\n"
    "\n"
    "Output: one JSON object on stdout (rows_read: data rows in the file; rows_dropped:\n"
    "those left out by --drop-missing; header: its names, or null; normalised: whether\n"
    "the columns were standardised; ceiling_nats: psi(N) - psi(k) - 1/k). warnings (also\n"
    "on stderr) flags an x column identical to a y column, and an estimate at the KSG\n"
    "ceiling: within 0.1 nats of ceiling_nats or above, where the estimate reflects the\n"
    "sample size rather than the dependence. Exit 2 on bad input or usage.";

}  // namespace

SYNINFO_REGISTER_COMMAND(ksg, "ksg", "KSG (Kraskov) mutual information between column groups of a CSV file",
                         ksg_usage, &run_ksg);

}  // namespace syninfo::cli
