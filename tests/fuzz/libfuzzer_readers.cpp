// libFuzzer target for the input readers (issue 13): coverage-guided inputs
// through the same readers as the seeded mutation fuzzer (readers.hpp). Any
// reader failure other than its typed invalid-input error aborts, and so does
// anything AddressSanitizer or UBSan sees. Built with -DSYNINFO_LIBFUZZER=ON
// and clang (scripts/fuzz.sh); the corpus is the project's sample specs and CSVs.
#include "readers.hpp"

#include "syninfo/json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 200000) return 0;  // the readers' cost grows with size; keep each run short
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string failure = syninfo_fuzz::run_readers(input);
  if (!failure.empty()) {
    std::cerr << "reader failure: " << syninfo::json::printable(failure) << '\n';
    std::abort();
  }
  return 0;
}
