// syninfo reference: writes the versioned reference set (issue 6).
#include "command.hpp"

#include "syninfo/reference/reference_set.hpp"

#include <fstream>
#include <iostream>

namespace syninfo::cli {
namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write '" + path + "'");
  out << text;
  if (!out) throw std::runtime_error("error writing '" + path + "'");
}

int run_reference(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"out", "format", "seed", "count", "threads"}, {});
  if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
  const std::string format = args.get_or("format", args.has("out") ? "both" : "jsonl");
  if (format != "jsonl" && format != "csv" && format != "both")
    throw UsageError("--format: expected jsonl, csv or both, got '" + format + "'");
  if (format == "both" && !args.has("out")) throw UsageError("--format both needs --out PREFIX");
  const auto seed = static_cast<std::uint64_t>(
      args.get_int("seed", static_cast<long long>(reference::default_seed), 0, 9007199254740991LL));
  const auto count = static_cast<std::size_t>(
      args.get_int("count", static_cast<long long>(reference::default_case_count), 1, 100000));
  const auto threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 1024));
  const auto cases = reference::compute_cases(reference::generate_specs(seed, count), threads);
  if (!args.has("out")) {
    std::cout << (format == "csv" ? reference::to_csv(cases) : reference::to_jsonl(cases));
    return exit_ok;
  }
  const std::string prefix = *args.get("out");
  if (format != "csv") write_file(prefix + ".jsonl", reference::to_jsonl(cases));
  if (format != "jsonl") write_file(prefix + ".csv", reference::to_csv(cases));
  std::cerr << "wrote " << cases.size() << " cases to " << prefix
            << (format == "both" ? ".jsonl and .csv" : format == "csv" ? ".csv" : ".jsonl") << '\n';
  return exit_ok;
}

}  // namespace

SYNINFO_REGISTER_COMMAND(reference, "reference", "write the versioned reference set of closed-form cases",
                         "usage: syninfo reference [--out PREFIX] [--format jsonl|csv|both] [--seed S] [--count C]\n"
                         "                         [--threads T]\n\n"
                         "Generates the reference set (format version 1; see validation/reference/README.md): each\n"
                         "case's full spec, status, I_FW at 40 significant digits (evaluated at 100 digits), its\n"
                         "error estimates and diagnostics. With --out, writes PREFIX.jsonl and PREFIX.csv (or the\n"
                         "one --format names); without it, writes --format (default jsonl) to standard output.\n"
                         "The committed set is the default --seed and --count:\n"
                         "  syninfo reference --out validation/reference/reference_v1\n"
                         "Output does not depend on --threads (0 = all cores).",
                         &run_reference);

}  // namespace syninfo::cli
