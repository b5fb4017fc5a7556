#include "syninfo/truth/conditional_monte_carlo.hpp"

#include "syninfo/truth/corrected_sample_mean.hpp"

#include "stored_blocks.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <gsl/gsl_cdf.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace syninfo::truth {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLog2Pi = 1.8378770664093454835606594728112;
// Above this standardised bound Phi(b) rounds to 1 in double: no truncation.
constexpr double kNoTruncation = 8.3;

// One term prepared for sampling: g = mean + P' G eta with G lower triangular
// in the pivoted order perm (row i of G is coordinate perm[i]).
struct Sampler {
  Eigen::VectorXd mean;
  std::vector<Eigen::Index> perm;
  Eigen::MatrixXd g;  // lower triangular; a zero diagonal marks a deterministic row
};

Sampler make_sampler(const LogTerm& t) {
  const Eigen::Index n = t.mean.size();
  Sampler s;
  s.mean = t.mean;
  Eigen::LDLT<Eigen::MatrixXd> ldlt(t.cov);
  Eigen::VectorXd idx(n);
  for (Eigen::Index i = 0; i < n; ++i) idx(i) = static_cast<double>(i);
  const Eigen::VectorXd pidx = ldlt.transpositionsP() * idx;
  s.perm.resize(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) s.perm[static_cast<std::size_t>(i)] = static_cast<Eigen::Index>(pidx(i));
  const double scale = std::max(t.cov.diagonal().cwiseAbs().maxCoeff(), std::numeric_limits<double>::min());
  Eigen::VectorXd d = ldlt.vectorD();
  for (Eigen::Index i = 0; i < n; ++i) d(i) = d(i) > 1e-13 * scale ? std::sqrt(d(i)) : 0.0;
  Eigen::MatrixXd l = ldlt.matrixL();
  s.g = l * d.asDiagonal();
  return s;
}

// Untruncated draw of g.
void draw(const Sampler& s, Rng& rng, double* g, double* eta) {
  const auto n = static_cast<Eigen::Index>(s.perm.size());
  for (Eigen::Index i = 0; i < n; ++i) {
    double partial = s.mean(s.perm[static_cast<std::size_t>(i)]);
    for (Eigen::Index j = 0; j < i; ++j) partial += s.g(i, j) * eta[j];
    eta[i] = rng.normal();
    g[s.perm[static_cast<std::size_t>(i)]] = partial + s.g(i, i) * eta[i];
  }
}

// GHK draw of g truncated to g < c (componentwise); returns ln P(g < c), or
// -inf when that probability is 0 to double precision (g is then unusable).
double draw_truncated(const Sampler& s, const double* c, Rng& rng, double* g, double* eta) {
  const auto n = static_cast<Eigen::Index>(s.perm.size());
  double log_w = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto coord = s.perm[static_cast<std::size_t>(i)];
    double partial = s.mean(coord);
    for (Eigen::Index j = 0; j < i; ++j) partial += s.g(i, j) * eta[j];
    const double sd = s.g(i, i);
    if (sd > 0.0) {
      const double b = (c[coord] - partial) / sd;
      if (b > kNoTruncation) {
        eta[i] = rng.normal();
      } else {
        const double phi = gsl_cdf_ugaussian_P(b);
        if (!(phi > 0.0)) return -kInf;
        log_w += std::log(phi);
        eta[i] = std::min(gsl_cdf_ugaussian_Pinv(rng.uniform_open() * phi), b);
      }
    } else {
      eta[i] = 0.0;
      if (!(partial < c[coord])) return -kInf;
    }
    g[coord] = partial + sd * eta[i];
  }
  return log_w;
}

// The set of terms whose sum is Z, prepared for density estimation.
struct SumModel {
  std::vector<Sampler> samplers;
  // Eligible terms (positions into samplers), their Cholesky factors,
  // log normalisers and log mixing weights.
  std::vector<std::size_t> eligible;
  std::vector<Eigen::MatrixXd> chol;
  std::vector<double> log_norm;
  std::vector<double> log_weight;
  Eigen::Index n = 0;
};

SumModel make_sum_model(const std::vector<LogTerm>& terms, double tolerance) {
  SumModel m;
  if (terms.empty()) return m;
  m.n = terms.front().mean.size();
  const Eigen::Index n = m.n;
  // ln C_aa of the sum (for the mixing weights), in logs against overflow.
  std::vector<double> log_var_sum(static_cast<std::size_t>(n), -kInf);
  std::vector<std::vector<double>> log_var(terms.size(), std::vector<double>(static_cast<std::size_t>(n)));
  for (std::size_t mu = 0; mu < terms.size(); ++mu) {
    m.samplers.push_back(make_sampler(terms[mu]));
    for (Eigen::Index a = 0; a < n; ++a) {
      const double v = terms[mu].cov(a, a);
      const double lv = v > 0.0 ? 2.0 * terms[mu].mean(a) + v + std::log(std::expm1(v)) : -kInf;
      log_var[mu][static_cast<std::size_t>(a)] = lv;
      const double pair[2] = {log_var_sum[static_cast<std::size_t>(a)], lv};
      log_var_sum[static_cast<std::size_t>(a)] = log_sum_exp(pair, 2);
    }
  }
  std::vector<double> raw;
  for (std::size_t mu = 0; mu < terms.size(); ++mu) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(terms[mu].cov, Eigen::EigenvaluesOnly);
    const double lo = eig.eigenvalues().minCoeff(), hi = eig.eigenvalues().maxCoeff();
    if (!(lo > 0.0) || lo < tolerance * hi) continue;
    Eigen::LLT<Eigen::MatrixXd> llt(terms[mu].cov);
    if (llt.info() != Eigen::Success) continue;
    Eigen::MatrixXd l = llt.matrixL();
    double ln = -0.5 * static_cast<double>(n) * kLog2Pi;
    for (Eigen::Index a = 0; a < n; ++a) ln -= std::log(l(a, a));
    double share = 0.0;
    for (Eigen::Index a = 0; a < n; ++a)
      share += std::exp(log_var[mu][static_cast<std::size_t>(a)] - log_var_sum[static_cast<std::size_t>(a)]);
    m.eligible.push_back(mu);
    m.chol.push_back(std::move(l));
    m.log_norm.push_back(ln);
    raw.push_back(share);
  }
  double total = 0.0;
  for (double r : raw) total += r;
  for (double r : raw) m.log_weight.push_back(std::log(r / total));
  return m;
}

// Draws Z untruncated: writes ln Z (n values) to log_z.
void draw_log_sum(const SumModel& m, Rng& rng, std::vector<double>& g, std::vector<double>& eta, double* log_z) {
  const auto n = static_cast<std::size_t>(m.n);
  const std::size_t p = m.samplers.size();
  for (std::size_t mu = 0; mu < p; ++mu) draw(m.samplers[mu], rng, &g[mu * n], eta.data());
  std::vector<double> col(p);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t mu = 0; mu < p; ++mu) col[mu] = g[mu * n + a];
    log_z[a] = log_sum_exp(col.data(), p);
  }
}

struct PointResult {
  double neg_log_p = 0.0;   // bias-corrected -ln p (jackknife over inner halves)
  double correction = 0.0;  // -ln p_hat minus neg_log_p: the applied bias correction
  double delta = 0.0;       // the delta-method alternative -ln p_hat - CV^2/2
  bool zero = false;        // p_hat = 0
  bool fallback = false;    // a half had p_hat = 0: delta method used instead
};

// Workspace for one thread.
struct Work {
  std::vector<double> g, eta, lw, ratio, pre, suf, lwpre, lwsuf, lx, t, x;
};

PointResult log_density(const SumModel& m, const double* log_z, std::size_t inner, bool truncate, Rng& rng,
                        Work& w) {
  const auto n = static_cast<std::size_t>(m.n);
  const std::size_t p = m.samplers.size();
  w.g.resize(p * n);
  w.eta.resize(n);
  w.lw.resize(p);
  w.ratio.resize(p * n);
  w.pre.resize((p + 1) * n);
  w.suf.resize((p + 1) * n);
  w.lwpre.resize(p + 1);
  w.lwsuf.resize(p + 1);
  w.lx.resize(inner);
  w.t.resize(n);
  w.x.resize(n);
  std::vector<double> mix(m.eligible.size());
  for (std::size_t j = 0; j < inner; ++j) {
    for (std::size_t mu = 0; mu < p; ++mu) {
      double* g = &w.g[mu * n];
      if (truncate) {
        w.lw[mu] = draw_truncated(m.samplers[mu], log_z, rng, g, w.eta.data());
      } else {
        draw(m.samplers[mu], rng, g, w.eta.data());
        w.lw[mu] = 0.0;
      }
      for (std::size_t a = 0; a < n; ++a)
        w.ratio[mu * n + a] = w.lw[mu] == -kInf ? 0.0 : std::exp(g[a] - log_z[a]);
    }
    // Prefix and suffix sums: V_u = sum over mu != u without cancellation.
    for (std::size_t a = 0; a < n; ++a) {
      w.pre[a] = 0.0;
      w.suf[p * n + a] = 0.0;
    }
    w.lwpre[0] = 0.0;
    w.lwsuf[p] = 0.0;
    for (std::size_t mu = 0; mu < p; ++mu) {
      for (std::size_t a = 0; a < n; ++a) w.pre[(mu + 1) * n + a] = w.pre[mu * n + a] + w.ratio[mu * n + a];
      w.lwpre[mu + 1] = w.lwpre[mu] + w.lw[mu];
    }
    for (std::size_t mu = p; mu-- > 0;) {
      for (std::size_t a = 0; a < n; ++a) w.suf[mu * n + a] = w.suf[(mu + 1) * n + a] + w.ratio[mu * n + a];
      w.lwsuf[mu] = w.lwsuf[mu + 1] + w.lw[mu];
    }
    for (std::size_t e = 0; e < m.eligible.size(); ++e) {
      const std::size_t u = m.eligible[e];
      mix[e] = -kInf;
      const double lwu = w.lwpre[u] + w.lwsuf[u + 1];
      if (lwu == -kInf) continue;
      double sum_log_t = 0.0;
      bool inside = true;
      for (std::size_t a = 0; a < n && inside; ++a) {
        const double v = w.pre[u * n + a] + w.suf[(u + 1) * n + a];
        if (!(v < 1.0)) {
          inside = false;
          break;
        }
        w.t[a] = log_z[a] + std::log1p(-v);
        sum_log_t += w.t[a];
      }
      if (!inside) continue;
      const auto& l = m.chol[e];
      const Eigen::VectorXd& mean = m.samplers[u].mean;
      double q = 0.0;
      for (std::size_t a = 0; a < n; ++a) {  // forward substitution L x = ln t - mean
        double r = w.t[a] - mean(static_cast<Eigen::Index>(a));
        for (std::size_t b = 0; b < a; ++b) r -= l(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) * w.x[b];
        w.x[a] = r / l(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(a));
        q += w.x[a] * w.x[a];
      }
      mix[e] = m.log_weight[e] + lwu + m.log_norm[e] - 0.5 * q - sum_log_t;
    }
    w.lx[j] = log_sum_exp(mix.data(), mix.size());
  }
  // -ln of the inner average over draws [b, e), or +inf when it is 0.
  auto neg_log_mean = [&](std::size_t b, std::size_t e) {
    const double top = *std::max_element(w.lx.begin() + static_cast<long>(b), w.lx.begin() + static_cast<long>(e));
    if (!std::isfinite(top)) return kInf;
    double s = 0.0;
    for (std::size_t j = b; j < e; ++j) s += std::exp(w.lx[j] - top);
    return -(top + std::log(s / static_cast<double>(e - b)));
  };
  PointResult r;
  const double full = neg_log_mean(0, inner);
  if (!std::isfinite(full)) {
    r.zero = true;
    return r;
  }
  // Delta method: E[-ln p_hat] = -ln p + CV^2/2 + O(1/inner^2).
  const double top = *std::max_element(w.lx.begin(), w.lx.end());
  double s = 0.0, s2 = 0.0;
  for (double v : w.lx) s += std::exp(v - top);
  const double mean = s / static_cast<double>(inner);
  for (double v : w.lx) {
    const double d = std::exp(v - top) - mean;
    s2 += d * d;
  }
  const double cv2 = s2 / static_cast<double>(inner - 1) / (static_cast<double>(inner) * mean * mean);
  r.delta = full - 0.5 * cv2;
  // Jackknife over the two halves of the inner draws: the O(1/inner) bias of
  // the halves is twice that of the whole, so 2 full - mean(halves) removes it
  // without relying on the (heavy-tailed) CV^2 estimate.
  const std::size_t half = inner / 2;
  const double a = neg_log_mean(0, half), b = neg_log_mean(half, 2 * half);
  if (half >= 1 && std::isfinite(a) && std::isfinite(b)) {
    r.neg_log_p = 2.0 * full - 0.5 * (a + b);
  } else {
    r.neg_log_p = r.delta;
    r.fallback = true;
  }
  r.correction = full - r.neg_log_p;
  return r;
}

void check_options(const CmcOptions& o) {
  if (o.outer < 2) throw std::invalid_argument("cmc: need at least 2 outer samples");
  if (o.inner < 4) throw std::invalid_argument("cmc: need at least 4 inner samples");
}

std::string error_text(const CmcOptions& o) {
  return "iid outer samples: sd/sqrt(M) of the jackknife-corrected -ln p (inner " + std::to_string(o.inner) +
         " split in halves), plus max(|jackknife - delta-method|, |applied correction|) in quadrature";
}

// The corrected sample mean of the used samples; too few of them means the
// density estimate vanished almost everywhere.
template <class Use, class Value, class Alt, class Corr>
CorrectedSampleMean summarise_values(std::size_t size, Use use, Value value, Alt alt, Corr corr) {
  const CorrectedSampleMean out = corrected_sample_mean(size, use, value, alt, corr);
  if (out.count < 2) throw CmcUnavailable("cmc: estimated density is zero at almost every sample");
  return out;
}

CmcEntropy summarise(const std::vector<PointResult>& pts, const CmcOptions& o, std::size_t eligible) {
  CmcEntropy out;
  out.eligible_terms = eligible;
  for (const auto& p : pts) {
    if (p.zero) ++out.zero_density;
    if (p.fallback) ++out.delta_fallback;
  }
  const CorrectedSampleMean s = summarise_values(
      pts.size(), [&](std::size_t i) { return !pts[i].zero; }, [&](std::size_t i) { return pts[i].neg_log_p; },
      [&](std::size_t i) { return pts[i].delta; }, [&](std::size_t i) { return pts[i].correction; });
  out.statistical_error = s.stat;
  out.bias_correction = s.correction;
  out.bias_allowance = s.allowance;
  out.estimate.value = s.mean;
  out.estimate.standard_error = std::hypot(s.stat, s.allowance);
  out.estimate.samples = s.count;
  out.estimate.method = "cmc";
  out.estimate.error_method = error_text(o);
  return out;
}

}  // namespace

CmcEntropy cmc_entropy(const std::vector<LogTerm>& terms, const CmcOptions& options) {
  check_options(options);
  if (terms.empty()) throw CmcUnavailable("cmc: empty sum");
  for (const auto& t : terms)
    if (t.mean.size() == 0 || t.cov.rows() != t.mean.size() || t.cov.cols() != t.mean.size())
      throw std::invalid_argument("cmc: term dimensions disagree");
  const SumModel model = make_sum_model(terms, options.eligibility_tolerance);
  if (model.eligible.empty())
    throw CmcUnavailable("cmc: no term of the sum has a positive-definite log-domain covariance");
  const auto n = static_cast<std::size_t>(model.n);
  std::vector<PointResult> pts(options.outer);
  parallel_for(options.outer, options.threads, [&](std::size_t begin, std::size_t end) {
    Work w;
    std::vector<double> g(terms.size() * n), eta(n), log_z(n);
    for (std::size_t i = begin; i < end; ++i) {
      Rng rng(options.seed, i);
      draw_log_sum(model, rng, g, eta, log_z.data());
      pts[i] = log_density(model, log_z.data(), options.inner, options.truncate, rng, w);
    }
  });
  return summarise(pts, options, model.eligible.size());
}

CmcMutualInformation cmc_mutual_information(const Problem<double>& problem, const CmcOptions& options) {
  check_options(options);
  const std::vector<LogTerm> terms = log_terms(problem);  // validates
  const std::size_t k = problem.pattern;
  if (terms.size() < 2)
    throw CmcUnavailable("cmc: P = 1, the weights determine T^k and the information is infinite");
  std::vector<LogTerm> rest;
  for (std::size_t mu = 0; mu < terms.size(); ++mu)
    if (mu != k) rest.push_back(terms[mu]);
  const SumModel all = make_sum_model(terms, options.eligibility_tolerance);
  const SumModel other = make_sum_model(rest, options.eligibility_tolerance);
  if (all.eligible.empty())
    throw CmcUnavailable("cmc: no pattern's term T^mu has a positive-definite log-domain covariance");
  if (other.eligible.empty())
    throw CmcUnavailable("cmc: no pattern other than k has a positive-definite log-domain covariance, so h(R^(k)) "
                         "is not available by CMC (it is -inf, and the information infinite, if R^(k) has no density)");
  const auto n = static_cast<std::size_t>(all.n);
  const std::size_t p = terms.size();
  std::vector<PointResult> pw(options.outer), pr(options.outer);
  std::string key;
  if (options.store) {
    detail::InputHash h;
    h.add(std::string("cmc-mi-1")).add(static_cast<std::uint64_t>(p)).add(static_cast<std::uint64_t>(k));
    for (const auto& t : terms) h.add(t.mean).add(t.cov);
    h.add(static_cast<std::uint64_t>(options.outer)).add(static_cast<std::uint64_t>(options.inner)).add(options.seed);
    h.add(static_cast<std::uint64_t>(options.truncate)).add(options.eligibility_tolerance);
    key = "cmc/" + h.hex();
  }
  // Stored per sample: both points (neg_log_p, correction, delta, zero, fallback).
  auto encode = [&](std::size_t i, double* v) {
    for (const PointResult* q : {&pw[i], &pr[i]}) {
      const double values[5] = {q->neg_log_p, q->correction, q->delta, q->zero ? 1.0 : 0.0, q->fallback ? 1.0 : 0.0};
      v = std::copy_n(values, 5, v);
    }
  };
  auto restore = [&](std::size_t i, const double* v) {
    for (PointResult* q : {&pw[i], &pr[i]}) {
      *q = {v[0], v[1], v[2], v[3] != 0.0, v[4] != 0.0};
      v += 5;
    }
  };
  detail::stored_for(options.outer, options.threads, options.store, key, 10, [&](std::size_t begin, std::size_t end) {
    Work w;
    std::vector<double> g(p * n), eta(n), log_w(n), log_r(n), col(p);
    for (std::size_t i = begin; i < end; ++i) {
      Rng rng(options.seed, i);
      for (std::size_t mu = 0; mu < p; ++mu) draw(all.samplers[mu], rng, &g[mu * n], eta.data());
      for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t mu = 0; mu < p; ++mu) col[mu] = g[mu * n + a];
        log_w[a] = log_sum_exp(col.data(), p);
        std::size_t c = 0;
        for (std::size_t mu = 0; mu < p; ++mu)
          if (mu != k) col[c++] = g[mu * n + a];
        log_r[a] = log_sum_exp(col.data(), c);
      }
      pw[i] = log_density(all, log_w.data(), options.inner, options.truncate, rng, w);
      pr[i] = log_density(other, log_r.data(), options.inner, options.truncate, rng, w);
    }
  }, encode, restore);
  CmcMutualInformation out;
  out.h_w = summarise(pw, options, all.eligible.size());
  out.h_r = summarise(pr, options, other.eligible.size());
  const CorrectedSampleMean s = summarise_values(
      options.outer, [&](std::size_t i) { return !pw[i].zero && !pr[i].zero; },
      [&](std::size_t i) { return pw[i].neg_log_p - pr[i].neg_log_p; },
      [&](std::size_t i) { return pw[i].delta - pr[i].delta; },
      [&](std::size_t i) { return pw[i].correction - pr[i].correction; });
  out.bias_correction = s.correction;
  out.bias_allowance = s.allowance;
  out.statistical_error = s.stat;
  out.estimate.value = s.mean;
  out.estimate.standard_error = std::hypot(s.stat, s.allowance);
  out.estimate.samples = s.count;
  out.estimate.method = "cmc";
  out.estimate.error_method =
      "common random numbers (W_E and R^(k) from the same outer draws): sd/sqrt(M) of the per-sample differences "
      "of jackknife-corrected -ln p (inner " +
      std::to_string(options.inner) + " split in halves), plus max(|jackknife - delta-method|, |applied correction|) of the difference in "
      "quadrature";
  return out;
}

}  // namespace syninfo::truth
