#include "syninfo/estimators/csv.hpp"
#include "syninfo/estimators/message.hpp"
#include "syninfo/json.hpp"
#include "syninfo/parallel.hpp"
#include "syninfo/reference/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <cmath>
#include <exception>
#include <limits>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string_view>

#if defined(__unix__)
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace syninfo::estimators {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool blank(char c) { return c == ' ' || c == '\t'; }

// Splits a line into trimmed cells, reusing the caller's vector: at every
// `delimiter` (',' or '\t'), or at runs of spaces and tabs (' ').
void split(std::string_view line, char delimiter, std::vector<std::string_view>& cells) {
  cells.clear();
  if (delimiter == ' ') {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    for (std::size_t i = 0;;) {
      while (i < line.size() && blank(line[i])) ++i;
      if (i == line.size()) return;
      std::size_t j = i;
      while (j < line.size() && !blank(line[j])) ++j;
      cells.push_back(line.substr(i, j - i));
      i = j;
    }
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = line.find(delimiter, start);
    if (at == std::string_view::npos) {
      cells.push_back(trim(line.substr(start)));
      return;
    }
    cells.push_back(trim(line.substr(start, at - start)));
    start = at + 1;
  }
}

// The whole stream as one string (read in one go when its size is known).
std::string slurp(std::istream& in, const std::string& source) {
  std::string text;
  const auto here = in.tellg();
  if (here != std::streampos(-1) && in.seekg(0, std::ios::end)) {
    const auto end = in.tellg();
    in.seekg(here);
    // A hint only: some streams report sizes they cannot deliver.
    if (end != std::streampos(-1) && end > here && end - here < (std::streamoff{1} << 32)) {
      try {
        text.reserve(static_cast<std::size_t>(end - here));
      } catch (const std::exception&) {
      }
    }
  }
  in.clear();
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) text.append(buffer, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw std::runtime_error(message(source, ": read error"));
  return text;
}

// The number in a cell, or nothing when the cell is not entirely one number.
std::optional<double> parse_number(std::string_view cell) {
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  if (cell.empty()) return std::nullopt;
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || ptr != cell.data() + cell.size()) return std::nullopt;
  return v;
}

// A missing-value token other than an empty cell or a NaN (see csv.hpp).
bool missing_token(std::string_view cell) {
  for (const char* t : {"NA", "N/A", "n/a", "null", "NULL", "None"})
    if (cell == t) return true;
  return false;
}

// A cell of a header line in a tab- or whitespace-separated file: a name in
// double quotes loses them (a doubled quote inside stands for one).
std::string unquoted(std::string_view cell) {
  if (cell.size() < 2 || cell.front() != '"' || cell.back() != '"') return std::string(cell);
  std::string out;
  for (std::size_t i = 1; i + 1 < cell.size(); ++i) {
    out += cell[i];
    if (cell[i] == '"' && cell[i + 1] == '"' && i + 2 < cell.size()) ++i;
  }
  return out;
}

// The cells of a header line by the RFC 4180 rules of the shared reader, so
// that quoted names (pandas quotes a name with a comma) are read as written.
std::vector<std::string> header_names(std::string_view line, char delimiter, std::size_t line_no,
                                      const std::string& source) {
  if (delimiter != ',') {
    std::vector<std::string_view> cells;
    split(line, delimiter, cells);
    std::vector<std::string> names;
    for (auto c : cells) names.push_back(unquoted(c));
    return names;
  }
  std::vector<reference::CsvRecord> records;
  try {
    records = reference::parse_csv(std::string(line));
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(message(source, ": line ", line_no, " (header): ", e.what()));
  }
  std::vector<std::string> names;
  if (records.empty()) return {std::string(line)};  // a line that the shared reader drops (a stray BOM)
  for (const auto& f : records.front().fields) names.emplace_back(trim(f));
  return names;
}

}  // namespace

Eigen::MatrixXd CsvTable::columns(const std::vector<std::size_t>& indices) const {
  Eigen::MatrixXd out(values.rows(), static_cast<Eigen::Index>(indices.size()));
  for (std::size_t j = 0; j < indices.size(); ++j) {
    if (indices[j] >= static_cast<std::size_t>(values.cols()))
      throw std::invalid_argument(message("column ", indices[j], " does not exist (the data has ", values.cols(),
                                          " columns, numbered from 0)"));
    out.col(static_cast<Eigen::Index>(j)) = values.col(static_cast<Eigen::Index>(indices[j]));
  }
  return out;
}

namespace {

std::size_t count_lines(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
         (!text.empty() && text.back() != '\n');
}

// The next line of [p, stop) (without its '\n'); advances p past it.
std::string_view next_line(const char*& p, const char* stop) {
  const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)));
  if (!eol) eol = stop;
  const std::string_view line(p, static_cast<std::size_t>(eol - p));
  p = eol < stop ? eol + 1 : stop;
  return line;
}

// How the lines of a file are read: found from its first lines.
struct Layout {
  char delimiter = ',';
  std::size_t cells = 0;  // cells per line in the file
  bool skip_first = false;
  bool missing_allowed = false;
  std::size_t first_row_line = 0;  // line of a first row that was not taken as a header (0 if none)
};

// Parses the data lines of text (numbered from first_line) into values,
// from row `row` on; returns the number of rows written (blank lines write
// none). Throws std::invalid_argument naming the line and column. Missing
// cells (when allowed) are stored as NaN and appended to `missing`.
std::size_t parse_rows(std::string_view text, std::size_t first_line, const Layout& layout, Eigen::MatrixXd& values,
                       std::size_t row, const std::string& source, std::vector<CsvMissing>& missing) {
  const char* p = text.data();
  const char* const stop = p + text.size();
  std::size_t line_no = first_line - 1;
  const std::size_t first_row = row;
  const std::size_t cols = layout.cells, skip = layout.skip_first ? 1 : 0;
  std::vector<std::string_view> cells;
  const auto fail = [&](std::size_t col, const std::string& what) {
    const char* why =
        line_no == layout.first_row_line ? " (the first row has a numeric cell, so it is data, not a header)" : "";
    if (col) throw std::invalid_argument(message(source, ": line ", line_no, ", column ", col, ": ", what, why));
    throw std::invalid_argument(message(source, ": line ", line_no, ": ", what));
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  while (p < stop) {
    const std::string_view line = next_line(p, stop);
    ++line_no;
    if (trim(line).empty()) continue;
    split(line, layout.delimiter, cells);
    if (cells.size() != cols) fail(0, message("expected ", cols, " cells, found ", cells.size()));
    for (std::size_t c = skip; c < cols; ++c) {
      const auto v = parse_number(cells[c]);
      double value = v ? *v : nan;
      if (layout.missing_allowed && (v ? std::isnan(*v) : cells[c].empty() || missing_token(cells[c]))) {
        missing.push_back(CsvMissing{row, c - skip, line_no, std::string(cells[c])});
        value = nan;
      } else if (!v) {
        fail(c + 1, cells[c].empty() ? std::string("empty cell, expected a number")
                                     : message("cannot read '", json::printable(cells[c]), "' as a number"));
      } else if (!std::isfinite(*v)) {
        fail(c + 1, message("'", json::printable(cells[c]), "' is not a finite number"));
      }
      values(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(c - skip)) = value;
    }
    ++row;
  }
  return row - first_row;
}

// The next non-blank line from p on (trimmed; empty at the end), its number
// in line_no.
std::string_view next_filled_line(const char*& p, const char* stop, std::size_t& line_no) {
  std::string_view line;
  while (p < stop && line.empty()) {
    ++line_no;
    line = trim(next_line(p, stop));
  }
  return line;
}

char detect_delimiter(std::string_view first, std::string_view second, CsvDelimiter wanted) {
  switch (wanted) {
    case CsvDelimiter::comma: return ',';
    case CsvDelimiter::tab: return '\t';
    case CsvDelimiter::whitespace: return ' ';
    case CsvDelimiter::automatic: break;
  }
  if (first.find(',') != std::string_view::npos) return ',';
  if (first.find('\t') != std::string_view::npos) return '\t';
  std::vector<std::string_view> a, b;
  split(first, ' ', a);
  split(second, ' ', b);
  return a.size() >= 2 && b.size() >= 2 ? ' ' : ',';
}

// The header (if any), the delimiter, the index column and the cells per
// line, from the first two non-blank lines. body/body_line: the data lines
// and the number of the first.
Layout read_layout(std::string_view text, const CsvOptions& options, const std::string& source, CsvTable& table,
                   std::string_view& body, std::size_t& body_line) {
  const char* p = text.data();
  const char* const stop = p + text.size();
  std::size_t line_no = 0;
  const std::string_view first = next_filled_line(p, stop, line_no);
  if (first.empty()) throw std::invalid_argument(message(source, ": no data rows"));
  const std::size_t first_line = line_no;
  const char* after_first = p;
  const std::string_view second = next_filled_line(p, stop, line_no);
  const std::size_t second_line = line_no;
  Layout layout;
  layout.missing_allowed = options.missing_allowed;
  layout.delimiter = detect_delimiter(first, second, options.delimiter);
  table.delimiter = layout.delimiter;
  std::vector<std::string_view> cells;
  split(first, layout.delimiter, cells);
  std::size_t numeric = 0, named = 0;
  for (auto c : cells) {
    if (parse_number(c)) ++numeric;
    else if (!c.empty() && !(options.missing_allowed && missing_token(c))) ++named;
  }
  const bool header = numeric == 0 && named > 0;
  layout.cells = cells.size();
  if (header) {
    table.header = header_names(first, layout.delimiter, first_line, source);
    layout.cells = table.header.size();
    body = std::string_view(after_first, static_cast<std::size_t>(stop - after_first));
    body_line = first_line + 1;
    table.first_data_line = second_line;
  } else {  // the first line is data (a cell that is not a number is an error there): parse it with the rest
    body = std::string_view(first.data(), static_cast<std::size_t>(stop - first.data()));
    body_line = first_line;
    layout.first_row_line = first_line;
    table.first_data_line = first_line;
  }
  std::vector<std::string_view> data_cells;
  if (header && !second.empty()) split(second, layout.delimiter, data_cells);
  // A header one name short of the data: the first column holds row labels.
  const bool implicit = header && data_cells.size() == table.header.size() + 1;
  if (options.index_column == CsvIndexColumn::skip) {
    layout.skip_first = true;
  } else if (options.index_column == CsvIndexColumn::automatic && header) {
    layout.skip_first = implicit || table.header.front().empty() || table.header.front() == "Unnamed: 0";
  }
  if (layout.skip_first) {
    if (implicit) ++layout.cells;
    else if (header) table.header.erase(table.header.begin());
    if (layout.cells < 2)
      throw std::invalid_argument(message(source, ": line ", first_line,
                                          ": the index column is the only column, there is no data to read"));
    table.index_column_skipped = true;
  }
  return layout;
}

// The text is parsed in place, straight into the matrix: the line count
// bounds the row count, so the values are stored once. Large inputs are cut
// into pieces at line ends and parsed on several threads; each piece starts
// at the row its line count predicts, and blank lines (which leave gaps) are
// closed up afterwards. Of several bad lines, the first is reported.
CsvTable parse_csv(std::string_view text, const std::string& source, unsigned threads, const CsvOptions& options) {
  CsvTable table;
  text = reference::strip_utf8_bom(text);
  std::string_view body;
  std::size_t body_line = 0;
  const Layout layout = read_layout(text, options, source, table, body, body_line);
  const std::size_t cols = layout.cells - (layout.skip_first ? 1 : 0);

  // Pieces of at least 256 KiB, cut after a '\n'.
  constexpr std::size_t min_piece = std::size_t{1} << 18;
  const std::size_t wanted = std::max<std::size_t>(1, threads == 0 ? default_threads() : threads);
  const std::size_t pieces = std::clamp<std::size_t>(body.size() / min_piece, 1, wanted);
  std::vector<std::string_view> piece(pieces);
  std::vector<std::size_t> piece_line(pieces), piece_row(pieces), piece_rows(pieces, 0);
  std::size_t start = 0, line = body_line;
  for (std::size_t j = 0; j < pieces; ++j) {
    std::size_t end = body.size();
    if (j + 1 < pieces) {
      end = std::max(start, body.size() * (j + 1) / pieces);
      const std::size_t nl = body.find('\n', end);
      end = nl == std::string_view::npos ? body.size() : nl + 1;
    }
    piece[j] = body.substr(start, end - start);
    piece_line[j] = line;
    piece_row[j] = line - body_line;  // rows before it, if no line is blank
    line += count_lines(piece[j]);
    start = end;
  }
  table.values.resize(static_cast<Eigen::Index>(line - body_line), static_cast<Eigen::Index>(cols));
  std::vector<std::exception_ptr> errors(pieces);
  std::vector<std::vector<CsvMissing>> missing(pieces);
  parallel_for(pieces, static_cast<unsigned>(pieces), [&](std::size_t begin, std::size_t end) {
    for (std::size_t j = begin; j < end; ++j) {
      try {
        piece_rows[j] = parse_rows(piece[j], piece_line[j], layout, table.values, piece_row[j], source, missing[j]);
      } catch (...) {
        errors[j] = std::current_exception();
      }
    }
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);  // pieces are in line order: the first bad line
  // Close the gaps that blank lines left.
  std::size_t rows = 0;
  for (std::size_t j = 0; j < pieces; ++j) {
    if (rows != piece_row[j])
      for (std::size_t c = 0; c < cols; ++c) {
        double* column = table.values.col(static_cast<Eigen::Index>(c)).data();
        std::copy(column + piece_row[j], column + piece_row[j] + piece_rows[j], column + rows);
      }
    for (auto& m : missing[j]) {
      m.row = m.row - piece_row[j] + rows;
      table.missing.push_back(m);
    }
    rows += piece_rows[j];
  }
  if (rows == 0) throw std::invalid_argument(message(source, ": no data rows"));
  if (static_cast<Eigen::Index>(rows) < table.values.rows())
    table.values.conservativeResize(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
  return table;
}

}  // namespace

CsvTable read_csv(std::istream& in, const std::string& source, unsigned threads, const CsvOptions& options) {
  return parse_csv(slurp(in, source), source, threads, options);
}

CsvTable read_csv_file(const std::string& path, unsigned threads, const CsvOptions& options) {
#if defined(__unix__)
  // A regular file is mapped rather than read: no copy, and with
  // MAP_POPULATE its pages are mapped in one call instead of one fault each.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::invalid_argument(message(path, ": cannot open file (", std::strerror(errno), ")"));
  struct stat info {};
  const bool known = ::fstat(fd, &info) == 0;
  if (known && S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw std::invalid_argument(message(path, ": is a directory, not a CSV file"));
  }
  if (known && S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    int flags = MAP_PRIVATE;
#if defined(MAP_POPULATE)
    flags |= MAP_POPULATE;
#endif
    void* mapped = ::mmap(nullptr, size, PROT_READ, flags, fd, 0);
    ::close(fd);
    if (mapped != MAP_FAILED) {
      struct Unmap {
        void* address;
        std::size_t size;
        ~Unmap() { ::munmap(address, size); }
      } unmap{mapped, size};
      return parse_csv(std::string_view(static_cast<const char*>(mapped), size), path, threads, options);
    }
  } else {
    ::close(fd);
  }
#endif
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument(message(path, ": cannot open file"));
  return read_csv(in, path, threads, options);
}

MatrixView CsvTable::column_view(const std::vector<std::size_t>& indices, Eigen::MatrixXd& storage) const {
  bool consecutive = !indices.empty() && indices.back() < static_cast<std::size_t>(values.cols());
  for (std::size_t j = 1; consecutive && j < indices.size(); ++j) consecutive = indices[j] == indices[j - 1] + 1;
  if (consecutive)
    return values.middleCols(static_cast<Eigen::Index>(indices.front()), static_cast<Eigen::Index>(indices.size()));
  storage = columns(indices);
  return storage;
}

Eigen::MatrixXd CsvTable::columns(const std::vector<std::size_t>& indices, const std::vector<std::size_t>& rows) const {
  const Eigen::MatrixXd all = columns(indices);
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), all.cols());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r] >= static_cast<std::size_t>(all.rows()))
      throw std::invalid_argument(message("row ", rows[r], " does not exist (the data has ", all.rows(), " rows)"));
    out.row(static_cast<Eigen::Index>(r)) = all.row(static_cast<Eigen::Index>(rows[r]));
  }
  return out;
}

CompleteRows complete_rows(const CsvTable& table, const std::vector<std::size_t>& columns, bool drop,
                           const std::string& source) {
  std::vector<bool> selected(static_cast<std::size_t>(table.values.cols()), false);
  for (std::size_t c : columns)
    if (c < selected.size()) selected[c] = true;
  std::vector<bool> bad(static_cast<std::size_t>(table.values.rows()), false);
  CompleteRows out;
  for (const CsvMissing& m : table.missing) {
    if (!selected[m.column] || bad[m.row]) continue;
    if (!drop) {
      const std::string name = table.header.empty() ? std::string()
                                                    : message(" ('", json::printable(table.header[m.column]), "')");
      const std::string what = m.text.empty() ? std::string("empty cell, expected a number")
                                              : message("missing value '", json::printable(m.text), "'");
      const char* why = table.header.empty() && m.line == table.first_data_line
                            ? " (the first row has a numeric cell, so it is data, not a header)"
                            : "";
      throw std::invalid_argument(message(source, ": line ", m.line, ", column ", table.file_column(m.column), name,
                                          ": ", what, why,
                                          "; --drop-missing leaves out the rows with a missing value in the "
                                          "selected columns"));
    }
    bad[m.row] = true;
    ++out.dropped;
  }
  if (out.dropped == 0) return out;
  out.rows.reserve(bad.size() - out.dropped);
  for (std::size_t r = 0; r < bad.size(); ++r)
    if (!bad[r]) out.rows.push_back(r);
  return out;
}

}  // namespace syninfo::estimators
