// A seeded, bounded mutation fuzzer for the input readers (issue 13): the
// JSON parser and spec reader, the numeric CSV reader (followed by a small
// Kozachenko-Leonenko estimate on what it read) and the results reader of
// `check`. Each iteration mutates one of the sample files given on the
// command line and runs the readers in-process. A reader may only succeed or
// throw its typed invalid-input exception; anything else (another exception
// type, a non-finite estimate, a crash under the sanitizers) fails the run,
// printing the seed, iteration and input (escaped) so it can be replayed.
//
// usage: syninfo_fuzz_inputs ITERATIONS SEED FILE...
#include "readers.hpp"

#include "syninfo/json.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Tokens that the hostile-input campaign found troublesome.
const std::vector<std::string>& tokens() {
  static const std::vector<std::string> t = {
      ",", "\n", "\r", "\"", std::string(1, '\0'), "\xFF", "\xEF\xBB\xBF", "-", "e", "9", ".", "{", "}", "[", "]",
      ":", "1e308", "-1e308", "1e-310", "1e300", "nan", "inf", "-0", "0", "", "  ", "\xC3", "99999999999999999999",
      "\\u0000", "\\", "null", "true"};
  return t;
}

std::string mutate(std::string s, std::mt19937_64& rng) {
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    const std::size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
    const std::size_t len = s.empty() ? 0 : 1 + rng() % std::min<std::size_t>(16, s.size());
    switch (rng() % 5) {
      case 0:  // flip a byte
        if (!s.empty()) s[pos % s.size()] = static_cast<char>(rng() & 0xFF);
        break;
      case 1:  // insert a token
        s.insert(std::min(pos, s.size()), tokens()[rng() % tokens().size()]);
        break;
      case 2:  // delete a run
        if (pos < s.size()) s.erase(pos, len);
        break;
      case 3:  // duplicate a run (bounded growth)
        if (pos < s.size() && s.size() < 200000) s.insert(pos, s.substr(pos, len));
        break;
      default: {  // replace a run by a token
        if (pos < s.size()) s.replace(pos, len, tokens()[rng() % tokens().size()]);
      }
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: syninfo_fuzz_inputs ITERATIONS SEED FILE...\n";
    return 2;
  }
  const long iterations = std::atol(argv[1]);
  const auto seed = static_cast<std::uint64_t>(std::strtoull(argv[2], nullptr, 10));
  std::vector<std::string> corpus;
  for (int i = 3; i < argc; ++i) corpus.push_back(read_file(argv[i]));
  std::mt19937_64 rng(seed);
  for (long it = 0; it < iterations; ++it) {
    const std::string input = mutate(corpus[rng() % corpus.size()], rng);
    const std::string failure = syninfo_fuzz::run_readers(input);
    if (!failure.empty()) {
      std::cerr << "fuzz failure at seed " << seed << ", iteration " << it << ": " << syninfo::json::printable(failure)
                << "\ninput: " << syninfo::json::printable(input.substr(0, 2000)) << '\n';
      return 1;
    }
  }
  std::cout << "fuzz: " << iterations << " mutated inputs, seed " << seed << ", no failure\n";
  return 0;
}
