// The reference set (issue 6): regeneration is bit-for-bit, the set covers
// what it promises, both serialisations carry the same cases, and the checker
// gives the right verdict and message for each kind of disagreement.
#include <catch2/catch.hpp>

#include "syninfo/decimal.hpp"
#include "syninfo/reference/check.hpp"
#include "syninfo/reference/csv.hpp"
#include "syninfo/reference/reference_set.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace syninfo;
using namespace syninfo::reference;

namespace {

std::string committed(const std::string& name) {
  std::ifstream in(std::string(SYNINFO_SOURCE_DIR) + "/validation/reference/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string first_lines(const std::string& text, std::size_t count) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < count && pos != std::string::npos; ++i) {
    pos = text.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  return pos == std::string::npos ? text : text.substr(0, pos);
}

const std::vector<Case>& committed_cases() {
  static const std::vector<Case> cases = parse_reference(committed("reference_v1.jsonl"));
  return cases;
}

// A results file that reproduces the reference exactly (statuses and the
// 40-digit values).
std::string self_results(const std::vector<Case>& cases) {
  std::string out = "id,status,value\n";
  for (const auto& c : cases) out += c.id + "," + c.status + "," + c.mi_nats + "\n";
  return out;
}

const CaseVerdict& verdict(const CheckReport& r, const std::string& id) {
  for (const auto& v : r.verdicts)
    if (v.id == id) return v;
  FAIL("no verdict for " << id);
  throw std::logic_error("unreachable");
}

const Case& first_with_status(const std::vector<Case>& cases, const std::string& status) {
  for (const auto& c : cases)
    if (c.status == status) return c;
  FAIL("no case with status " << status);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("regeneration reproduces the committed reference set bit for bit", "[reference]") {
  // Exact byte equality: the set is a pure function of (seed, count), the
  // inputs are exact decimal text and every evaluation is correctly rounded
  // MPFR arithmetic at 100 digits, printed to 40 (diagnostics 20) digits.
#ifdef SYNINFO_REFERENCE_FULL
  const std::size_t count = default_case_count;
#else
  // Sanitizer builds run ~10x slower: a prefix of the set (case i depends on
  // i alone, so the prefix is the committed file's first lines). The normal
  // build checks all 300 here and through the binary (reference.regenerate).
  // 17 cases include the first truth by quadrature (v1_0015) and by smc
  // (v1_0017), so both estimators run under the sanitizers too.
  const std::size_t count = 17;
#endif
  const auto cases = compute_cases(generate_specs(default_seed, count), 0);
  const std::string jsonl = to_jsonl(cases), csv = to_csv(cases);
  CHECK(jsonl == first_lines(committed("reference_v1.jsonl"), count));
  CHECK(csv == first_lines(committed("reference_v1.csv"), count + 1));
  // Independent of the thread count (the closed forms; the truths: next test).
  const std::size_t few = 14;  // no truth among them: cheap under the sanitizers
  CHECK(to_jsonl(compute_cases(generate_specs(default_seed, few), 1)) ==
        first_lines(committed("reference_v1.jsonl"), few));
}

TEST_CASE("the truth column does not depend on the thread count", "[reference][truth]") {
  // v1_0069 (smc: n = 4, P = 3, the cheapest ensemble of the subset) and
  // v1_0015 (quadrature): computed alone with 1 and 3 threads, both must give
  // the committed bytes (smc's outer sample i uses its own stream).
  const auto specs = generate_specs(default_seed, 69);
  for (const std::size_t index : {68u, 14u}) {
    const std::vector<CaseSpec> one = {specs[index]};
    const std::string single = to_jsonl(compute_cases(one, 1));
    CHECK(to_jsonl(compute_cases(one, 3)) == single);
    const std::string committed_line = first_lines(committed("reference_v1.jsonl"), index + 1).substr(
        first_lines(committed("reference_v1.jsonl"), index).size());
    CHECK(single == committed_line);
    CHECK(single.find("\"truth\": {\"estimator\"") != std::string::npos);
  }
}

TEST_CASE("format_truth: digits matched to the error", "[reference][truth]") {
  // The value to 3 decimals beyond the standard error's leading digit, the
  // standard error to 3 significant digits; a zero value has no sign.
  CHECK(format_truth(0.7376612, 0.041351) == std::pair<std::string, std::string>{"0.73766", "0.0414"});
  CHECK(format_truth(0.0796828125371, 1.65e-9) == std::pair<std::string, std::string>{"0.079682812537", "1.65e-09"});
  CHECK(format_truth(4.9317, 0.0955) == std::pair<std::string, std::string>{"4.93170", "0.0955"});
  CHECK(format_truth(-2.8e-14, 4.73e-6) == std::pair<std::string, std::string>{"0.000000000", "4.73e-06"});
  CHECK(format_truth(1234.5, 120.0) == std::pair<std::string, std::string>{"1234.5", "120"});
  CHECK_THROWS(format_truth(1.0, 0.0));
  CHECK_THROWS(format_truth(NAN, 0.1));
}

TEST_CASE("the truth column: present exactly for the marked ok cases, with a finite positive error", "[reference][truth]") {
  // The marked subset (truth_plan, a function of the case list): every ok
  // case with n = 1, and the ok cases with 2 <= n <= 4, P <= 10 that smc can
  // treat. A truth must belong to an ok case (for any other status the true
  // information is infinite or the closed form undefined), name its
  // estimator, and carry a finite value and a finite positive standard error.
  const auto& cases = committed_cases();
  std::size_t singles = 0, ensembles = 0, by_quadrature = 0, by_smc = 0;
  for (const auto& c : cases) {
    const TruthPlan plan = truth_plan(c);
    INFO(c.id << " (" << c.status << ", n " << c.n << ", P " << c.P << ")");
    CHECK(c.truth_estimator.empty() == (plan.kind == TruthPlan::Kind::none));
    if (c.truth_estimator.empty()) {
      CHECK(c.truth_mi_nats.empty());
      CHECK(c.truth_standard_error.empty());
      continue;
    }
    CHECK(c.status == "ok");
    CHECK(c.truth_estimator == (plan.kind == TruthPlan::Kind::quadrature ? "quadrature" : "smc"));
    const double value = from_decimal<double>(c.truth_mi_nats);
    const double se = from_decimal<double>(c.truth_standard_error);
    CHECK(std::isfinite(value));
    CHECK(std::isfinite(se));
    CHECK(se > 0.0);
    CHECK(value > -4 * se);  // I >= 0: a truth more than 4 SE below 0 would be wrong
    (c.n == 1 ? singles : ensembles) += 1;
    (c.truth_estimator == "quadrature" ? by_quadrature : by_smc) += 1;
  }
  std::size_t ok_singles = 0;
  for (const auto& c : cases) ok_singles += c.status == "ok" && c.n == 1;
  CHECK(singles == ok_singles);  // every ok single synapse
  CHECK(ok_singles == 15);
  CHECK(ensembles >= 5);
  CHECK(ensembles <= 10);
  CHECK(by_quadrature == 14);  // v1_0143 (log sd spread 690) is the one n = 1 case by smc
}

TEST_CASE("the committed JSON Lines and CSV files carry the same cases", "[reference]") {
  const std::string jsonl = committed("reference_v1.jsonl"), csv = committed("reference_v1.csv");
  const auto from_jsonl = parse_reference(jsonl);
  const auto from_csv = parse_reference(csv);
  REQUIRE(from_jsonl.size() == default_case_count);
  CHECK(to_jsonl(from_csv) == jsonl);
  CHECK(to_csv(from_jsonl) == csv);
}

TEST_CASE("the reference set covers the promised space", "[reference]") {
  const auto& cases = committed_cases();
  std::set<std::size_t> ns;
  std::map<std::string, int> statuses, families;
  std::size_t max_p = 0, min_p = 1000, max_n_neurons = 0, self = 0;
  double max_abs_mean = 0, min_var = 1e300, max_var = 0;
  std::set<std::string> ids;
  for (const auto& c : cases) {
    CHECK(ids.insert(c.id).second);
    ns.insert(c.n);
    ++statuses[c.status];
    ++families[c.family];
    max_p = std::max(max_p, c.P);
    if (c.P > 1) min_p = std::min(min_p, c.P);
    max_n_neurons = std::max(max_n_neurons, c.N);
    for (const auto& s : c.spec.find("synapses")->as_array())
      if (s.as_array()[0].as_number_text() == s.as_array()[1].as_number_text()) {
        ++self;
        break;
      }
    for (const auto& p : c.spec.find("patterns")->as_array()) {
      for (const auto& m : p.find("mean")->as_array())
        max_abs_mean = std::max(max_abs_mean, std::abs(from_decimal<double>(m.as_number_text())));
      const auto& rows = p.find("cov")->as_array();
      for (std::size_t a = 0; a < rows.size(); ++a) {
        const double v = from_decimal<double>(rows[a].as_array()[a].as_number_text());
        if (v > 0) min_var = std::min(min_var, v);
        max_var = std::max(max_var, v);
      }
    }
    // Format: 40 significant digits for every ok case, null otherwise.
    if (c.status == "ok") {
      std::string digits;
      for (char ch : c.mi_nats.substr(0, c.mi_nats.find_first_of("eE")))
        if (ch >= '0' && ch <= '9') digits += ch;
      digits.erase(0, digits.find_first_not_of('0'));
      CHECK(digits.size() <= 40);
      CHECK(!c.error_estimate.empty());
    } else {
      CHECK(c.mi_nats.empty());
    }
  }
  for (std::size_t n = 1; n <= 20; ++n) CHECK(ns.count(n) == 1);
  CHECK(min_p == 2);
  CHECK(max_p == 50);
  CHECK(max_n_neurons == 16);
  CHECK(statuses["ok"] >= 150);
  CHECK(statuses["not_positive_definite"] >= 30);
  CHECK(statuses["single_pattern"] >= 1);
  CHECK(families.size() == 9);
  CHECK(self >= 23);
  CHECK(max_abs_mean > 299);
  CHECK(min_var <= 1e-6);
  CHECK(max_var >= 5);
}

TEST_CASE("the checker passes the reference against itself", "[reference][check]") {
  const auto& cases = committed_cases();
  const auto report = check_results(cases, parse_results(self_results(cases)), {});
  CHECK(report.all_pass());
  CHECK(report.passed == cases.size());
  CHECK(report.max_abs_error == 0);
  CHECK(report.max_rel_error == 0);
  CHECK(summary_text(report, {}).find("PASS") != std::string::npos);
  CHECK(report_json(report, {}).find("result")->as_string() == "pass");
}

TEST_CASE("the checker fails perturbed values with the errors in the message", "[reference][check]") {
  const auto& cases = committed_cases();
  const Case& c = first_with_status(cases, "ok");
  const double ref = from_decimal<double>(c.mi_nats);
  auto with_value = [&](double v) {
    std::string text = "id,value\n" + c.id + "," + to_decimal(v) + "\n";
    return check_results({c}, parse_results(text), {});
  };
  // A relative perturbation of 1e-6 is far outside rtol 1e-9.
  const auto bad = with_value(ref * (1 + 1e-6));
  REQUIRE_FALSE(bad.all_pass());
  CHECK(verdict(bad, c.id).code == "value_out_of_tolerance");
  CHECK_THAT(verdict(bad, c.id).message, Catch::Contains("rel error 1e-06"));
  // Within tolerance: 1e-11 relative (well inside rtol 1e-9 plus the ~1e-16
  // of printing the double).
  CHECK(with_value(ref * (1 + 1e-11)).all_pass());
  // Tolerances are options.
  const auto loose = check_results({c}, parse_results("id,value\n" + c.id + "," + to_decimal(ref * (1 + 1e-6)) + "\n"),
                                   CheckOptions{1e-5, 0});
  CHECK(loose.all_pass());
}

TEST_CASE("the checker fails flipped statuses", "[reference][check]") {
  const auto& cases = committed_cases();
  const Case& ok = first_with_status(cases, "ok");
  const Case& npd = first_with_status(cases, "not_positive_definite");
  const std::vector<Case> ref = {ok, npd};
  SECTION("status not_positive_definite where the reference is ok") {
    const auto r = check_results(ref, parse_results("id,status,value\n" + ok.id + ",not_positive_definite,\n" + npd.id +
                                                    ",not_positive_definite,nan\n"), {});
    CHECK(verdict(r, ok.id).code == "status_mismatch");
    CHECK_THAT(verdict(r, ok.id).message, Catch::Contains("line 2: status not_positive_definite, reference ok"));
    CHECK(verdict(r, npd.id).pass);
    CHECK(r.status_disagreements == 1);
  }
  SECTION("a finite value where the reference is not positive definite") {
    const auto r = check_results(ref, parse_results("id,status,value\n" + ok.id + ",ok," + ok.mi_nats + "\n" + npd.id +
                                                    ",ok,0.25\n"), {});
    CHECK(verdict(r, npd.id).code == "unexpected_value");
    CHECK_THAT(verdict(r, npd.id).message, Catch::Contains("finite value 0.25 where the reference status is not_positive_definite"));
  }
  SECTION("NaN without a status column does not agree with not_positive_definite") {
    const auto r = check_results(ref, parse_results("id,value\n" + ok.id + "," + ok.mi_nats + "\n" + npd.id + ",NaN\n"), {});
    CHECK(verdict(r, ok.id).pass);
    CHECK(verdict(r, npd.id).code == "status_required");
  }
  SECTION("NaN where the reference is ok") {
    const auto r = check_results(ref, parse_results("id,value\n" + ok.id + ",nan\n" + npd.id + ",\n"), {});
    CHECK(verdict(r, ok.id).code == "missing_value");
  }
}

TEST_CASE("the checker reports missing and extra rows", "[reference][check]") {
  const auto& cases = committed_cases();
  const std::vector<Case> ref(cases.begin(), cases.begin() + 5);
  std::string text = self_results(ref);
  // Drop the third case, add an unknown one.
  const std::string dropped = ref[2].id;
  const auto at = text.find(dropped + ",");
  text.erase(at, text.find('\n', at) - at + 1);
  text += "v1_9999,ok,1.5\n";
  const auto r = check_results(ref, parse_results(text), {});
  CHECK(r.failed == 2);
  CHECK(r.missing == 1);
  CHECK(r.unknown == 1);
  CHECK(verdict(r, dropped).code == "missing");
  CHECK(verdict(r, "v1_9999").code == "unknown_id");
  CHECK_THAT(verdict(r, "v1_9999").message, Catch::Contains("line 6: id 'v1_9999' is not in the reference set"));
  CHECK_THAT(summary_text(r, {}), Catch::Contains("missing 1, unknown ids 1"));
}

TEST_CASE("malformed results files are rejected with the line", "[reference][check]") {
  auto message = [](const std::string& text) -> std::string {
    try {
      parse_results(text);
    } catch (const MalformedResults& e) {
      return e.what();
    }
    return "accepted";
  };
  CHECK_THAT(message("id,status,value\na,ok,1\nb,ok,2\na,ok,1\n"), Catch::Contains("line 4: duplicate id 'a' (first on line 2)"));
  CHECK_THAT(message("id,value\na,1\nb,abc\n"), Catch::Contains("line 3: value 'abc' is not a number"));
  CHECK_THAT(message("id,value\na,1,2\n"), Catch::Contains("line 2: has 3 fields, the header has 2"));
  CHECK_THAT(message("id,mi\na,1\n"), Catch::Contains("line 1: unknown column 'mi'"));
  CHECK_THAT(message("value\n1\n"), Catch::Contains("must name the columns id and value"));
  CHECK_THAT(message("id,status,value\na,broken,\n"), Catch::Contains("line 2: unknown status 'broken'"));
  CHECK_THAT(message("id,value\n\"a,1\n"), Catch::Contains("line 2: unterminated quoted field"));
  CHECK_THAT(message(""), Catch::Contains("empty"));
  CHECK_THAT(message("id,value\n,1\n"), Catch::Contains("line 2: empty id"));
  // Accepted spellings: CRLF, quotes, '+', a bare '.', Python's repr, inf.
  const auto rows = parse_results("Id,Status,Value\r\n\"a\",OK,+.5\r\nb,,1e-05\r\nc,ok,-inf\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].value_text == "0.5");
  CHECK(rows[0].status == std::optional<std::string>("ok"));
  CHECK(rows[1].value_text == "1e-05");
  CHECK_FALSE(rows[1].status.has_value());
  CHECK(rows[2].value_kind == TheirRow::Value::non_finite);
}

TEST_CASE("malformed reference files are rejected with the line", "[reference]") {
  const std::string good = first_lines(committed("reference_v1.jsonl"), 2);
  CHECK_THROWS_WITH(parse_reference(good + "{\"id\": \"x\"\n"), Catch::Contains("reference line 3"));
  std::string wrong_version = good;
  wrong_version.replace(wrong_version.find("\"format_version\": 1"), 19, "\"format_version\": 2");
  CHECK_THROWS_WITH(parse_reference(wrong_version), Catch::Contains("format_version 2 is not supported"));
  CHECK_THROWS_WITH(parse_reference("id,x\n"), Catch::Contains("CSV header is not the reference header"));
}

TEST_CASE("a cancellation case's failure names its double error estimate", "[reference][check]") {
  // Case with the largest double_error_estimate relative to |I|: perturb by
  // half its double error estimate, which exceeds the default tolerance.
  const auto& cases = committed_cases();
  const Case* worst = nullptr;
  double worst_ratio = 0;
  for (const auto& c : cases) {
    if (c.status != "ok" || c.double_error_estimate.empty()) continue;
    const double ratio = from_decimal<double>(c.double_error_estimate) /
                         (1e-12 + 1e-9 * std::abs(from_decimal<double>(c.mi_nats)));
    if (ratio > worst_ratio) worst_ratio = ratio, worst = &c;
  }
  REQUIRE(worst != nullptr);
  REQUIRE(worst_ratio > 2);  // the set contains cases beyond double precision's reach
  const float100 shifted = from_decimal<float100>(worst->mi_nats) + from_decimal<float100>(worst->double_error_estimate) / 2;
  const auto r = check_results({*worst}, parse_results("id,value\n" + worst->id + "," + to_decimal(shifted, 40) + "\n"), {});
  CHECK_THAT(verdict(r, worst->id).message, Catch::Contains("within this case's double_error_estimate"));
}

TEST_CASE("CSV fields round-trip through quoting", "[reference]") {
  const std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", "two\nlines", ""};
  std::string line;
  for (std::size_t a = 0; a < fields.size(); ++a) line += (a ? "," : "") + csv_field(fields[a]);
  const auto records = parse_csv(line + "\nnext\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == fields);
  CHECK(records[1].line == 3);
}

// Issue 13 item 13: a number field of the JSON report is a number or null,
// never a string such as "inf" (their value overflows a double here).
TEST_CASE("the checker's JSON report has no non-finite numbers", "[reference][check]") {
  const Case& c = first_with_status(committed_cases(), "ok");
  const auto report = check_results({c}, parse_results("id,value\n" + c.id + ",1e400\n"), {});
  REQUIRE_FALSE(report.all_pass());
  const json::Value v = report_json(report, {});
  const std::string text = v.dump();
  // (A message may say "abs error inf"; no field's value is the string "inf".)
  CHECK(text.find("\"inf") == std::string::npos);
  CHECK(text.find("\"-inf") == std::string::npos);
  const json::Value& first = v.find("cases")->as_array().front();
  CHECK(first.find("abs_error")->is_null());
  CHECK(v.find("max_abs_error")->is_null());
}

// Issue 13 items 6 and 12: one BOM rule for every CSV reader; raw bytes of
// their file are escaped in messages.
TEST_CASE("results files: BOM dropped, raw bytes escaped", "[reference][check]") {
  const auto rows = parse_results("\xEF\xBB\xBF" "id,value\nv1_0001,0.5\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].id == "v1_0001");
  CHECK(parse_csv("\xEF\xBB\xBF" "a,b\n").front().fields.front() == "a");
  CHECK_THROWS_WITH(parse_results("id,value\nx,\x01\xFE\n"), Catch::Contains("value '\\x01\\xFE' is not a number"));
}
