#include "syninfo/truth/noise_regularised_smc.hpp"

#include "short_number.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace syninfo::truth {
namespace {

using detail::fmt;

struct SampleMean {
  double mean = 0.0, error = 0.0;
  std::size_t count = 0;
};

// Mean and standard error of value(i) over the samples where it is finite.
template <class Value>
SampleMean sample_mean(std::size_t size, Value value) {
  SampleMean s;
  double sum = 0.0;
  for (std::size_t i = 0; i < size; ++i) {
    const double v = value(i);
    if (!std::isfinite(v)) continue;
    sum += v;
    ++s.count;
  }
  if (s.count < 2) return s;
  s.mean = sum / static_cast<double>(s.count);
  double ss = 0.0;
  for (std::size_t i = 0; i < size; ++i) {
    const double v = value(i);
    if (std::isfinite(v)) ss += (v - s.mean) * (v - s.mean);
  }
  s.error = std::sqrt(ss / static_cast<double>(s.count - 1) / static_cast<double>(s.count));
  return s;
}

void check_options(const NoiseRegularisedOptions& o) {
  if (!(o.largest_scale > 0.0 && o.largest_scale <= 1.0))
    throw std::invalid_argument("noise regularisation: largest_scale must be in (0, 1]");
  if (o.levels < 2 || o.levels > 8) throw std::invalid_argument("noise regularisation: levels must be in [2, 8]");
  if (!(o.log_sd > 0.0 && o.log_sd <= 3.0)) throw std::invalid_argument("noise regularisation: log_sd must be in (0, 3]");
}

}  // namespace

LogTerm noise_term(const std::vector<LogTerm>& terms, double scale, double log_sd) {
  // The noise's sd at synapse a is scale x sd(W_a): the regularisation is
  // measured against the spread of the weights, not their level (at small
  // pattern variance the spread is a small fraction of the mean).
  const SumMoments m = sum_moments(terms);
  const Eigen::Index n = m.mean.size();
  const double sd_per_mean = std::sqrt(std::expm1(log_sd * log_sd));
  LogTerm t;
  t.mean = (m.cov.diagonal().array().sqrt() * (scale / sd_per_mean)).log() - 0.5 * log_sd * log_sd;
  t.cov = Eigen::MatrixXd::Identity(n, n) * (log_sd * log_sd);
  return t;
}

NoiseRegularisedInformation noise_regularised_information(const Problem<double>& problem,
                                                          const NoiseRegularisedOptions& options) {
  check_options(options);
  NoiseRegularisedInformation out;
  out.density = density_verdict(problem);
  out.estimate.method = "smc_noise_extrapolated";
  if (out.density.kind != InformationKind::finite) {
    const double v = out.density.kind == InformationKind::infinite ? std::numeric_limits<double>::infinity()
                                                                    : std::numeric_limits<double>::quiet_NaN();
    out.estimate.value = out.lower_bound.value = v;
    out.estimate.standard_error = out.lower_bound.standard_error = 0.0;
    out.problems.push_back(out.density.reason);
    return out;
  }
  const std::vector<LogTerm> terms = log_terms(problem);
  for (std::size_t j = 0; j < options.levels; ++j) {
    NoiseLevel level;
    level.scale = options.largest_scale / std::ldexp(1.0, static_cast<int>(j));
    std::vector<LogTerm> with_noise = terms;
    with_noise.push_back(noise_term(terms, level.scale, options.log_sd));
    SmcOptions o = options.smc;  // the same seed at every level: common random numbers
    if (options.scale_particles) o.particles = options.smc.particles << j;
    level.mi = smc_mutual_information_of_terms(with_noise, problem.pattern, o);
    const std::size_t zero = level.mi.h_w.zero_density + level.mi.h_r.zero_density;
    if (zero > 0)
      out.problems.push_back("noise level " + fmt(level.scale) + ": " + std::to_string(zero) +
                             " samples had zero estimated density");
    const double rv = std::max(level.mi.h_w.mean_relative_variance, level.mi.h_r.mean_relative_variance);
    if (rv > 0.5)
      out.problems.push_back("noise level " + fmt(level.scale) + ": noisy densities (mean relative variance " +
                             fmt(rv) + " > 0.5)");
    out.levels.push_back(std::move(level));
  }
  const std::size_t last = out.levels.size() - 1, outer = options.smc.outer;
  const auto& dl = out.levels[last].mi.sample_differences;
  const auto& dp = out.levels[last - 1].mi.sample_differences;
  out.lower_bound = out.levels[last].mi.estimate;
  out.lower_bound.method = "smc_noise_lower_bound";
  // Richardson in eps^2 with ratio 4, sample by sample.
  const SampleMean rich = sample_mean(outer, [&](std::size_t i) { return (4.0 * dl[i] - dp[i]) / 3.0; });
  double allowance =
      (4.0 * out.levels[last].mi.bias_allowance + out.levels[last - 1].mi.bias_allowance) / 3.0;
  if (out.levels.size() >= 3) {
    const auto& dq = out.levels[last - 2].mi.sample_differences;
    const SampleMean rem = sample_mean(outer, [&](std::size_t i) { return (4.0 * dl[i] - 5.0 * dp[i] + dq[i]) / 3.0; });
    out.remainder = rem.mean;
    out.remainder_error = rem.error;
    // A significant change between the last two extrapolations: the ladder is
    // not yet in the eps^2 regime; its size is a measured bias.
    if (std::abs(rem.mean) > 2.0 * rem.error) {
      allowance = std::max(allowance, std::abs(rem.mean));
      out.problems.push_back("the noise ladder is not in the eps^2 regime: the last two extrapolations differ by " +
                             fmt(rem.mean) + " +- " + fmt(rem.error) +
                             " nats, so the extrapolation is a rough estimate (its size is in the standard error); "
                             "the lower bound stands");
    }
  }
  out.estimate.value = rich.mean;
  out.estimate.samples = rich.count;
  out.estimate.standard_error = std::hypot(rich.error, allowance);
  out.estimate.error_method =
      "sd/sqrt(M) of the per-sample Richardson combination (4 I_eps/2 - I_eps) / 3 of the two smallest noise levels "
      "(common random numbers), plus in quadrature the levels' smc bias allowances and, when significant, the "
      "change from the previous pair's extrapolation";
  if (rich.count < outer)
    out.problems.push_back(std::to_string(outer - rich.count) + " of " + std::to_string(outer) +
                           " samples had a vanished density at some level");
  return out;
}

}  // namespace syninfo::truth
