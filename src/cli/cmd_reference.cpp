// syninfo reference: writes the versioned reference set (issue 6).
#include "command.hpp"

#include "syninfo/reference/reference_set.hpp"
#include "syninfo/report/atomic_output.hpp"

#include <iostream>
#include <optional>

namespace syninfo::cli {
namespace {

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
  // Output files are opened (under temporary names) before the work, so an
  // unwritable --out is refused at once with exit 2.
  std::optional<report::AtomicFile> jsonl_out, csv_out;
  if (const auto prefix = args.get("out")) {
    if (format != "csv") jsonl_out.emplace(*prefix + ".jsonl");
    if (format != "jsonl") csv_out.emplace(*prefix + ".csv");
  }
  const auto cases = reference::compute_cases(reference::generate_specs(seed, count), threads);
  if (!args.has("out")) {
    std::cout << (format == "csv" ? reference::to_csv(cases) : reference::to_jsonl(cases));
    return exit_ok;
  }
  const std::string prefix = *args.get("out");
  if (jsonl_out) jsonl_out->stream() << reference::to_jsonl(cases);
  if (csv_out) csv_out->stream() << reference::to_csv(cases);
  if (jsonl_out) jsonl_out->commit();
  if (csv_out) csv_out->commit();
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
                         "Files are written under temporary names and renamed into place at the end (an\n"
                         "existing file is replaced only by a finished run); an unwritable --out exits 2.\n"
                         "The committed set is the default --seed and --count:\n"
                         "  syninfo reference --out validation/reference/reference_v1\n"
                         "Output does not depend on --threads (0 = all cores).",
                         &run_reference);

}  // namespace syninfo::cli
