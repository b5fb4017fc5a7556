// Covariances symmetric and positive semi-definite only to double rounding
// (issue 13 item 3): accepted within ValidationTolerance, symmetrised, warned;
// beyond it rejected with 17 significant digits.
#include <catch2/catch.hpp>

#include "syninfo/closed_form_batch.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/spec.hpp"

#include "test_helpers.hpp"

using namespace syninfo;

namespace {

std::string two_by_two(const char* a01, const char* a10, const char* diag = "1") {
  return std::string(R"({"patterns": [{"mean": [0, 0], "cov": [[)") + diag + ", " + a01 + "], [" + a10 + ", " + diag +
         R"(]]}, {"mean": [0.1, 0], "cov": [[1, 0], [0, 1]]}], "synapses": [[0, 1]], "pattern": 0})";
}

template <class T>
std::string error_of(const std::string& text, InputErrorKind expected) {
  try {
    const auto p = problem_from_json<T>(json::parse(text));
    (void)fenton_wilkinson_mutual_information(p);
  } catch (const InvalidInput& e) {
    CHECK(e.kind() == expected);
    return e.what();
  }
  FAIL("no InvalidInput for " << text);
  return "";
}

}  // namespace

TEMPLATE_TEST_CASE("asymmetry at double rounding is symmetrised with a warning", "[validation][tolerance]", double,
                   float50, float100) {
  // 0.3 and 0.30000000000000004 are neighbouring doubles (5.6e-17 apart); the
  // tolerance is 16 N eps_double max|S| = 7.1e-15 here, at every precision.
  const auto p = problem_from_json<TestType>(json::parse(two_by_two("0.3", "0.30000000000000004")));
  const auto r = fenton_wilkinson_mutual_information(p);
  REQUIRE(r.ok());
  REQUIRE(!r.warnings.empty());
  CHECK_THAT(r.warnings.front(), Catch::Contains("patterns[0].cov is symmetric only to rounding"));
  // Symmetrised: the value is that of the mean of the two entries.
  const auto sym = problem_from_json<TestType>(json::parse(two_by_two("0.30000000000000002", "0.30000000000000002")));
  const auto rs = fenton_wilkinson_mutual_information(sym);
  REQUIRE(rs.ok());
  CHECK(rs.warnings.empty());
  using std::abs;
  // Budget: the symmetrised entries differ from 0.30000000000000002 by < 1e-17,
  // which moves I by far less than 1e-15 (a smooth function of order-1 inputs).
  CHECK(abs(r.mi_nats - rs.mi_nats) < TestType(1e-15));
  // The fast path accepts it too.
  CHECK(closed_form_value(p).ok());
}

TEMPLATE_TEST_CASE("asymmetry beyond the tolerance names both entries to 17 digits", "[validation][tolerance]", double,
                   float50) {
  const std::string msg = error_of<TestType>(two_by_two("0.3", "0.3000000000001"), InputErrorKind::asymmetric_covariance);
  CHECK_THAT(msg, Catch::Contains("patterns[0].cov[0][1]"));
  // 17 significant digits show the difference in the 13th.
  CHECK_THAT(msg, Catch::Contains("0.3000000000001") || Catch::Contains("0.30000000000009998"));
  CHECK_THAT(msg, Catch::Contains("tolerance"));
}

TEMPLATE_TEST_CASE("a smallest eigenvalue of -1e-16 of the scale is accepted, with a warning", "[validation][tolerance]",
                   float50, float100) {
  // [[1, 1 + 1e-16], [1 + 1e-16, 1]] has eigenvalues 2 + 1e-16 and -1e-16: PSD
  // to double rounding (tolerance 16 * 2 * 2.2e-16 = 7.1e-15). Double reads the
  // entries as 1 and finds it exactly singular (no warning there).
  const auto p = problem_from_json<TestType>(json::parse(two_by_two("1.0000000000000001", "1.0000000000000001")));
  const auto r = fenton_wilkinson_mutual_information(p);
  REQUIRE(!r.warnings.empty());
  CHECK_THAT(r.warnings.front(), Catch::Contains("positive semi-definite only to rounding"));
  const auto w = check_patterns(p.patterns);
  REQUIRE(w.size() == 1);
}

TEMPLATE_TEST_CASE("a smallest eigenvalue beyond the tolerance is rejected with 17 digits", "[validation][tolerance]",
                   double, float50) {
  const std::string msg =
      error_of<TestType>(two_by_two("1.00000000000002", "1.00000000000002"), InputErrorKind::covariance_not_psd);
  CHECK_THAT(msg, Catch::Contains("smallest eigenvalue -1.99") || Catch::Contains("smallest eigenvalue -2"));
  CHECK_THAT(msg, Catch::Contains("tolerance"));
}

TEST_CASE("the tolerance is adjustable", "[validation][tolerance]") {
  const auto p = problem_from_json<float50>(json::parse(two_by_two("1.0000000000000001", "1.0000000000000001")));
  ValidationTolerance strict;
  strict.psd = 0;
  CHECK_THROWS_AS(check_patterns(p.patterns, strict), InvalidInput);
  MiOptions options;
  options.tolerance.psd = 0;
  CHECK_THROWS_AS(fenton_wilkinson_mutual_information(p, options), InvalidInput);
  ValidationTolerance loose;
  loose.symmetry = 1e6;  // 1e6 * 2 * 2.2e-16 = 4.4e-10 > the 1e-13 asymmetry below
  const auto q = problem_from_json<double>(json::parse(two_by_two("0.3", "0.3", "1")));
  Patterns<double> moved = q.patterns;
  moved.list[0].cov(1, 0) += 1e-13;
  CHECK_THROWS_AS(check_patterns(moved), InvalidInput);
  CHECK(check_patterns(moved, loose).size() == 1);
  CHECK(symmetrise_covariances(moved));
  CHECK(moved.list[0].cov(0, 1) == moved.list[0].cov(1, 0));
  CHECK(check_patterns(moved).empty());
}
