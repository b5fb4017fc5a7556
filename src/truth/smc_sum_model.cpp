#include "smc_sum_model.hpp"

#include <Eigen/Cholesky>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace syninfo::truth::detail {

Eigen::MatrixXd semidefinite_cholesky(const Eigen::MatrixXd& cov, double tol) {
  const Eigen::Index n = cov.rows();
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(n, n);
  const double scale = std::max(cov.diagonal().cwiseAbs().maxCoeff(), 0.0);
  for (Eigen::Index j = 0; j < n; ++j) {
    double d = cov(j, j);
    for (Eigen::Index k = 0; k < j; ++k) d -= l(j, k) * l(j, k);
    if (!(d > tol * scale) || !(scale > 0.0)) continue;
    l(j, j) = std::sqrt(d);
    for (Eigen::Index i = j + 1; i < n; ++i) {
      double s = cov(i, j);
      for (Eigen::Index k = 0; k < j; ++k) s -= l(i, k) * l(j, k);
      l(i, j) = s / l(j, j);
    }
  }
  return l;
}

namespace {

Eigen::MatrixXd symmetric(const Eigen::MatrixXd& c) { return 0.5 * (c + c.transpose()); }

void build(const std::vector<LogTerm>& terms, double tol, SumModel& m) {
  m.mean.clear();
  m.chol.clear();
  const auto n = m.n;
  for (const auto& t : terms) {
    // Position p holds coordinate order[p].
    Eigen::VectorXd mean(n);
    Eigen::MatrixXd cov(n, n);
    const Eigen::MatrixXd s = symmetric(t.cov);
    for (Eigen::Index p = 0; p < n; ++p) {
      mean(p) = t.mean(m.order[static_cast<std::size_t>(p)]);
      for (Eigen::Index q = 0; q < n; ++q) cov(p, q) = s(m.order[static_cast<std::size_t>(p)], m.order[static_cast<std::size_t>(q)]);
    }
    m.mean.push_back(mean);
    m.chol.push_back(semidefinite_cholesky(cov, tol));
  }
}

// First position (as a coordinate) with no random term, ignoring the second
// position of each pair; -1 if none.
Eigen::Index first_unfactorisable(const SumModel& m) {
  for (Eigen::Index p = 0; p < m.n; ++p) {
    const auto up = static_cast<std::size_t>(p);
    if (p > 0 && m.pair_first[up - 1]) continue;
    bool any = false;
    for (const auto& l : m.chol) any = any || l(p, p) > 0.0;
    if (!any) return m.order[up];
  }
  return -1;
}

struct Dependent {
  Eigen::Index index = 0;
  std::vector<Eigen::Index> support;  // basis coordinates with a non-zero coefficient
  std::vector<double> coefficient;    // the coefficients (same order)
};

// Plans the paired steps; returns "" or why it cannot.
std::string plan_pairs(const std::vector<LogTerm>& terms, double tol, SumModel& m) {
  const Eigen::Index n = m.n;
  // The dependence structure is the same in every term; read it off the
  // summed covariance (a relation null for the sum is null for each term).
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(n, n);
  for (const auto& t : terms) c += symmetric(t.cov);
  const Eigen::MatrixXd l = semidefinite_cholesky(c, tol);
  std::vector<Eigen::Index> basis;
  std::vector<Dependent> deps;
  for (Eigen::Index a = 0; a < n; ++a)
    if (l(a, a) > 0.0) basis.push_back(a);
  const auto r = static_cast<Eigen::Index>(basis.size());
  if (r == 0) return "no synapse is random in any term";
  Eigen::MatrixXd lbb(r, r);
  for (Eigen::Index i = 0; i < r; ++i)
    for (Eigen::Index k = 0; k < r; ++k) lbb(i, k) = l(basis[static_cast<std::size_t>(i)], basis[static_cast<std::size_t>(k)]);
  for (Eigen::Index a = 0; a < n; ++a) {
    if (l(a, a) > 0.0) continue;
    Eigen::VectorXd row(r);
    for (Eigen::Index k = 0; k < r; ++k) row(k) = l(a, basis[static_cast<std::size_t>(k)]);
    // ln T_a - m_a = beta . (ln T_B - m_B) with beta' = row' L_BB^{-1}.
    const Eigen::VectorXd beta = lbb.triangularView<Eigen::Lower>().transpose().solve(row);
    const double big = std::max(1.0, beta.cwiseAbs().maxCoeff());
    Dependent d;
    d.index = a;
    for (Eigen::Index k = 0; k < r; ++k)
      if (std::abs(beta(k)) > 1e-9 * big) {
        d.support.push_back(basis[static_cast<std::size_t>(k)]);
        d.coefficient.push_back(beta(k));
      }
    if (d.support.empty()) return "synapse " + std::to_string(a) + " is constant in every term";
    deps.push_back(d);
  }
  if (deps.size() > basis.size())
    return std::to_string(deps.size()) + " synapses are determined by " + std::to_string(basis.size()) +
           " free ones, and each paired step needs a free synapse of its own";
  // Pair from the last step backwards: the last pair's free synapse j must be
  // in no other remaining dependent's support (earlier steps may not depend on
  // a later j). A candidate stays one when others are removed, so this greedy
  // choice finds an order whenever one exists (for this basis).
  std::vector<Dependent> remaining = deps;
  std::vector<std::pair<Eigen::Index, Eigen::Index>> chain;  // (j, d), last step first
  std::vector<double> slopes;
  std::vector<char> used(static_cast<std::size_t>(n), 0);
  while (!remaining.empty()) {
    bool found = false;
    for (std::size_t i = 0; i < remaining.size() && !found; ++i) {
      double best_w = 0.0;
      Eigen::Index best_j = -1;
      for (std::size_t s = 0; s < remaining[i].support.size(); ++s) {
        const Eigen::Index j = remaining[i].support[s];
        if (used[static_cast<std::size_t>(j)]) continue;
        bool private_j = true;
        for (std::size_t o = 0; o < remaining.size() && private_j; ++o)
          if (o != i && std::find(remaining[o].support.begin(), remaining[o].support.end(), j) != remaining[o].support.end())
            private_j = false;
        if (!private_j) continue;
        // Prefer w = 1 (one root per particle), then the largest |w|.
        const double w = remaining[i].coefficient[s];
        const auto score = [](double x) { return std::abs(x - 1.0) < 1e-9 ? 1e300 : std::abs(x); };
        if (best_j < 0 || score(w) > score(best_w)) {
          best_j = j;
          best_w = w;
        }
      }
      if (best_j >= 0) {
        found = true;
        chain.emplace_back(best_j, remaining[i].index);
        slopes.push_back(best_w);
        used[static_cast<std::size_t>(best_j)] = 1;
        remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
    if (!found)
      return std::to_string(remaining.size()) +
             " determined synapses share every free synapse they depend on, so no order gives each a paired step";
  }
  m.order.clear();
  for (Eigen::Index b : basis)
    if (!used[static_cast<std::size_t>(b)]) m.order.push_back(b);
  m.pair_first.assign(static_cast<std::size_t>(n), 0);
  m.pair_slope.assign(static_cast<std::size_t>(n), 0.0);
  for (std::size_t k = chain.size(); k-- > 0;) {
    m.pair_first[m.order.size()] = 1;
    m.pair_slope[m.order.size()] = slopes[k];
    m.order.push_back(chain[k].first);
    m.order.push_back(chain[k].second);
  }
  m.pairs = chain.size();
  return "";
}

// Every term agrees with the plan: the second position of a pair is
// determined, its slope on the first is the planned w, and at least two terms
// are random at the first.
std::string verify_pairs(const SumModel& m) {
  for (Eigen::Index p = 0; p + 1 < m.n; ++p) {
    const auto up = static_cast<std::size_t>(p);
    if (!m.pair_first[up]) continue;
    const double w = m.pair_slope[up];
    std::size_t random = 0;
    for (const auto& l : m.chol) {
      if (l(p + 1, p + 1) > 0.0) return "a term is not determined where the plan pairs synapse " + std::to_string(m.order[up + 1]);
      if (l(p, p) > 0.0) {
        ++random;
        if (!(std::abs(l(p + 1, p) / l(p, p) - w) <= 1e-6 * std::max(1.0, std::abs(w))))
          return "the terms disagree on how synapse " + std::to_string(m.order[up + 1]) + " depends on synapse " +
                 std::to_string(m.order[up]);
      }
    }
    if (random < 2)
      return "fewer than two terms are random at synapse " + std::to_string(m.order[up]) +
             ", which a paired step needs";
  }
  return "";
}

}  // namespace

SumModel make_sum_model(const std::vector<LogTerm>& terms, double tol, bool pair_steps) {
  SumModel m;
  m.n = terms.front().mean.size();
  m.order.resize(static_cast<std::size_t>(m.n));
  std::iota(m.order.begin(), m.order.end(), Eigen::Index{0});
  m.pair_first.assign(static_cast<std::size_t>(m.n), 0);
  m.pair_slope.assign(static_cast<std::size_t>(m.n), 0.0);
  build(terms, tol, m);
  m.determined = first_unfactorisable(m);
  if (m.determined < 0 || !pair_steps) return m;
  const Eigen::Index natural = m.determined;
  SumModel planned = m;
  std::string why = plan_pairs(terms, tol, planned);
  if (why.empty()) {
    build(terms, tol, planned);
    why = verify_pairs(planned);
    if (why.empty()) {
      planned.determined = first_unfactorisable(planned);
      if (planned.determined < 0) return planned;
      why = "synapse " + std::to_string(planned.determined) + " has no random term in the paired order";
    }
  }
  m.determined = natural;
  m.why = why;
  return m;
}

}  // namespace syninfo::truth::detail
