// Exact moments (theory.md section 2) against simulation, and their structure.
#include <catch2/catch.hpp>

#include "syninfo/moments.hpp"
#include "syninfo/random.hpp"

#include "test_helpers.hpp"

#include <Eigen/Eigenvalues>

using namespace syninfo;

namespace {

// A square root of a PSD matrix (S = L L'), by eigen-decomposition.
Eigen::MatrixXd psd_root(const Eigen::MatrixXd& s) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(s);
  Eigen::VectorXd d = eig.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  return eig.eigenvectors() * d.asDiagonal();
}

}  // namespace

TEST_CASE("exact moments match sample moments of simulated weights", "[moments]") {
  // Three heterogeneous patterns, an ensemble with a shared neuron and a
  // self-connection, so every covariance term of section 2 is exercised.
  const Ensemble ensemble{{0, 1}, {1, 2}, {3, 3}};
  const auto problem = test::heterogeneous_problem<double>(4, 3, ensemble);
  const auto terms = synaptic_terms(problem.patterns, ensemble);
  const auto exact = exact_moments(terms);
  const Eigen::VectorXd mean = exact.mean();
  const Eigen::MatrixXd cov = exact.covariance();

  const int samples = 400000;
  const int n = 3;
  std::vector<Eigen::MatrixXd> roots;
  for (const auto& p : problem.patterns.list) roots.push_back(psd_root(p.cov));
  Eigen::MatrixXd w(samples, n);
  for (int s = 0; s < samples; ++s) {
    Rng rng(20261122, static_cast<std::uint64_t>(s));
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(n);
    for (std::size_t mu = 0; mu < problem.patterns.count(); ++mu) {
      Eigen::VectorXd z(4);
      for (int a = 0; a < 4; ++a) z(a) = rng.normal();
      const Eigen::VectorXd y = problem.patterns.list[mu].mean + roots[mu] * z;
      for (int a = 0; a < n; ++a) sum(a) += std::exp(y(ensemble[a].i) + y(ensemble[a].j));
    }
    w.row(s) = sum.transpose();
  }
  const Eigen::VectorXd sample_mean = w.colwise().mean().transpose();
  const Eigen::MatrixXd centred = w.rowwise() - sample_mean.transpose();
  // Tolerance: 5 standard errors of each sample statistic (9 comparisons, so a
  // false alarm has probability ~5e-6), SEs estimated from the same sample.
  for (int a = 0; a < n; ++a) {
    const double se = std::sqrt(centred.col(a).squaredNorm() / (samples - 1) / samples);
    INFO("mean of synapse " << a << ": exact " << mean(a) << ", sample " << sample_mean(a) << ", se " << se);
    CHECK(std::abs(sample_mean(a) - mean(a)) < 5 * se);
  }
  for (int a = 0; a < n; ++a)
    for (int b = 0; b <= a; ++b) {
      const Eigen::ArrayXd prod = centred.col(a).array() * centred.col(b).array();
      const double c = prod.mean();
      const double se = std::sqrt((prod - c).square().sum() / (samples - 1) / samples);
      INFO("cov(" << a << "," << b << "): exact " << cov(a, b) << ", sample " << c << ", se " << se);
      CHECK(std::abs(c - cov(a, b)) < 5 * se);
    }
}

TEST_CASE("covariance of the sum is positive semi-definite", "[moments]") {
  // C is a sum of covariance matrices: its smallest eigenvalue is >= 0 up to
  // rounding (tolerance 100 n eps times the largest eigenvalue, at 50 digits).
  const Ensemble ensemble{{0, 1}, {1, 2}, {2, 3}, {0, 3}, {1, 3}, {0, 0}, {2, 2}};
  for (int patterns : {2, 5, 9}) {
    const auto problem = test::heterogeneous_problem<float50>(4, patterns, ensemble);
    const auto c = exact_moments(synaptic_terms(problem.patterns, ensemble)).relative_cov;
    Eigen::SelfAdjointEigenSolver<Matrix<float50>> eig(c, Eigen::EigenvaluesOnly);
    const float50 top = eig.eigenvalues()(c.rows() - 1);
    INFO("P = " << patterns << ", smallest eigenvalue " << eig.eigenvalues()(0));
    CHECK(eig.eigenvalues()(0) >= -100 * 7 * std::numeric_limits<float50>::epsilon() * top);
  }
}

TEST_CASE("log-domain moments equal the direct formulas of section 2", "[moments]") {
  // The scaled (log-sum-exp) computation against the textbook sums, both at
  // 100 digits: agreement to 1e-95 relative (a few hundred ulps of headroom).
  const Ensemble ensemble{{0, 1}, {1, 2}, {2, 2}};
  const auto problem = test::heterogeneous_problem<float100>(3, 4, ensemble);
  const auto m = exact_moments(synaptic_terms(problem.patterns, ensemble), std::size_t{1});
  const Vector<float100> mean = m.mean();
  const Matrix<float100> cov = m.covariance();
  for (int a = 0; a < 3; ++a) {
    float100 direct_mean = 0;
    for (std::size_t mu = 0; mu < 4; ++mu) {
      if (mu == 1) continue;
      const auto& p = problem.patterns.list[mu];
      const auto i = ensemble[a].i, j = ensemble[a].j;
      direct_mean += exp(p.mean(i) + p.mean(j) + (p.cov(i, i) + p.cov(j, j) + 2 * p.cov(i, j)) / 2);
    }
    CHECK(abs(mean(a) / direct_mean - 1) < float100("1e-95"));
    for (int b = 0; b < 3; ++b) {
      float100 direct = 0;
      for (std::size_t mu = 0; mu < 4; ++mu) {
        if (mu == 1) continue;
        const auto& p = problem.patterns.list[mu];
        const auto ia = ensemble[a].i, ja = ensemble[a].j, ib = ensemble[b].i, jb = ensemble[b].j;
        const float100 aa = exp(p.mean(ia) + p.mean(ja) + (p.cov(ia, ia) + p.cov(ja, ja) + 2 * p.cov(ia, ja)) / 2);
        const float100 ab = exp(p.mean(ib) + p.mean(jb) + (p.cov(ib, ib) + p.cov(jb, jb) + 2 * p.cov(ib, jb)) / 2);
        direct += aa * ab * (exp(p.cov(ia, ib) + p.cov(ia, jb) + p.cov(ja, ib) + p.cov(ja, jb)) - 1);
      }
      CHECK(abs(cov(a, b) / direct - 1) < float100("1e-95"));
    }
  }
}
