#include "command.hpp"

#include <cerrno>
#include <cmath>
#include <cctype>
#include <cstdlib>

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

double Args::get_double(const std::string& key, double fallback, double lo, double hi) const {
  auto v = get(key);
  if (!v) return fallback;
  char* end = nullptr;
  const double x = std::strtod(v->c_str(), &end);
  if (v->empty() || *end != '\0' || !std::isfinite(x))
    throw UsageError("--" + key + " expects a finite number, got '" + *v + "'");
  if (x < lo || x > hi)
    throw UsageError("--" + key + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + *v);
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

std::vector<std::size_t> parse_index_list(const std::string& text, const std::string& option_name) {
  std::vector<std::size_t> out;
  auto bad = [&](const std::string& why) {
    return UsageError("--" + option_name + " '" + text + "': " + why + " (expected e.g. 0,2,5 or 0-3)");
  };
  if (text.empty()) throw bad("empty list");
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = text.find(',', pos);
    const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (item.empty()) throw bad("empty item");
    auto to_index = [&](const std::string& s) {
      if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) throw bad("'" + s + "' is not a column index");
      if (s.size() > 9) throw bad("'" + s + "' is too large");
      return static_cast<std::size_t>(std::stoul(s));
    };
    const std::size_t dash = item.find('-');
    if (dash == std::string::npos) {
      out.push_back(to_index(item));
    } else {
      const std::size_t lo = to_index(item.substr(0, dash));
      const std::size_t hi = to_index(item.substr(dash + 1));
      if (hi < lo) throw bad("range " + item + " is descending");
      for (std::size_t c = lo; c <= hi; ++c) out.push_back(c);
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
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
