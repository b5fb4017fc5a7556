// Shared fixtures for the core tests: small specs built in code, and the
// path to the committed reference data.
#pragma once

#include "syninfo/decimal.hpp"
#include "syninfo/model.hpp"

#include <string>

namespace syninfo::test {

inline std::string data_path(const std::string& relative) { return std::string(SYNINFO_TEST_DATA) + "/" + relative; }

// Exchangeable covariance sigma2 ((1 - rho) I + rho 11'), entries from text.
template <class T>
Matrix<T> exchangeable(int n, const char* sigma2, const char* rho) {
  const T s = from_decimal<T>(sigma2), r = from_decimal<T>(rho);
  Matrix<T> m = Matrix<T>::Constant(n, n, s * r);
  for (int a = 0; a < n; ++a) m(a, a) = s;
  return m;
}

// A heterogeneous problem: P patterns with different means and covariances
// (exchangeable part plus a rank-one part), all built from decimal text.
template <class T>
Problem<T> heterogeneous_problem(int neurons, int patterns, Ensemble ensemble, std::size_t k = 0) {
  Problem<T> p;
  for (int mu = 0; mu < patterns; ++mu) {
    Pattern<T> pat;
    pat.mean.resize(neurons);
    for (int a = 0; a < neurons; ++a)
      pat.mean(a) = from_decimal<T>(std::to_string(((mu * 7 + a * 3) % 11) - 5)) / 10;
    const std::string s2 = "0." + std::to_string(1 + (mu % 4));  // 0.1 .. 0.4
    const std::string rho = "0." + std::to_string(mu % 3);       // 0 .. 0.2
    pat.cov = exchangeable<T>(neurons, s2.c_str(), rho.c_str());
    Vector<T> u(neurons);
    for (int a = 0; a < neurons; ++a) u(a) = from_decimal<T>(std::to_string((a + mu) % 5)) / 20;
    pat.cov += u * u.transpose();
    p.patterns.list.push_back(pat);
  }
  p.ensemble = std::move(ensemble);
  p.pattern = k;
  return p;
}

}  // namespace syninfo::test
