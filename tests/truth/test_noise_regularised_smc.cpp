// Ground truth for degenerate ensembles by noise regularisation
// (noise_regularised_smc.hpp, proofs/degenerate_ensembles.md) and the density
// test that decides finite / infinite / undefined first (density_rank.hpp).
#include "syninfo/truth/density_rank.hpp"
#include "syninfo/truth/noise_regularised_smc.hpp"
#include "syninfo/truth/true_information.hpp"

#include "truth_test_helpers.hpp"
#include "two_synapse_reference.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

using namespace syninfo;
using namespace syninfo::truth;

namespace {

using testing::four_cycle;

// The report's estimate by this method, or nullptr.
const Estimate* find_estimate(const TruthReport& r, const std::string& method) {
  for (const auto& e : r.estimates)
    if (e.method == method) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("density rank: independent synapses fill R^n, a single cycle term does not", "[truth][degenerate]") {
  // Exact ranks (integers): no tolerance beyond the SVD's 1e-9 relative cut.
  const Problem<double> disjoint = testing::independent_disjoint(3, 2, 0.5, 5);
  const DensityVerdict d = density_verdict(disjoint);
  CHECK(d.kind == InformationKind::finite);
  CHECK(d.w.rank == 3);
  CHECK(d.r.rank == 3);
  // 4-cycle, P = 2: R^(k) is one term on a 3-dimensional surface, W_E (two
  // terms, different tangent spaces) fills R^4: infinite information.
  const DensityVerdict two = density_verdict(four_cycle(2, 0.3));
  CHECK(two.kind == InformationKind::infinite);
  CHECK(two.r.rank == 3);
  CHECK(two.w.rank == 4);
  CHECK(two.reason.find("infinite") != std::string::npos);
  // P = 3: R^(k) has two terms and a density: finite.
  CHECK(density_verdict(four_cycle(3, 0.3)).kind == InformationKind::finite);
  // One pattern with a rank-1 covariance (rho = 1): W_E of 3 synapses lives
  // on a curve: undefined here.
  Problem<double> line = four_cycle(1, 0.3);
  line.patterns.list[0].cov = Eigen::MatrixXd::Ones(4, 4) * 0.3;
  line.ensemble = {Synapse{0, 1}, Synapse{1, 2}, Synapse{2, 3}};
  line.pattern = 0;
  CHECK(density_verdict(line).kind == InformationKind::undefined);
  // All 15 pairs among 6 neurons: each term has rank 6, and two terms fill
  // 11 dimensions, not 12: their tangent spaces diag(T^1) col E and
  // diag(T^2) col E always share a line, because T^2_ij / T^1_ij = u_i u_j
  // (u = exp(y^2 - y^1)) and then a = beta u, b = beta / u solve
  // E a = diag(u_i u_j) E b. W_E of three terms fills R^15: infinite.
  // Round-off eigenvalues of the rank-6 covariances must not count (they
  // once made R^(k) 14-dimensional). With 13 of the synapses the same holds
  // (11 < 13): infinite.
  Problem<double> full;
  for (int mu = 0; mu < 3; ++mu) {
    Eigen::VectorXd m = Eigen::VectorXd::LinSpaced(6, -0.3, 0.2 + 0.1 * mu);
    full.patterns.list.push_back({m, 0.3 * (0.8 * Eigen::MatrixXd::Identity(6, 6) + 0.2 * Eigen::MatrixXd::Ones(6, 6))});
  }
  for (std::size_t i = 0; i < 6; ++i)
    for (std::size_t j = i + 1; j < 6; ++j) full.ensemble.push_back(Synapse{i, j});
  const DensityVerdict f = density_verdict(full);
  CHECK(f.r.rank == 11);
  CHECK(f.w.rank == 15);
  CHECK(f.kind == InformationKind::infinite);
  full.ensemble.resize(13);
  const DensityVerdict g = density_verdict(full);
  CHECK(g.r.rank == 11);
  CHECK(g.kind == InformationKind::infinite);
}

TEST_CASE("noise regularisation: on a non-degenerate pair, lower bounds below and extrapolation at the reference",
          "[truth][degenerate]") {
  // Reference: the 2-D quadrature of generate_two_synapse_reference.cpp
  // (error ~1e-13). Each level I_eps is a lower bound on I: it may exceed the
  // reference only by its sampling error (3 SE). The extrapolation must meet
  // the reference within 4 of its standard errors (which include the smc
  // bias allowances and a significant eps^4 remainder).
  const Problem<double> p = testing::two_synapse_problem();
  NoiseRegularisedOptions o;
  o.smc.outer = 2000;
  o.smc.seed = 11;
  const NoiseRegularisedInformation r = noise_regularised_information(p, o);
  REQUIRE(r.levels.size() == 3);
  for (const auto& level : r.levels) {
    INFO("eps " << level.scale << ": I_eps " << level.mi.estimate.value << " +- " << level.mi.estimate.standard_error);
    CHECK(level.mi.estimate.value < testing::kTwoSynapseInformation + 3 * level.mi.estimate.standard_error);
  }
  INFO("extrapolated " << r.estimate.value << " +- " << r.estimate.standard_error << ", remainder " << r.remainder
                       << " +- " << r.remainder_error << "; reference " << testing::kTwoSynapseInformation);
  CHECK(std::abs(r.estimate.value - testing::kTwoSynapseInformation) < 4 * r.estimate.standard_error);
  // Measured: the gaps I - I_eps shrink by about 1.55x per halving, not 4x
  // (log-normal sums are not smooth enough at these scales for the eps^2
  // law): the remainder is significant and the estimate must say so.
  if (std::abs(r.remainder) > 2 * r.remainder_error) {
    REQUIRE(!r.problems.empty());
    CHECK(r.problems.back().find("not in the eps^2 regime") != std::string::npos);
  }
  CHECK(r.remainder > 2 * r.remainder_error);
}

TEST_CASE("noise regularisation: a degenerate 4-cycle at small variance meets the Gaussian channel",
          "[truth][degenerate]") {
  // theory.md 5.5 for a degenerate ensemble: each term's log is exactly
  // affine in y^mu, so as S -> 0 the sum W_E is asymptotically Gaussian with
  // the exact covariance C (a sum of P rank-3 matrices, positive definite for
  // P = 3), and I -> 0.5 ln(det C / det C') with an O(v) gap. Tolerance: 4
  // standard errors plus 5 v, as the non-degenerate test in test_smc.cpp.
  const double v = 0.002;
  const Problem<double> p = four_cycle(3, v);
  const double g = gaussian_channel_information(p);
  REQUIRE(std::isfinite(g));
  NoiseRegularisedOptions o;
  o.smc.outer = 1500;
  o.smc.seed = 3;
  const NoiseRegularisedInformation r = noise_regularised_information(p, o);
  INFO("extrapolated " << r.estimate.value << " +- " << r.estimate.standard_error << ", lower bound "
                       << r.lower_bound.value << ", Gaussian channel " << g);
  CHECK(std::abs(r.estimate.value - g) < 4 * r.estimate.standard_error + 5 * v);
  CHECK(r.lower_bound.value < g + 3 * r.lower_bound.standard_error + 5 * v);
}

TEST_CASE("noise regularisation: a degenerate cycle is above its sub-ensemble and invariant to reordering",
          "[truth][degenerate]") {
  // Monotonicity (theory.md 5.2): I of the 4-cycle >= I of its first three
  // synapses (exact smc), up to 3 combined standard errors. Reordering the
  // synapses changes only the Monte Carlo draws: the two estimates agree
  // within 4 combined standard errors.
  const Problem<double> p = four_cycle(3, 0.3);
  NoiseRegularisedOptions o;
  o.smc.outer = 1500;
  o.smc.seed = 5;
  const NoiseRegularisedInformation r = noise_regularised_information(p, o);
  Problem<double> sub = p;
  sub.ensemble.pop_back();
  const SmcMutualInformation s = smc_mutual_information(sub, o.smc);
  Problem<double> reordered = p;
  reordered.ensemble = {Synapse{2, 3}, Synapse{0, 1}, Synapse{3, 0}, Synapse{1, 2}};
  const NoiseRegularisedInformation q = noise_regularised_information(reordered, o);
  INFO("4-cycle " << r.estimate.value << " +- " << r.estimate.standard_error << " (reordered " << q.estimate.value
                  << " +- " << q.estimate.standard_error << "), sub-ensemble " << s.estimate.value << " +- "
                  << s.estimate.standard_error << ", remainder " << r.remainder << " +- " << r.remainder_error);
  CHECK(r.estimate.value > s.estimate.value - 3 * std::hypot(r.estimate.standard_error, s.estimate.standard_error));
  // The noise bound is the tighter bound (measured: 1.20 against 0.95, 4.7
  // combined SE apart); asserted at 2 combined SE.
  CHECK(r.lower_bound.value >
        s.estimate.value + 2 * std::hypot(r.lower_bound.standard_error, s.estimate.standard_error));
  CHECK(std::abs(r.estimate.value - q.estimate.value) <
        4 * std::hypot(r.estimate.standard_error, q.estimate.standard_error));
}

TEST_CASE("noise regularisation: infinite information is reported as such, without sampling", "[truth][degenerate]") {
  const NoiseRegularisedInformation r = noise_regularised_information(four_cycle(2, 0.3));
  CHECK(r.density.kind == InformationKind::infinite);
  CHECK(std::isinf(r.estimate.value));
  CHECK(r.levels.empty());
  CHECK_THROWS_AS(noise_regularised_information(four_cycle(3, 0.3), NoiseRegularisedOptions{{}, 0.0}),
                  std::invalid_argument);
}

TEST_CASE("truth driver: a degenerate cycle gets the tighter of its lower bounds, invariant to relabelling",
          "[truth][degenerate]") {
  // The driver runs the sub-ensemble bound and the noise ladder and takes the
  // larger bound as best, never reliable. Relabelling the neurons (0 1 2 3 ->
  // 2 3 0 1, means and covariances permuted with them) changes only the Monte
  // Carlo draws: the bounds agree within 4 combined standard errors. Paired
  // steps off: this is the path of ensembles that no paired order treats.
  TruthOptions o;
  o.ksg = o.cmc = o.quadrature = false;
  o.smc_samples = 1000;
  o.seed = 7;
  o.smc_pair_steps = false;
  const Problem<double> p = four_cycle(3, 0.3);
  const TruthReport r = estimate_true_information(p, o);
  CHECK(r.information == "finite");
  CHECK(r.best_is_lower_bound);
  CHECK(!r.reliable);
  REQUIRE(r.noise_levels.size() == 3);
  const Estimate* sub = find_estimate(r, "smc_lower_bound");
  const Estimate* noise = find_estimate(r, "smc_noise_lower_bound");
  REQUIRE(sub);
  REQUIRE(noise);
  CHECK(r.best.value == std::max(sub->value, noise->value));
  CHECK(r.reliability_note.find("degenerate ensemble") != std::string::npos);
  CHECK(r.noise_levels.back().second.value == noise->value);

  const Problem<double> relabelled = testing::relabelled_four_cycle(p);
  const TruthReport q = estimate_true_information(relabelled, o);
  INFO("bound " << r.best.value << " +- " << r.best.standard_error << " (" << r.best.method << "), relabelled "
                << q.best.value << " +- " << q.best.standard_error << " (" << q.best.method << ")");
  CHECK(std::abs(r.best.value - q.best.value) < 4 * std::hypot(r.best.standard_error, q.best.standard_error));
}

TEST_CASE("truth driver: infinite and undefined information are reported without a number or sampling",
          "[truth][degenerate]") {
  TruthOptions o;
  o.samples = 500;
  o.smc_samples = 200;
  // 4-cycle, P = 2: R^(k) is one term on a 3-dimensional surface.
  const TruthReport inf = estimate_true_information(four_cycle(2, 0.3), o);
  CHECK(inf.information == "infinite");
  CHECK(std::isinf(inf.best.value));
  CHECK(inf.best.method == "density_rank");
  CHECK(inf.reliable);
  CHECK(inf.estimates.empty());
  CHECK(inf.information_reason.find("infinite") != std::string::npos);
  // P = 2 with rank-1 covariances (all neurons perfectly correlated): each
  // term lives on a curve, so W_E of 3 synapses fills at most a surface.
  Problem<double> flat = four_cycle(2, 0.3);
  for (auto& pattern : flat.patterns.list) pattern.cov = Eigen::MatrixXd::Ones(4, 4) * 0.3;
  flat.ensemble = {Synapse{0, 1}, Synapse{1, 2}, Synapse{2, 3}};
  const TruthReport undefined = estimate_true_information(flat, o);
  CHECK(undefined.information == "undefined");
  CHECK(std::isnan(undefined.best.value));
  CHECK(!undefined.reliable);
  CHECK(undefined.estimates.empty());
}

namespace {

// I(T^k + R_eps; x^k), with every term of R^(k) given the log-covariance
// E S E' + eps2 diag(E S E') (a jitter of each log-term, relative to its own
// spread; T^k untouched, so the identity I = h(W) - h(R) still holds). A
// smooth family in eps2; measured in the test below.
SmcMutualInformation log_jittered(const Problem<double>& p, double eps2, const SmcOptions& o) {
  std::vector<LogTerm> t = log_terms(p);
  for (std::size_t mu = 0; mu < t.size(); ++mu)
    if (mu != p.pattern) t[mu].cov += eps2 * Eigen::MatrixXd(t[mu].cov.diagonal().asDiagonal());
  return smc_mutual_information_of_terms(t, p.pattern, o);
}

// Mean and SE over outer samples of the change between the Richardson
// extrapolations (linear in eps2, ratio 2) of the pairs (a, b) and (b, c):
// 2 d_c - 3 d_b + d_a, per sample (common random numbers).
std::pair<double, double> jitter_remainder(const SmcMutualInformation& a, const SmcMutualInformation& b,
                                           const SmcMutualInformation& c) {
  double sum = 0.0, ss = 0.0;
  std::size_t m = 0;
  std::vector<double> v;
  for (std::size_t i = 0; i < a.sample_differences.size(); ++i) {
    const double x = 2 * c.sample_differences[i] - 3 * b.sample_differences[i] + a.sample_differences[i];
    if (!std::isfinite(x)) continue;
    v.push_back(x);
    sum += x;
    ++m;
  }
  const double mean = sum / static_cast<double>(m);
  for (double x : v) ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / static_cast<double>(m - 1) / static_cast<double>(m))};
}

}  // namespace

TEST_CASE("log jitter: an eps^2 rate on a non-degenerate pair, none on the degenerate 4-cycle", "[truth][degenerate]") {
  // proofs/degenerate_ensembles.md section 4. The remainder (change between
  // successive extrapolations) is a per-sample mean with its SE; "no rate"
  // means a remainder beyond 3 SE, "a rate" one within 3 SE and below 0.005
  // nats (the smc bias allowance is ~0.01, so smaller is noise).
  SmcOptions o;
  o.outer = 2000;
  o.seed = 11;
  const Problem<double> pair = testing::two_synapse_problem();
  const SmcMutualInformation exact = smc_mutual_information(pair, o);
  const SmcMutualInformation p1 = log_jittered(pair, 0.02, o), p2 = log_jittered(pair, 0.01, o),
                             p3 = log_jittered(pair, 0.005, o);
  const auto [pr, pe] = jitter_remainder(p1, p2, p3);
  INFO("pair: eps2 0.02/0.01/0.005: " << p1.estimate.value << " " << p2.estimate.value << " " << p3.estimate.value
                                      << ", eps 0: " << exact.estimate.value << "; remainder " << pr << " +- " << pe);
  CHECK(std::abs(pr) < 3 * pe + 0.005);
  // Same outer draws: the extrapolation 2 I_0.005 - I_0.01 meets eps = 0 to
  // within the remainder's size (measured 1e-3).
  CHECK(std::abs(2 * p3.estimate.value - p2.estimate.value - exact.estimate.value) < 3 * pe + 0.005);

  o.outer = 12000;
  const Problem<double> cycle = four_cycle(3, 0.3);
  const SmcMutualInformation c1 = log_jittered(cycle, 0.04, o), c2 = log_jittered(cycle, 0.02, o),
                             c3 = log_jittered(cycle, 0.01, o);
  const auto [cr, ce] = jitter_remainder(c1, c2, c3);
  INFO("4-cycle: eps2 0.04/0.02/0.01: " << c1.estimate.value << " " << c2.estimate.value << " " << c3.estimate.value
                                        << "; remainder " << cr << " +- " << ce);
  CHECK(cr > 3 * ce);  // the gaps do not halve: I_eps keeps rising faster than eps2 falls
}

TEST_CASE("4-cycle: KSG (7-D joint space) lies below the rigorous noise bound, so it is no oracle here",
          "[truth][degenerate]") {
  // Issue 12 asked for agreement with KSG on a 4-cycle. KSG runs on
  // (ln W_E, principal ln T^k): 4 + 3 = 7 dimensions, where it is biased low.
  // Measured (this P = 8, v = 0.3 cycle, 20,000 KSG samples): KSG 0.158 +-
  // 0.007 against a data-processing lower bound I_0.05 of 0.290 +- 0.025
  // (5 combined SE; the generated spec of tests/cli/specs with P = 8: KSG 0.35
  // against 0.50 +- 0.04). Asserted: the bound
  // exceeds KSG by more than 3 combined SE. A KSG that met the truth would
  // fail this.
  TruthOptions o;
  o.samples = 20000;
  o.smc_samples = 1500;
  o.cmc = o.quadrature = false;
  o.seed = 9;
  o.smc_pair_steps = false;  // the bound's path (smc with paired steps: test_smc_paired_steps.cpp)
  const TruthReport r = estimate_true_information(four_cycle(8, 0.3), o);
  const Estimate* ksg = find_estimate(r, "ksg1");
  const Estimate* bound = find_estimate(r, "smc_noise_lower_bound");
  REQUIRE(ksg);
  REQUIRE(bound);
  INFO("ksg " << ksg->value << " +- " << ksg->standard_error << " (" << r.ksg_y << ", " << r.ksg_y_columns
              << " columns); noise bound " << bound->value << " +- " << bound->standard_error);
  CHECK(r.ksg_y_columns + 4 == 7);
  CHECK(bound->value - ksg->value > 3 * std::hypot(bound->standard_error, ksg->standard_error));
}
