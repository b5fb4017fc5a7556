#include "syninfo/calibration/point_statistics.hpp"

#include "../validation/claims/analysis.hpp"
#include "../validation/claims/paper_numbers.hpp"
#include "../validation/claims/reproduction.hpp"

#include <algorithm>
#include <cmath>

namespace syninfo::calibration {
namespace {

using validation::detail::kPaperCorrelations;
using validation::detail::kPaperInvalidFraction;
using validation::detail::kPaperSynergy;
using validation::detail::kZ;

// Fisher-z distance of r (from m pairs) to the paper's r (from paper_m pairs).
double correlation_z(double r, std::size_t m, double paper, std::size_t paper_m) {
  if (!std::isfinite(r) || m < 4 || std::fabs(r) >= 1.0) return kNaN;
  return (std::atanh(r) - std::atanh(paper)) / std::sqrt(1.0 / static_cast<double>(m - 3) + 1.0 / static_cast<double>(paper_m - 3));
}

Statistic correlation_statistic(const char* name, const char* label, const validation::Correlation& c, double paper,
                                std::size_t paper_m) {
  Statistic s;
  s.name = name;
  s.label = label;
  s.paper = paper;
  s.paper_count = paper_m;
  s.count = c.count;
  if (c.valid) {
    s.value = c.r;
    s.ci_low = c.ci_low;
    s.ci_high = c.ci_high;
  }
  s.z = correlation_z(s.value, s.count, paper, paper_m);
  // validate's reproduction verdict of this number (reproduction.hpp).
  s.reproduction = validation::detail::to_string(
      validation::detail::reproduce_correlation(c.valid ? c.r : kNaN, c.count, paper, paper_m).decision);
  return s;
}

Statistic invalid_statistic(const validation::detail::SetAnalysis& sets) {
  Statistic s;
  s.name = "c6_invalid_fraction";
  s.label = "C6 all sets: invalid fraction";
  s.paper = kPaperInvalidFraction.nominal;
  s.count = sets.all_total;
  if (sets.all_total > 0) {
    const validation::Proportion& p = sets.invalid_all;
    s.value = p.estimate;
    s.ci_low = p.ci_low;
    s.ci_high = p.ci_high;
    // The score statistic at the paper's value: |z| <= 1.96 exactly when 1%
    // lies inside the Wilson interval (which inverts this test).
    s.z = (p.estimate - s.paper) / std::sqrt(s.paper * (1.0 - s.paper) / static_cast<double>(sets.all_total));
    validation::detail::Region about;
    about.low = kPaperInvalidFraction.low;
    about.high = kPaperInvalidFraction.high;
    s.reproduction = validation::detail::to_string(validation::detail::decide(p.ci_low, p.ci_high, about));
  } else {
    s.reproduction = validation::detail::to_string(validation::detail::Decision::undecided);
  }
  return s;
}

double median_of(std::vector<double> v) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const std::size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

double quantile_of(std::vector<double> v, double q) {  // linear interpolation (type 7)
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const double at = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(at));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

// corr over the sizes with at least two values of f(values of size n) against n (or log n).
template <class F>
double per_size_correlation(const std::vector<std::vector<double>>& by_size, F summary, bool log_axes) {
  std::vector<double> x, y;
  for (std::size_t n = 1; n < by_size.size(); ++n) {
    if (by_size[n].size() < 2) continue;
    const double v = summary(by_size[n]);
    if (!std::isfinite(v) || (log_axes && !(v > 0.0))) continue;
    x.push_back(log_axes ? std::log(static_cast<double>(n)) : static_cast<double>(n));
    y.push_back(log_axes ? std::log(v) : v);
  }
  const validation::Correlation c = validation::pearson_correlation(x, y);
  return c.valid ? c.r : kNaN;
}

std::vector<Alternative> c5_alternatives(const validation::detail::SynergyAnalysis& s) {
  using validation::detail::Mode;
  const auto mean = [](const std::vector<double>& v) { return validation::summarise(v).mean; };
  const auto sd = [](const std::vector<double>& v) { return validation::summarise(v).sd; };
  // I/n per size under each treatment (bits); and I itself, and positive values only.
  std::vector<std::vector<double>> per_n[3], total(s.per_size.size()), positive(s.per_size.size());
  for (int m = 0; m < 3; ++m) per_n[m].resize(s.per_size.size());
  for (std::size_t n = 0; n < s.per_size.size(); ++n) {
    for (int m = 0; m < 3; ++m) per_n[m][n] = s.per_size[n][static_cast<std::size_t>(m)];
    for (double v : per_n[0][n]) {
      total[n].push_back(v * static_cast<double>(n));
      if (v > 0.0) positive[n].push_back(v);
    }
  }
  std::vector<Alternative> out;
  auto add = [&](const char* name, const char* description, double mean_r, double sd_r) {
    out.push_back(Alternative{name, description, mean_r, sd_r});
  };
  add("substitute", "as validate: I/n in bits, invalid samples take their nearest valid sample's value",
      per_size_correlation(per_n[0], mean, false), per_size_correlation(per_n[0], sd, false));
  add("drop", "invalid samples left out", per_size_correlation(per_n[1], mean, false),
      per_size_correlation(per_n[1], sd, false));
  add("repair", "invalid samples take the closed form of the nearest positive-definite K",
      per_size_correlation(per_n[2], mean, false), per_size_correlation(per_n[2], sd, false));
  add("positive_only", "samples with I <= 0 left out (a log axis would drop them)",
      per_size_correlation(positive, mean, false), per_size_correlation(positive, sd, false));
  add("total_information", "I instead of I/n (mean and sd of the ensemble's information)",
      per_size_correlation(total, mean, false), per_size_correlation(total, sd, false));
  add("log_log", "log(mean I/n) and log(sd I/n) against log n", per_size_correlation(per_n[0], mean, true),
      per_size_correlation(per_n[0], sd, true));
  add("median_iqr", "median and interquartile range of I/n instead of mean and sd",
      per_size_correlation(per_n[0], median_of, false),
      per_size_correlation(per_n[0], [](const std::vector<double>& v) { return quantile_of(v, 0.75) - quantile_of(v, 0.25); },
                           false));
  // Sample level: corr(I/n, n) over the samples themselves (the sd has no sample-level version).
  std::vector<double> x, y;
  for (std::size_t n = 1; n < per_n[0].size(); ++n)
    for (double v : per_n[0][n]) {
      x.push_back(static_cast<double>(n));
      y.push_back(v);
    }
  const validation::Correlation c = validation::pearson_correlation(x, y);
  add("sample_level", "corr(I/n, n) over the samples, not over the per-size means", c.valid ? c.r : kNaN, kNaN);
  return out;
}

}  // namespace

std::vector<std::string> statistic_names() {
  return {"c2_set2_r", "c2_set3_r", "c4_set2_r", "c4_set3_r", "c5_mean_r", "c5_sd_r", "c6_invalid_fraction"};
}

validation::Plan calibration_plan(const validation::ValidationConfig& config) {
  validation::ValidationConfig c = config;
  c.truth = false;
  validation::Plan full = validation::make_plan(c);
  validation::Plan plan;
  for (const auto& t : full.samples)
    if (t.neurons == config.random.neurons) plan.samples.push_back(t);
  return plan;
}

PointStatistics statistics_of_records(const validation::ValidationConfig& config, const validation::Records& records) {
  const validation::detail::SetAnalysis sets = validation::detail::analyse_sets(config, records);
  const validation::detail::SynergyAnalysis synergy = validation::detail::analyse_synergy(config, records, sets.fig4());
  const auto& p = kPaperCorrelations;
  const auto& f = synergy.fig4_fits[0];
  PointStatistics out;
  out.stats = {
      correlation_statistic("c2_set2_r", "C2 set 2: r(log I, log P)", sets.fits2.p[0].corr, p.c2_set2, p.samples),
      correlation_statistic("c2_set3_r", "C2 set 3: r(log I, log P)", sets.fits3.p[0].corr, p.c2_set3, p.samples),
      correlation_statistic("c4_set2_r", "C4 set 2: r(log I, log n)", sets.fits2.n[0].corr, p.c4_set2, p.samples),
      correlation_statistic("c4_set3_r", "C4 set 3: r(log I, log n)", sets.fits3.n[0].corr, p.c4_set3, p.samples),
      correlation_statistic("c5_mean_r", "C5 Fig. 4: corr(mean I/n, n)", f.mean_corr, kPaperSynergy.mean_r, kPaperSynergy.sizes),
      correlation_statistic("c5_sd_r", "C5 Fig. 4: corr(sd I/n, n)", f.sd_corr, kPaperSynergy.sd_r, kPaperSynergy.sizes),
      invalid_statistic(sets),
  };
  out.alternatives = c5_alternatives(synergy);
  double sum = 0.0, worst = 0.0;
  std::size_t finite = 0;
  for (const auto& s : out.stats)
    if (std::isfinite(s.z)) {
      sum += s.z * s.z;
      worst = std::max(worst, std::fabs(s.z));
      ++finite;
    }
  if (finite > 0) {
    out.rms_z = std::sqrt(sum / static_cast<double>(finite));
    out.max_abs_z = worst;
  }
  out.consistent = finite == out.stats.size() && worst <= kZ;
  return out;
}

PointStatistics point_statistics(const validation::ValidationConfig& config) {
  const validation::Records records = validation::compute_records(config, calibration_plan(config));
  return statistics_of_records(config, records);
}

}  // namespace syninfo::calibration
