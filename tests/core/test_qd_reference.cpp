// The closed form in quad-double (float50_qd, qd_scalar.hpp) against the
// 100+-digit reference table (tests/data/reference/closed_form_reference.jsonl),
// both the fast path (closed_form_value) and the audited one
// (fenton_wilkinson_mutual_information), with the budgets of the 50-digit
// cpp_bin_float path (test_reference_tables.cpp): every ok case within its own
// error estimate, and 1e-40 relative wherever that estimate allows it. The
// status must be the table's (no case overflows double's exponent range).
// The table prints I to ~60 significant digits, coarser than qd's ~63, so the
// error-estimate check allows the table's own rounding (one unit in its last
// printed digit) on top of the estimate.
#include "syninfo/qd_scalar.hpp"

#include <catch2/catch.hpp>

#include "syninfo/closed_form_batch.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/spec.hpp"

#include "test_helpers.hpp"
#include "reference_cases.hpp"

#include <fstream>

using namespace syninfo;

namespace {

// One unit in the last digit of a decimal string, relative: 10^(1 - digits).
float100 last_digit_unit(const std::string& text) {
  int digits = 0;
  bool leading = true;
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return pow(float100(10), 1 - digits);
}

float100 exact(const qd_real& x) {
  float100 s = 0;
  for (int i = 3; i >= 0; --i) s += x.x[i];
  return s;
}

struct Tally {
  int strict = 0, by_estimate = 0;
  float100 worst = 0;  // max relative error over the strict cases
  void check(const std::string& status_expected, MiStatus status, const qd_real& mi, const qd_real& estimate,
             const json::Value& rec) {
    CHECK(std::string(to_string(status)) == status_expected);
    if (status != MiStatus::ok || !rec.find("mi_nats")->is_string()) return;
    const std::string text = rec.find("mi_nats")->as_string();
    const float100 expected = from_decimal<float100>(text);
    const float100 abs_err = abs(exact(mi) - expected);
    const float100 table_rounding = last_digit_unit(text) * abs(expected);
    INFO("error " << abs_err << ", estimate " << exact(estimate) << ", table rounding " << table_rounding
                  << ", I = " << expected);
    CHECK(abs_err <= exact(estimate) + table_rounding);
    if (exact(estimate) <= float100("1e-40") * abs(expected)) {
      const float100 rel = abs_err / abs(expected);
      CHECK(rel <= float100("1e-40"));
      worst = (std::max)(worst, rel);
      ++strict;
    } else {
      ++by_estimate;
    }
  }
};

}  // namespace

TEST_CASE("qd: reference table, fast and audited paths, 1e-40 budget", "[qd][reference]") {
  const auto cases = test::reference_cases();
  REQUIRE(cases.size() >= 30);
  Tally fast, audit;
  for (const auto& rec : cases) {
    INFO("case " << rec.find("id")->as_string());
    const std::string status = rec.find("status")->as_string();
    const auto problem = problem_from_json<float50_qd>(*rec.find("spec"));
    const auto f = closed_form_value(problem);
    fast.check(status, f.status, f.mi_nats, f.error_estimate, rec);
    const auto a = fenton_wilkinson_mutual_information(problem);
    audit.check(status, a.status, a.mi_nats, a.error_estimate, rec);
  }
  // Most cases must be held to the strict budget, not only to their estimate.
  CHECK(fast.strict >= 30);
  CHECK(audit.strict >= 30);
  WARN("qd fast path: " << fast.strict << " cases at 1e-40 (max relative error "
       << fast.worst.convert_to<double>() << " = " << (fast.worst / float100("1e-40")).convert_to<double>()
       << " of the budget), " << fast.by_estimate << " within their error estimate only");
  WARN("qd audited path: " << audit.strict << " cases at 1e-40 (max relative error "
       << audit.worst.convert_to<double>() << " = " << (audit.worst / float100("1e-40")).convert_to<double>()
       << " of the budget), " << audit.by_estimate << " within their error estimate only");
}
