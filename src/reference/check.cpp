// The checker behind `syninfo check` (rules in check.hpp and the README).
#include "syninfo/reference/check.hpp"

#include "syninfo/decimal.hpp"
#include "syninfo/reference/csv.hpp"
#include "syninfo/scalar_math.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace syninfo::reference {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

[[noreturn]] void malformed(std::size_t line, const std::string& what) {
  throw MalformedResults("line " + std::to_string(line) + ": " + what);
}

const std::set<std::string>& statuses() {
  static const std::set<std::string> s = {"ok", "not_positive_definite", "single_pattern", "non_finite"};
  return s;
}

// Their number as JSON-grammar decimal text (leading '+' dropped, bare '.'
// given a zero), or empty when it is not a number.
std::string normalise_number(std::string t) {
  if (!t.empty() && t[0] == '+') t.erase(0, 1);
  const std::size_t digits_at = !t.empty() && t[0] == '-' ? 1 : 0;
  if (t.size() > digits_at && t[digits_at] == '.') t.insert(digits_at, "0");
  // "1." -> "1"; "1.e5" -> "1e5"
  const auto dot = t.find('.');
  if (dot != std::string::npos && (dot + 1 == t.size() || t[dot + 1] == 'e' || t[dot + 1] == 'E')) t.erase(dot, 1);
  return is_decimal_number(t) ? t : std::string();
}

std::string show(double x) { return to_decimal(x, 3); }

}  // namespace

std::vector<TheirRow> parse_results(const std::string& text) {
  std::vector<CsvRecord> records;
  try {
    records = parse_csv(text);
  } catch (const std::invalid_argument& e) {
    throw MalformedResults(e.what());
  }
  if (records.empty()) throw MalformedResults("line 1: the file is empty (expected a header id,value or id,status,value)");
  const auto& header = records.front();
  std::optional<std::size_t> id_col, status_col, value_col;
  for (std::size_t a = 0; a < header.fields.size(); ++a) {
    std::string name = lower(trim(header.fields[a]));
    auto take = [&](std::optional<std::size_t>& slot) {
      if (slot) malformed(header.line, "column '" + json::printable(name) + "' appears twice in the header");
      slot = a;
    };
    if (name == "id") take(id_col);
    else if (name == "status") take(status_col);
    else if (name == "value") take(value_col);
    else
      malformed(header.line, "unknown column '" + json::printable(trim(header.fields[a])) +
                                 "' in the header (expected id,value or id,status,value)");
  }
  if (!id_col || !value_col) malformed(header.line, "the header must name the columns id and value (and optionally status)");
  std::vector<TheirRow> rows;
  std::map<std::string, std::size_t> seen;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    if (rec.fields.size() != header.fields.size())
      malformed(rec.line, "has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                              std::to_string(header.fields.size()));
    TheirRow row;
    row.line = rec.line;
    row.id = trim(rec.fields[*id_col]);
    if (row.id.empty()) malformed(rec.line, "empty id");
    const auto [it, inserted] = seen.emplace(row.id, rec.line);
    if (!inserted) malformed(rec.line, "duplicate id '" + json::printable(row.id) + "' (first on line " + std::to_string(it->second) + ")");
    if (status_col) {
      const std::string s = lower(trim(rec.fields[*status_col]));
      if (!s.empty()) {
        if (!statuses().count(s))
          malformed(rec.line, "unknown status '" + json::printable(trim(rec.fields[*status_col])) +
                                  "' (expected ok, not_positive_definite, single_pattern, non_finite or empty)");
        row.status = s;
      }
    }
    row.value_text = trim(rec.fields[*value_col]);
    const std::string v = lower(row.value_text);
    if (v.empty() || v == "nan" || v == "-nan" || v == "na" || v == "null" || v == "none") {
      row.value_kind = TheirRow::Value::missing;
    } else if (v == "inf" || v == "+inf" || v == "-inf" || v == "infinity" || v == "-infinity" || v == "+infinity") {
      row.value_kind = TheirRow::Value::non_finite;
    } else {
      const std::string number = normalise_number(row.value_text);
      if (number.empty()) malformed(rec.line, "value '" + json::printable(row.value_text) + "' is not a number");
      row.value_text = number;
      row.value_kind = TheirRow::Value::number;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TheirRow> read_results_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MalformedResults("cannot open results file '" + path + "'");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_results(buf.str());
}

CheckReport check_results(const std::vector<Case>& reference, const std::vector<TheirRow>& theirs,
                          const CheckOptions& options) {
  CheckReport report;
  report.reference_cases = reference.size();
  report.rows = theirs.size();
  std::map<std::string, const TheirRow*> by_id;
  for (const auto& row : theirs) by_id.emplace(row.id, &row);
  std::set<std::string> known;
  for (const auto& ref : reference) {
    known.insert(ref.id);
    CaseVerdict v;
    v.id = ref.id;
    const auto it = by_id.find(ref.id);
    auto fail = [&](const std::string& code, const std::string& message) {
      v.pass = false;
      v.code = code;
      v.message = message;
    };
    if (it == by_id.end()) {
      fail("missing", "no row for this case (reference status " + ref.status + ")");
      ++report.missing;
    } else {
      const TheirRow& row = *it->second;
      v.line = row.line;
      const std::string where = "line " + std::to_string(row.line) + ": ";
      if (ref.status == "ok") {
        if (row.status && *row.status != "ok") {
          fail("status_mismatch", where + "status " + *row.status + ", reference ok (I_FW = " + ref.mi_nats + ")");
          ++report.status_disagreements;
        } else if (row.value_kind != TheirRow::Value::number) {
          fail("missing_value", where + "no finite value ('" + json::printable(row.value_text) + "'), reference ok (I_FW = " + ref.mi_nats + ")");
          ++report.status_disagreements;
        } else {
          const float50 r = from_decimal<float50>(ref.mi_nats);
          float50 t;
          try {
            t = from_decimal<float50>(row.value_text);
          } catch (const std::range_error&) {
            t = std::numeric_limits<float50>::infinity();
          }
          using std::abs;
          const float50 diff = abs(float50(t - r));
          const double abs_err = to_double(diff);
          const double rel_err = r != 0 ? to_double(float50(diff / abs(r))) : (diff == 0 ? 0.0 : HUGE_VAL);
          v.abs_error = abs_err;
          v.rel_error = rel_err;
          ++report.compared;
          if (abs_err > report.max_abs_error || report.max_abs_id.empty()) {
            report.max_abs_error = abs_err;
            report.max_abs_id = ref.id;
          }
          if (rel_err > report.max_rel_error || report.max_rel_id.empty()) {
            report.max_rel_error = rel_err;
            report.max_rel_id = ref.id;
          }
          const float50 allowed = float50(options.atol) + float50(options.rtol) * abs(r);
          if (diff <= allowed) {
            v.pass = true;
            v.code = "pass";
          } else {
            std::string msg = where + "value " + row.value_text + ", reference " + ref.mi_nats + ": abs error " +
                              show(abs_err) + ", rel error " + show(rel_err) + " > atol " + show(options.atol) +
                              " + rtol " + show(options.rtol) + " |reference|";
            if (!ref.double_error_estimate.empty() && diff <= from_decimal<float50>(ref.double_error_estimate))
              msg += " (within this case's double_error_estimate " + ref.double_error_estimate +
                     ": cancellation limits what double precision can reach here)";
            fail("value_out_of_tolerance", msg);
          }
        }
      } else {
        if (row.value_kind == TheirRow::Value::number) {
          fail("unexpected_value", where + "finite value " + row.value_text + " where the reference status is " + ref.status);
          ++report.status_disagreements;
        } else if (!row.status) {
          fail("status_required", where + "no status given; the reference status is " + ref.status +
                                      " and a missing value agrees only when the status column says so");
          ++report.status_disagreements;
        } else if (*row.status != ref.status) {
          fail("status_mismatch", where + "status " + *row.status + ", reference " + ref.status);
          ++report.status_disagreements;
        } else {
          v.pass = true;
          v.code = "pass";
        }
      }
    }
    (v.pass ? report.passed : report.failed) += 1;
    report.verdicts.push_back(std::move(v));
  }
  for (const auto& row : theirs) {
    if (known.count(row.id)) continue;
    CaseVerdict v;
    v.id = row.id;
    v.line = row.line;
    v.code = "unknown_id";
    v.message = "line " + std::to_string(row.line) + ": id '" + json::printable(row.id) + "' is not in the reference set";
    ++report.unknown;
    ++report.failed;
    report.verdicts.push_back(std::move(v));
  }
  return report;
}

std::string summary_text(const CheckReport& report, const CheckOptions& options) {
  std::ostringstream out;
  for (const auto& v : report.verdicts)
    if (!v.pass) out << "FAIL " << json::printable(v.id) << " [" << v.code << "] " << v.message << '\n';
  out << "checked " << report.rows << " rows against " << report.reference_cases << " reference cases (rtol "
      << show(options.rtol) << ", atol " << show(options.atol) << ")\n";
  out << "passed " << report.passed << ", failed " << report.failed << " (status disagreements "
      << report.status_disagreements << ", missing " << report.missing << ", unknown ids " << report.unknown << ")\n";
  if (report.compared > 0)
    out << "values compared: " << report.compared << "; max abs error " << show(report.max_abs_error) << " ("
        << report.max_abs_id << "), max rel error " << show(report.max_rel_error) << " (" << report.max_rel_id << ")\n";
  out << (report.all_pass() ? "PASS" : "FAIL") << '\n';
  return out.str();
}

json::Value report_json(const CheckReport& report, const CheckOptions& options) {
  // A non-finite error (their value overflows, or the reference is 0) is null:
  // a JSON number field never holds a string such as "inf".
  auto num = [](double x) { return std::isfinite(x) ? json::Value::number(x) : json::Value(); };
  json::Value cases = json::Value::array();
  for (const auto& v : report.verdicts) {
    json::Value c = json::Value::object()
                        .set("id", json::Value::string(json::printable(v.id)))
                        .set("verdict", json::Value::string(v.pass ? "pass" : "fail"))
                        .set("code", json::Value::string(v.code))
                        .set("line", v.line ? json::Value::number(v.line) : json::Value());
    c.set("abs_error", v.abs_error ? num(*v.abs_error) : json::Value());
    c.set("rel_error", v.rel_error ? num(*v.rel_error) : json::Value());
    if (!v.message.empty()) c.set("message", json::Value::string(v.message));
    cases.push(std::move(c));
  }
  return json::Value::object()
      .set("command", json::Value::string("check"))
      .set("format_version", json::Value::number(format_version))
      .set("result", json::Value::string(report.all_pass() ? "pass" : "fail"))
      .set("rtol", num(options.rtol))
      .set("atol", num(options.atol))
      .set("reference_cases", json::Value::number(report.reference_cases))
      .set("rows", json::Value::number(report.rows))
      .set("passed", json::Value::number(report.passed))
      .set("failed", json::Value::number(report.failed))
      .set("compared", json::Value::number(report.compared))
      .set("status_disagreements", json::Value::number(report.status_disagreements))
      .set("missing", json::Value::number(report.missing))
      .set("unknown_ids", json::Value::number(report.unknown))
      .set("max_abs_error", report.compared ? num(report.max_abs_error) : json::Value())
      .set("max_abs_error_id", report.compared ? json::Value::string(report.max_abs_id) : json::Value())
      .set("max_rel_error", report.compared ? num(report.max_rel_error) : json::Value())
      .set("max_rel_error_id", report.compared ? json::Value::string(report.max_rel_id) : json::Value())
      .set("cases", std::move(cases));
}

}  // namespace syninfo::reference
