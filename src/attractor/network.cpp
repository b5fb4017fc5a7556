#include "syninfo/attractor/network.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace syninfo::attractor {

void validate(const NetworkSize& s) {
  if (s.N < 2) throw std::invalid_argument("N must be at least 2, got " + std::to_string(s.N));
  if (!(s.c > 0.0 && s.c <= 1.0)) throw std::invalid_argument("c must be in (0, 1], got " + std::to_string(s.c));
  if (s.p < 1) throw std::invalid_argument("p must be at least 1");
  if (static_cast<double>(s.N) * s.c < 1.0)
    throw std::invalid_argument("N * c must be at least 1 (each neuron needs an expected input), got " +
                                std::to_string(static_cast<double>(s.N) * s.c));
  const double expected = static_cast<double>(s.N) * static_cast<double>(s.N - 1) * s.c;
  if (expected > 2.0e9 || s.N > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
    throw std::invalid_argument("the network is too large: about " + std::to_string(expected) +
                                " connections, the limit is 2e9");
  if (static_cast<double>(s.N) * static_cast<double>(s.p) > 2.0e9)
    throw std::invalid_argument("N * p is too large to store the patterns (limit 2e9)");
}

void SparseRows::multiply(const Eigen::VectorXd& x, Eigen::VectorXd& y, unsigned threads) const {
  y.resize(static_cast<Eigen::Index>(n));
  // Threads pay off only when a part has enough connections to hide their start.
  const unsigned used = nonzeros() < 200000 ? 1u : threads;
  parallel_for(n, used, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      double sum = 0.0;
      for (std::size_t k = row_start[i]; k < row_start[i + 1]; ++k) sum += values[k] * x[cols[k]];
      y[static_cast<Eigen::Index>(i)] = sum;
    }
  });
}

Network build_network(const AttractorParameters& parameters, const NetworkSize& size, unsigned threads) {
  validate(size);
  Network net;
  net.size = size;
  net.rule = make_learning_rule(parameters);
  const auto N = static_cast<Eigen::Index>(size.N);
  const auto p = static_cast<Eigen::Index>(size.p);
  net.currents.resize(N, p);
  net.g_rates.resize(N, p);
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> f_rates(N, p);
  // Pattern mu's currents come from stream mu of the pattern seed.
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    Rng rng(size.seed, static_cast<std::uint64_t>(mu));
    for (Eigen::Index i = 0; i < N; ++i) {
      const double xi = rng.normal();
      const double r = parameters.phi(xi);
      net.currents(i, mu) = xi;
      f_rates(i, mu) = net.rule.f(r);
      net.g_rates(i, mu) = net.rule.g(r);
    }
  }
  // Row i's connections from stream i of a second seed, by geometric skips
  // (exactly Bernoulli(c) per pair, cost proportional to the connections).
  const std::uint64_t connectivity_seed = size.seed ^ 0xC0FFEE1234567ull;
  std::vector<std::vector<std::int32_t>> row_cols(size.N);
  std::vector<std::vector<double>> row_values(size.N);
  const double scale = parameters.A / (size.c * static_cast<double>(size.N));
  const double log_miss = size.c < 1.0 ? std::log1p(-size.c) : 0.0;
  parallel_for(size.N, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      Rng rng(connectivity_seed, i);
      auto& cols = row_cols[i];
      auto& vals = row_values[i];
      cols.reserve(static_cast<std::size_t>(size.c * static_cast<double>(size.N) * 1.2) + 4);
      std::size_t j = 0;
      while (true) {
        if (size.c < 1.0) {
          const double skip = std::floor(std::log(rng.uniform_open()) / log_miss);
          if (skip >= static_cast<double>(size.N - j)) break;
          j += static_cast<std::size_t>(skip);
        }
        if (j >= size.N) break;
        if (j != i) {
          cols.push_back(static_cast<std::int32_t>(j));
          vals.push_back(scale * f_rates.row(static_cast<Eigen::Index>(i)).dot(net.g_rates.row(static_cast<Eigen::Index>(j))));
        }
        ++j;
      }
    }
  });
  auto& J = net.J;
  J.n = size.N;
  J.row_start.assign(size.N + 1, 0);
  for (std::size_t i = 0; i < size.N; ++i) J.row_start[i + 1] = J.row_start[i] + row_cols[i].size();
  J.cols.resize(J.row_start[size.N]);
  J.values.resize(J.row_start[size.N]);
  for (std::size_t i = 0; i < size.N; ++i) {
    std::copy(row_cols[i].begin(), row_cols[i].end(), J.cols.begin() + static_cast<std::ptrdiff_t>(J.row_start[i]));
    std::copy(row_values[i].begin(), row_values[i].end(), J.values.begin() + static_cast<std::ptrdiff_t>(J.row_start[i]));
  }
  return net;
}

Eigen::MatrixXd dense_weights(const Network& network) {
  const auto n = static_cast<Eigen::Index>(network.J.n);
  Eigen::MatrixXd W = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (std::size_t k = network.J.row_start[static_cast<std::size_t>(i)]; k < network.J.row_start[static_cast<std::size_t>(i) + 1]; ++k)
      W(i, network.J.cols[k]) = network.J.values[k];
  return W;
}

}  // namespace syninfo::attractor
