// smc's control variates (SmcOptions::control_samples): the closed form's
// log-normal surrogates at each outer draw, with means from extra draws.
// Same draws on and off (same seed), so the two estimates differ only by the
// correction; both must meet the exact oracles.
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include "truth_test_helpers.hpp"
#include "two_synapse_reference.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo;
using namespace syninfo::truth;
using namespace syninfo::truth::testing;

TEST_CASE("smc control variates: unbiased on exact oracles, smaller statistical error", "[truth][smc]") {
  // Tolerance: 4 standard errors of each estimate (the SE includes the bias
  // allowance). The statistical error with the control variates must be
  // below the one without (measured 0.6-0.8 of it on these cases).
  struct Case {
    const char* name;
    Problem<double> problem;
    double exact;
  };
  double bound = 0.0;
  const Problem<double> disjoint = independent_disjoint(3, 5, 0.5, 11);
  const double disjoint_exact = sum_of_single_synapse_informations(disjoint, &bound);
  const Case cases[] = {{"correlated pair", two_synapse_problem(), kTwoSynapseInformation},
                        {"independent n = 3, P = 5", disjoint, disjoint_exact}};
  for (const Case& c : cases) {
    SmcOptions o;
    o.outer = 1500;
    o.seed = 21;
    o.control_samples = 0;
    const SmcMutualInformation off = smc_mutual_information(c.problem, o);
    o.control_samples = 16;
    const SmcMutualInformation on = smc_mutual_information(c.problem, o);
    INFO(c.name << ": exact " << c.exact << "; off " << off.estimate.value << " +- " << off.estimate.standard_error
                << " (statistical " << off.statistical_error << "); on " << on.estimate.value << " +- "
                << on.estimate.standard_error << " (statistical " << on.statistical_error << ", correlation "
                << on.control_correlation << ")");
    CHECK(!off.control_variate);
    CHECK(off.statistical_error == off.uncontrolled_error);
    REQUIRE(on.control_variate);
    CHECK(on.uncontrolled_error == off.statistical_error);
    CHECK(on.statistical_error < off.statistical_error);
    CHECK(std::abs(off.estimate.value - c.exact) < 4 * off.estimate.standard_error);
    CHECK(std::abs(on.estimate.value - c.exact) < 4 * on.estimate.standard_error);
    // The per-sample differences are the raw ones either way.
    CHECK(on.sample_differences == off.sample_differences);
  }
}

TEST_CASE("smc control variates: the same result for any thread count", "[truth][smc]") {
  SmcOptions o;
  o.outer = 300;
  o.seed = 4;
  o.threads = 1;
  const SmcMutualInformation one = smc_mutual_information(two_synapse_problem(), o);
  o.threads = 2;
  const SmcMutualInformation two = smc_mutual_information(two_synapse_problem(), o);
  CHECK(one.control_variate);
  CHECK(one.estimate.value == two.estimate.value);
  CHECK(one.statistical_error == two.statistical_error);
}
