// Minimal RFC 4180 CSV for the reference set and the checker: fields
// separated by ',', optionally enclosed in '"' (a quote inside a quoted field
// is doubled), records ended by "\n" or "\r\n". Blank lines are skipped. A
// UTF-8 byte-order mark at the start is dropped, here and in the numeric
// reader of the estimator commands (estimators/csv.hpp), which reads its
// header line with this parser: every CSV input shares these rules.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace syninfo::reference {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

// Throws std::invalid_argument("line L: ...") on an unterminated quote or a
// stray character after a closing quote.
std::vector<CsvRecord> parse_csv(const std::string& text);

// text without a leading UTF-8 byte-order mark (EF BB BF).
std::string_view strip_utf8_bom(std::string_view text);

// The field, quoted when it contains ',', '"', CR or LF.
std::string csv_field(const std::string& text);

}  // namespace syninfo::reference
