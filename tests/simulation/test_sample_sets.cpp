// The simulation sets: the stated distributions of the header draws, valid
// (symmetric, positive semi-definite) covariances, reproducibility from
// (seed, set, index), the touched-neuron restriction and the set-1 example.
#include "syninfo/mutual_information.hpp"
#include "syninfo/simulation/curves.hpp"
#include "syninfo/simulation/sample_sets.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>

#include <cmath>
#include <set>
#include <vector>

using namespace syninfo;
using namespace syninfo::simulation;

TEST_CASE("simulation: header draws follow the stated laws", "[simulation]") {
  // 4000 headers of set 2. Counts of each P in {2..50} (expected 4000/49 = 81.6,
  // binomial sd 8.9) within 5 sd; mean of rho within 5 standard errors of the
  // midpoint of its range (uniform: sd = width/sqrt(12)); mean of
  // sigma2 = |Normal(0,1)| within 5 standard errors of sqrt(2/pi) (sd
  // sqrt(1 - 2/pi)). 5 sd: a false alarm has probability < 1e-6 per check.
  RandomSetSettings s;
  const std::size_t m = 4000;
  std::vector<std::size_t> p_count(51, 0), n_count(21, 0);
  double rho_sum = 0.0, sigma_sum = 0.0, rho_min = 1.0, rho_max = -1.0;
  for (std::size_t i = 0; i < m; ++i) {
    const SampleHeader h = sample_header(SetId::set2, s, 11, i);
    REQUIRE(h.patterns >= 2);
    REQUIRE(h.patterns <= 50);
    REQUIRE(h.synapses >= 1);
    REQUIRE(h.synapses <= 20);
    REQUIRE(h.pattern < h.patterns);
    REQUIRE(h.sigma2 >= 0.0);
    REQUIRE(h.rho >= -1.0 / 63.0);
    REQUIRE(h.rho <= 1.0);
    ++p_count[h.patterns];
    ++n_count[h.synapses];
    rho_sum += h.rho;
    sigma_sum += h.sigma2;
    rho_min = std::min(rho_min, h.rho);
    rho_max = std::max(rho_max, h.rho);
  }
  const double expected_p = m / 49.0, sd_p = std::sqrt(m * (1.0 / 49.0) * (48.0 / 49.0));
  for (std::size_t p = 2; p <= 50; ++p) CHECK(std::fabs(p_count[p] - expected_p) < 5 * sd_p);
  const double expected_n = m / 20.0, sd_n = std::sqrt(m * 0.05 * 0.95);
  for (std::size_t n = 1; n <= 20; ++n) CHECK(std::fabs(n_count[n] - expected_n) < 5 * sd_n);
  const double lo = -1.0 / 63.0, hi = 1.0;
  CHECK(std::fabs(rho_sum / m - (lo + hi) / 2) < 5 * (hi - lo) / std::sqrt(12.0 * m));
  CHECK(rho_min < lo + 0.01);  // the whole valid range is used (the chance of missing 1% of it 4000 times is 3e-18)
  CHECK(rho_max > hi - 0.01);
  CHECK(std::fabs(sigma_sum / m - std::sqrt(2 / M_PI)) < 5 * std::sqrt((1 - 2 / M_PI) / m));
}

TEST_CASE("simulation: samples are reproducible and their covariances valid", "[simulation]") {
  RandomSetSettings s;
  s.neurons = 24;  // small N keeps the test fast; the laws are the same
  for (SetId set : {SetId::set2, SetId::set3, SetId::set3_fig4}) {
    for (std::uint64_t i = 0; i < 6; ++i) {
      const RandomSample a = generate_sample(set, s, 5, i);
      const RandomSample b = generate_sample(set, s, 5, i);
      const SampleHeader h = sample_header(set, s, 5, i);
      CHECK(a.header.patterns == h.patterns);
      CHECK(a.header.synapses == h.synapses);
      CHECK(a.header.rho == h.rho);
      REQUIRE(a.problem.patterns.count() == h.patterns);
      REQUIRE(a.problem.ensemble.size() == h.synapses);
      CHECK(a.problem.pattern == h.pattern);
      std::set<std::pair<std::size_t, std::size_t>> pairs;
      for (const auto& syn : a.problem.ensemble) {
        CHECK(syn.i < syn.j);  // no self-connections, stored ordered
        CHECK(syn.j < s.neurons);
        CHECK(pairs.insert({syn.i, syn.j}).second);
      }
      for (std::size_t mu = 0; mu < h.patterns; ++mu) {
        const auto& p = a.problem.patterns.list[mu];
        CHECK(p.mean == b.problem.patterns.list[mu].mean);  // bit-identical regeneration
        CHECK(p.cov == b.problem.patterns.list[mu].cov);
        CHECK(p.mean.maxCoeff() <= 1.0);
        CHECK(p.mean.minCoeff() >= -1.0);
        CHECK((p.cov - p.cov.transpose()).cwiseAbs().maxCoeff() == 0.0);  // exactly symmetric
        // Positive semi-definite: smallest eigenvalue above -1e-12 x largest
        // (a sum of PSD parts; only rounding can make it negative).
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(p.cov, Eigen::EigenvaluesOnly);
        CHECK(eig.eigenvalues()(0) > -1e-12 * eig.eigenvalues().cwiseAbs().maxCoeff());
        // The exchangeable part sigma2((1-rho) I + rho 11') is a lower bound
        // for set 2's diagonal (B B' adds a non-negative diagonal).
        CHECK(p.cov(0, 0) >= h.sigma2 - 1e-12);
      }
      // Set 2 shares one covariance; set 3 draws one per pattern.
      if (h.patterns > 1) {
        const bool same = a.problem.patterns.list[0].cov == a.problem.patterns.list[1].cov;
        CHECK(same == (set == SetId::set2));
      }
      validate_problem(a.problem);  // throws on anything the model rejects
    }
  }
  // Different sets, seeds and N are different streams.
  CHECK(generate_sample(SetId::set3, s, 5, 0).problem.patterns.list[0].mean !=
        generate_sample(SetId::set3_fig4, s, 5, 0).problem.patterns.list[0].mean);
  CHECK(set_seed(1, SetId::set2, 64) != set_seed(1, SetId::set2, 32));
  CHECK(set_seed(1, SetId::set2, 64) != set_seed(2, SetId::set2, 64));
}

TEST_CASE("simulation: random orthogonal matrices and exchangeable covariances", "[simulation]") {
  Rng rng(3, 0);
  const Eigen::MatrixXd q = random_orthogonal(rng, 20);
  // Q'Q = I to rounding (Householder QR: ~ N eps).
  CHECK((q.transpose() * q - Eigen::MatrixXd::Identity(20, 20)).cwiseAbs().maxCoeff() < 1e-13);
  const Eigen::MatrixXd s = exchangeable_covariance(4, 0.8, 0.25);
  CHECK(s(0, 0) == 0.8);
  CHECK(s(1, 3) == 0.8 * 0.25);
  // Haar: the mean of Q_00 over many draws is 0 and its variance 1/N (sd of
  // the mean of 2000 draws: sqrt(1/(20*2000)) = 0.005; 5 sd bound).
  double sum = 0.0, sum2 = 0.0;
  for (int k = 0; k < 2000; ++k) {
    const double x = random_orthogonal(rng, 20)(0, 0);
    sum += x;
    sum2 += x * x;
  }
  CHECK(std::fabs(sum / 2000) < 0.025);
  CHECK(std::fabs(sum2 / 2000 - 0.05) < 5 * 0.05 * std::sqrt(2.0 / 2000));  // var of x^2 ~ 2/N^2 (near-Gaussian entries)
}

TEST_CASE("simulation: the closed form only sees the touched neurons", "[simulation][c7]") {
  // restrict_to_touched gives the same closed form as the full problem; the
  // terms e_a' S e_b use the same entries, so agreement is to rounding of the
  // log-determinants (1e-12 relative).
  RandomSetSettings s;
  s.neurons = 24;
  for (std::uint64_t i = 0; i < 8; ++i) {
    const RandomSample a = generate_sample(SetId::set3, s, 9, i);
    const Problem<double> r = restrict_to_touched(a.problem);
    CHECK(r.patterns.neurons() <= 2 * a.problem.ensemble.size());
    const auto full = fenton_wilkinson_mutual_information(a.problem);
    const auto small = fenton_wilkinson_mutual_information(r);
    REQUIRE(full.status == small.status);
    if (full.ok()) CHECK(small.mi_nats == Approx(full.mi_nats).epsilon(1e-12).margin(1e-15));
  }
}

TEST_CASE("simulation: incidence vectors, independent or not", "[simulation]") {
  CHECK(incidence_independent({{0, 1}, {1, 2}, {2, 3}}));              // a path (tree)
  CHECK(incidence_independent({{0, 1}, {1, 2}, {0, 2}}));              // odd cycle: rank 3
  CHECK_FALSE(incidence_independent({{0, 1}, {1, 2}, {2, 3}, {0, 3}})); // even cycle: e01 - e12 + e23 - e03 = 0
  CHECK(incidence_independent({{0, 1}, {2, 3}, {4, 5}}));
}

TEST_CASE("simulation: the set-1 example is nested in P and embeds in larger N", "[simulation][c7]") {
  const CurveExample ex(1, 64, 30, 10, false);
  const Problem<double> p10 = ex.problem(10, 5, 1.0, 0.5);
  const Problem<double> p30 = ex.problem(30, 5, 1.0, 0.5);
  for (std::size_t mu = 0; mu < 10; ++mu) CHECK(p10.patterns.list[mu].mean == p30.patterns.list[mu].mean);
  CHECK(p10.ensemble.size() == 5);
  for (std::size_t a = 0; a < 5; ++a) {
    CHECK(p10.ensemble[a].i == ex.synapse_sequence()[a].i);
    CHECK(p10.ensemble[a].j == ex.synapse_sequence()[a].j);
  }
  // Embedded at 128 neurons: the first 64 means are the same and the closed
  // form agrees to rounding (1e-12 relative).
  const Problem<double> big = ex.problem_at(128, 10, 5, 1.0, 0.5);
  CHECK(big.patterns.list[3].mean.head(64) == p10.patterns.list[3].mean);
  const auto a = fenton_wilkinson_mutual_information(p10), b = fenton_wilkinson_mutual_information(big);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(b.mi_nats == Approx(a.mi_nats).epsilon(1e-12));
  const auto lg = log_grid(0.05, 4.0, 5);
  CHECK(lg.front() == 0.05);
  CHECK(lg.back() == 4.0);
  CHECK(lg[2] == Approx(std::sqrt(0.05 * 4.0)).epsilon(1e-14));  // geometric midpoint
  const auto lin = linear_grid(0.0, 0.99, 4);
  CHECK(lin[1] == Approx(0.33).epsilon(1e-14));
}
