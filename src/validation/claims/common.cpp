#include "common.hpp"

#include "decision.hpp"

#include "../report_util.hpp"

#include <algorithm>
#include <cmath>

namespace syninfo::validation::detail {

const char* mode_name(Mode m) {
  switch (m) {
    case Mode::substitute: return "substitute (paper)";
    case Mode::drop: return "drop";
    case Mode::repair: return "nearest-PD repair";
  }
  return "";
}

std::optional<double> SetData::value(std::size_t i, Mode mode) const {
  const ClosedForm& cf = samples[i]->cf;
  if (cf.ok()) return cf.mi_nats;
  switch (mode) {
    case Mode::substitute:
      if (substitute[i]) return samples[*substitute[i]]->cf.mi_nats;
      return std::nullopt;
    case Mode::drop: return std::nullopt;
    case Mode::repair:
      if (cf.repaired_status == "ok") return cf.repaired_nats;
      return std::nullopt;
  }
  return std::nullopt;
}

std::size_t SetData::invalid() const {
  std::size_t k = 0;
  for (auto* s : samples) k += s->cf.ok() ? 0 : 1;
  return k;
}

SetData set_data(const Records& records, SetId set, std::size_t neurons) {
  SetData d;
  d.set = set;
  d.neurons = neurons;
  for (const auto& s : records.samples)
    if (s.set == set && s.neurons == neurons) d.samples.push_back(&s);
  std::sort(d.samples.begin(), d.samples.end(), [](auto* a, auto* b) { return a->index < b->index; });
  std::vector<simulation::Features> features;
  std::vector<bool> valid;
  for (auto* s : d.samples) {
    features.push_back(s->features);
    valid.push_back(s->cf.ok());
  }
  d.substitute = simulation::nearest_valid_samples(features, valid);
  return d;
}

SetData first_samples(const SetData& d, std::size_t m) {
  SetData cut = d;
  if (m >= d.size()) return cut;
  cut.samples.resize(m);
  std::vector<simulation::Features> f;
  std::vector<bool> v;
  for (auto* x : cut.samples) {
    f.push_back(x->features);
    v.push_back(x->cf.ok());
  }
  cut.substitute = simulation::nearest_valid_samples(f, v);
  return cut;
}

LogLogFit log_log_fit(const SetData& d, Axis axis, Mode mode) {
  LogLogFit out;
  std::vector<double> x, y;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const auto v = d.value(i, mode);
    if (!v) {
      ++out.missing;
      continue;
    }
    if (!(*v > 0.0)) {
      ++out.non_positive;
      continue;
    }
    const auto& h = d.samples[i]->header;
    x.push_back(std::log10(static_cast<double>(axis == Axis::patterns ? h.patterns : h.synapses)));
    y.push_back(std::log10(bits(*v)));
  }
  out.used = x.size();
  out.fit = ordinary_least_squares(x, y);
  out.corr = pearson_correlation(x, y);
  return out;
}

// log10 I = b0 + g log10 n - a log10 P, and the capacity exponent
// x = (2g - 1) / a (delta-method standard error).
CapacityFit capacity_from(double g, double a, double var_g, double var_a, double cov_ga) {
  CapacityFit c;
  c.g = g;
  c.a = a;
  c.g_se = std::sqrt(var_g);
  c.a_se = std::sqrt(var_a);
  if (!(std::fabs(a) > 0.0)) return c;
  c.exponent = (2.0 * g - 1.0) / a;
  const double dg = 2.0 / a, da = -(2.0 * g - 1.0) / (a * a);
  c.exponent_se = std::sqrt(dg * dg * var_g + da * da * var_a + 2.0 * dg * da * cov_ga);
  return c;
}

CapacityFit capacity_fit(const std::vector<double>& n, const std::vector<double>& p, const std::vector<double>& i_bits) {
  std::vector<std::size_t> keep;
  for (std::size_t k = 0; k < i_bits.size(); ++k)
    if (i_bits[k] > 0.0) keep.push_back(k);
  Eigen::MatrixXd x(static_cast<Eigen::Index>(keep.size()), 3);
  Eigen::VectorXd y(static_cast<Eigen::Index>(keep.size()));
  for (std::size_t r = 0; r < keep.size(); ++r) {
    const auto row = static_cast<Eigen::Index>(r);
    x(row, 0) = 1.0;
    x(row, 1) = std::log10(n[keep[r]]);
    x(row, 2) = std::log10(p[keep[r]]);
    y(row) = std::log10(i_bits[keep[r]]);
  }
  const MultipleFit f = multiple_regression(x, y);
  CapacityFit c;
  if (f.valid) {
    // a = -coefficient of log P.
    c = capacity_from(f.coefficients(1), -f.coefficients(2), f.covariance(1, 1), f.covariance(2, 2), -f.covariance(1, 2));
  }
  c.fit = f;
  c.used = keep.size();
  return c;
}

CapacityFit capacity_fit(const SetData& d, Mode mode) {
  std::vector<double> n, p, v;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const auto value = d.value(i, mode);
    if (!value) continue;
    n.push_back(static_cast<double>(d.samples[i]->header.synapses));
    p.push_back(static_cast<double>(d.samples[i]->header.patterns));
    v.push_back(bits(*value));
  }
  return capacity_fit(n, p, v);
}

std::string ci_text(double lo, double hi) { return "[" + fmt(lo) + ", " + fmt(hi) + "]"; }
std::string r_text(const Correlation& c) {
  return "r = " + fmt(c.r, 2) + " " + ci_text(c.ci_low, c.ci_high) + ", p = " + fmt_p(c.p_value) + ", m = " +
         std::to_string(c.count);
}
std::string slope_text(const LinearFit& f) { return fmt(f.slope) + " " + ci_text(f.slope_ci_low, f.slope_ci_high); }

// Verdict of a sign claim from a confidence interval.
std::string combine_verdicts(const std::vector<std::string>& v) {
  bool any_fail = false, all_hold = !v.empty();
  for (const auto& s : v) {
    any_fail = any_fail || s == "fails";
    all_hold = all_hold && s == "holds";
  }
  return any_fail ? "fails" : (all_hold ? "holds" : "undecided");
}

CurveTrends curve_trends(const std::map<CurveKey, const CurveRecord*>& points, const std::string& figure,
                         const std::vector<std::size_t>& curves, std::size_t grid_points, bool across_increasing) {
  CurveTrends t;
  auto get = [&](std::size_t c, std::size_t g) -> const CurveRecord* {
    auto it = points.find(CurveKey{figure, c, g});
    return it == points.end() || !it->second->cf.ok() ? nullptr : it->second;
  };
  for (auto c : curves)
    for (std::size_t g = 0; g + 1 < grid_points; ++g) {
      const auto* a = get(c, g);
      const auto* b = get(c, g + 1);
      if (!a || !b) continue;
      ++t.along.total;
      if (b->cf.mi_nats > a->cf.mi_nats) ++t.along.claimed;
    }
  for (std::size_t g = 0; g < grid_points; ++g)
    for (std::size_t k = 0; k + 1 < curves.size(); ++k) {
      const auto* a = get(curves[k], g);
      const auto* b = get(curves[k + 1], g);
      if (!a || !b) continue;
      ++t.across.total;
      if (across_increasing ? b->cf.mi_nats > a->cf.mi_nats : b->cf.mi_nats < a->cf.mi_nats) ++t.across.claimed;
    }
  return t;
}

std::string TruthSteps::text() const {
  return std::to_string(claimed) + "/" + std::to_string(compared) + " in the claimed direction (" +
         std::to_string(claimed_significant) + " significant), " + std::to_string(violated_significant) +
         " significant violations";
}

std::string TruthSteps::verdict() const {
  // Fails on any significant step against the claim; holds when every step
  // points the claimed way and at least half of them significantly.
  if (violated_significant > 0) return "fails";
  if (compared > 0 && claimed == compared && 2 * claimed_significant >= compared) return "holds";
  return "undecided";
}

void TruthSteps::add(const GroundTruth& lower, const GroundTruth& upper, bool increasing) {
  ++compared;
  const double d = increasing ? upper.value - lower.value : lower.value - upper.value;
  const double se = std::hypot(lower.standard_error, upper.standard_error);
  if (d > 0.0) ++claimed;
  if (d > kZ * se) ++claimed_significant;
  if (d < -kZ * se) ++violated_significant;
  z.push_back(se > 0.0 ? d / se : (d > 0.0 ? std::numeric_limits<double>::infinity()
                                           : (d < 0.0 ? -std::numeric_limits<double>::infinity() : 0.0)));
}

std::size_t TruthSteps::violated_familywise() const {
  if (z.empty()) return 0;
  // Two-sided 5% split over the steps: |z| beyond the normal quantile 1 - 0.025 / compared.
  const double z_crit = normal_quantile_two_sided(1.0 - 0.05 / static_cast<double>(z.size()));
  return static_cast<std::size_t>(std::count_if(z.begin(), z.end(), [&](double v) { return v < -z_crit; }));
}

double TruthSteps::combined_z() const {
  double sum = 0.0;
  std::size_t k = 0;
  for (double v : z)
    if (std::isfinite(v)) {
      sum += v;
      ++k;
    }
  return k ? sum / std::sqrt(static_cast<double>(k)) : 0.0;
}

std::string TruthSteps::to_decide() const {
  std::vector<double> open;
  for (double v : z)
    if (!(v > kZ)) open.push_back(v);
  if (open.empty()) return "";
  std::sort(open.begin(), open.end());
  const double median = open[open.size() / 2];
  std::string out = std::to_string(open.size()) + " of " + std::to_string(z.size()) + " steps not significant (median z = " +
                    fmt(median, 2) + ")";
  if (median > 0.0)
    out += "; a ground-truth budget about " + fmt((kPowerZ / median) * (kPowerZ / median), 2) +
           "x larger would make the median one significant with 80% power";
  else
    out += "; the median of them points against the claim: no budget decides it";
  return out;
}

void TruthSteps::merge(const TruthSteps& o) {
  compared += o.compared;
  claimed += o.claimed;
  claimed_significant += o.claimed_significant;
  violated_significant += o.violated_significant;
  z.insert(z.end(), o.z.begin(), o.z.end());
}

TruthSteps truth_steps(const std::map<CurveKey, const TruthRecord*>& truth, const std::string& figure,
                       const std::vector<std::size_t>& curves, bool along, bool increasing) {
  TruthSteps s;
  std::vector<std::size_t> grids;
  for (const auto& [k, t] : truth)
    if (k.figure == figure && std::find(grids.begin(), grids.end(), k.grid) == grids.end()) grids.push_back(k.grid);
  std::sort(grids.begin(), grids.end());
  auto get = [&](std::size_t c, std::size_t g) -> const GroundTruth* {
    auto it = truth.find(CurveKey{figure, c, g});
    return it == truth.end() || !it->second->truth.reliable ? nullptr : &it->second->truth;
  };
  if (along) {
    for (auto c : curves)
      for (std::size_t k = 0; k + 1 < grids.size(); ++k) {
        const auto* a = get(c, grids[k]);
        const auto* b = get(c, grids[k + 1]);
        if (a && b) s.add(*a, *b, increasing);
      }
  } else {
    for (auto g : grids)
      for (std::size_t k = 0; k + 1 < curves.size(); ++k) {
        const auto* a = get(curves[k], g);
        const auto* b = get(curves[k + 1], g);
        if (a && b) s.add(*a, *b, increasing);
      }
  }
  return s;
}

SynergyCase synergy_case(const TruthRecord& t) {
  SynergyCase c;
  c.record = &t;
  bool singles_ok = !t.singles.empty();
  double sum = 0.0, var = 0.0;
  for (const auto& g : t.singles) {
    singles_ok = singles_ok && g.reliable;
    sum += g.value;
    var += g.standard_error * g.standard_error;
  }
  if (singles_ok) {
    c.singles_sum = sum;
    c.singles_se = std::sqrt(var);
  }
  if (singles_ok && t.truth.reliable) {
    c.truth_usable = true;
    c.synergy = t.truth.value - sum;
    c.synergy_se = std::sqrt(var + t.truth.standard_error * t.truth.standard_error);
  }
  bool cf_ok = t.cf.ok() && !t.singles_cf.empty();
  double cf_sum = 0.0;
  for (const auto& s : t.singles_cf) {
    cf_ok = cf_ok && s.ok();
    cf_sum += s.mi_nats;
  }
  if (cf_ok) {
    c.cf_usable = true;
    c.cf_singles_sum = cf_sum;
    c.cf_synergy = t.cf.mi_nats - cf_sum;
  }
  return c;
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string table_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + md_escape(c) + " |";
  return out + "\n";
}

std::string table_header(const std::vector<std::string>& cells) {
  std::string out = table_row(cells) + "|";
  for (std::size_t i = 0; i < cells.size(); ++i) out += "---|";
  return out + "\n";
}

std::string set_title(SetId s) {
  switch (s) {
    case SetId::set2: return "set 2";
    case SetId::set3: return "set 3";
    case SetId::set3_fig4: return "set 3 (Fig. 4 run)";
    default: return "set 1";
  }
}

}  // namespace syninfo::validation::detail
