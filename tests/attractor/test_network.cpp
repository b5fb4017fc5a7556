#include "syninfo/attractor/network.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace syninfo::attractor;

TEST_CASE("attractor network: connection count is Bernoulli(c) per ordered pair, no self-connections") {
  const AttractorParameters p;
  const NetworkSize size{2000, 0.05, 3, 5};
  const Network net = build_network(p, size, 2);
  const double pairs = 2000.0 * 1999.0;
  const double expected = pairs * 0.05;
  const double sd = std::sqrt(pairs * 0.05 * 0.95);
  // Binomial count: within 5 standard deviations.
  CHECK(std::abs(static_cast<double>(net.J.nonzeros()) - expected) < 5 * sd);
  for (std::size_t i = 0; i < size.N; ++i)
    for (std::size_t k = net.J.row_start[i]; k < net.J.row_start[i + 1]; ++k) {
      REQUIRE(net.J.cols[k] != static_cast<std::int32_t>(i));
      if (k > net.J.row_start[i]) REQUIRE(net.J.cols[k] > net.J.cols[k - 1]);  // sorted, distinct
    }
}

TEST_CASE("attractor network: weights follow the rule, the product matches a dense one, threads change nothing") {
  const AttractorParameters p;
  const NetworkSize size{60, 0.3, 4, 9};
  const Network one = build_network(p, size, 1);
  const Network two = build_network(p, size, 2);
  REQUIRE(one.J.cols == two.J.cols);
  REQUIRE(one.J.values == two.J.values);
  const Eigen::MatrixXd W = dense_weights(one);
  const double scale = p.A / (0.3 * 60);
  double max_diff = 0;
  for (Eigen::Index i = 0; i < 60; ++i)
    for (Eigen::Index j = 0; j < 60; ++j) {
      if (W(i, j) == 0) continue;
      double expected = 0;
      for (Eigen::Index mu = 0; mu < 4; ++mu)
        expected += one.rule.f(p.phi(one.currents(i, mu))) * one.rule.g(p.phi(one.currents(j, mu)));
      max_diff = std::max(max_diff, std::abs(W(i, j) - scale * expected));
    }
  CHECK(max_diff < 1e-14);  // the same four products summed in another order
  Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(60, 0.0, 70.0), y;
  one.J.multiply(x, y, 1);
  CHECK((y - W * x).cwiseAbs().maxCoeff() < 1e-11);
}

TEST_CASE("attractor network: bad sizes are rejected with the reason") {
  const AttractorParameters p;
  CHECK_THROWS_WITH(build_network(p, NetworkSize{1, 0.5, 1, 1}, 1), Catch::Contains("N must be at least 2"));
  CHECK_THROWS_WITH(build_network(p, NetworkSize{10, 0.0, 1, 1}, 1), Catch::Contains("c must be in (0, 1]"));
  CHECK_THROWS_WITH(build_network(p, NetworkSize{10, 1.5, 1, 1}, 1), Catch::Contains("c must be in (0, 1]"));
  CHECK_THROWS_WITH(build_network(p, NetworkSize{10, 0.5, 0, 1}, 1), Catch::Contains("p must be at least 1"));
  CHECK_THROWS_WITH(build_network(p, NetworkSize{100, 0.001, 1, 1}, 1), Catch::Contains("N * c must be at least 1"));
}
