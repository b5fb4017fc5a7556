#include "syninfo/report/shard_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace syninfo::report {
namespace fs = std::filesystem;

ShardPosition parse_shard_position(const std::string& text) {
  const std::string message = "--shard expects i/n with 0 <= i < n, got '" + text + "'";
  auto number = [&](const std::string& s) -> std::size_t {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9)
      throw std::invalid_argument(message);
    return static_cast<std::size_t>(std::stoul(s));
  };
  const auto slash = text.find('/');
  if (slash == std::string::npos) throw std::invalid_argument(message);
  const ShardPosition p{number(text.substr(0, slash)), number(text.substr(slash + 1))};
  if (p.count == 0 || p.index >= p.count) throw std::invalid_argument(message);
  return p;
}

std::string shard_file_name(std::size_t index, std::size_t count) {
  return "shard-" + std::to_string(index) + "-of-" + std::to_string(count) + ".json";
}

std::string shard_timings_name(std::size_t index, std::size_t count) {
  return "shard-" + std::to_string(index) + "-of-" + std::to_string(count) + ".timings.json";
}

std::string shard_checkpoint_name(std::size_t index, std::size_t count) {
  return "shard-" + std::to_string(index) + "-of-" + std::to_string(count) + ".checkpoint";
}

std::vector<fs::path> find_shard_files(const std::vector<std::string>& arguments) {
  std::vector<fs::path> files;
  for (const auto& p : arguments) {
    const fs::path path(p);
    if (fs::is_directory(path)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(path)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("shard-", 0) == 0 && name.size() > 5 && name.substr(name.size() - 5) == ".json" &&
            name.find(".timings.") == std::string::npos && entry.is_regular_file())
          found.push_back(entry.path());
      }
      if (found.empty()) throw ShardError("no shard-*.json files in " + path.string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path)) {
      files.push_back(path);
    } else {
      throw ShardError("no such shard directory or file: " + path.string());
    }
  }
  return files;
}

std::string read_shard_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ShardError("cannot read shard file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string shard_format(const json::Value& value) {
  const json::Value* f = value.is_object() ? value.find("format") : nullptr;
  return f && f->is_string() ? f->as_string() : std::string();
}

const json::Value& shard_member(const json::Value& value, const char* key, const std::string& source,
                                const char* kind) {
  const json::Value* m = value.is_object() ? value.find(key) : nullptr;
  if (!m) throw ShardError(source + ": not " + kind + " shard file (missing \"" + key + "\")");
  return *m;
}

std::size_t shard_count_value(const json::Value& v, const std::string& source, const char* what) {
  if (!v.is_number()) throw ShardError(source + ": " + what + " is not a number");
  // The whole text must be digits: stoull would read 1e30 as 1 and 0.5 as 0.
  const std::string& text = v.as_number_text();
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    throw ShardError(source + ": " + what + " '" + text + "' is not a count");
  return static_cast<std::size_t>(std::stoull(text));
}

json::Value shard_position_json(ShardPosition p) {
  return json::Value::array()
      .push(json::Value::number(static_cast<unsigned long long>(p.index)))
      .push(json::Value::number(static_cast<unsigned long long>(p.count)));
}

ShardPosition shard_position_from_json(const json::Value& v, const std::string& source) {
  if (!v.is_array() || v.as_array().size() != 2) throw ShardError(source + ": \"shard\" must be [index, count]");
  const ShardPosition p{shard_count_value(v.as_array()[0], source, "shard index"),
                        shard_count_value(v.as_array()[1], source, "shard count")};
  if (p.count == 0 || p.index >= p.count) throw ShardError(source + ": shard index out of range");
  return p;
}

std::size_t shard_task_count(std::size_t total, std::size_t index, std::size_t count) {
  return total / count + (index < total % count ? 1 : 0);
}

std::vector<std::size_t> shard_cover(const std::vector<ShardPosition>& positions, const std::vector<std::string>& sources) {
  if (positions.empty()) throw ShardError("no shard files given");
  const std::size_t n = positions.front().count;
  const std::size_t none = positions.size();
  std::vector<std::size_t> by_index(n, none);
  for (std::size_t s = 0; s < positions.size(); ++s) {
    const ShardPosition& p = positions[s];
    if (p.count != n)
      throw ShardError(sources[s] + ": shard count " + std::to_string(p.count) + " differs from " + std::to_string(n));
    if (by_index[p.index] != none) throw ShardError(sources[s] + ": shard " + std::to_string(p.index) + " given twice");
    by_index[p.index] = s;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (by_index[i] == none) throw ShardError("shard " + std::to_string(i) + " of " + std::to_string(n) + " is missing");
  return by_index;
}

}  // namespace syninfo::report
