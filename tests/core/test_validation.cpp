// Every class of invalid input is rejected with its own kind and a message
// that names where the problem is (library level; the CLI is tested in
// tests/cli).
#include <catch2/catch.hpp>

#include "syninfo/spec.hpp"

#include "test_helpers.hpp"

using namespace syninfo;

namespace {

InputErrorKind kind_of(const std::string& spec_text, std::string* message = nullptr) {
  try {
    (void)problem_from_json<float50>(json::parse(spec_text));
  } catch (const InvalidInput& e) {
    if (message) *message = e.what();
    return e.kind();
  }
  FAIL("spec was accepted: " << spec_text);
  return InputErrorKind::malformed;
}

const char* two_patterns = R"("patterns": [{"mean": [0, 0], "cov": [[1, 0], [0, 1]]}, {"mean": [0, 0], "cov": [[1, 0], [0, 1]]}])";

std::string spec(const std::string& patterns, const std::string& synapses, const std::string& pattern) {
  return "{" + patterns + ", \"synapses\": " + synapses + ", \"pattern\": " + pattern + "}";
}

}  // namespace

TEST_CASE("a valid spec is accepted, with numbers as JSON numbers or strings", "[validation]") {
  const auto p = problem_from_json<float50>(json::parse(
      R"({"patterns": [{"mean": ["0.1", 0.2], "cov": [["1", 0.5], [0.5, "1"]]}, {"mean": [0, 0], "cov": [[1, 0], [0, 1]]}],
          "synapses": [[0, 1], [1, 1]], "pattern": 1})"));
  CHECK(p.patterns.count() == 2);
  CHECK(p.patterns.neurons() == 2);
  CHECK(p.ensemble.size() == 2);
  CHECK(p.pattern == 1);
  CHECK(abs(p.patterns.list[0].mean(0) * 10 - 1) < 1e-49);
}

TEST_CASE("each invalid-input class has its own error", "[validation]") {
  std::string msg;
  CHECK(kind_of(spec(R"("patterns": [{"mean": [0, 0, 0], "cov": [[1, 0], [0, 1]]}])", "[[0,1]]", "0"), &msg) ==
        InputErrorKind::dimension_mismatch);
  CHECK_THAT(msg, Catch::Contains("patterns[0].cov"));
  CHECK(kind_of(spec(R"("patterns": [{"mean": [0, 0], "cov": [[1, 0], [0, 1]]}, {"mean": [0], "cov": [[1]]}])", "[[0,1]]", "0"), &msg) ==
        InputErrorKind::dimension_mismatch);
  CHECK_THAT(msg, Catch::Contains("patterns[1].mean"));
  CHECK(kind_of(spec(R"("patterns": [{"mean": [0, 0], "cov": [[1, 0.5], [0.4, 1]]}])", "[[0,1]]", "0"), &msg) ==
        InputErrorKind::asymmetric_covariance);
  CHECK_THAT(msg, Catch::Contains("patterns[0].cov[0][1]"));
  CHECK(kind_of(spec(R"("patterns": [{"mean": [0, 0], "cov": [[1, 2], [2, 1]]}])", "[[0,1]]", "0"), &msg) ==
        InputErrorKind::covariance_not_psd);
  CHECK_THAT(msg, Catch::Contains("smallest eigenvalue"));
  CHECK(kind_of(spec(two_patterns, "[[0,2]]", "0"), &msg) == InputErrorKind::index_out_of_range);
  CHECK_THAT(msg, Catch::Contains("synapses[0]"));
  CHECK(kind_of(spec(two_patterns, "[[0,1]]", "2"), &msg) == InputErrorKind::index_out_of_range);
  CHECK_THAT(msg, Catch::Contains("pattern"));
  CHECK(kind_of(spec(two_patterns, "[[0,1], [1,1], [1,0]]", "0"), &msg) == InputErrorKind::repeated_synapse);
  CHECK_THAT(msg, Catch::Contains("synapses[2]") && Catch::Contains("synapses[0]"));
  CHECK(kind_of(spec(two_patterns, "[]", "0"), &msg) == InputErrorKind::empty_ensemble);
  CHECK(kind_of(spec(R"("patterns": [{"mean": ["nan", 0], "cov": [[1, 0], [0, 1]]}])", "[[0,1]]", "0"), &msg) ==
        InputErrorKind::non_finite);
  CHECK_THAT(msg, Catch::Contains("patterns[0].mean[0]"));
  CHECK(kind_of(spec(R"("patterns": [])", "[[0,1]]", "0"), &msg) == InputErrorKind::no_patterns);
  CHECK(kind_of(spec(R"("patterns": [{"mean": [0, 0], "cov": [[1, 0], [0, "x"]]}])", "[[0,1]]", "0"), &msg) ==
        InputErrorKind::malformed);
  CHECK(kind_of(R"({"synapses": [[0, 1]], "pattern": 0})", &msg) == InputErrorKind::malformed);
  CHECK_THAT(msg, Catch::Contains("patterns"));
  CHECK(kind_of(spec(two_patterns, "[[0,1,2]]", "0"), &msg) == InputErrorKind::malformed);
  CHECK(kind_of(spec(two_patterns, "[[0,-1]]", "0"), &msg) == InputErrorKind::malformed);
  CHECK(kind_of(spec(two_patterns, "[[0,1]]", "0.5"), &msg) == InputErrorKind::malformed);
  CHECK(kind_of(R"([1, 2])", &msg) == InputErrorKind::malformed);
}

TEST_CASE("a number outside double's range is non-finite in double, fine at 50 digits", "[validation]") {
  const std::string text = spec(R"("patterns": [{"mean": [0, 0], "cov": [[1, 0], [0, "1e400"]]}])", "[[0,1]]", "0");
  CHECK_THROWS_AS(problem_from_json<double>(json::parse(text)), InvalidInput);
  try {
    (void)problem_from_json<double>(json::parse(text));
  } catch (const InvalidInput& e) {
    CHECK(e.kind() == InputErrorKind::non_finite);
  }
  CHECK_NOTHROW(problem_from_json<float50>(json::parse(text)));
}

TEST_CASE("the generate block builds reproducible patterns", "[validation][generate]") {
  const auto text = R"({"generate": {"N": 6, "P": 4, "seed": 7, "mean": {"low": "-1", "high": "1"},
                         "cov": {"type": "exchangeable", "sigma2": "0.5", "rho": "0.25"}},
                        "synapses": [[0, 1], [2, 3]], "pattern": 3})";
  const auto a = problem_from_json<double>(json::parse(text));
  const auto b = problem_from_json<float50>(json::parse(text));
  REQUIRE(a.patterns.count() == 4);
  REQUIRE(a.patterns.neurons() == 6);
  for (std::size_t mu = 0; mu < 4; ++mu)
    for (int i = 0; i < 6; ++i) {
      CHECK(a.patterns.list[mu].mean(i) >= -1);
      CHECK(a.patterns.list[mu].mean(i) <= 1);
      // The uniform draw is a 53-bit dyadic fraction: both precisions see the same number.
      CHECK(abs(b.patterns.list[mu].mean(i) - float50(a.patterns.list[mu].mean(i))) < 1e-15);
    }
  CHECK(a.patterns.list[0].mean(0) != a.patterns.list[1].mean(0));
  CHECK(b.patterns.list[2].cov(0, 1) == from_decimal<float50>("0.125"));
  std::string msg;
  CHECK(kind_of(R"({"generate": {"N": 3, "P": 2, "cov": {"type": "exchangeable", "sigma2": 1, "rho": -0.9}}, "synapses": [[0,1]], "pattern": 0})", &msg) ==
        InputErrorKind::covariance_not_psd);
  CHECK_THAT(msg, Catch::Contains("generate.cov.rho"));
  CHECK(kind_of(R"({"generate": {"N": 3, "P": 2, "cov": {"type": "weird"}}, "synapses": [[0,1]], "pattern": 0})", &msg) ==
        InputErrorKind::malformed);
}
