#include "syninfo/calibration/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace syninfo::calibration {
namespace {

constexpr double kZ95 = 1.959963984540054;

void consider(Closest& c, std::size_t point, double value, double z) {
  if (!std::isfinite(value)) return;
  c.lowest = std::isfinite(c.lowest) ? std::min(c.lowest, value) : value;
  c.highest = std::isfinite(c.highest) ? std::max(c.highest, value) : value;
  if (!std::isfinite(z)) return;
  if (std::fabs(z) <= kZ95) ++c.within;
  if (!c.found || std::fabs(z) < std::fabs(c.z)) {
    c.found = true;
    c.point = point;
    c.value = value;
    c.z = z;
  }
}

}  // namespace

double correlation_distance(double r, std::size_t m, double paper, std::size_t paper_m) {
  if (!std::isfinite(r) || m < 4 || paper_m < 4 || std::fabs(r) >= 1.0) return kNaN;
  return (std::atanh(r) - std::atanh(paper)) /
         std::sqrt(1.0 / static_cast<double>(m - 3) + 1.0 / static_cast<double>(paper_m - 3));
}

CalibrationSummary summarise_calibration(const std::vector<PointResult>& results) {
  CalibrationSummary s;
  std::vector<std::size_t> order(results.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto rms = [&](std::size_t k) {
    const double v = results[k].statistics.rms_z;
    return std::isfinite(v) ? v : 1e300;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rms(a) < rms(b); });
  for (std::size_t k : order)
    if (results[k].statistics.consistent) s.consistent.push_back(results[k].index);
  for (std::size_t i = 0; i < order.size() && i < 10; ++i) s.best.push_back(results[order[i]].index);
  if (results.empty()) return s;

  const auto& first = results.front().statistics;
  for (const auto& st : first.stats) s.closest.push_back(Closest{st.name, st.label, st.paper});
  // C5's paper numbers and their sample size, for the alternatives' distances.
  double mean_paper = kNaN, sd_paper = kNaN;
  std::size_t paper_m = 0;
  for (const auto& st : first.stats) {
    if (st.name == "c5_mean_r") {
      mean_paper = st.paper;
      paper_m = st.paper_count;
    }
    if (st.name == "c5_sd_r") sd_paper = st.paper;
  }
  for (const auto& a : first.alternatives) {
    AlternativeReach r;
    r.name = a.name;
    r.description = a.description;
    r.mean = Closest{"c5_mean_r", "corr(mean, n)", mean_paper};
    r.sd = Closest{"c5_sd_r", "corr(sd, n)", sd_paper};
    s.alternatives.push_back(std::move(r));
  }
  for (const auto& r : results) {
    const auto& st = r.statistics.stats;
    for (std::size_t j = 0; j < st.size() && j < s.closest.size(); ++j) consider(s.closest[j], r.index, st[j].value, st[j].z);
    // The alternatives are correlations over the same per-size points as the
    // main statistic: their distance uses its pair count.
    std::size_t m = 0;
    for (const auto& x : st)
      if (x.name == "c5_mean_r") m = x.count;
    const auto& alts = r.statistics.alternatives;
    for (std::size_t j = 0; j < alts.size() && j < s.alternatives.size(); ++j) {
      const bool sample_level = alts[j].name == "sample_level";
      if (!sample_level) {
        const double zm = correlation_distance(alts[j].mean_r, m, mean_paper, paper_m);
        const double zs = correlation_distance(alts[j].sd_r, m, sd_paper, paper_m);
        AlternativeReach& a = s.alternatives[j];
        consider(a.mean, r.index, alts[j].mean_r, zm);
        consider(a.sd, r.index, alts[j].sd_r, zs);
        if (std::fabs(zm) <= kZ95 && std::fabs(zs) <= kZ95) {
          ++a.both_within;
          const double d2 = zm * zm + zs * zs;
          const double best = a.both_found ? std::pow(correlation_distance(a.both_mean, m, mean_paper, paper_m), 2) +
                                                 std::pow(correlation_distance(a.both_sd, m, sd_paper, paper_m), 2)
                                           : 1e300;
          if (d2 < best) {
            a.both_found = true;
            a.both_point = r.index;
            a.both_mean = alts[j].mean_r;
            a.both_sd = alts[j].sd_r;
          }
        }
      } else {
        // Over samples, not sizes: no per-size pair count applies; kept as a value (no z).
        consider(s.alternatives[j].mean, r.index, alts[j].mean_r, kNaN);
      }
    }
  }
  return s;
}

}  // namespace syninfo::calibration
