// syninfo entropy: Kozachenko-Leonenko differential entropy of CSV columns.
#include "command.hpp"

#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/estimate_json.hpp"
#include "syninfo/estimators/kozachenko_leonenko.hpp"
#include "syninfo/estimators/message.hpp"
#include "syninfo/json.hpp"

#include <cmath>
#include <iostream>
#include <limits>
#include <numbers>

namespace syninfo::cli {
namespace {

int run_entropy(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, joined({"cols", "k", "norm", "threads", "blocks", "seed"}, csv_input_options),
                               csv_input_flags);
  if (args.positional.size() != 1) throw UsageError("expected exactly one DATA.csv argument");
  if (!args.has("cols")) throw UsageError("--cols is required");
  const ColumnList col_list = parse_column_list(*args.get("cols"), "cols");
  estimators::KlOptions o;
  o.k = static_cast<int>(args.get_int("k", 3, 1, 1'000'000));
  const std::string norm = args.get_or("norm", "max");
  if (norm == "max") o.norm = estimators::Norm::max;
  else if (norm == "euclidean") o.norm = estimators::Norm::euclidean;
  else throw UsageError(estimators::message("--norm must be max or euclidean, got '", norm, "'"));
  o.threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 4096));
  o.blocks = static_cast<std::size_t>(args.get_int("blocks", 10, 0, 1'000'000));
  o.seed = static_cast<std::uint64_t>(args.get_int("seed", 1, 0, std::numeric_limits<long long>::max()));

  const CsvInput input = read_csv_input(args, args.positional[0], o.threads);
  const auto& table = input.table;
  const auto cols = col_list.indices(static_cast<std::size_t>(table.values.cols()), table.header);
  const estimators::CompleteRows rows = select_complete_rows(input, cols);
  Eigen::MatrixXd storage;
  const estimators::Estimate e = estimators::kozachenko_leonenko_entropy(selected_view(input, cols, rows, storage), o);

  require_finite_estimate(e);
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("entropy"));
  estimators::set_entropy_fields(out, e, o);
  out.set("rows_read", count_json(static_cast<std::size_t>(table.values.rows())));
  set_csv_input_fields(out, input, rows);
  out.set("header", csv_header_json(table))
      .set("columns", index_array(cols));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

const std::string entropy_usage = std::string(
    "usage: syninfo entropy DATA.csv --cols COLS [--k K] [--norm max|euclidean]\n"
    "                       [--threads T] [--blocks B] [--seed S]\n"
    "                       [--delimiter comma|tab|whitespace] [--index-column | --no-index-column]\n"
    "                       [--drop-missing]\n"
    "\n"
    "Estimates the differential entropy h(X) in nats and bits of the selected\n"
    "columns by the Kozachenko-Leonenko k-nearest-neighbour estimator, with a\n"
    "batch-means standard error. The columns are used in their own units, never\n"
    "standardised (unlike ksg): differential entropy is not scale-invariant,\n"
    "h(aX) = h(X) + ln|a| per column, so the units are part of the answer\n"
    "(normalised: false in the output).\n"
    "\n") + csv_input_help +
    "  --cols COLS     0-based column indices or header names, e.g. 0,2 or 0-3 or a,b\n"
    "                  (no repeats; an item of digits is an index)\n"
    "  --k K           neighbours (default 3)\n"
    "  --norm N        max (default) or euclidean\n"
    "  --threads T     worker threads, 0 = all cores (default 0)\n"
    "  --blocks B      blocks for the standard error (default 10; 0 = none)\n"
    "  --seed S        seed for the block shuffle (default 1)\n"
    "\n"
    "Output: one JSON object on stdout (fields as for ksg where they apply). Exit 2 on\n"
    "bad input or usage.";

}  // namespace

SYNINFO_REGISTER_COMMAND(entropy, "entropy", "Kozachenko-Leonenko differential entropy of CSV columns",
                         entropy_usage, &run_entropy);

}  // namespace syninfo::cli
