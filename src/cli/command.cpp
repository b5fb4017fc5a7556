#include "command.hpp"

#include <algorithm>

#include "syninfo/json.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <numbers>
#include <vector>

namespace syninfo::cli {

std::optional<std::string> Args::get(const std::string& key) const {
  auto it = options.find(key);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

std::string Args::get_or(const std::string& key, const std::string& fallback) const {
  auto v = get(key);
  return v ? *v : fallback;
}

long long Args::get_int(const std::string& key, long long fallback, long long lo, long long hi) const {
  auto v = get(key);
  if (!v) return fallback;
  errno = 0;
  char* end = nullptr;
  const long long x = std::strtoll(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0' || errno == ERANGE)
    throw UsageError("--" + key + " expects an integer, got '" + *v + "'");
  if (x < lo || x > hi)
    throw UsageError("--" + key + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + *v);
  return x;
}

namespace {

// The shortest decimal that reads back as x (0.1, 1e-30; not 0.000000).
std::string shortest(double x) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(x);
}

}  // namespace

double Args::get_double(const std::string& key, double fallback, double lo, double hi) const {
  auto v = get(key);
  if (!v) return fallback;
  char* end = nullptr;
  const double x = std::strtod(v->c_str(), &end);
  if (v->empty() || *end != '\0' || !std::isfinite(x))
    throw UsageError("--" + key + " expects a finite number, got '" + *v + "'");
  if (x < lo || x > hi)
    throw UsageError("--" + key + " must be between " + shortest(lo) + " and " + shortest(hi) + ", got " + *v);
  return x;
}

Args parse_args(int argc, char** argv, int first, const std::set<std::string>& option_names,
                const std::set<std::string>& flag_names) {
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      std::string key = a.substr(2);
      std::optional<std::string> value;
      if (auto eq = key.find('='); eq != std::string::npos) {
        value = key.substr(eq + 1);
        key = key.substr(0, eq);
      }
      if (flag_names.count(key)) {
        if (value) throw UsageError("--" + key + " takes no value");
        args.flags.insert(key);
      } else if (option_names.count(key)) {
        if (!value) {
          if (i + 1 >= argc) throw UsageError("--" + key + " needs a value");
          value = argv[++i];
        }
        if (args.options.count(key)) throw UsageError("--" + key + " given twice");
        args.options[key] = *value;
      } else {
        throw UsageError("unknown option --" + key);
      }
    } else if (a == "-") {
      args.positional.push_back(a);
    } else if (!a.empty() && a[0] == '-' && !(a.size() > 1 && (std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '.'))) {
      throw UsageError("unknown option " + a);
    } else {
      args.positional.push_back(a);
    }
  }
  return args;
}

ColumnList parse_column_list(const std::string& text, const std::string& option_name) {
  ColumnList out;
  out.option = option_name;
  out.text = text;
  auto bad = [&](const std::string& why) {
    return UsageError("--" + option_name + " '" + json::printable(text) + "': " + why +
                      " (expected e.g. 0,2,5 or 0-3, or header names)");
  };
  if (text.empty()) throw bad("empty list");
  const auto digits = [](const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = text.find(',', pos);
    const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (item.empty()) throw bad("empty item");
    auto to_index = [&](const std::string& s) {
      if (s.size() > 9) throw bad("'" + s + "' is too large");
      return static_cast<std::size_t>(std::stoul(s));
    };
    const std::size_t dash = item.find('-');
    if (digits(item)) {
      const std::size_t c = to_index(item);
      out.ranges.push_back({c, c});
      out.names.emplace_back();
    } else if (dash != std::string::npos && digits(item.substr(0, dash)) && digits(item.substr(dash + 1))) {
      const std::size_t lo = to_index(item.substr(0, dash));
      const std::size_t hi = to_index(item.substr(dash + 1));
      if (hi < lo) throw bad("range " + item + " is descending");
      out.ranges.push_back({lo, hi});
      out.names.emplace_back();
    } else {
      out.ranges.push_back({0, 0});
      out.names.push_back(item);
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::vector<std::size_t> ColumnList::indices(std::size_t column_count, const std::vector<std::string>& header) const {
  // Names first, then bounds, so that a range such as 0-999999999 is never expanded.
  std::vector<std::pair<std::size_t, std::size_t>> resolved = ranges;
  for (std::size_t item = 0; item < names.size(); ++item) {
    const std::string& name = names[item];
    if (name.empty()) continue;
    if (header.empty())
      throw UsageError("--" + option + ": '" + json::printable(name) +
                       "' is not a column index, and the data has no header to look names up in");
    std::vector<std::size_t> found;
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == name) found.push_back(c);
    if (found.empty()) {
      std::string known;
      for (std::size_t c = 0; c < header.size() && c < 20; ++c) known += (c ? ", '" : "'") + json::printable(header[c]) + "'";
      if (header.size() > 20) known += ", ...";
      throw UsageError("--" + option + ": no column named '" + json::printable(name) + "' (the header has " + known +
                       ")");
    }
    if (found.size() > 1)
      throw UsageError("--" + option + ": the header names columns " + std::to_string(found[0]) + " and " +
                       std::to_string(found[1]) + " '" + json::printable(name) + "': select one by index");
    resolved[item] = {found[0], found[0]};
  }
  for (const auto& [lo, hi] : resolved)
    if (hi >= column_count)
      throw UsageError("--" + option + ": " +
                       (lo < column_count ? "columns " + std::to_string(column_count) + "-" + std::to_string(hi) + " do not"
                                          : "column " + std::to_string(lo) + " does not") +
                       " exist (the data has " + std::to_string(column_count) + " columns, numbered from 0)");
  std::vector<bool> seen(column_count, false);
  std::vector<std::size_t> out;
  for (const auto& [lo, hi] : resolved)
    for (std::size_t c = lo; c <= hi; ++c) {
      if (seen[c])
        throw UsageError("--" + option + ": column " + std::to_string(c) +
                         " is listed twice (a repeated component makes the distribution degenerate: its entropy is "
                         "-infinity and the estimate is undefined)");
      seen[c] = true;
      out.push_back(c);
    }
  return out;
}

void require_disjoint(const ColumnList& a, const std::vector<std::size_t>& a_cols, const ColumnList& b,
                      const std::vector<std::size_t>& b_cols) {
  for (std::size_t x : a_cols)
    for (std::size_t y : b_cols)
      if (x == y)
        throw UsageError("--" + a.option + " and --" + b.option + " share column " + std::to_string(x) +
                         ": the mutual information of variables with a common component is infinite, so there is "
                         "nothing to estimate");
}

const std::set<std::string> csv_input_options = {"delimiter"};
const std::set<std::string> csv_input_flags = {"index-column", "no-index-column", "drop-missing"};
const char* const csv_input_help =
    "  DATA.csv        numbers, one sample per line, or - for standard input; the first\n"
    "                  line is a header only when none of its cells is a number\n"
    "  --delimiter D   comma, tab or whitespace (runs of spaces/tabs). Default: comma if\n"
    "                  the first line has a comma, else tab if it has a tab, else\n"
    "                  whitespace if it and the next line both have 2+ blank-separated\n"
    "                  fields, else comma (one column)\n"
    "  --index-column, --no-index-column\n"
    "                  skip (or keep) the first column as row labels. Default: skipped\n"
    "                  when the header's first name is empty or \"Unnamed: 0\" (pandas) or\n"
    "                  the header is one name short (R); column numbers and names then\n"
    "                  refer to the remaining columns\n"
    "  --drop-missing  leave out rows with a missing value (empty, NaN, NA, N/A, null,\n"
    "                  None) in a selected column (count: rows_dropped); by default such\n"
    "                  a row is an error naming its line and column\n";

std::set<std::string> joined(std::set<std::string> a, const std::set<std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}

CsvInput read_csv_input(const Args& args, const std::string& path, unsigned threads) {
  estimators::CsvOptions options;
  options.missing_allowed = true;
  const std::string delimiter = args.get_or("delimiter", "auto");
  if (delimiter == "comma") options.delimiter = estimators::CsvDelimiter::comma;
  else if (delimiter == "tab") options.delimiter = estimators::CsvDelimiter::tab;
  else if (delimiter == "whitespace") options.delimiter = estimators::CsvDelimiter::whitespace;
  else if (delimiter != "auto")
    throw UsageError("--delimiter must be comma, tab or whitespace, got '" + json::printable(delimiter) + "'");
  if (args.has("index-column") && args.has("no-index-column"))
    throw UsageError("--index-column and --no-index-column contradict each other");
  options.index_column = args.has("index-column")      ? estimators::CsvIndexColumn::skip
                         : args.has("no-index-column") ? estimators::CsvIndexColumn::keep
                                                       : estimators::CsvIndexColumn::automatic;
  CsvInput input;
  input.drop_missing = args.has("drop-missing");
  if (path == "-") {
    input.source = "<stdin>";
    input.table = estimators::read_csv(std::cin, input.source, threads, options);
  } else {
    input.source = path;
    input.table = estimators::read_csv_file(path, threads, options);
  }
  return input;
}

estimators::CompleteRows select_complete_rows(const CsvInput& input, const std::vector<std::size_t>& columns) {
  estimators::CompleteRows rows = estimators::complete_rows(input.table, columns, input.drop_missing, input.source);
  const auto total = static_cast<std::size_t>(input.table.values.rows());
  if (rows.dropped == total)
    throw std::invalid_argument(input.source + ": every one of the " + std::to_string(total) +
                                " rows has a missing value in the selected columns");
  return rows;
}

estimators::MatrixView selected_view(const CsvInput& input, const std::vector<std::size_t>& columns,
                                     const estimators::CompleteRows& rows, Eigen::MatrixXd& storage) {
  if (rows.dropped == 0) return input.table.column_view(columns, storage);
  storage = input.table.columns(columns, rows.rows);
  return storage;
}

void set_csv_input_fields(json::Value& out, const CsvInput& input, const estimators::CompleteRows& rows) {
  const char d = input.table.delimiter;
  out.set("rows_dropped", json::Value::number(static_cast<unsigned long long>(rows.dropped)))
      .set("delimiter", json::Value::string(d == ',' ? "comma" : d == '\t' ? "tab" : "whitespace"))
      .set("index_column_skipped", json::Value::boolean(input.table.index_column_skipped));
}

json::Value csv_header_json(const estimators::CsvTable& table) {
  if (table.header.empty()) return json::Value();
  json::Value out = json::Value::array();
  for (const auto& name : table.header) out.push(json::Value::string(json::printable(name)));
  return out;
}

json::Value spec_with_pattern(json::Value spec, const Args& args) {
  if (!args.has("pattern") || spec.type() != json::Value::Type::object) return spec;
  const auto k = args.get_int("pattern", 0, 0, 1000000000);
  spec.set("pattern", json::Value::number(static_cast<unsigned long long>(k)));
  return spec;
}

void require_finite_estimate(const estimators::Estimate& e) {
  if (!std::isfinite(e.value))
    throw std::domain_error(e.method + ": the estimate is not finite (" + std::to_string(e.value) + "), so none is printed");
}

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> r;
  return r;
}
}  // namespace

bool register_command(Command command) {
  registry().push_back(std::move(command));
  return true;
}

const std::vector<Command>& commands() { return registry(); }

}  // namespace syninfo::cli
