#include "syninfo/truth/model_sampling.hpp"

#include "psd_square_root.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>

namespace syninfo::truth {

Eigen::MatrixXd ensemble_rows(const Ensemble& ensemble, std::size_t neurons) {
  Eigen::MatrixXd rows = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(ensemble.size()),
                                               static_cast<Eigen::Index>(neurons));
  for (std::size_t a = 0; a < ensemble.size(); ++a) {
    rows(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(ensemble[a].i)) += 1.0;
    rows(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(ensemble[a].j)) += 1.0;
  }
  return rows;
}

std::vector<LogTerm> log_terms(const Problem<double>& problem) {
  validate_problem(problem);
  const Eigen::MatrixXd e = ensemble_rows(problem.ensemble, problem.patterns.neurons());
  std::vector<LogTerm> terms;
  terms.reserve(problem.patterns.count());
  for (const auto& p : problem.patterns.list) {
    LogTerm t;
    t.mean = e * p.mean;
    t.cov = e * p.cov * e.transpose();
    t.cov = 0.5 * (t.cov + t.cov.transpose());
    terms.push_back(std::move(t));
  }
  return terms;
}

SumMoments sum_moments(const std::vector<LogTerm>& terms, std::optional<std::size_t> exclude) {
  const Eigen::Index n = terms.empty() ? 0 : terms.front().mean.size();
  SumMoments m{Eigen::VectorXd::Zero(n), Eigen::MatrixXd::Zero(n, n)};
  for (std::size_t mu = 0; mu < terms.size(); ++mu) {
    if (exclude && *exclude == mu) continue;
    const auto& t = terms[mu];
    Eigen::VectorXd a(n);
    for (Eigen::Index i = 0; i < n; ++i) a(i) = std::exp(t.mean(i) + 0.5 * t.cov(i, i));
    m.mean += a;
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) m.cov(i, j) += a(i) * a(j) * std::expm1(t.cov(i, j));
  }
  return m;
}

double gaussian_channel_information(const Problem<double>& problem) {
  const auto terms = log_terms(problem);
  const SumMoments all = sum_moments(terms);
  const SumMoments rest = sum_moments(terms, problem.pattern);
  Eigen::LLT<Eigen::MatrixXd> c(all.cov), cr(rest.cov);
  if (c.info() != Eigen::Success || cr.info() != Eigen::Success) return std::numeric_limits<double>::quiet_NaN();
  double log_det_ratio = 0.0;
  for (Eigen::Index i = 0; i < all.cov.rows(); ++i)
    log_det_ratio += 2.0 * (std::log(c.matrixLLT()(i, i)) - std::log(cr.matrixLLT()(i, i)));
  return 0.5 * log_det_ratio;
}

double log_sum_exp(const double* values, std::size_t count) {
  double mx = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < count; ++i) mx = std::max(mx, values[i]);
  if (!std::isfinite(mx)) return mx;
  double s = 0.0;
  for (std::size_t i = 0; i < count; ++i) s += std::exp(values[i] - mx);
  return mx + std::log(s);
}

ModelSampler::ModelSampler(const Problem<double>& problem) {
  validate_problem(problem);
  neurons_ = problem.patterns.neurons();
  rows_ = ensemble_rows(problem.ensemble, neurons_);
  for (const auto& p : problem.patterns.list) {
    means_.push_back(p.mean);
    factors_.push_back(detail::psd_square_root(p.cov));
  }
}

void ModelSampler::draw_log_activities(std::uint64_t seed, std::uint64_t index, Eigen::MatrixXd& y) const {
  Rng rng(seed, index);
  const auto n = static_cast<Eigen::Index>(neurons_);
  y.resize(n, static_cast<Eigen::Index>(factors_.size()));
  Eigen::VectorXd z(n);
  for (std::size_t mu = 0; mu < factors_.size(); ++mu) {
    for (Eigen::Index i = 0; i < n; ++i) z(i) = rng.normal();
    y.col(static_cast<Eigen::Index>(mu)) = means_[mu] + factors_[mu] * z;
  }
}

ModelSamples sample_model(const Problem<double>& problem, std::size_t samples, std::uint64_t seed,
                          unsigned threads) {
  const ModelSampler sampler(problem);
  const auto n = static_cast<Eigen::Index>(sampler.synapses());
  const auto patterns = sampler.patterns();
  const std::size_t k = problem.pattern;
  ModelSamples out;
  out.touched = touched_neurons(problem.ensemble);
  const auto m = static_cast<Eigen::Index>(samples);
  out.log_w.resize(m, n);
  out.log_r.resize(m, n);
  out.log_t.resize(m, n);
  out.y_touched.resize(m, static_cast<Eigen::Index>(out.touched.size()));
  parallel_for(samples, threads, [&](std::size_t begin, std::size_t end) {
    Eigen::MatrixXd y;
    std::vector<double> buf(patterns);
    for (std::size_t r = begin; r < end; ++r) {
      const auto row = static_cast<Eigen::Index>(r);
      sampler.draw_log_activities(seed, r, y);
      const Eigen::MatrixXd g = sampler.log_terms_of(y);
      for (Eigen::Index a = 0; a < n; ++a) {
        for (std::size_t mu = 0; mu < patterns; ++mu) buf[mu] = g(a, static_cast<Eigen::Index>(mu));
        out.log_w(row, a) = log_sum_exp(buf.data(), patterns);
        std::size_t c = 0;
        for (std::size_t mu = 0; mu < patterns; ++mu)
          if (mu != k) buf[c++] = g(a, static_cast<Eigen::Index>(mu));
        out.log_r(row, a) = log_sum_exp(buf.data(), c);
        out.log_t(row, a) = g(a, static_cast<Eigen::Index>(k));
      }
      for (std::size_t j = 0; j < out.touched.size(); ++j)
        out.y_touched(row, static_cast<Eigen::Index>(j)) =
            y(static_cast<Eigen::Index>(out.touched[j]), static_cast<Eigen::Index>(k));
    }
  });
  return out;
}

}  // namespace syninfo::truth
