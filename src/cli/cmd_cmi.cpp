// syninfo cmi: Frenzel-Pompe (KSG) conditional mutual information I(X;Y|Z)
// between column groups of a CSV file, with an optional local-permutation
// significance test.
#include "command.hpp"

#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/estimate_json.hpp"
#include "syninfo/estimators/ksg_conditional.hpp"
#include "syninfo/estimators/permutation_test.hpp"
#include "syninfo/json.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <numbers>

namespace syninfo::cli {
namespace {

// A column of Z listed in X or Y as well: UsageError (given Z such a column
// carries nothing, and the request is almost certainly a typo).
void require_not_in_z(const ColumnList& list, const std::vector<std::size_t>& cols, const std::vector<std::size_t>& z_cols) {
  for (std::size_t c : cols)
    if (std::find(z_cols.begin(), z_cols.end(), c) != z_cols.end())
      throw UsageError("--" + list.option + " and --z share column " + std::to_string(c) +
                       ": list every column in one of --x, --y, --z only");
}

int run_cmi(int argc, char** argv) {
  const Args args = parse_args(
      argc, argv, 2,
      joined({"x", "y", "z", "k", "seed", "threads", "blocks", "permutations", "shuffle-neighbours"}, csv_input_options),
      joined({"no-normalise"}, csv_input_flags));
  if (args.positional.size() != 1) throw UsageError("expected exactly one DATA.csv argument");
  if (!args.has("x") || !args.has("y") || !args.has("z")) throw UsageError("--x, --y and --z are required");
  const ColumnList x_list = parse_column_list(*args.get("x"), "x");
  const ColumnList y_list = parse_column_list(*args.get("y"), "y");
  const ColumnList z_list = parse_column_list(*args.get("z"), "z");
  estimators::CmiOptions o;
  o.k = static_cast<int>(args.get_int("k", 3, 1, 1'000'000));
  o.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, std::numeric_limits<long long>::max()));
  o.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  o.blocks = static_cast<std::size_t>(args.get_int("blocks", 10, 0, 1'000'000));
  o.normalise = !args.has("no-normalise");
  estimators::PermutationOptions p;
  p.permutations = static_cast<std::size_t>(args.get_int("permutations", 0, 0, 1'000'000));
  p.neighbours = static_cast<std::size_t>(args.get_int("shuffle-neighbours", 5, 2, 1'000'000));
  p.seed = o.seed;
  p.threads = o.threads;

  const CsvInput input = read_csv_input(args, args.positional[0], o.threads);
  const auto& table = input.table;
  const auto columns = static_cast<std::size_t>(table.values.cols());
  const auto x_cols = x_list.indices(columns, table.header);
  const auto y_cols = y_list.indices(columns, table.header);
  const auto z_cols = z_list.indices(columns, table.header);
  require_disjoint(x_list, x_cols, y_list, y_cols);
  require_not_in_z(x_list, x_cols, z_cols);
  require_not_in_z(y_list, y_cols, z_cols);
  std::vector<std::size_t> all = x_cols;
  all.insert(all.end(), y_cols.begin(), y_cols.end());
  all.insert(all.end(), z_cols.begin(), z_cols.end());
  const estimators::CompleteRows rows = select_complete_rows(input, all);
  Eigen::MatrixXd x_storage, y_storage, z_storage;
  const estimators::MatrixView x = selected_view(input, x_cols, rows, x_storage);
  const estimators::MatrixView y = selected_view(input, y_cols, rows, y_storage);
  const estimators::MatrixView z = selected_view(input, z_cols, rows, z_storage);
  if (p.permutations > 0 && p.neighbours > static_cast<std::size_t>(x.rows()))
    throw UsageError("--shuffle-neighbours must not exceed the number of rows (" + std::to_string(x.rows()) + ")");
  const estimators::Estimate e = estimators::ksg_conditional_mutual_information(x, y, z, o);
  require_finite_estimate(e);

  json::Value out = json::Value::object();
  out.set("command", json::Value::string("cmi"));
  estimators::set_cmi_fields(out, e, o);
  if (p.permutations > 0)
    estimators::set_permutation_fields(out, estimators::cmi_permutation_test(x, y, z, o, p), p, true);
  out.set("rows_read", count_json(static_cast<std::size_t>(table.values.rows())));
  set_csv_input_fields(out, input, rows);
  out.set("header", csv_header_json(table))
      .set("x_columns", index_array(x_cols))
      .set("y_columns", index_array(y_cols))
      .set("z_columns", index_array(z_cols));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

}  // namespace

SYNINFO_REGISTER_COMMAND(cmi, "cmi", "KSG (Frenzel-Pompe) conditional mutual information I(X;Y|Z) of CSV columns",
                         std::string(
                             "usage: syninfo cmi DATA.csv --x COLS --y COLS --z COLS [--k K] [--permutations P]\n"
                             "                   [--shuffle-neighbours M] [--seed S] [--threads T] [--blocks B]\n"
                             "                   [--no-normalise]\n"
                             "                   [--delimiter comma|tab|whitespace] [--index-column | --no-index-column]\n"
                             "                   [--drop-missing]\n"
                             "\n"
                             "Estimates I(X;Y|Z) in nats and bits with the Frenzel-Pompe extension of the\n"
                             "Kraskov-Stoegbauer-Grassberger estimator (algorithm 1, max-norm), with a\n"
                             "batch-means standard error and, on request, a permutation test of\n"
                             "conditional independence. Every column of X, Y and Z is first standardised\n"
                             "to zero mean and unit variance (as ksg does), so the estimate and the\n"
                             "Z-neighbourhoods of the test do not depend on the columns' units.\n"
                             "\n") + csv_input_help +
                             "  --x, --y, --z COLS  0-based column indices or header names, e.g. 0,2 or 0-3 or a,b\n"
                             "                  (disjoint, no repeats)\n"
                             "  --k K           neighbours in the joint space (default 3)\n"
                             "  --permutations P  surrogates for the p-value (default 0 = no test); X is\n"
                             "                  permuted locally within Z-neighbourhoods (Runge 2018), so\n"
                             "                  the null is X independent of Y given Z;\n"
                             "                  p = (1 + #{surrogate >= estimate}) / (1 + P)\n"
                             "  --shuffle-neighbours M  rows per Z-neighbourhood, the row included (default 5)\n"
                             "  --seed S        seed for the block shuffle and the surrogates (default 1)\n"
                             "  --threads T     worker threads, 0 = all cores (default 0)\n"
                             "  --blocks B      blocks for the standard error (default 10; 0 = none)\n"
                             "  --no-normalise  estimate in the given units (exact ties at positive distances,\n"
                             "                  as in discrete data, are then kept exactly)\n"
                             "\n"
                             "Output: one JSON object on stdout (rows_read: data rows in the file; rows_dropped:\n"
                             "those left out by --drop-missing; header: its names, or null). Exit 2 on bad\n"
                             "input or usage.",
                         &run_cmi);

}  // namespace syninfo::cli
