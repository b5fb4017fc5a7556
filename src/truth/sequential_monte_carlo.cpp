#include "syninfo/truth/sequential_monte_carlo.hpp"

#include "syninfo/truth/corrected_sample_mean.hpp"

#include "lognormal_surrogate.hpp"
#include "smc_paired_step.hpp"
#include "smc_single_step.hpp"
#include "smc_outer_draws.hpp"
#include "smc_sum_model.hpp"
#include "psd_square_root.hpp"
#include "stored_blocks.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace syninfo::truth {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

using detail::SumModel;

SumModel make_sum_model(const std::vector<LogTerm>& terms, const SmcOptions& o) {
  return detail::make_sum_model(terms, o.determined_tolerance, o.pair_steps);
}

// Per-thread workspace.
struct Work {
  std::vector<double> eps, eps_next;  // particle-major: [i][mu][a]
  std::vector<double> logw, inc, cum;
  std::vector<std::size_t> parent;
  detail::SingleStepWork single;
  detail::PairedStepWork paired;
};

// ln of one SMC estimate of p_Z(z) with `np` particles (-inf if every
// particle died).
double smc_run(const SumModel& m, const double* log_z, std::size_t np, bool bridge, Rng& rng, Work& w) {
  const auto n = static_cast<std::size_t>(m.n);
  const std::size_t p = m.terms();
  const std::size_t stride = p * n;
  w.eps.assign(np * stride, 0.0);
  w.eps_next.resize(np * stride);
  w.logw.assign(np, 0.0);
  w.inc.resize(np);
  w.cum.resize(np + 1);
  w.parent.resize(np);
  double log_estimate = 0.0;
  for (std::size_t a = 0; a < n; ++a) {
    const double ell = log_z[m.order[a]];
    // A paired step covers positions a and a + 1 (smc_paired_step.hpp).
    const bool paired = m.pair_first[a] != 0;
    const std::size_t last = paired ? a + 1 : a;
    for (std::size_t i = 0; i < np; ++i) {
      double* eps = &w.eps[i * stride];
      if (w.logw[i] == -kInf) {
        w.inc[i] = -kInf;
        continue;
      }
      if (paired) {
        w.inc[i] = detail::paired_step(m, a, ell, log_z[m.order[a + 1]], eps, rng, w.paired);
        continue;
      }
      w.inc[i] = detail::single_step(m, a, ell, eps, rng, w.single, bridge);
    }
    // Accumulate; resample when the effective number of particles is low.
    double top = -kInf;
    for (std::size_t i = 0; i < np; ++i) {
      w.logw[i] += w.inc[i];
      top = std::max(top, w.logw[i]);
    }
    if (top == -kInf) return -kInf;
    double s = 0.0, s2 = 0.0;
    for (std::size_t i = 0; i < np; ++i) {
      const double v = std::exp(w.logw[i] - top);
      s += v;
      s2 += v * v;
    }
    const double ess = s * s / s2;
    if (last + 1 < n && ess < 0.5 * static_cast<double>(np)) {
      log_estimate += top + std::log(s / static_cast<double>(np));
      w.cum[0] = 0.0;
      for (std::size_t i = 0; i < np; ++i) w.cum[i + 1] = w.cum[i] + std::exp(w.logw[i] - top) / s;
      const double u0 = rng.uniform();
      std::size_t j = 0;
      for (std::size_t i = 0; i < np; ++i) {
        const double target = (static_cast<double>(i) + u0) / static_cast<double>(np);
        while (j + 1 < np && w.cum[j + 1] <= target) ++j;
        w.parent[i] = j;
      }
      for (std::size_t i = 0; i < np; ++i)
        std::copy_n(&w.eps[w.parent[i] * stride], stride, &w.eps_next[i * stride]);
      std::swap(w.eps, w.eps_next);
      std::fill(w.logw.begin(), w.logw.end(), 0.0);
    } else if (last + 1 == n) {
      log_estimate += top + std::log(s / static_cast<double>(np));
    }
    a = last;
  }
  return log_estimate;
}

struct PointResult {
  double neg_log_p = 0.0;   // jackknife-corrected -ln p
  double correction = 0.0;  // -ln p_hat - neg_log_p
  double delta = 0.0;       // delta-method alternative
  double rv = 0.0;          // relative variance of p_hat
  double lognormal = 0.0;   // log-normal alternative: -(mean ln p_r + var ln p_r / 2)
  bool zero = false;        // every replicate died, even after retries
};

PointResult log_density(const SumModel& m, const double* log_z, const SmcOptions& o, Rng& rng, Work& w) {
  PointResult r;
  const std::size_t reps = o.replicates;
  std::vector<double> lp(reps);
  // A replicate whose particles all died is rerun with 4x the particles
  // (twice); its value is then that of the larger run (each run is unbiased).
  for (std::size_t k = 0; k < reps; ++k) {
    std::size_t np = o.particles;
    for (int attempt = 0; attempt < 3; ++attempt, np *= 4) {
      lp[k] = smc_run(m, log_z, np, o.bridge_proposal, rng, w);
      if (lp[k] > -kInf) break;
    }
  }
  const double top = *std::max_element(lp.begin(), lp.end());
  if (top == -kInf) {
    r.zero = true;
    return r;
  }
  const auto rr = static_cast<double>(reps);
  double sum = 0.0;
  for (double v : lp) sum += std::exp(v - top);
  const double mean = sum / rr;
  const double full = -(top + std::log(mean));
  double ss = 0.0, loo = 0.0;
  bool loo_ok = true;
  for (double v : lp) {
    const double u = std::exp(v - top);
    ss += (u - mean) * (u - mean);
    const double others = sum - u;
    if (others > 1e-12 * sum) {
      loo += -(top + std::log(others / (rr - 1.0)));
    } else {
      loo_ok = false;
    }
  }
  r.rv = ss / (rr - 1.0) / (rr * mean * mean);
  {
    double ml = 0.0, vl = 0.0;
    for (double v : lp) ml += v;
    ml /= rr;
    for (double v : lp) vl += (v - ml) * (v - ml);
    vl /= rr - 1.0;
    r.lognormal = -(ml + 0.5 * vl);
  }
  r.delta = full - 0.5 * r.rv;
  r.neg_log_p = loo_ok ? rr * full - (rr - 1.0) * loo / rr : r.delta;
  r.correction = full - r.neg_log_p;
  return r;
}

// A point's values in a stored block (stored_blocks.hpp), and back.
constexpr std::size_t kPointWidth = 6;
void put_point(const PointResult& p, double* v) {
  const double values[kPointWidth] = {p.neg_log_p, p.correction, p.delta, p.rv, p.lognormal, p.zero ? 1.0 : 0.0};
  std::copy_n(values, kPointWidth, v);
}
PointResult get_point(const double* v) { return {v[0], v[1], v[2], v[3], v[4], v[5] != 0.0}; }

// The key of a mutual-information run's stored blocks: every input its
// outer samples depend on.
std::string stored_key(const std::vector<LogTerm>& terms, std::size_t k, const SmcOptions& o) {
  detail::InputHash h;
  h.add(std::string("smc-mi-1")).add(static_cast<std::uint64_t>(terms.size())).add(static_cast<std::uint64_t>(k));
  for (const auto& t : terms) h.add(t.mean).add(t.cov);
  for (std::size_t x : {o.outer, o.particles, o.replicates, o.check_factor, o.check_extensions, o.control_samples})
    h.add(static_cast<std::uint64_t>(x));
  h.add(o.seed).add(o.determined_tolerance).add(o.check_fraction).add(static_cast<std::uint64_t>(o.pair_steps));
  if (o.bridge_proposal) h.add(std::string("bridge"));  // the plain runs keep their keys
  return "smc/" + h.hex();
}

void check_options(const SmcOptions& o) {
  if (o.outer < 2) throw std::invalid_argument("smc: need at least 2 outer samples");
  if (o.particles < 2) throw std::invalid_argument("smc: need at least 2 particles");
  if (o.replicates < 2) throw std::invalid_argument("smc: need at least 2 replicates");
  if (!(o.check_fraction >= 0.0 && o.check_fraction <= 1.0))
    throw std::invalid_argument("smc: check_fraction must be in [0, 1]");
}
// The corrected sample mean of the used samples; too few of them means the
// density estimate vanished almost everywhere.
template <class Use, class Value, class Alt, class Corr>
CorrectedSampleMean summarise_values(std::size_t size, Use use, Value value, Alt alt, Corr corr) {
  const CorrectedSampleMean out = corrected_sample_mean(size, use, value, alt, corr);
  if (out.count < 2) throw SmcUnavailable("smc: the density estimate is zero at almost every sample");
  return out;
}

std::string error_text(const SmcOptions& o) {
  return "iid outer samples: sd/sqrt(M) of the jackknife-corrected -ln p (" + std::to_string(o.replicates) +
         " SMC runs of " + std::to_string(o.particles) +
         " particles each), plus max(|jackknife - delta method|, |applied correction|) in quadrature";
}

SmcEntropy summarise(const std::vector<PointResult>& pts, const SmcOptions& o) {
  SmcEntropy out;
  for (const auto& p : pts) {
    if (p.zero) {
      ++out.zero_density;
      continue;
    }
    out.mean_relative_variance += p.rv;
    out.max_relative_variance = std::max(out.max_relative_variance, p.rv);
  }
  const CorrectedSampleMean s = summarise_values(
      pts.size(), [&](std::size_t i) { return !pts[i].zero; }, [&](std::size_t i) { return pts[i].neg_log_p; },
      [&](std::size_t i) { return pts[i].delta; }, [&](std::size_t i) { return pts[i].correction; });
  out.mean_relative_variance /= static_cast<double>(s.count);
  out.statistical_error = s.stat;
  out.bias_correction = s.correction;
  out.bias_allowance = s.allowance;
  out.estimate.value = s.mean;
  out.estimate.standard_error = std::hypot(s.stat, s.allowance);
  out.estimate.samples = s.count;
  out.estimate.method = "smc";
  out.estimate.error_method = error_text(o);
  return out;
}

using detail::apply_control_variate;
using detail::draw_point;
using detail::draw_terms;
using detail::log_sum_columns;

std::string determined_message(const SumModel& m, const char* what) {
  std::string out = "smc: at synapse " + std::to_string(m.determined) + " (in ensemble order) every pattern's term of " +
                    what +
                    " is determined by the earlier synapses (more synapses than independent neuron directions, or an "
                    "even cycle of synapses)";
  if (!m.why.empty()) return out + ", and paired steps cannot treat it: " + m.why;
  return out + ", so " + what + " has no density that SMC can factorise";
}

}  // namespace

SmcEntropy smc_entropy(const std::vector<LogTerm>& terms, const SmcOptions& options) {
  check_options(options);
  if (terms.empty()) throw SmcUnavailable("smc: empty sum");
  for (const auto& t : terms)
    if (t.mean.size() == 0 || t.cov.rows() != t.mean.size() || t.cov.cols() != t.mean.size())
      throw std::invalid_argument("smc: term dimensions disagree");
  const SumModel model = make_sum_model(terms, options);
  if (model.determined >= 0) throw SmcUnavailable(determined_message(model, "the sum"));
  std::vector<Eigen::MatrixXd> factors;
  for (const auto& t : terms) factors.push_back(detail::psd_square_root(t.cov));
  std::vector<PointResult> pts(options.outer);
  parallel_for(options.outer, options.threads, [&](std::size_t begin, std::size_t end) {
    Work w;
    Eigen::MatrixXd g;
    Eigen::VectorXd z, log_z(model.n);
    for (std::size_t i = begin; i < end; ++i) {
      Rng rng(options.seed, i);
      draw_terms(terms, factors, rng, g, z);
      log_sum_columns(g, -1, log_z.data());
      pts[i] = log_density(model, log_z.data(), options, rng, w);
    }
  });
  return summarise(pts, options);
}

std::vector<SmcPoint> smc_log_densities(const std::vector<LogTerm>& terms, const Eigen::MatrixXd& log_points,
                                        const SmcOptions& options) {
  check_options(options);
  if (terms.empty()) throw SmcUnavailable("smc: empty sum");
  for (const auto& t : terms)
    if (t.mean.size() != log_points.cols() || t.cov.rows() != t.mean.size() || t.cov.cols() != t.mean.size())
      throw std::invalid_argument("smc: term and point dimensions disagree");
  const SumModel model = make_sum_model(terms, options);
  if (model.determined >= 0) throw SmcUnavailable(determined_message(model, "the sum"));
  const auto count = static_cast<std::size_t>(log_points.rows());
  std::vector<SmcPoint> out(count);
  parallel_for(count, options.threads, [&](std::size_t begin, std::size_t end) {
    Work w;
    Eigen::VectorXd log_z(model.n);
    for (std::size_t i = begin; i < end; ++i) {
      Rng rng(options.seed, i);
      log_z = log_points.row(static_cast<Eigen::Index>(i)).transpose();
      const PointResult r = log_density(model, log_z.data(), options, rng, w);
      out[i].neg_log_p = r.neg_log_p;
      out[i].raw = r.neg_log_p + r.correction;
      out[i].relative_variance = r.rv;
      out[i].zero = r.zero;
      out[i].delta = r.delta;
      out[i].lognormal = r.lognormal;
    }
  });
  return out;
}

std::string smc_unavailable_reason(const Problem<double>& problem, double determined_tolerance, bool pair_steps) {
  const std::vector<LogTerm> terms = log_terms(problem);
  if (terms.size() < 2) return "smc: P = 1, the weights determine T^k and the information is infinite";
  std::vector<LogTerm> rest;
  for (std::size_t mu = 0; mu < terms.size(); ++mu)
    if (mu != problem.pattern) rest.push_back(terms[mu]);
  const SumModel other = detail::make_sum_model(rest, determined_tolerance, pair_steps);
  // R^(k) has no density along some direction (if W_E has one there, the
  // information is infinite), or no paired order treats it.
  if (other.determined >= 0) return determined_message(other, "R^(k)");
  const SumModel all = detail::make_sum_model(terms, determined_tolerance, pair_steps);
  if (all.determined >= 0) return determined_message(all, "W_E");
  return "";
}

SmcMutualInformation smc_mutual_information(const Problem<double>& problem, const SmcOptions& options) {
  // smc_mutual_information_of_terms checks whether R^(k) can be factorised
  // (the same message as smc_unavailable_reason); only P = 1 is this
  // overload's own case.
  check_options(options);
  const std::vector<LogTerm> terms = log_terms(problem);
  if (terms.size() < 2)
    throw SmcUnavailable(smc_unavailable_reason(problem, options.determined_tolerance, options.pair_steps));
  return smc_mutual_information_of_terms(terms, problem.pattern, options);
}

SmcMutualInformation smc_mutual_information_of_terms(const std::vector<LogTerm>& terms, std::size_t k,
                                                     const SmcOptions& options) {
  check_options(options);
  if (terms.size() < 2 || k >= terms.size()) throw std::invalid_argument("smc: need two terms and k among them");
  for (const auto& t : terms)
    if (t.mean.size() != terms.front().mean.size() || t.cov.rows() != t.mean.size() || t.cov.cols() != t.mean.size())
      throw std::invalid_argument("smc: term dimensions disagree");
  std::vector<LogTerm> rest;
  for (std::size_t mu = 0; mu < terms.size(); ++mu)
    if (mu != k) rest.push_back(terms[mu]);
  const SumModel all = make_sum_model(terms, options);
  const SumModel other = make_sum_model(rest, options);
  if (other.determined >= 0) throw SmcUnavailable(determined_message(other, "R^(k)"));
  if (all.determined >= 0) throw SmcUnavailable(determined_message(all, "W_E"));
  std::vector<Eigen::MatrixXd> factors;
  for (const auto& t : terms) factors.push_back(detail::psd_square_root(t.cov));
  std::vector<PointResult> pw(options.outer), pr(options.outer);
  // Every stride-th sample is checked (spread evenly: balanced threads).
  const std::size_t stride =
      // (a fraction so small that fewer than one sample would be checked turns the check off; no cast of a huge double)
      options.check_fraction * static_cast<double>(options.outer) >= 1.0
          ? std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(1.0 / options.check_fraction)))
          : 0;
  const std::size_t checked = stride > 0 ? (options.outer + stride - 1) / stride : 0;
  const bool check = options.check_factor > 1 && checked >= 10;
  const detail::LognormalSurrogate surrogate_w(terms, std::nullopt), surrogate_r(terms, k);
  const bool control = options.control_samples > 0 && surrogate_w.valid() && surrogate_r.valid();
  std::vector<Eigen::Vector2d> cv(control ? options.outer : 0);
  std::vector<double> shift(check ? checked : 0);
  SmcOptions big = options;
  big.particles = options.particles * options.check_factor;
  // The particle check at point i: (estimate with check_factor x particles)
  // - (the main estimate), from independent inner draws (a stream of their
  // own) at the same point; 0 where any density vanished.
  auto check_shift = [&](std::size_t i, const Eigen::VectorXd& log_w, const Eigen::VectorXd& log_r, Work& w) {
    Rng inner(options.seed ^ 0x5DEECE66DULL, i);
    const PointResult bw = log_density(all, log_w.data(), big, inner, w);
    const PointResult br = log_density(other, log_r.data(), big, inner, w);
    const bool ok = !bw.zero && !br.zero && !pw[i].zero && !pr[i].zero;
    return ok ? (bw.neg_log_p - br.neg_log_p) - (pw[i].neg_log_p - pr[i].neg_log_p) : 0.0;
  };
  const std::string key = options.store ? stored_key(terms, k, options) : std::string();
  // Stored per sample: both points, the control variates and the check's shift.
  auto encode = [&](std::size_t i, double* v) {
    put_point(pw[i], v);
    put_point(pr[i], v + kPointWidth);
    v[2 * kPointWidth] = control ? cv[i](0) : 0.0;
    v[2 * kPointWidth + 1] = control ? cv[i](1) : 0.0;
    v[2 * kPointWidth + 2] = check && i % stride == 0 ? shift[i / stride] : 0.0;
  };
  auto restore = [&](std::size_t i, const double* v) {
    pw[i] = get_point(v);
    pr[i] = get_point(v + kPointWidth);
    if (control) cv[i] = {v[2 * kPointWidth], v[2 * kPointWidth + 1]};
    if (check && i % stride == 0) shift[i / stride] = v[2 * kPointWidth + 2];
  };
  detail::stored_for(options.outer, options.threads, options.store, key, 2 * kPointWidth + 3,
                     [&](std::size_t begin, std::size_t end) {
    Work w;
    Eigen::MatrixXd g;
    Eigen::VectorXd z, log_w(all.n), log_r(all.n), scratch;
    for (std::size_t i = begin; i < end; ++i) {
      Rng rng(options.seed, i);
      draw_point(terms, factors, k, rng, g, z, log_w, log_r);
      if (control)
        cv[i] = {surrogate_w.neg_log_density(log_w.data(), scratch), surrogate_r.neg_log_density(log_r.data(), scratch)};
      pw[i] = log_density(all, log_w.data(), options, rng, w);
      pr[i] = log_density(other, log_r.data(), options, rng, w);
      if (check && i % stride == 0) shift[i / stride] = check_shift(i, log_w, log_r, w);
    }
  }, encode, restore);
  SmcMutualInformation out;
  out.h_w = summarise(pw, options);
  out.h_r = summarise(pr, options);
  const CorrectedSampleMean s = summarise_values(
      options.outer, [&](std::size_t i) { return !pw[i].zero && !pr[i].zero; },
      [&](std::size_t i) { return pw[i].neg_log_p - pr[i].neg_log_p; },
      [&](std::size_t i) { return pw[i].delta - pr[i].delta; },
      [&](std::size_t i) { return pw[i].correction - pr[i].correction; });
  out.bias_correction = s.correction;
  out.bias_allowance = s.allowance;
  if (check) {
    auto mean_and_error = [&shift] {
      double sum = 0.0, ss = 0.0;
      for (double d : shift) sum += d;
      const auto c = static_cast<double>(shift.size());
      const double mean = sum / c;
      for (double d : shift) ss += (d - mean) * (d - mean);
      return std::pair<double, double>{mean, std::sqrt(ss / (c - 1.0) / c)};
    };
    // A significant shift is measured again on the next disjoint sets of
    // samples (i = offset mod stride) before it counts: from 40 checked
    // samples a 2-SE fluctuation alone made the allowance ten times the bias.
    for (std::size_t offset = 1; offset <= options.check_extensions && offset < stride; ++offset) {
      const auto [m, e] = mean_and_error();
      if (!(std::abs(m) > 2.0 * e)) break;
      std::vector<std::size_t> idx;
      for (std::size_t i = offset; i < options.outer; i += stride) idx.push_back(i);
      std::vector<double> more(idx.size());
      detail::stored_for(idx.size(), options.threads, options.store, key + "/check" + std::to_string(offset), 1,
                         [&](std::size_t begin, std::size_t end) {
        Work w;
        Eigen::MatrixXd g;
        Eigen::VectorXd z, log_w(all.n), log_r(all.n);
        for (std::size_t t = begin; t < end; ++t) {
          const std::size_t i = idx[t];
          Rng rng(options.seed, i);  // the same point as the main pass
          draw_point(terms, factors, k, rng, g, z, log_w, log_r);
          more[t] = check_shift(i, log_w, log_r, w);
        }
      }, [&](std::size_t t, double* v) { v[0] = more[t]; }, [&](std::size_t t, const double* v) { more[t] = v[0]; });
      shift.insert(shift.end(), more.begin(), more.end());
    }
    const auto [mean, error] = mean_and_error();
    out.particle_check_shift = mean;
    out.particle_check_error = error;
    out.particle_check_samples = shift.size();
    // A significant shift is a measured bias: if it falls like 1/particles,
    // the bias at `particles` is factor / (factor - 1) times the shift.
    if (std::abs(mean) > 2.0 * out.particle_check_error) {
      const auto f = static_cast<double>(options.check_factor);
      out.bias_allowance = std::max(out.bias_allowance, std::abs(mean) * f / (f - 1.0));
    }
  }
  out.statistical_error = s.stat;
  out.outer_sd = s.sd;
  out.uncontrolled_error = s.stat;
  out.sample_differences.resize(options.outer);
  for (std::size_t i = 0; i < options.outer; ++i)
    out.sample_differences[i] = !pw[i].zero && !pr[i].zero ? pw[i].neg_log_p - pr[i].neg_log_p
                                                           : std::numeric_limits<double>::quiet_NaN();
  out.estimate.value = s.mean;
  if (control) apply_control_variate(terms, factors, k, options, surrogate_w, surrogate_r, cv, out);
  out.paired_steps = other.pairs;
  out.estimate.samples = s.count;
  out.estimate.method = "smc";
  out.estimate.error_method =
      std::string("common random numbers (W_E and R^(k) from the same outer draws): sd/sqrt(M) of the per-sample "
                  "differences ") +
      (out.control_variate ? "(less the least-squares fit on the log-normal surrogates' -ln q of W_E and R^(k), whose means come from " +
                                 std::to_string(options.control_samples) + "M extra draws: both variances added) "
                           : "") +
      "of jackknife-corrected -ln p (" +
      std::to_string(options.replicates) + " SMC runs of " + std::to_string(options.particles) +
      " particles each), plus max(|jackknife - delta method|, |applied correction|, and, if the shift "
      "with " + std::to_string(options.check_factor) + "x particles on " + std::to_string(out.particle_check_samples) +
      " samples (more when the first set's shift was significant) exceeds 2 of its SE, the bias it implies) of the "
      "difference in quadrature";
  out.estimate.standard_error = std::hypot(out.statistical_error, out.bias_allowance);
  return out;
}

}  // namespace syninfo::truth
