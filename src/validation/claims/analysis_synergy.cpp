// Statistics of the Fig. 4 run and of the synergy subsample (claim C5).
#include "analysis.hpp"

#include "../report_util.hpp"

#include <algorithm>
#include <cmath>

namespace syninfo::validation::detail {

namespace {

void fig4_statistics(const ValidationConfig& config, const SetData& fig4, SynergyAnalysis& a) {
  const std::size_t max_size = config.random.max_synapses;
  a.per_size.assign(max_size + 1, {});
  for (std::size_t i = 0; i < fig4.size(); ++i) {
    const std::size_t n = fig4.samples[i]->header.synapses;
    for (int m = 0; m < 3; ++m) {
      const auto v = fig4.value(i, kModes[m]);
      if (v) a.per_size[n][static_cast<std::size_t>(m)].push_back(bits(*v) / static_cast<double>(n));
    }
  }
  std::vector<double> xs[3], means[3], sds[3];
  for (std::size_t n = 1; n <= max_size; ++n)
    for (int m = 0; m < 3; ++m) {
      const Summary s = summarise(a.per_size[n][static_cast<std::size_t>(m)]);
      if (s.count > 1) {
        xs[m].push_back(static_cast<double>(n));
        means[m].push_back(s.mean);
        sds[m].push_back(s.sd);
      }
    }
  for (int m = 0; m < 3; ++m) {
    a.fig4_fits[m].mean_fit = ordinary_least_squares(xs[m], means[m]);
    a.fig4_fits[m].sd_fit = ordinary_least_squares(xs[m], sds[m]);
    a.fig4_fits[m].mean_corr = pearson_correlation(xs[m], means[m]);
    a.fig4_fits[m].sd_corr = pearson_correlation(xs[m], sds[m]);
  }
  // t-tests between sizes (substituted values, as the paper).
  for (const auto& [x, y] : config.ttest_pairs) {
    if (x > max_size || y > max_size) continue;
    const auto& vx = a.per_size[x][0];
    const auto& vy = a.per_size[y][0];
    a.pair_tests.push_back(PairTest{x, y, welch_t_test(vx, vy), student_t_test(vx, vy), vx.size(), vy.size()});
  }
}

void synergy_statistics(const Records& records, const SetData& fig4, SynergyAnalysis& a) {
  for (const auto& t : records.truths)
    if (t.kind == "synergy") a.cases.push_back(synergy_case(t));
  std::sort(a.cases.begin(), a.cases.end(), [](const auto& x, const auto& y) { return x.record->index < y.record->index; });
  for (const auto& c : a.cases) {
    const TruthRecord& r = *c.record;
    SynergyBySize& s = a.by_size[r.synapses];
    s.n = r.synapses;
    ++s.cases;
    if (r.truth.reliable) {
      ++s.joint_reliable;
      a.trend_n.push_back(static_cast<double>(r.synapses));
      a.trend_truth.push_back(bits(r.truth.value) / static_cast<double>(r.synapses));
      a.trend_cf.push_back(r.cf.ok() ? bits(r.cf.mi_nats) / static_cast<double>(r.synapses) : nan);
      if (r.cf.ok()) {
        s.cf_error.push_back(bits(r.cf.mi_nats - r.truth.value));
        if (r.truth.value > 0.0) s.cf_rel_error.push_back((r.cf.mi_nats - r.truth.value) / r.truth.value);
      }
    }
    if (c.truth_usable) {
      ++s.usable;
      const double z = c.synergy_se > 0.0 ? c.synergy / c.synergy_se : nan;
      s.synergy.push_back(bits(c.synergy));
      s.estimate_var += bits(c.synergy_se) * bits(c.synergy_se);
      if (c.synergy > 0.0) ++s.positive;
      if (z > kZ) ++s.synergistic;
      if (z < -kZ) ++s.redundant;
      if (c.cf_usable) s.cf_synergy.push_back(bits(c.cf_synergy));
    }
    if (c.cf_usable) ++s.cf_usable;
  }
  a.truth_trend = ordinary_least_squares(a.trend_n, a.trend_truth);
  std::vector<double> trend_n_cf, trend_cf_ok;
  for (std::size_t i = 0; i < a.trend_n.size(); ++i)
    if (std::isfinite(a.trend_cf[i])) {
      trend_n_cf.push_back(a.trend_n[i]);
      trend_cf_ok.push_back(a.trend_cf[i]);
    }
  a.cf_trend_same = ordinary_least_squares(trend_n_cf, trend_cf_ok);
  // Selection control: the same sample-level regression of the closed form's
  // I/n on n over every Fig. 4 sample in the same range of n. If the closed
  // form's slope on the reliable problems differs from its slope on all
  // samples, the reliable problems are not representative and the truth's
  // trend on them cannot stand for the population's.
  if (!a.trend_n.empty()) {
    const double n_max = *std::max_element(a.trend_n.begin(), a.trend_n.end());
    std::vector<double> x, y;
    for (std::size_t i = 0; i < fig4.size(); ++i) {
      const double n = static_cast<double>(fig4.samples[i]->header.synapses);
      const auto v = fig4.value(i, Mode::substitute);
      if (!v || n > n_max) continue;
      x.push_back(n);
      y.push_back(bits(*v) / n);
    }
    a.cf_trend_population = ordinary_least_squares(x, y);
    a.trend_selected = a.cf_trend_same.valid && a.cf_trend_population.valid &&
                       (a.cf_trend_population.slope < a.cf_trend_same.slope_ci_low ||
                        a.cf_trend_population.slope > a.cf_trend_same.slope_ci_high);
  }
  for (const auto& [n, s] : a.by_size) {
    a.cases_total += s.cases;
    if (n < 2) continue;  // a single synapse has no synergy
    a.usable += s.usable;
    a.synergistic += s.synergistic;
    a.positive += s.positive;
    a.redundant += s.redundant;
    a.unreliable += s.cases - s.usable;
  }
}

}  // namespace

SynergyAnalysis analyse_synergy(const ValidationConfig& config, const Records& records, const SetData& fig4) {
  SynergyAnalysis a;
  fig4_statistics(config, fig4, a);
  synergy_statistics(records, fig4, a);
  return a;
}

}  // namespace syninfo::validation::detail
