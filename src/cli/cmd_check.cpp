// syninfo check: another implementation's I_FW values against the reference set.
#include "command.hpp"

#include "syninfo/reference/check.hpp"
#include "syninfo/report/atomic_output.hpp"

#include <iostream>
#include <optional>

namespace syninfo::cli {
namespace {

int run_check(int argc, char** argv) {
  const Args args = parse_args(argc, argv, 2, {"reference", "rtol", "atol", "report-json", "threads"}, {});
  if (args.positional.size() != 1) throw UsageError("expected exactly one THEIRS.csv argument");
  reference::CheckOptions options;
  options.rtol = args.get_double("rtol", options.rtol, 0.0, 1e300);
  options.atol = args.get_double("atol", options.atol, 0.0, 1e300);
  const auto threads = static_cast<unsigned>(args.get_int("threads", 0, 0, 1024));
  // Every input and output is checked before the (slow) default reference
  // set is rebuilt: their file, the reference file, the report path.
  const auto theirs = reference::read_results_file(args.positional[0]);
  std::vector<reference::Case> ref;
  if (const auto path = args.get("reference")) ref = reference::read_reference_file(*path);
  std::optional<report::AtomicFile> json_out;
  if (const auto path = args.get("report-json")) json_out.emplace(*path);
  if (!args.has("reference")) {
    // The default reference is the committed set, regenerated (the test
    // suite proves the two are identical byte for byte).
    ref = reference::compute_cases(reference::generate_specs(), threads);
  }
  const auto report = reference::check_results(ref, theirs, options);
  if (json_out) {  // written before the verdict is printed: a failed write never follows a PASS
    json_out->stream() << reference::report_json(report, options).dump() << '\n';
    json_out->commit();
  }
  std::cout << reference::summary_text(report, options);
  return report.all_pass() ? exit_ok : exit_failure;
}

}  // namespace

SYNINFO_REGISTER_COMMAND(check, "check", "compare another implementation's I_FW values with the reference set",
                         "usage: syninfo check THEIRS.csv [--reference FILE] [--rtol R] [--atol A]\n"
                         "                     [--report-json FILE]\n\n"
                         "THEIRS.csv has a header id,value or id,status,value. A reference case with status ok\n"
                         "passes when the value is within atol + rtol |reference| (defaults: rtol 1e-9,\n"
                         "atol 1e-12) and no other status is claimed; any other reference status passes only\n"
                         "when the status column gives that status and the value is empty or NaN. Missing\n"
                         "cases and unknown ids fail. --reference reads a .jsonl or .csv reference set (default:\n"
                         "the built-in set, identical to validation/reference/reference_v1). Prints a summary;\n"
                         "--report-json writes per-case verdicts.\n"
                         "Inputs and the --report-json path are checked before the reference set is rebuilt.\n"
                         "Exit 0 if every case passes, 1 if any fails, 2 on malformed input (the message names\n"
                         "the line) or an unwritable --report-json.",
                         &run_check);

}  // namespace syninfo::cli
