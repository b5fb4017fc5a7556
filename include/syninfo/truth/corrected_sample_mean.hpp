// The summary both Monte Carlo density estimators (conditional and sequential)
// give of their per-outer-sample values: the mean of the bias-corrected
// -ln p, its standard error, and the systematic allowance the estimate carries.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace syninfo::truth {

struct CorrectedSampleMean {
  double mean = 0.0;        // mean of value(i) over the used samples
  double sd = 0.0;          // their sample standard deviation
  double stat = 0.0;        // sd / sqrt(count): the statistical error of the mean
  double correction = 0.0;  // mean applied correction, corr(i)
  // max(|mean - mean of alt(i)|, |correction|): how far two bias corrections
  // (e.g. jackknife and delta method) disagree, or the correction itself,
  // whichever is larger; callers add it to stat in quadrature.
  double allowance = 0.0;
  std::size_t count = 0;    // samples used; below 2 the other fields are 0
};

// Over i < size with use(i): value(i) is the corrected estimate, alt(i) the
// alternative correction, corr(i) the applied correction.
template <class Use, class Value, class Alt, class Corr>
CorrectedSampleMean corrected_sample_mean(std::size_t size, Use use, Value value, Alt alt, Corr corr) {
  CorrectedSampleMean out;
  double s = 0.0, sa = 0.0, sc = 0.0;
  for (std::size_t i = 0; i < size; ++i) {
    if (!use(i)) continue;
    s += value(i);
    sa += alt(i);
    sc += corr(i);
    ++out.count;
  }
  if (out.count < 2) return out;
  const auto c = static_cast<double>(out.count);
  out.mean = s / c;
  double ss = 0.0;
  for (std::size_t i = 0; i < size; ++i)
    if (use(i)) ss += (value(i) - out.mean) * (value(i) - out.mean);
  out.sd = std::sqrt(ss / (c - 1.0));
  out.stat = out.sd / std::sqrt(c);
  out.correction = sc / c;
  out.allowance = std::max(std::abs(out.mean - sa / c), std::abs(out.correction));
  return out;
}

}  // namespace syninfo::truth
