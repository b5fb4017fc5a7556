// The audit of one problem (include/syninfo/audit/fenton_wilkinson_audit.hpp).
#include "syninfo/audit/audit_map.hpp"
#include "syninfo/audit/fenton_wilkinson_audit.hpp"
#include "syninfo/lognormal_entropy.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/random.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"
#include "../truth/truth_test_helpers.hpp"
#include "../truth/two_synapse_reference.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

using namespace syninfo;
using namespace syninfo::truth::testing;
using namespace syninfo::audit;

namespace {

// theory.md's worked example: P = 2, n = 1, m = 0, S = s I.
Problem<double> worked_example(const std::string& s) {
  return problem_from_json<double>(json::parse(R"({"patterns": [
      {"mean": [0, 0], "cov": [[")" + s + R"(", 0], [0, ")" + s + R"("]]},
      {"mean": [0, 0], "cov": [[")" + s + R"(", 0], [0, ")" + s + R"("]]}],
      "synapses": [[0, 1]], "pattern": 0})"));
}

AuditOptions small(std::size_t samples = 4000, std::size_t inner = 64, std::size_t smc_samples = 1500) {
  AuditOptions o;
  o.samples = samples;
  o.inner = inner;
  o.smc_samples = smc_samples;
  o.seed = 7;
  o.threads = 2;
  return o;
}

constexpr double kPi = 3.14159265358979323846;

}  // namespace

TEST_CASE("audit verdict: the four outcomes of the rule", "[audit][verdict]") {
  CHECK(judge_relative_error(0.004, 0.002).kind == VerdictKind::within_1_percent);  // 0.4% + 0.4% < 1%
  CHECK(judge_relative_error(-0.004, 0.002).text == "approximation within 1%");
  const Verdict over = judge_relative_error(0.0416, 0.001);
  CHECK(over.kind == VerdictKind::overstates);
  CHECK(over.text == "overstates by 4.16% +- 0.100%");
  const Verdict under = judge_relative_error(-0.25, 0.05);
  CHECK(under.kind == VerdictKind::understates);
  CHECK(under.text == "understates by 25.0% +- 5.00%");
  const Verdict open = judge_relative_error(0.03, 0.02);  // |rel| <= 2 se but rel + 2 se > 1%
  CHECK(open.kind == VerdictKind::undecided);
  CHECK(open.text == "undecided: the estimator's error (2.00%) is larger than the difference");
  // Just inside 1% but beyond 2 SE: "within 1%" takes precedence.
  CHECK(judge_relative_error(0.008, 0.0009).kind == VerdictKind::within_1_percent);
  CHECK(judge_relative_error(NAN, 0.1).kind == VerdictKind::unavailable);
}

TEST_CASE("audit: the worked example overstates the information", "[audit]") {
  // I_FW = 0.644164362404... (theory.md section 4, s = 0.5). The true value is
  // quadrature's (error bound ~1e-8): the audit must report that exact
  // estimate, and the difference must be far beyond the estimator's error.
  const auto p = worked_example("0.5");
  const FentonWilkinsonAudit a = audit_fenton_wilkinson(p, small());
  REQUIRE(a.status == MiStatus::ok);
  CHECK(a.mi_fw == Approx(0.6441643624040743).epsilon(1e-14));
  const auto q = truth::quadrature_mutual_information(p);
  REQUIRE(a.mi.available);
  CHECK(a.mi.method == "quadrature");
  CHECK(a.mi.truth == q.estimate.value);
  CHECK(a.mi.truth_se < 1e-6);
  CHECK(a.mi.difference == Approx(a.mi_fw - q.estimate.value).margin(1e-15));
  CHECK(a.mi.relative == Approx((a.mi_fw - q.estimate.value) / q.estimate.value).epsilon(1e-12));
  CHECK(a.mi.verdict.kind == VerdictKind::overstates);
  WARN("worked example: I_FW " << a.mi_fw << ", quadrature " << a.mi.truth << " +- " << a.mi.truth_se << ", "
                               << a.mi.verdict.text);
  // Entropies: h_FW(W) is the log-normal entropy of LN(lambda, K) and the
  // truth is quadrature's h(W); the MI error is the difference of the two
  // entropy errors (to rounding).
  const double k = std::log(1 + std::expm1(1.0) / 2);  // K of theory.md's worked example (s = 0.5)
  const double lambda = std::log(2 * std::exp(0.5)) - k / 2;
  CHECK(a.h_w.fw == Approx(lambda + 0.5 * std::log(2 * kPi * std::exp(1.0) * k)).epsilon(1e-13));
  CHECK(a.h_r.fw == Approx(0.0 + 0.5 * std::log(2 * kPi * std::exp(1.0) * 1.0)).epsilon(1e-13));  // R = T^2 exactly
  CHECK(a.mi.difference == Approx(a.h_w.difference - a.h_r.difference).margin(1e-12));
  // R^(k) is a single log-normal term: its surrogate is exact.
  CHECK(std::abs(a.h_r.difference) < 4 * a.h_r.truth_se + 1e-9);
  // Moments: W = T1 + T2 with T1, T2 iid LN(0, 1), and cumulants add, so
  // skew(W) = skew(T) / sqrt(2) and kurt(W) = kurt(T) / 2, with R = T2's
  // (exact log-normal) values; the surrogate understates both by > 10%.
  REQUIRE(a.w.moments.size() == 1);
  CHECK(a.w.moments[0].skewness == Approx(a.r.moments[0].skewness / std::sqrt(2.0)).epsilon(1e-14));
  CHECK(a.w.moments[0].excess_kurtosis == Approx(a.r.moments[0].excess_kurtosis / 2).epsilon(1e-14));
  CHECK(a.w.moments[0].fw_skewness < 0.9 * a.w.moments[0].skewness);
  CHECK(a.w.moments[0].fw_excess_kurtosis < 0.9 * a.w.moments[0].excess_kurtosis);
}

TEST_CASE("audit: one pattern gives exact surrogates and no MI", "[audit]") {
  // P = 1: W_E = T^1 is exactly log-normal, so every surrogate error must
  // vanish within the estimator's error: quadrature for n = 1 (bound ~1e-8),
  // smc for n = 2 (one term: exact densities, only the outer sampling error;
  // 4 standard errors); the MI is infinite and absent.
  const auto p1 = problem_from_json<double>(json::parse(
      R"({"patterns": [{"mean": [0.2, -0.3, 0.1], "cov": [[0.6, 0.2, 0.1], [0.2, 0.5, 0.0], [0.1, 0.0, 0.4]]}],
          "synapses": [[0, 1]], "pattern": 0})"));
  const FentonWilkinsonAudit a = audit_fenton_wilkinson(p1, small());
  CHECK(a.status == MiStatus::single_pattern);
  CHECK_FALSE(a.mi.available);
  CHECK(a.mi.reason.find("single_pattern") != std::string::npos);
  CHECK(a.mi.verdict.kind == VerdictKind::unavailable);
  CHECK_FALSE(a.r.present);
  REQUIRE(a.h_w.available);
  CHECK(std::abs(a.h_w.difference) < 1e-6);
  CHECK(a.w.moments[0].skewness == Approx(a.w.moments[0].fw_skewness).epsilon(1e-13));
  CHECK_FALSE(a.w.ks[0].exceeds_critical);  // exact CDF: holds with probability 0.95 (fixed seed)

  auto p2 = p1;
  p2.ensemble = {Synapse{0, 1}, Synapse{1, 2}};
  const FentonWilkinsonAudit b = audit_fenton_wilkinson(p2, small(4000, 16));
  REQUIRE(b.h_w.available);
  CHECK(b.h_w.method == "smc");
  CHECK_FALSE(b.h_w.biased);
  INFO("n = 2, P = 1: h_FW " << b.h_w.fw << ", smc " << b.h_w.truth << " +- " << b.h_w.truth_se);
  CHECK(std::abs(b.h_w.difference) < 4 * b.h_w.truth_se);
  CHECK_FALSE(b.mi.truth_available);
  CHECK(b.mi.verdict.kind == VerdictKind::unavailable);
}

TEST_CASE("audit: a non-positive-definite K still gets moments, KS and true entropies", "[audit]") {
  const auto p = read_problem_file<double>(std::string(SYNINFO_TEST_DATA) + "/../cli/specs/not_pd.json");
  const FentonWilkinsonAudit a = audit_fenton_wilkinson(p, small(3000, 32));
  CHECK(a.status == MiStatus::not_positive_definite);
  CHECK_FALSE(a.k_positive_definite);
  CHECK(a.k_prime_positive_definite);
  CHECK(a.pd_verdict == "real");  // the 50-digit cross-check agrees
  CHECK(a.w.moments.size() == 2);
  CHECK(a.w.ks.size() == 2);
  CHECK(std::isfinite(a.w.ks[0].statistic));
  CHECK_FALSE(a.h_w.available);
  CHECK(a.h_w.reason.find("K is not positive definite") != std::string::npos);
  CHECK(std::isfinite(a.h_w.truth));  // the true entropy is still estimated
  CHECK(a.h_r.available);             // K' is positive definite
  CHECK_FALSE(a.mi.available);
  CHECK(a.mi.truth_available);
  CHECK(a.mi.method == "smc");  // n = 2: the truth driver's best, whatever the closed form's status
  CHECK(a.mi.reason.find("not_positive_definite") != std::string::npos);
  CHECK(a.mi.verdict.kind == VerdictKind::unavailable);
  // With the opt-in repair the MI error exists and says so.
  AuditOptions o = small(3000, 32);
  o.mi.policy = PdPolicy::nearest_pd;
  const FentonWilkinsonAudit r = audit_fenton_wilkinson(p, o);
  CHECK(r.status == MiStatus::ok);
  CHECK(r.repaired == std::vector<std::string>{"K"});
  CHECK(r.mi.available);
}

TEST_CASE("audit: the FW marginal is visibly wrong at large variance", "[audit]") {
  // Worked example with s = 2 (log variance 4 per term): the sum of two wide
  // log-normals is far from log-normal; at M = 20000 the KS distance must
  // exceed the 5% critical value 0.0096 clearly, and for R^(k) (one term,
  // exact) it must not.
  const auto p = worked_example("2");
  AuditOptions o = small(20000, 16);
  o.truth = false;
  const FentonWilkinsonAudit a = audit_fenton_wilkinson(p, o);
  INFO("D(W) = " << a.w.ks[0].statistic << ", D(R) = " << a.r.ks[0].statistic << ", critical "
                 << a.w.ks[0].critical_value);
  CHECK(a.w.ks[0].statistic > 3 * a.w.ks[0].critical_value);
  CHECK_FALSE(a.r.ks[0].exceeds_critical);
}

TEST_CASE("audit: results do not depend on the thread count, 50 digits agree with double", "[audit]") {
  const auto p = problem_from_json<double>(json::parse(
      R"({"generate": {"N": 3, "P": 3, "seed": 2, "cov": {"type": "exchangeable", "sigma2": "0.5", "rho": "0.3"}},
          "synapses": [[0, 1], [1, 2]], "pattern": 1})"));
  AuditOptions o = small(600, 16);
  o.threads = 1;
  const auto one = audit_fenton_wilkinson(p, o);
  o.threads = 3;
  const auto three = audit_fenton_wilkinson(p, o);
  CHECK(one.mi.truth == three.mi.truth);
  CHECK(one.w.ks[1].statistic == three.w.ks[1].statistic);
  CHECK(one.w.sample_moments[0].skewness == three.w.sample_moments[0].skewness);
  const auto p50 = problem_from_json<float50>(json::parse(
      R"({"generate": {"N": 3, "P": 3, "seed": 2, "cov": {"type": "exchangeable", "sigma2": "0.5", "rho": "0.3"}},
          "synapses": [[0, 1], [1, 2]], "pattern": 1})"));
  const auto fifty = audit_fenton_wilkinson(p50, o);
  CHECK(fifty.precision == "50");
  CHECK(fifty.agreement_digits >= 13);  // double's closed form agrees to ~14 digits here
  CHECK(fifty.mi_fw == Approx(one.mi_fw).epsilon(1e-12));
  CHECK(fifty.w.moments[0].skewness == Approx(one.w.moments[0].skewness).epsilon(1e-12));
  // The estimators run in double on the same numbers up to one rounding of
  // each generated mean (-1 + 2u at 50 digits, then to double): same draws and
  // (barring a resampling or pivot decision flipped by a 1e-16 change) the
  // same particle paths, so the estimates agree far inside their standard error.
  CHECK(fifty.mi.truth == Approx(one.mi.truth).epsilon(1e-9));
  CHECK(one.mi.method == "smc");
  CHECK(one.h_w.truth == three.h_w.truth);
}

TEST_CASE("audit map: grid construction", "[audit][map]") {
  // N is the smallest with N (N - 1) / 2 >= n; the sequence holds every pair
  // i < j once, is fixed by the seed, and each grid point's spec reads back.
  CHECK(neurons_for(1) == 2);
  CHECK(neurons_for(3) == 3);
  CHECK(neurons_for(4) == 4);
  CHECK(neurons_for(6) == 4);
  CHECK(neurons_for(7) == 5);
  const Ensemble a = pair_sequence(5, 9), b = pair_sequence(5, 9), c = pair_sequence(5, 10);
  REQUIRE(a.size() == 10);
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (const auto& s : a) {
    CHECK(s.i < s.j);
    CHECK(s.j < 5);
    seen.insert({s.i, s.j});
  }
  CHECK(seen.size() == 10);
  bool same = true, differs = false;
  for (std::size_t t = 0; t < a.size(); ++t) {
    same = same && a[t].i == b[t].i && a[t].j == b[t].j;
    differs = differs || a[t].i != c[t].i || a[t].j != c[t].j;
  }
  CHECK(same);
  CHECK(differs);
  const Ensemble first3(a.begin(), a.begin() + 3);
  const auto p = problem_from_json<double>(audit_map_spec("0.5", "0.25", 4, first3, 5, 9));
  CHECK(p.patterns.count() == 4);
  CHECK(p.patterns.neurons() == 5);
  CHECK(p.ensemble.size() == 3);
  CHECK(p.pattern == 0);
  CHECK(p.patterns.list[2].cov(0, 1) == Approx(0.125));
  CHECK(p.patterns.list[2].cov(3, 3) == Approx(0.5));
  for (std::size_t mu = 0; mu < 4; ++mu)
    for (Eigen::Index i = 0; i < 5; ++i) {
      CHECK(p.patterns.list[mu].mean(i) >= -1.0);
      CHECK(p.patterns.list[mu].mean(i) <= 1.0);
    }
}

TEST_CASE("audit verdict: only a reliable I_true is judged, a lower bound never", "[audit][verdict]") {
  double rel = 0.0, se = 0.0;
  TruthVerdict ok;
  ok.reliable = true;
  // Reliable: the rule of judge_relative_error on (fw - truth) / truth.
  Verdict v = judge_information(1.2, 1.0, 0.01, ok, &rel, &se);
  CHECK(rel == Approx(0.2));
  CHECK(se == Approx(0.012));  // |I_FW| se / I_true^2
  CHECK(v.kind == VerdictKind::overstates);
  CHECK(v.text == judge_relative_error(rel, se).text);
  // The same numbers from an unreliable estimate: undecided with the driver's
  // reason; the relative error is still reported (informational).
  TruthVerdict shaky;
  shaky.note = "smc bias allowance 0.3 exceeds its statistical error 0.1";
  v = judge_information(1.2, 1.0, 0.01, shaky, &rel, &se);
  CHECK(v.kind == VerdictKind::undecided);
  CHECK(v.text == "undecided: the true-information estimate is not reliable: " + shaky.note);
  CHECK(rel == Approx(0.2));
  // I_true not distinguishable from 0: no relative error.
  v = judge_information(0.05, 0.01, 0.02, ok, &rel, &se);
  CHECK(v.kind == VerdictKind::undecided);
  CHECK(std::isnan(rel));
  // A lower bound: undecided, no relative error, and the text says so, even
  // when I_FW is far below the bound.
  TruthVerdict bound;
  bound.lower_bound = true;
  bound.lower_bound_synapses = {0, 1, 2};
  v = judge_information(-0.2, 0.9, 0.05, bound, &rel, &se);
  CHECK(v.kind == VerdictKind::undecided);
  CHECK(v.text.find("lower bound only") != std::string::npos);
  CHECK(v.text.find("synapses 0, 1, 2") != std::string::npos);
  CHECK(std::isnan(rel));
  CHECK(std::isnan(se));
}

TEST_CASE("audit: a correlated pair takes I_true from smc, checked against 2-D quadrature", "[audit][smc]") {
  // Two synapses sharing a neuron, P = 2, heterogeneous correlated
  // covariances: exact h(W_E), h(R^(0)) and I from a 2-D quadrature
  // (tests/truth/two_synapse_reference.hpp, error ~1e-13). The audit's I_true
  // must be the truth driver's smc, reliable, with CMC as the
  // cross-check, and within 4 of its standard errors of the exact value; so
  // must both entropies (R^(0) is one log-normal term: only outer noise).
  const Problem<double> p = truth::testing::two_synapse_problem();
  const FentonWilkinsonAudit a = audit_fenton_wilkinson(p, small(2000, 32, 2000));
  INFO("I_true " << a.mi.truth << " +- " << a.mi.truth_se << " (" << a.mi.method << "), exact "
                 << truth::testing::kTwoSynapseInformation << "; " << a.mi.truth_verdict.note);
  REQUIRE(a.mi.truth_available);
  CHECK(a.mi.method == "smc");
  CHECK(a.mi.truth_verdict.reliable);
  CHECK_FALSE(a.mi.truth_verdict.lower_bound);
  CHECK(std::abs(a.mi.truth - truth::testing::kTwoSynapseInformation) < 4 * a.mi.truth_se);
  std::set<std::string> checks;
  for (const auto& e : a.mi.cross_checks) checks.insert(e.method);
  CHECK(checks == std::set<std::string>{"cmc"});
  CHECK(a.mi.smc_particles >= 32);
  REQUIRE(a.h_w.method == "smc");
  CHECK(std::abs(a.h_w.truth - truth::testing::kTwoSynapseEntropyW) < 4 * a.h_w.truth_se);
  CHECK(std::abs(a.h_r.truth - truth::testing::kTwoSynapseEntropyR) < 4 * a.h_r.truth_se);
  CHECK_FALSE(a.h_w.biased);
  CHECK_FALSE(a.h_r.biased);
  if (a.mi.available) {  // the closed form is ok here; its verdict follows the rule
    CHECK(a.mi.verdict.text == judge_relative_error(a.mi.relative, a.mi.relative_se).text);
  }
}

TEST_CASE("audit: independent synapses, smc against the exact sum, entropies flagged biased from n = 4",
          "[audit][smc]") {
  // I(W_E; x^k) = sum of single-synapse quadratures (bound < 1e-5). Tolerance:
  // 4 of smc's standard errors (which include its bias allowance). The
  // entropies come from smc_entropy on their own and carry `biased` exactly
  // from kSmcEntropyBiasedFrom = 4 on (measured upward bias up to 0.13 nats
  // there, see fenton_wilkinson_audit.hpp).
  for (std::size_t n : {3u, 4u}) {
    const Problem<double> p = independent_disjoint(n, 5, 0.5, 20 + n);
    double bound = 0.0;
    const double exact = sum_of_single_synapse_informations(p, &bound);
    const FentonWilkinsonAudit a = audit_fenton_wilkinson(p, small(1000, 16, 1500));
    INFO("n " << n << ": I_true " << a.mi.truth << " +- " << a.mi.truth_se << ", exact " << exact << " +- "
              << bound << "; " << a.mi.truth_verdict.note);
    CHECK(bound < 1e-5);
    REQUIRE(a.mi.truth_available);
    CHECK(a.mi.method == "smc");
    CHECK(a.mi.truth_verdict.reliable);
    CHECK(a.mi.cross_checks.empty());  // n >= 3: no CMC (biased there)
    CHECK(std::abs(a.mi.truth - exact) < 4 * a.mi.truth_se);
    REQUIRE(a.status == MiStatus::ok);
    CHECK(a.mi.verdict.text == judge_relative_error(a.mi.relative, a.mi.relative_se).text);
    for (const ErrorEstimate* e : {&a.h_w, &a.h_r}) {
      CHECK(e->method == "smc");
      CHECK(e->biased == (n >= kSmcEntropyBiasedFrom));
      CHECK(e->bias_note.empty() == (n < kSmcEntropyBiasedFrom));
    }
  }
}

TEST_CASE("audit: a degenerate cycle gets smc by paired steps, full connectivity a lower bound and no verdict",
          "[audit][smc]") {
  // An even cycle (0,1), (1,2), (2,3), (3,0): the fourth log-term is
  // determined by the first three in every pattern. Paired steps factorise
  // it (proofs/degenerate_ensembles.md section 6), so the truth is smc
  // itself and the entropies exist.
  Problem<double> p;
  for (int mu = 0; mu < 3; ++mu)
    p.patterns.list.push_back({Eigen::VectorXd::Constant(4, 0.1 * mu), Eigen::MatrixXd::Identity(4, 4) * 0.3});
  p.ensemble = {Synapse{0, 1}, Synapse{1, 2}, Synapse{2, 3}, Synapse{3, 0}};
  const FentonWilkinsonAudit a = audit_fenton_wilkinson(p, small(500, 16, 500));
  REQUIRE(a.mi.truth_available);
  CHECK(a.mi.method == "smc");
  CHECK_FALSE(a.mi.truth_verdict.lower_bound);
  CHECK(a.h_w.available);
  CHECK(a.h_r.available);
  // All 15 pairs among 6 neurons: 9 determined synapses and 6 free ones, so
  // no paired order exists; the best is smc on a sub-ensemble, a lower bound.
  // P = 5: R^(k) of 4 terms fills R^15 (with P = 3 it fills only 11
  // dimensions and the information is infinite).
  Problem<double> full;
  for (int mu = 0; mu < 5; ++mu)
    full.patterns.list.push_back({Eigen::VectorXd::Constant(6, 0.1 * mu), Eigen::MatrixXd::Identity(6, 6) * 0.3});
  for (std::size_t i = 0; i < 6; ++i)
    for (std::size_t j = i + 1; j < 6; ++j) full.ensemble.push_back(Synapse{i, j});
  const FentonWilkinsonAudit b = audit_fenton_wilkinson(full, small(200, 16, 200));
  REQUIRE(b.mi.truth_available);
  CHECK(b.mi.method == "smc_lower_bound");
  CHECK(b.mi.truth_verdict.lower_bound);
  CHECK_FALSE(b.mi.truth_verdict.reliable);
  CHECK(b.mi.truth_verdict.lower_bound_synapses.size() < full.ensemble.size());
  CHECK(b.mi.truth_verdict.lower_bound_synapses.size() >= 6);
  CHECK_FALSE(b.mi.available);
  CHECK(std::isnan(b.mi.relative));
  CHECK(std::isnan(b.mi.difference));
  if (b.status == MiStatus::ok) {
    CHECK(b.mi.verdict.kind == VerdictKind::undecided);
    CHECK(b.mi.verdict.text.find("lower bound") != std::string::npos);
    CHECK(b.mi.lower_bound_gap == Approx(b.mi.truth - b.mi_fw).margin(1e-12));
  } else {
    CHECK(b.mi.verdict.kind == VerdictKind::unavailable);
  }
  // h(W_E) has no density smc can factorise: absent, with the reason.
  CHECK_FALSE(b.h_w.available);
  CHECK(b.h_w.reason.find("determined by the earlier synapses") != std::string::npos);
}

TEST_CASE("audit map: n > N points are infinite at P = 2 and get smc by paired steps at P = 3", "[audit][map]") {
  // N = 4 holds 5 distinct pairs only with a cycle among them: every
  // pattern's term is degenerate (rank 4 < 5). At P = 2, R^(k) is one such
  // term and has no density while W_E has one: the information is infinite,
  // so no estimator applies (this point once got a lower bound because the
  // density test counted round-off eigenvalues). At P = 3 paired steps
  // factorise both sums: smc itself, not a bound.
  AuditMapOptions o;
  o.sigma2 = {"0.5"};
  o.rho = {"0.3"};
  o.patterns = {2, 3};
  o.synapses = {2, 5};
  o.samples = 300;
  o.inner = 8;
  o.threads = 2;
  const AuditMap map = run_audit_map(o);
  REQUIRE(map.neurons == 4);
  REQUIRE(map.points.size() == 4);
  for (const AuditMapPoint& point : map.points) {
    INFO("n " << point.synapses << " P " << point.patterns << ": " << point.estimator << " " << point.note);
    if (point.synapses == 2) {
      CHECK(point.estimator == "smc");
      CHECK_FALSE(point.lower_bound);
    } else if (point.patterns == 2) {
      CHECK(point.estimator.empty());
      CHECK(std::isnan(point.mi_true));
      CHECK_FALSE(point.reliable);
      CHECK(std::isnan(point.relative));
      CHECK(point.note.find("infinite") != std::string::npos);
    } else {
      CHECK(point.estimator == "smc");
      CHECK_FALSE(point.lower_bound);
    }
  }
}
