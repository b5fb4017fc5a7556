// The worked examples of proofs/ as fixed regression cases. Their numbers
// were computed with mpmath at 30-50 digits by an implementation that shares
// no code with the library (see proofs/README.md), and are printed there
// rounded; each check allows one unit in the last printed place.
#include "syninfo/decimal.hpp"
#include "syninfo/mutual_information.hpp"
#include "test_helpers.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

using namespace syninfo;

namespace {

using T = float50;

Pattern<T> pattern(std::initializer_list<const char*> mean, const Matrix<T>& cov) {
  Pattern<T> p;
  p.mean.resize(static_cast<Eigen::Index>(mean.size()));
  Eigen::Index a = 0;
  for (const char* m : mean) p.mean(a++) = from_decimal<T>(m);
  p.cov = cov;
  return p;
}

Matrix<T> diagonal(std::initializer_list<const char*> entries) {
  Matrix<T> m = Matrix<T>::Zero(static_cast<Eigen::Index>(entries.size()), static_cast<Eigen::Index>(entries.size()));
  Eigen::Index a = 0;
  for (const char* e : entries) {
    m(a, a) = from_decimal<T>(e);
    ++a;
  }
  return m;
}

double d(const T& x) { return to_double(x); }

}  // namespace

TEST_CASE("proof example (a): rank-deficient C at high correlation gives an indefinite K",
          "[proofs][not_positive_definite]") {
  // proofs/prop_2_1_pair_covariance.md section 4 (a): N = 3, P = 2, ensemble
  // (0,1), (1,2), (0,2), S = 0.5 (0.01 I + 0.99 11'). Eigenvalues of K printed
  // to 8 significant digits, det K to 8.
  Problem<T> p;
  const Matrix<T> s = test::exchangeable<T>(3, "0.5", "0.99");
  p.patterns.list = {pattern({"0.5", "-0.5", "0"}, s), pattern({"-0.5", "0.5", "0.25"}, s)};
  p.ensemble = {{0, 1}, {1, 2}, {0, 2}};
  const auto r = fenton_wilkinson_mutual_information(p);
  CHECK(r.status == MiStatus::not_positive_definite);
  CHECK_THAT(r.detail, Catch::Contains("K is not positive definite"));
  const Matrix<T>& k = r.all_patterns.parameters.K;
  Eigen::SelfAdjointEigenSolver<Matrix<T>> eig(k, Eigen::EigenvaluesOnly);
  CHECK(std::abs(d(eig.eigenvalues()(0)) - -0.0031196012) < 1e-10);
  CHECK(std::abs(d(eig.eigenvalues()(1)) - 0.32225467) < 1e-8);
  CHECK(std::abs(d(eig.eigenvalues()(2)) - 4.258804) < 1e-6);
  CHECK(std::abs(d(k.determinant()) - -0.0042814014) < 1e-10);
  CHECK(std::abs(d(k(0, 0)) - 1.4249781) < 1e-7);
  CHECK(std::abs(d(k(0, 1)) - 1.4205807) < 1e-7);
  // The exact covariance C is positive definite (smallest eigenvalue 0.6475236).
  Eigen::SelfAdjointEigenSolver<Matrix<T>> c_eig(r.all_patterns.moments.covariance(), Eigen::EigenvaluesOnly);
  CHECK(std::abs(d(c_eig.eigenvalues()(0)) - 0.6475236) < 1e-7);
  // With rho = 0.9 instead, K is positive definite (smallest eigenvalue 0.0370).
  const Matrix<T> s9 = test::exchangeable<T>(3, "0.5", "0.9");
  p.patterns.list = {pattern({"0.5", "-0.5", "0"}, s9), pattern({"-0.5", "0.5", "0.25"}, s9)};
  const auto r9 = fenton_wilkinson_mutual_information(p);
  CHECK(r9.ok());
  CHECK(std::abs(d(r9.all_patterns.analysis.min_eigenvalue) - 0.0370) < 1e-4);
}

TEST_CASE("proof example (b): two synapses with very different relative variances give det K < 0",
          "[proofs][not_positive_definite]") {
  // proofs/prop_2_1_pair_covariance.md section 4 (b): ensemble (0,1), (0,2),
  // m^1 = 0, S^1 = diag(4, 0, 0), m^2 = (0, 0, 2), S^2 = I / 2. K printed to 10
  // significant digits, det K to 9.
  Problem<T> p;
  p.patterns.list = {pattern({"0", "0", "0"}, diagonal({"4", "0", "0"})),
                     pattern({"0", "0", "2"}, diagonal({"0.5", "0.5", "0.5"}))};
  p.ensemble = {{0, 1}, {0, 2}};
  const auto r = fenton_wilkinson_mutual_information(p);
  CHECK(r.status == MiStatus::not_positive_definite);
  const Matrix<T>& k = r.all_patterns.parameters.K;
  CHECK(std::abs(d(k(0, 0)) - 3.607769403) < 1e-9);
  CHECK(std::abs(d(k(0, 1)) - 2.868902774) < 1e-9);
  CHECK(std::abs(d(k(1, 1)) - 2.230602951) < 1e-9);
  CHECK(std::abs(d(k.determinant()) - -0.183102049) < 1e-9);
  // The pair formula (Prop. 2.2) needs the same check and says so.
  CHECK(pair_mutual_information(p.patterns, p.ensemble[0], p.ensemble[1], 0).status ==
        MiStatus::not_positive_definite);
}

TEST_CASE("proof examples: I_FW < 0 with an ok status", "[proofs][negative]") {
  // proofs/prop_1_2_singleton_mi.md section 4: N = 2, synapse (0,1), P = 2,
  // k = 0. I_FW printed to 11 decimals.
  Problem<T> p;
  p.ensemble = {{0, 1}};
  p.patterns.list = {pattern({"-1.5", "-1.5"}, diagonal({"3", "3"})), pattern({"0", "0"}, diagonal({"1", "1"}))};
  const auto r1 = fenton_wilkinson_mutual_information(p);
  REQUIRE(r1.ok());
  CHECK(std::abs(d(r1.mi_nats) - -0.16129212033) < 1e-11);
  CHECK(std::abs(d(r1.all_patterns.parameters.K(0, 0)) - 3.512204274) < 1e-9);
  CHECK_FALSE(r1.warnings.empty());  // the negative value is flagged
  p.patterns.list = {pattern({"-3", "-3"}, diagonal({"6", "6"})), pattern({"0", "0"}, diagonal({"0.5", "0.5"}))};
  const auto r2 = fenton_wilkinson_mutual_information(p);
  REQUIRE(r2.ok());
  CHECK(std::abs(d(r2.mi_nats) - -2.89799744348) < 1e-11);
}

TEST_CASE("proof identity: I_FW = sum of singles + half log of the ratio of correlation determinants",
          "[proofs][decomposition]") {
  // proofs/prop_3_ntuple_mi.md section 3 (and prop_2_2 section 2 for n = 2):
  // I_FW(W_E) = sum_a I_FW(W_a) + (1/2) ln(det rho_K / det rho_K'), with
  // rho_K the correlation matrix of K. An algebraic identity, so at 50 digits
  // both sides agree to rounding: 1e-40 absolute leaves ~1e9 eps of room for
  // the log-determinants of the n x n matrices.
  for (const Ensemble& ensemble : {Ensemble{{0, 1}, {1, 2}}, Ensemble{{0, 1}, {2, 3}, {1, 3}, {0, 4}, {2, 2}}}) {
    const auto p = test::heterogeneous_problem<T>(5, 4, ensemble, 1);
    const auto whole = fenton_wilkinson_mutual_information(p);
    REQUIRE(whole.ok());
    T singles = 0;
    for (const auto& s : ensemble) {
      const auto single = singleton_mutual_information(p.patterns, s, p.pattern);
      REQUIRE(single.status == MiStatus::ok);
      singles += single.mi_nats;
    }
    auto log_det_correlation = [](const Matrix<T>& k) {
      const Vector<T> scale = k.diagonal().cwiseSqrt().cwiseInverse();
      const Matrix<T> rho = scale.asDiagonal() * k * scale.asDiagonal();
      Eigen::LLT<Matrix<T>> llt(rho);
      T sum = 0;
      for (Eigen::Index a = 0; a < rho.rows(); ++a) sum += log(T(llt.matrixLLT()(a, a)));
      return T(2 * sum);
    };
    const T correlation_term = (log_det_correlation(whole.all_patterns.parameters.K) -
                                log_det_correlation(whole.without_pattern.parameters.K)) / 2;
    INFO("n = " << ensemble.size() << ", I_FW " << whole.mi_nats << ", singles " << singles << ", correlation term "
                << correlation_term);
    CHECK(abs(T(whole.mi_nats - singles - correlation_term)) < T("1e-40"));
    // For n = 2 the term is (1/2) ln((1 - r^2) / (1 - r'^2)) with r the correlation of K.
    if (ensemble.size() == 2) {
      auto r2 = [](const Matrix<T>& k) { return T(k(0, 1) * k(0, 1) / (k(0, 0) * k(1, 1))); };
      const T pair_term = log(T((1 - r2(whole.all_patterns.parameters.K)) / (1 - r2(whole.without_pattern.parameters.K)))) / 2;
      CHECK(abs(T(pair_term - correlation_term)) < T("1e-40"));
    }
  }
}
