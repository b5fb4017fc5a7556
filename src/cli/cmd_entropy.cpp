// syninfo entropy: Kozachenko-Leonenko differential entropy of CSV columns.
#include "command.hpp"

#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/kozachenko_leonenko.hpp"
#include "syninfo/estimators/message.hpp"
#include "syninfo/json.hpp"

#include <cmath>
#include <iostream>
#include <limits>
#include <numbers>

namespace syninfo::cli {
namespace {

json::Value finite_or_null(double x) { return std::isfinite(x) ? json::Value::number(x) : json::Value(); }

int run_entropy(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"cols", "k", "norm", "threads", "blocks", "seed"}, {});
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

  const auto table = estimators::read_csv_file(args.positional[0], o.threads);
  const auto cols = col_list.indices(static_cast<std::size_t>(table.values.cols()));
  Eigen::MatrixXd storage;
  const estimators::Estimate e = estimators::kozachenko_leonenko_entropy(table.column_view(cols, storage), o);

  json::Value columns = json::Value::array();
  for (std::size_t c : cols) columns.push(json::Value::number(static_cast<unsigned long long>(c)));
  require_finite_estimate(e);
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("entropy"))
      .set("method", json::Value::string(e.method))
      .set("norm", json::Value::string(norm))
      .set("k", json::Value::number(o.k))
      .set("samples", json::Value::number(static_cast<unsigned long long>(e.samples)))
      .set("rows_read", json::Value::number(static_cast<unsigned long long>(table.values.rows())))
      .set("header", csv_header_json(table))
      .set("columns", std::move(columns))
      .set("estimate_nats", finite_or_null(e.value))
      .set("estimate_bits", finite_or_null(e.value / std::numbers::ln2))
      .set("standard_error_nats", finite_or_null(e.standard_error))
      .set("standard_error_bits", finite_or_null(e.standard_error / std::numbers::ln2))
      .set("error_method", json::Value::string(e.error_method));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

}  // namespace

SYNINFO_REGISTER_COMMAND(entropy, "entropy", "Kozachenko-Leonenko differential entropy of CSV columns",
                         "usage: syninfo entropy DATA.csv --cols COLS [--k K] [--norm max|euclidean]\n"
                         "                       [--threads T] [--blocks B] [--seed S]\n"
                         "\n"
                         "Estimates the differential entropy h(X) in nats and bits of the selected\n"
                         "columns by the Kozachenko-Leonenko k-nearest-neighbour estimator, with a\n"
                         "batch-means standard error.\n"
                         "\n"
                         "  DATA.csv        as for ksg: numbers, one sample per line; the first line is a\n"
                         "                  header only when none of its cells is a number\n"
                         "  --cols COLS     0-based column list, e.g. 0,2 or 0-3 (no repeats)\n"
                         "  --k K           neighbours (default 3)\n"
                         "  --norm N        max (default) or euclidean\n"
                         "  --threads T     worker threads, 0 = all cores (default 0)\n"
                         "  --blocks B      blocks for the standard error (default 10; 0 = none)\n"
                         "  --seed S        seed for the block shuffle (default 1)\n"
                         "\n"
                         "Output: one JSON object on stdout. Exit 2 on bad input or usage.",
                         &run_entropy);

}  // namespace syninfo::cli
