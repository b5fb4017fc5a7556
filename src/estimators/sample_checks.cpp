#include "syninfo/estimators/sample_checks.hpp"
#include "syninfo/estimators/message.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace syninfo::estimators {

void require_finite_columns(MatrixView m, const std::string& who, const std::string& name) {
  if (m.cols() == 0) throw std::invalid_argument(message(who, ": ", name, " has no columns"));
  if (m.allFinite()) return;  // one vectorised pass; the slow scan names the culprit
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c)
      if (!std::isfinite(m(r, c))) {
        std::ostringstream msg;
        msg << who << ": " << name << "(" << r << ", " << c << ") is not finite (" << m(r, c) << ")";
        throw std::invalid_argument(msg.str());
      }
}

std::vector<double> row_major(MatrixView m, const std::vector<std::size_t>* rows) {
  const auto d = static_cast<std::size_t>(m.cols());
  const std::size_t n = rows ? rows->size() : static_cast<std::size_t>(m.rows());
  std::vector<double> out(n * d);
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = static_cast<Eigen::Index>(rows ? (*rows)[i] : i);
    for (std::size_t c = 0; c < d; ++c) out[i * d + c] = m(r, static_cast<Eigen::Index>(c));
  }
  return out;
}

Eigen::MatrixXd rank_columns(const Eigen::MatrixXd& m) {
  Eigen::MatrixXd out(m.rows(), m.cols());
  const auto n = static_cast<std::size_t>(m.rows());
  std::vector<std::size_t> order(n);
  for (Eigen::Index c = 0; c < m.cols(); ++c) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return m(static_cast<Eigen::Index>(a), c) < m(static_cast<Eigen::Index>(b), c);
    });
    for (std::size_t lo = 0; lo < n;) {
      std::size_t hi = lo + 1;
      while (hi < n && m(static_cast<Eigen::Index>(order[hi]), c) == m(static_cast<Eigen::Index>(order[lo]), c)) ++hi;
      const double rank = 0.5 * static_cast<double>(lo + hi - 1);
      for (std::size_t t = lo; t < hi; ++t) out(static_cast<Eigen::Index>(order[t]), c) = rank;
      lo = hi;
    }
  }
  return out;
}

}  // namespace syninfo::estimators
