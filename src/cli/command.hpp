// Command-line plumbing shared by every `syninfo` subcommand: a registry of
// subcommands (each .cpp registers itself) and a small argument parser.
#pragma once

#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/estimate.hpp"
#include "syninfo/json.hpp"
#include "syninfo/json_fields.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace syninfo::cli {

// Wrong command-line usage: exit code 2, message on stderr.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Exit codes used by every subcommand (the rule, documented once in README
// "Exit status"): 2 when the command refuses to start because of something the
// user gave (usage, an invalid or unreadable input, an unusable output path,
// all checked before the work); 1 when the work started and could not finish
// (an internal error, a write that fails mid-run) or, for `check`, when a
// case fails; 0 otherwise.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;  // internal or I/O failure during the run; `check`: a case failed
inline constexpr int exit_invalid = 2;  // invalid input, usage or output path

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--key value" or "--key=value"
  std::set<std::string> flags;                 // "--flag"

  bool has(const std::string& key) const { return options.count(key) > 0 || flags.count(key) > 0; }
  std::optional<std::string> get(const std::string& key) const;
  std::string get_or(const std::string& key, const std::string& fallback) const;
  // Integer option within [lo, hi]; UsageError names the option when not.
  long long get_int(const std::string& key, long long fallback, long long lo, long long hi) const;
  double get_double(const std::string& key, double fallback, double lo, double hi) const;
};

// argv[first..argc) parsed against the declared option names (which take a
// value) and flag names (which do not). Anything undeclared is a UsageError.
Args parse_args(int argc, char** argv, int first, const std::set<std::string>& option_names,
                const std::set<std::string>& flag_names);

// A column list "0,2,5" or with ranges "0-3,7" (0-based), or with header
// names "a,b" (mixed freely), as given: only its syntax is checked when it is
// parsed (UsageError naming the option). An item made of digits (or two such
// joined by '-') is an index or range; any other item is a name.
struct ColumnList {
  std::string option, text;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // inclusive; unused for names
  std::vector<std::string> names;                           // per item: empty for an index or range

  // The columns in the order listed, for data with column_count columns and
  // the given header (empty: none). UsageError naming the option when a
  // column does not exist (checked before anything is expanded), a name is
  // not in the header or is there twice, or a column is listed twice.
  std::vector<std::size_t> indices(std::size_t column_count, const std::vector<std::string>& header = {}) const;
};
ColumnList parse_column_list(const std::string& text, const std::string& option_name);

// UsageError when the two selections share a column.
void require_disjoint(const ColumnList& a, const std::vector<std::size_t>& a_cols, const ColumnList& b,
                      const std::vector<std::size_t>& b_cols);

// The CSV input options of ksg and entropy (help text: csv_input_help).
extern const std::set<std::string> csv_input_options;  // --delimiter
extern const std::set<std::string> csv_input_flags;    // --index-column, --no-index-column, --drop-missing
extern const char* const csv_input_help;
std::set<std::string> joined(std::set<std::string> a, const std::set<std::string>& b);

// A CSV table read with those options; path "-" reads standard input (named
// "<stdin>" in messages). Missing cells are kept (CsvOptions::missing_allowed)
// for select_complete_rows.
struct CsvInput {
  estimators::CsvTable table;
  std::string source;
  bool drop_missing = false;
};
CsvInput read_csv_input(const Args& args, const std::string& path, unsigned threads);

// The rows to use for the selected columns: std::invalid_argument naming the
// first missing cell among them, or with --drop-missing the complete rows.
estimators::CompleteRows select_complete_rows(const CsvInput& input, const std::vector<std::size_t>& columns);

// The columns of the complete rows, as CsvTable::column_view when none was dropped.
estimators::MatrixView selected_view(const CsvInput& input, const std::vector<std::size_t>& columns,
                                     const estimators::CompleteRows& rows, Eigen::MatrixXd& storage);

// Sets rows_dropped, delimiter and index_column_skipped on out.
void set_csv_input_fields(json::Value& out, const CsvInput& input, const estimators::CompleteRows& rows);

// The header names of a CSV table as a JSON array (escaped), or null.
json::Value csv_header_json(const estimators::CsvTable& table);

// The spec with its "pattern" field set to --pattern k when that option was
// given (so the field may be left out of the file); unchanged otherwise, or
// when the spec is not an object (the spec reader reports that).
json::Value spec_with_pattern(json::Value spec, const Args& args);

// A result that is not finite is never printed: std::domain_error (exit 1)
// naming the estimator.
void require_finite_estimate(const estimators::Estimate& e);

struct Command {
  std::string name;
  std::string summary;  // one line for `syninfo help`
  std::string usage;    // full usage text for `syninfo help NAME`
  int (*run)(int argc, char** argv);  // argv[0] is the program, argv[1] the command name
};

bool register_command(Command command);
const std::vector<Command>& commands();

}  // namespace syninfo::cli

// Registers a subcommand at static-initialisation time; use once per .cpp.
#define SYNINFO_REGISTER_COMMAND(ident, ...) \
  static const bool syninfo_registered_##ident = ::syninfo::cli::register_command(::syninfo::cli::Command{__VA_ARGS__})
