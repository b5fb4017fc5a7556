// The 100-digit closed-form reference table (tests/data/reference/
// closed_form_reference.jsonl, made by its generator beside it), one case per line.
#pragma once

#include "syninfo/json.hpp"
#include "test_helpers.hpp"

#include <fstream>
#include <string>
#include <vector>

namespace syninfo::test {

inline std::vector<json::Value> reference_cases() {
  std::ifstream in(data_path("reference/closed_form_reference.jsonl"));
  std::vector<json::Value> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(json::parse(line));
  return out;
}

}  // namespace syninfo::test
