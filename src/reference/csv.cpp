#include "syninfo/reference/csv.hpp"

#include <stdexcept>

namespace syninfo::reference {

std::string_view strip_utf8_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::vector<CsvRecord> parse_csv(const std::string& text) {
  std::vector<CsvRecord> out;
  std::size_t pos = text.size() - strip_utf8_bom(text).size(), line = 1;
  const std::size_t size = text.size();
  while (pos < size) {
    // Skip blank lines.
    if (text[pos] == '\n' || text[pos] == '\r') {
      if (text[pos] == '\n') ++line;
      ++pos;
      continue;
    }
    CsvRecord record;
    record.line = line;
    std::string field;
    bool done = false;
    while (!done) {
      field.clear();
      if (pos < size && text[pos] == '"') {
        const std::size_t open_line = line;
        ++pos;
        for (;;) {
          if (pos >= size)
            throw std::invalid_argument("line " + std::to_string(open_line) + ": unterminated quoted field");
          const char c = text[pos++];
          if (c == '"') {
            if (pos < size && text[pos] == '"') {
              field += '"';
              ++pos;
            } else {
              break;
            }
          } else {
            if (c == '\n') ++line;
            field += c;
          }
        }
        if (pos < size && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
          throw std::invalid_argument("line " + std::to_string(line) + ": unexpected character after a closing quote");
      } else {
        while (pos < size && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
          if (text[pos] == '"')
            throw std::invalid_argument("line " + std::to_string(line) + ": quote inside an unquoted field");
          field += text[pos++];
        }
      }
      record.fields.push_back(field);
      if (pos < size && text[pos] == ',') {
        ++pos;
      } else {
        if (pos < size && text[pos] == '\r') ++pos;
        if (pos < size && text[pos] == '\n') {
          ++pos;
          ++line;
        }
        done = true;
      }
    }
    out.push_back(std::move(record));
  }
  return out;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace syninfo::reference
