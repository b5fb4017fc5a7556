// The simulation sets: the stated distributions of the header draws, valid
// (symmetric, positive semi-definite) covariances, reproducibility from
// (seed, set, index), the touched-neuron restriction and the set-1 example.
#include "syninfo/mutual_information.hpp"
#include "syninfo/simulation/curves.hpp"
#include "syninfo/simulation/sample_sets.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

using namespace syninfo;
using namespace syninfo::simulation;

namespace {

bool same_synapses(const Ensemble& a, const Ensemble& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].i != b[k].i || a[k].j != b[k].j) return false;
  return true;
}

}  // namespace

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

namespace {

// Distinct, ordered, in range, no self-connections.
void check_well_formed(const Ensemble& e, std::size_t neurons) {
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& syn : e) {
    CHECK(syn.i < syn.j);
    CHECK(syn.j < neurons);
    CHECK(pairs.insert({syn.i, syn.j}).second);
  }
}

}  // namespace

TEST_CASE("simulation: the membership laws draw the ensembles they name", "[simulation][laws]") {
  RandomSetSettings s;
  s.neurons = 24;
  Rng rng(17, 0);
  for (std::size_t n = 1; n <= 20; ++n) {
    s.membership = Membership::random_pairs;
    const Ensemble a = draw_ensemble(rng, s, n);
    REQUIRE(a.size() == n);
    check_well_formed(a, s.neurons);

    // Pairs of a subset: at most m distinct neurons (default m = 7, the
    // smallest whose 21 pairs hold 20 synapses).
    s.membership = Membership::subset_pairs;
    CHECK(s.effective_subset_neurons() == 7);
    const Ensemble b = draw_ensemble(rng, s, n);
    REQUIRE(b.size() == n);
    check_well_formed(b, s.neurons);
    CHECK(touched_neurons(b).size() <= 7);

    // All pairs of the smallest subset: exactly k neurons with C(k-1, 2) < n <= C(k, 2).
    s.membership = Membership::all_pairs_of_subset;
    const Ensemble c = draw_ensemble(rng, s, n);
    REQUIRE(c.size() == n);
    check_well_formed(c, s.neurons);
    std::size_t k = 2;
    while (k * (k - 1) / 2 < n) ++k;
    CHECK(touched_neurons(c).size() <= k);
    if (n == k * (k - 1) / 2) CHECK(touched_neurons(c).size() == k);  // all pairs of k neurons

    // Connected: every synapse after the first shares a neuron with an earlier one.
    s.membership = Membership::connected;
    const Ensemble d = draw_ensemble(rng, s, n);
    REQUIRE(d.size() == n);
    check_well_formed(d, s.neurons);
    for (std::size_t x = 1; x < d.size(); ++x) {
      const auto before = touched_neurons(Ensemble(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(x)));
      const bool shares = std::binary_search(before.begin(), before.end(), d[x].i) ||
                          std::binary_search(before.begin(), before.end(), d[x].j);
      CHECK(shares);
    }
    CHECK(touched_neurons(d).size() <= n + 1);  // a connected graph with n edges has at most n + 1 vertices
  }
  // Tight: all 6 pairs of 4 neurons with the connected law (the loop must end).
  s.neurons = 4;
  s.max_synapses = 6;
  s.membership = Membership::connected;
  CHECK(draw_ensemble(rng, s, 6).size() == 6);
}

TEST_CASE("simulation: balanced and nested size laws", "[simulation][laws]") {
  RandomSetSettings s;
  s.neurons = 24;
  s.size_law = SizeLaw::balanced;
  std::vector<std::size_t> count(21, 0);
  for (std::uint64_t i = 0; i < 200; ++i) ++count[sample_header(SetId::set2, s, 3, i).synapses];
  for (std::size_t n = 1; n <= 20; ++n) CHECK(count[n] == 10);  // exactly equal counts
  // Balanced keeps the uniform law's other draws (same stream).
  RandomSetSettings u = s;
  u.size_law = SizeLaw::uniform;
  CHECK(sample_header(SetId::set2, s, 3, 5).rho == sample_header(SetId::set2, u, 3, 5).rho);

  // Nested: samples 20b .. 20b + 19 share the problem and grow one ensemble.
  s.size_law = SizeLaw::nested;
  for (SetId set : {SetId::set2, SetId::set3}) {
    const RandomSample first = generate_sample(set, s, 3, 20);
    REQUIRE(first.header.synapses == 1);
    for (std::uint64_t i = 21; i < 40; ++i) {
      const RandomSample x = generate_sample(set, s, 3, i);
      REQUIRE(x.header.synapses == i - 19);
      CHECK(x.header.rho == first.header.rho);
      CHECK(x.problem.patterns.list[0].cov == first.problem.patterns.list[0].cov);
      const RandomSample prev = generate_sample(set, s, 3, i - 1);
      CHECK(same_synapses(Ensemble(x.problem.ensemble.begin(), x.problem.ensemble.end() - 1), prev.problem.ensemble));
    }
    CHECK(generate_sample(set, s, 3, 40).header.rho != first.header.rho);  // the next block is a new problem
  }
}

TEST_CASE("simulation: set-3 combinations and eigenvalue positivity", "[simulation][laws]") {
  // The combinations differ only in where the factor c goes, so with the same
  // stream: sum - E = c R, scaled - R = c E, random_only = c R, where E is the
  // exchangeable part and R = Q D Q'. Checked to 1e-12 relative (a few
  // roundings of entries of size ~1).
  RandomSetSettings s;
  s.neurons = 12;
  const RandomSample sum = generate_sample(SetId::set3, s, 8, 2);
  const Eigen::MatrixXd e = exchangeable_covariance(12, sum.header.sigma2, sum.header.rho);
  s.set3_combination = Set3Combination::random_only;
  const RandomSample only = generate_sample(SetId::set3, s, 8, 2);
  s.set3_combination = Set3Combination::scaled_exchangeable;
  const RandomSample scaled = generate_sample(SetId::set3, s, 8, 2);
  for (std::size_t mu = 0; mu < sum.header.patterns; ++mu) {
    const Eigen::MatrixXd c_r = sum.problem.patterns.list[mu].cov - e;
    CHECK((only.problem.patterns.list[mu].cov - c_r).cwiseAbs().maxCoeff() < 1e-12);
    // scaled = c E + R and c_r = c R give c scaled - c_r = c^2 E: solve the
    // (0, 0) entry's quadratic E00 c^2 - scaled00 c + c_r00 = 0 for the root
    // in [0, 1.44] and check every entry with it (1e-6: a root of a
    // quadratic is accurate to ~sqrt(eps) when the discriminant is small).
    const Eigen::MatrixXd& sc = scaled.problem.patterns.list[mu].cov;
    const double qa = e(0, 0), qb = -sc(0, 0), qc = c_r(0, 0);
    const double disc = std::sqrt(std::max(qb * qb - 4 * qa * qc, 0.0));
    double best = 1e300;
    for (const double c : {(-qb - disc) / (2 * qa), (-qb + disc) / (2 * qa)})
      if (c >= 0.0 && c <= 1.44) best = std::min(best, (c * sc - c_r - c * c * e).cwiseAbs().maxCoeff());
    CHECK(best < 1e-6);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(scaled.problem.patterns.list[mu].cov, Eigen::EigenvaluesOnly);
    CHECK(eig.eigenvalues()(0) > 0.0);
  }
  // Positivity: every eigenvalue of D is positive, and the floor is respected.
  // The eigenvalues of c Q D Q' are c d_i: with random_only and floor 0.5 the
  // smallest eigenvalue of S is at least 0.5 c > 0 (to 1e-12 rounding).
  for (EigenPositivity p : {EigenPositivity::absolute, EigenPositivity::reject, EigenPositivity::floor}) {
    s.eigen_positivity = p;
    s.eigen_floor = 0.5;
    s.set3_combination = Set3Combination::random_only;
    const RandomSample x = generate_sample(SetId::set3, s, 9, 1);
    for (const auto& pat : x.problem.patterns.list) {
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(pat.cov, Eigen::EigenvaluesOnly);
      CHECK(eig.eigenvalues()(0) > -1e-12);
    }
    validate_problem(x.problem);
  }
}

TEST_CASE("simulation: B's shape sets the rank of set 2's random part", "[simulation][laws]") {
  // S - E = s B B' with B of N x k has rank k: k = 2 leaves N - 2 zero
  // eigenvalues (|lambda| < 1e-12 x the largest; rounding only).
  RandomSetSettings s;
  s.neurons = 10;
  s.bb_columns = 2;
  const RandomSample x = generate_sample(SetId::set2, s, 4, 0);
  const Eigen::MatrixXd bb = x.problem.patterns.list[0].cov - exchangeable_covariance(10, x.header.sigma2, x.header.rho);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(bb, Eigen::EigenvaluesOnly);
  const double top = eig.eigenvalues().cwiseAbs().maxCoeff();
  std::size_t zero = 0;
  for (Eigen::Index i = 0; i < eig.eigenvalues().size(); ++i) zero += std::fabs(eig.eigenvalues()(i)) < 1e-12 * top ? 1 : 0;
  CHECK(zero == 8);
}
