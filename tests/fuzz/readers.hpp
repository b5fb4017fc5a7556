// The readers every fuzz target drives (tests/fuzz/): the JSON parser and
// spec reader, the numeric CSV reader followed by a small Kozachenko-Leonenko
// estimate on what it read, and the results reader of `check`. A reader may
// only succeed or throw its typed invalid-input exception; run_readers returns
// why it did anything else (empty: fine). Shared by the seeded mutation
// fuzzer (mutate_inputs.cpp) and the libFuzzer target (libfuzzer_readers.cpp).
#pragma once

#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/kozachenko_leonenko.hpp"
#include "syninfo/json.hpp"
#include "syninfo/model.hpp"
#include "syninfo/reference/check.hpp"
#include "syninfo/spec.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

namespace syninfo_fuzz {

inline std::string run_readers(const std::string& text) {
  using namespace syninfo;
  try {  // JSON and the spec reader
    const json::Value v = json::parse(text);
    if (!v.find("generate")) (void)problem_from_json<double>(v);  // generate's size limits are issue 13 item 4
  } catch (const json::ParseError&) {
  } catch (const std::invalid_argument&) {  // InvalidInput
  } catch (const std::exception& e) {
    return std::string("spec reader threw ") + typeid(e).name() + ": " + e.what();
  }
  try {  // numeric CSV and an estimate on it
    std::istringstream in(text);
    const auto table = estimators::read_csv(in, "fuzz.csv", 1);
    if (table.values.rows() > 4 && table.values.rows() < 5000 && table.values.cols() <= 8) {
      estimators::KlOptions o;
      o.k = 1;
      o.blocks = 0;
      o.threads = 1;
      const auto e = estimators::kozachenko_leonenko_entropy(table.values, o);
      if (!std::isfinite(e.value)) return "KL estimate is not finite: " + std::to_string(e.value);
    }
  } catch (const std::invalid_argument&) {
  } catch (const std::exception& e) {
    return std::string("CSV reader threw ") + typeid(e).name() + ": " + e.what();
  }
  try {  // the same with the command line's options: index columns, missing cells kept, complete rows
    std::istringstream in(text);
    estimators::CsvOptions lenient;
    lenient.index_column = estimators::CsvIndexColumn::automatic;
    lenient.missing_allowed = true;
    const auto table = estimators::read_csv(in, "fuzz.csv", 1, lenient);
    std::vector<std::size_t> all(static_cast<std::size_t>(table.values.cols()));
    for (std::size_t c = 0; c < all.size(); ++c) all[c] = c;
    const auto rows = estimators::complete_rows(table, all, true, "fuzz.csv");
    if (rows.dropped > static_cast<std::size_t>(table.values.rows())) return "complete_rows dropped more rows than read";
    (void)estimators::complete_rows(table, all, false, "fuzz.csv");
  } catch (const std::invalid_argument&) {
  } catch (const std::exception& e) {
    return std::string("CSV reader (lenient) threw ") + typeid(e).name() + ": " + e.what();
  }
  try {  // check's results reader
    (void)reference::parse_results(text);
  } catch (const reference::MalformedResults&) {
  } catch (const std::exception& e) {
    return std::string("results reader threw ") + typeid(e).name() + ": " + e.what();
  }
  return {};
}

}  // namespace syninfo_fuzz
