// The shared verdict rule (truth/reliability.hpp).
#include "syninfo/truth/reliability.hpp"

#include <catch2/catch.hpp>

#include <limits>

using namespace syninfo::truth;

namespace {
Estimate est(double v, double se, const char* m = "smc") {
  Estimate e;
  e.value = v;
  e.standard_error = se;
  e.method = m;
  return e;
}
LogTerm term(double mean, double var) {
  LogTerm t;
  t.mean = Eigen::VectorXd::Constant(1, mean);
  t.cov = Eigen::MatrixXd::Constant(1, 1, var);
  return t;
}
}  // namespace

TEST_CASE("reliability: finite value and SE, I >= 0 within 3 SE, agreeing cross-checks", "[truth][reliability]") {
  const double inf = std::numeric_limits<double>::infinity();
  const Estimate good = est(0.5, 0.01), other = est(0.52, 0.01, "quadrature"), far = est(0.7, 0.01, "quadrature");
  ReliabilityInput in;
  in.best = &good;
  CHECK(judge_reliability(in).reliable);
  in.cross_checks = {{&other, "quadrature"}};
  CHECK(judge_reliability(in).reliable);
  in.cross_checks = {{&far, "quadrature"}};
  CHECK_FALSE(judge_reliability(in).reliable);
  // A cross-check without a finite error cannot confirm anything.
  const Estimate nan_se = est(0.5, std::numeric_limits<double>::quiet_NaN(), "quadrature");
  in.cross_checks = {{&nan_se, "quadrature"}};
  CHECK_FALSE(judge_reliability(in).reliable);
  in.cross_checks.clear();
  for (const Estimate& bad : {est(2e300, inf), est(-1e246, 1.0), est(0.5, -1.0), est(-0.031, 0.01)}) {
    in.best = &bad;
    CHECK_FALSE(judge_reliability(in).reliable);
  }
  const Estimate slightly_negative = est(-0.029, 0.01);  // within 3 SE of 0
  in.best = &slightly_negative;
  CHECK(judge_reliability(in).reliable);
  in.best = nullptr;
  CHECK_FALSE(judge_reliability(in).reliable);
}

TEST_CASE("reliability: sums double cannot resolve are flagged", "[truth][reliability]") {
  CHECK(resolution_problem({term(0.0, 1.0), term(0.5, 0.5)}, 0).empty());
  CHECK(resolution_problem({term(0.0, 1e-6), term(0.5, 1e-6)}, 0).empty());  // small but resolvable
  CHECK_FALSE(resolution_problem({term(2e300, 2.0), term(1e300, 2.0)}, 0).empty());
  CHECK_FALSE(resolution_problem({term(0.0, 4e-278), term(2.0, 4e-278)}, 0).empty());
}
