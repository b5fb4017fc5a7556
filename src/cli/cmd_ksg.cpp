// syninfo ksg: KSG mutual information between column groups of a CSV file.
#include "command.hpp"

#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/json.hpp"

#include <cmath>
#include <iostream>
#include <limits>
#include <numbers>

namespace syninfo::cli {
namespace {

json::Value number_or_null(double x) { return std::isfinite(x) ? json::Value::number(x) : json::Value(); }

json::Value index_array(const std::vector<std::size_t>& v) {
  json::Value out = json::Value::array();
  for (std::size_t i : v) out.push(json::Value::number(static_cast<unsigned long long>(i)));
  return out;
}

int run_ksg(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"x", "y", "k", "algorithm", "noise", "seed", "threads", "blocks"},
                               {"copula"});
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

  const auto table = estimators::read_csv_file(args.positional[0], o.threads);
  const auto columns = static_cast<std::size_t>(table.values.cols());
  const auto x_cols = x_list.indices(columns);
  const auto y_cols = y_list.indices(columns);
  require_disjoint(x_list, x_cols, y_list, y_cols);
  Eigen::MatrixXd x_storage, y_storage;
  const estimators::Estimate e = estimators::ksg_mutual_information(table.column_view(x_cols, x_storage),
                                                                    table.column_view(y_cols, y_storage), o);

  require_finite_estimate(e);
  json::Value out = json::Value::object();
  out.set("command", json::Value::string("ksg"))
      .set("method", json::Value::string(e.method))
      .set("algorithm", json::Value::number(o.algorithm))
      .set("k", json::Value::number(o.k))
      .set("samples", json::Value::number(static_cast<unsigned long long>(e.samples)))
      .set("rows_read", json::Value::number(static_cast<unsigned long long>(table.values.rows())))
      .set("header", csv_header_json(table))
      .set("x_columns", index_array(x_cols))
      .set("y_columns", index_array(y_cols))
      .set("estimate_nats", number_or_null(e.value))
      .set("estimate_bits", number_or_null(e.value / std::numbers::ln2))
      .set("standard_error_nats", number_or_null(e.standard_error))
      .set("standard_error_bits", number_or_null(e.standard_error / std::numbers::ln2))
      .set("error_method", json::Value::string(e.error_method))
      .set("noise", json::Value::number(o.noise))
      .set("seed", json::Value::number(static_cast<unsigned long long>(o.seed)))
      .set("copula", json::Value::boolean(o.copula));
  std::cout << out.dump() << '\n';
  return exit_ok;
}

}  // namespace

SYNINFO_REGISTER_COMMAND(ksg, "ksg", "KSG (Kraskov) mutual information between column groups of a CSV file",
                         "usage: syninfo ksg DATA.csv --x COLS --y COLS [--k K] [--algorithm 1|2] [--noise R]\n"
                         "                   [--seed S] [--copula] [--threads T] [--blocks B]\n"
                         "\n"
                         "Estimates I(X;Y) in nats and bits with the Kraskov-Stoegbauer-Grassberger\n"
                         "k-nearest-neighbour estimator (max-norm), with a batch-means standard error.\n"
                         "\n"
                         "  DATA.csv        comma-separated numbers, one sample per line; the first line\n"
                         "                  is a header only when none of its cells is a number\n"
                         "  --x, --y COLS   0-based column lists, e.g. 0,2 or 0-3 (disjoint, no repeats)\n"
                         "  --k K           neighbours (default 3)\n"
                         "  --algorithm A   1 (strict counts) or 2 (non-strict), default 1\n"
                         "  --noise R       add R * sd(column) * N(0,1) to every value against ties (default 0)\n"
                         "  --seed S        seed for the noise and the block shuffle (default 1)\n"
                         "  --copula        rank-transform every column first\n"
                         "  --threads T     worker threads, 0 = all cores (default 0)\n"
                         "  --blocks B      blocks for the standard error (default 10; 0 = none)\n"
                         "\n"
                         "Output: one JSON object on stdout (rows_read: data rows in the file; header: its\n"
                         "names, or null). Exit 2 on bad input or usage.",
                         &run_ksg);

}  // namespace syninfo::cli
