// The compact set-3 generator against the full-matrix one (nanoflann's habit:
// the fast path tested against the brute force): the rank-one features
// against the dense eigen-solver on the formed matrix, and the law of the
// restricted covariances and of the features against generate_sample's.
#include "syninfo/simulation/compact_sample.hpp"

#include "syninfo/simulation/features.hpp"
#include "syninfo/simulation/sample_sets.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>

#include <cmath>
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

TEST_CASE("compact sample: rank-one features equal the dense ones on the formed matrix", "[simulation][compact]") {
  // S = U (diag(lambda) + b z z') U' with z = U'1. Tolerances: ln det to 1e-9
  // absolute (a sum of N logs, each to ~1e-14 relative); the condition
  // number to 1e-8 relative (the dense solver's smallest eigenvalue is
  // accurate to ~eps x largest; here cond < 1e4); the off-diagonal ratio to
  // 1e-10 relative (sums of N^2 entries of size ~1).
  Rng rng(21, 0);
  for (int trial = 0; trial < 12; ++trial) {
    const std::size_t n = 5 + 4 * static_cast<std::size_t>(trial);
    const Eigen::MatrixXd u = random_orthogonal(rng, n);
    Eigen::VectorXd lambda(static_cast<Eigen::Index>(n));
    for (Eigen::Index i = 0; i < lambda.size(); ++i) lambda(i) = 0.05 + 2.0 * rng.uniform();
    if (trial % 4 == 3) lambda(0) = 0.0;  // a zero eigenvalue lifted by b > 0
    const double b = trial % 4 == 0 ? 0.0 : trial % 4 == 1 ? -0.9 * lambda.minCoeff() / static_cast<double>(n) : 0.7;
    const Eigen::VectorXd z = u.transpose() * Eigen::VectorXd::Ones(static_cast<Eigen::Index>(n));
    Eigen::MatrixXd t = b * z * z.transpose();
    t.diagonal() += lambda;
    Eigen::MatrixXd s = u * t * u.transpose();
    s = (0.5 * (s + s.transpose())).eval();
    INFO("trial " << trial << ", N = " << n << ", b = " << b);
    const CovarianceFeatures dense = covariance_features(s);
    const CovarianceFeatures fast = rank_one_covariance_features(lambda, z, b);
    CHECK(std::fabs(fast.log_det - dense.log_det) < 1e-9);
    CHECK(std::fabs(fast.condition - dense.condition) < 1e-8 * dense.condition);
    CHECK(std::fabs(fast.offdiag_ratio - dense.offdiag_ratio) < 1e-10 * std::max(1.0, std::fabs(dense.offdiag_ratio)));
  }
  // Singular: lambda with a zero and b = 0 takes the stand-ins, like the dense version.
  Eigen::VectorXd lambda = Eigen::VectorXd::Ones(4);
  lambda(2) = 0.0;
  const CovarianceFeatures f = rank_one_covariance_features(lambda, Eigen::VectorXd::Ones(4), 0.0);
  CHECK(f.log_det == kSingularLogDeterminant);
  CHECK(f.condition == kSingularConditionNumber);
  CHECK_THROWS_AS(rank_one_covariance_features(lambda, Eigen::VectorXd::Ones(3), 0.0), std::invalid_argument);
}

TEST_CASE("compact sample: Stiefel draws have orthonormal columns", "[simulation][compact]") {
  // Q'Q = I to 1e-13 (Householder QR: ~ N eps).
  Rng rng(5, 1);
  for (std::size_t cols : {1u, 3u, 10u, 20u}) {
    const Eigen::MatrixXd q = random_stiefel(rng, 20, cols);
    CHECK((q.transpose() * q - Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(cols), static_cast<Eigen::Index>(cols)))
              .cwiseAbs()
              .maxCoeff() < 1e-13);
  }
}

TEST_CASE("compact sample: set 2 is the full sample restricted, bit for bit", "[simulation][compact]") {
  RandomSetSettings s;
  s.neurons = 16;
  for (std::uint64_t i = 0; i < 5; ++i) {
    const RandomSample full = generate_sample(SetId::set2, s, 3, i);
    const CompactSample c = compact_sample(SetId::set2, s, 3, i);
    const Problem<double> r = restrict_to_touched(full.problem);
    REQUIRE(c.problem.patterns.count() == r.patterns.count());
    CHECK(same_synapses(c.problem.ensemble, r.ensemble));
    for (std::size_t mu = 0; mu < r.patterns.count(); ++mu) {
      CHECK(c.problem.patterns.list[mu].cov == r.patterns.list[mu].cov);
      CHECK(c.problem.patterns.list[mu].mean == r.patterns.list[mu].mean);
    }
    CHECK(c.features == sample_features(full.problem));
    CHECK(c.independent == incidence_independent(full.problem.ensemble));
  }
}

namespace {

struct Moments {
  double sum = 0.0, sum2 = 0.0;
  std::size_t n = 0;
  void add(double x) {
    sum += x;
    sum2 += x * x;
    ++n;
  }
  double mean() const { return sum / static_cast<double>(n); }
  double var() const { return (sum2 - sum * sum / static_cast<double>(n)) / static_cast<double>(n - 1); }
};

// Two-sample z of the means.
double z_of(const Moments& a, const Moments& b) {
  return (a.mean() - b.mean()) / std::sqrt(a.var() / static_cast<double>(a.n) + b.var() / static_cast<double>(b.n));
}

}  // namespace

TEST_CASE("compact sample: set 3's law is the full generator's", "[simulation][compact]") {
  // 3000 samples from each generator (independent streams: different seeds)
  // at N = 10, n = 2, P = 2. The means of the restricted covariance entries,
  // of the restricted mean, and of features 4 and 6 agree within 4.5
  // two-sample standard errors (a false alarm has probability ~1e-5 per
  // check); so do the means of the squared entries (second moments).
  for (Set3Combination comb : {Set3Combination::sum, Set3Combination::scaled_exchangeable, Set3Combination::random_only}) {
    RandomSetSettings s;
    s.neurons = 10;
    s.min_synapses = s.max_synapses = 2;
    s.min_patterns = s.max_patterns = 2;
    s.set3_combination = comb;
    Moments full[6], fast[6];
    for (std::uint64_t i = 0; i < 3000; ++i) {
      const RandomSample f = generate_sample(SetId::set3, s, 100, i);
      const Problem<double> r = restrict_to_touched(f.problem);
      const Features ff = sample_features(f.problem);
      const CompactSample c = compact_sample(SetId::set3, s, 200, i);
      for (int side = 0; side < 2; ++side) {
        const Problem<double>& p = side == 0 ? r : c.problem;
        const Features& x = side == 0 ? ff : c.features;
        Moments* m = side == 0 ? full : fast;
        const auto& cov = p.patterns.list[1].cov;
        m[0].add(cov(0, 0));
        m[1].add(cov(0, 1));
        m[2].add(cov(0, 1) * cov(0, 1));
        m[3].add(p.patterns.list[0].mean(0));
        m[4].add(x[3]);
        m[5].add(x[5]);
      }
    }
    for (int k = 0; k < 6; ++k) {
      INFO("combination " << to_string(comb) << ", statistic " << k << ": full " << full[k].mean() << ", compact "
                          << fast[k].mean());
      CHECK(std::fabs(z_of(full[k], fast[k])) < 4.5);
    }
  }
}

TEST_CASE("compact sample: nested blocks share the problem and grow the ensemble", "[simulation][compact]") {
  RandomSetSettings s;
  s.neurons = 24;
  s.size_law = SizeLaw::nested;
  const CompactSample first = compact_sample(SetId::set3, s, 3, 40);
  const CompactSample last = compact_sample(SetId::set3, s, 3, 59);
  REQUIRE(first.header.synapses == 1);
  REQUIRE(last.header.synapses == 20);
  // The first synapse's 2 x 2 covariance is the same block of both problems.
  const Problem<double> single = [&] {
    Problem<double> p = last.problem;
    p.ensemble = {last.problem.ensemble.front()};
    return restrict_to_touched(p);
  }();
  for (std::size_t mu = 0; mu < first.problem.patterns.count(); ++mu)
    CHECK((single.patterns.list[mu].cov - first.problem.patterns.list[mu].cov).cwiseAbs().maxCoeff() == 0.0);
  CHECK(first.features[3] == last.features[3]);  // the covariance features of one shared problem
}
