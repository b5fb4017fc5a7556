// The fast closed-form path (closed_form_batch.hpp): the same budgets as the
// audited path against the reference table, agreement with the audited path,
// and a batch whose results do not depend on the thread count.
#include <catch2/catch.hpp>

#include "syninfo/closed_form_batch.hpp"
#include "syninfo/spec.hpp"

#include "test_helpers.hpp"
#include "reference_cases.hpp"

#include <fstream>

using namespace syninfo;

namespace {

// Shared covariance: every pattern gets pattern 0's covariance.
template <class T>
Problem<T> shared_covariance(Problem<T> p) {
  for (auto& pat : p.patterns.list) pat.cov = p.patterns.list.front().cov;
  return p;
}

}  // namespace

TEST_CASE("fast path: reference table at 50 digits and in double", "[closed_form_batch][reference]") {
  // Budgets as in test_reference_tables.cpp: every ok case within its own
  // error estimate; 1e-40 relative at 50 digits and 1e-9 in double wherever
  // the estimate allows it. The status must match the table's.
  const auto cases = test::reference_cases();
  REQUIRE(cases.size() >= 30);
  int strict50 = 0, strict_double = 0;
  for (const auto& rec : cases) {
    INFO("case " << rec.find("id")->as_string());
    const std::string status = rec.find("status")->as_string();
    const auto r50 = closed_form_value(problem_from_json<float50>(*rec.find("spec")));
    const auto rd = closed_form_value(problem_from_json<double>(*rec.find("spec")));
    CHECK(std::string(to_string(r50.status)) == status);
    CHECK(std::string(to_string(rd.status)) == status);
    if (!rec.find("mi_nats")->is_string()) continue;
    const float100 expected = from_decimal<float100>(rec.find("mi_nats")->as_string());
    if (r50.ok()) {
      const float100 err = abs(float100(r50.mi_nats) - expected);
      INFO("50 digits: error " << err << ", estimate " << r50.error_estimate);
      CHECK(err <= float100(r50.error_estimate));
      if (float100(r50.error_estimate) <= float100("1e-40") * abs(expected)) {
        CHECK(err <= float100("1e-40") * abs(expected));
        ++strict50;
      }
    }
    if (rd.ok()) {
      const double e = expected.convert_to<double>();
      const double err = std::abs(rd.mi_nats - e);
      INFO("double: error " << err << ", estimate " << rd.error_estimate);
      CHECK(err <= rd.error_estimate);
      if (rd.error_estimate <= 1e-9 * std::abs(e)) {
        CHECK(err <= 1e-9 * std::abs(e));
        ++strict_double;
      }
    }
  }
  CHECK(strict50 >= 20);
  CHECK(strict_double >= 20);
}

TEST_CASE("fast path equals the audited path to rounding", "[closed_form_batch]") {
  // Budget: the two paths sum the same terms in a different order; they must
  // agree within the sum of their error estimates (~1e-12 here), and the 50-digit
  // fast path must agree with the 50-digit audited path to 1e-40.
  const Ensemble e = {{0, 1}, {1, 2}, {2, 2}, {0, 3}, {1, 4}};
  for (int patterns : {2, 3, 7})
    for (std::size_t k : {std::size_t{0}, std::size_t{1}})
      for (bool shared : {false, true}) {
        INFO("P = " << patterns << ", k = " << k << ", shared = " << shared);
        auto pd = test::heterogeneous_problem<double>(5, patterns, e, k);
        auto p50 = test::heterogeneous_problem<float50>(5, patterns, e, k);
        if (shared) {
          pd = shared_covariance(pd);
          p50 = shared_covariance(p50);
        }
        const auto audit = fenton_wilkinson_mutual_information(pd);
        const auto fast = closed_form_value(pd);
        REQUIRE(audit.ok());
        REQUIRE(fast.ok());
        CHECK(std::abs(fast.mi_nats - audit.mi_nats) <= fast.error_estimate + audit.error_estimate);
        CHECK(fast.error_estimate < 1e-10);  // well conditioned: a sanity ceiling
        const auto audit50 = fenton_wilkinson_mutual_information(p50);
        const auto fast50 = closed_form_value(p50);
        REQUIRE(fast50.ok());
        CHECK(abs(fast50.mi_nats - audit50.mi_nats) <= float50("1e-40") * abs(audit50.mi_nats));
      }
}

TEST_CASE("fast path reports the statuses of the audited path", "[closed_form_batch][status]") {
  // P = 1 is single_pattern; K' from one pattern with n > N is singular.
  const auto single = test::heterogeneous_problem<double>(3, 1, {{0, 1}});
  CHECK(closed_form_value(single).status == MiStatus::single_pattern);
  const auto singular = test::heterogeneous_problem<double>(2, 2, {{0, 0}, {0, 1}, {1, 1}});
  CHECK(fenton_wilkinson_mutual_information(singular).status == MiStatus::not_positive_definite);
  const auto r = closed_form_value(singular);
  CHECK(r.status == MiStatus::not_positive_definite);
  CHECK_THAT(r.detail, Catch::Contains("K'"));
}

TEST_CASE("closed_form_batch: independent of the thread count, bad problems isolated", "[closed_form_batch][parallel]") {
  std::vector<Problem<double>> problems;
  for (int i = 0; i < 23; ++i)
    problems.push_back(test::heterogeneous_problem<double>(6, 2 + i % 5, {{0, 1}, {2, 3}, {1, static_cast<std::size_t>(i % 6)}},
                                                           static_cast<std::size_t>(i % 2)));
  problems[5].ensemble.push_back({9, 0});  // neuron 9 does not exist
  const auto one = closed_form_batch(problems, 1);
  const auto two = closed_form_batch(problems, 2);
  const auto many = closed_form_batch(problems, 7);
  REQUIRE(one.size() == problems.size());
  for (std::size_t i = 0; i < problems.size(); ++i) {
    INFO("problem " << i);
    // Bit-identical: each result depends only on its problem.
    CHECK(one[i].status == two[i].status);
    CHECK(one[i].input_error == many[i].input_error);
    if (one[i].ok()) {
      CHECK(one[i].mi_nats == two[i].mi_nats);
      CHECK(one[i].mi_nats == many[i].mi_nats);
      CHECK(one[i].mi_nats == closed_form_value(problems[i]).mi_nats);
    }
  }
  CHECK_FALSE(one[5].ok());
  CHECK_THAT(one[5].input_error, Catch::Contains("synapses[3]"));
  CHECK(one[4].ok());
}
