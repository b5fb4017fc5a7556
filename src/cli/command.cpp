#include "command.hpp"

#include <algorithm>

#include "syninfo/json.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cctype>
#include <cstdlib>
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
    return UsageError("--" + option_name + " '" + json::printable(text) + "': " + why + " (expected e.g. 0,2,5 or 0-3)");
  };
  if (text.empty()) throw bad("empty list");
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = text.find(',', pos);
    const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (item.empty()) throw bad("empty item");
    auto to_index = [&](const std::string& s) {
      if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
        throw bad("'" + json::printable(s) + "' is not a column index");
      if (s.size() > 9) throw bad("'" + s + "' is too large");
      return static_cast<std::size_t>(std::stoul(s));
    };
    const std::size_t dash = item.find('-');
    if (dash == std::string::npos) {
      const std::size_t c = to_index(item);
      out.ranges.push_back({c, c});
    } else {
      const std::size_t lo = to_index(item.substr(0, dash));
      const std::size_t hi = to_index(item.substr(dash + 1));
      if (hi < lo) throw bad("range " + item + " is descending");
      out.ranges.push_back({lo, hi});
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

std::vector<std::size_t> ColumnList::indices(std::size_t column_count) const {
  // Bounds first, so that a range such as 0-999999999 is never expanded.
  for (const auto& [lo, hi] : ranges)
    if (hi >= column_count)
      throw UsageError("--" + option + ": " +
                       (lo < column_count ? "columns " + std::to_string(column_count) + "-" + std::to_string(hi) + " do not"
                                          : "column " + std::to_string(lo) + " does not") +
                       " exist (the data has " + std::to_string(column_count) + " columns, numbered from 0)");
  std::vector<bool> seen(column_count, false);
  std::vector<std::size_t> out;
  for (const auto& [lo, hi] : ranges)
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

json::Value csv_header_json(const estimators::CsvTable& table) {
  if (table.header.empty()) return json::Value();
  json::Value out = json::Value::array();
  for (const auto& name : table.header) out.push(json::Value::string(json::printable(name)));
  return out;
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
