// Statistics of the random sets: statuses (C6), log-log regressions (C2, C4),
// the ground truth on the scatter subsamples, other N (C7), capacity (C8),
// and the bookkeeping of the ground-truth estimates.
#include "analysis.hpp"

#include "../report_util.hpp"

#include <algorithm>
#include <cmath>

namespace syninfo::validation::detail {

StatusCounts status_counts(const SetData& d) {
  StatusCounts c;
  for (auto* s : d.samples) {
    ++c.total;
    if (s->cf.ok()) {
      ++c.ok;
      c.non_positive += s->cf.mi_nats > 0.0 ? 0 : 1;
      continue;
    }
    if (s->cf.status == "not_positive_definite") ++c.not_pd;
    else if (s->cf.status == "non_finite") ++c.non_finite;
    else ++c.other;
    if (s->cf.verdict == "real") ++c.real;
    else if (s->cf.verdict.rfind("rounding", 0) == 0) ++c.rounding;
    else ++c.unchecked;
    c.repaired_ok += s->cf.repaired_status == "ok" ? 1 : 0;
  }
  return c;
}

SetFits fits_of(const SetData& d) {
  SetFits f;
  for (int m = 0; m < 3; ++m) {
    f.p[m] = log_log_fit(d, Axis::patterns, kModes[m]);
    f.n[m] = log_log_fit(d, Axis::synapses, kModes[m]);
    f.capacity[m] = capacity_fit(d, kModes[m]);
  }
  return f;
}

ScatterTruth scatter_truth(const Records& records, SetId set) {
  ScatterTruth s;
  for (const auto& t : records.truths)
    if (t.kind == "scatter" && t.figure == simulation::to_string(set)) s.all.push_back(&t);
  std::sort(s.all.begin(), s.all.end(), [](auto* a, auto* b) { return a->index < b->index; });
  std::vector<double> lp, ln, lt, clp, cln, clv;
  for (auto* t : s.all) {
    if (!t->truth.reliable) continue;
    s.reliable.push_back(t);
    if (!(t->truth.value > 0.0)) {
      ++s.non_positive;
      continue;
    }
    lp.push_back(std::log10(static_cast<double>(t->patterns)));
    ln.push_back(std::log10(static_cast<double>(t->synapses)));
    lt.push_back(std::log10(bits(t->truth.value)));
    s.p.push_back(static_cast<double>(t->patterns));
    s.n.push_back(static_cast<double>(t->synapses));
    s.truth_bits.push_back(bits(t->truth.value));
    if (t->cf.ok() && t->cf.mi_nats > 0.0) {
      clp.push_back(lp.back());
      cln.push_back(ln.back());
      clv.push_back(std::log10(bits(t->cf.mi_nats)));
    }
  }
  s.corr_p = pearson_correlation(lp, lt);
  s.corr_n = pearson_correlation(ln, lt);
  s.fit_p = ordinary_least_squares(lp, lt);
  s.fit_n = ordinary_least_squares(ln, lt);
  s.cf_corr_p = pearson_correlation(clp, clv);
  s.cf_corr_n = pearson_correlation(cln, clv);
  return s;
}

SetAnalysis analyse_sets(const ValidationConfig& config, const Records& records) {
  SetAnalysis a;
  for (SetId s : {SetId::set2, SetId::set3, SetId::set3_fig4}) a.sets.push_back(set_data(records, s, config.random.neurons));
  for (const auto& d : a.sets) a.counts.push_back(status_counts(d));
  for (const auto& c : a.counts) {
    a.all_total += c.total;
    a.all_invalid += c.total - c.ok;
  }
  a.invalid_all = wilson_interval(a.all_invalid, a.all_total);
  a.fits2 = fits_of(a.set2());
  a.fits3 = fits_of(a.set3());
  a.st2 = scatter_truth(records, SetId::set2);
  a.st3 = scatter_truth(records, SetId::set3);
  return a;
}

namespace {

Correlation per_synapse_corr(const SetData& d) {
  std::vector<double> x, y;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const auto v = d.value(i, Mode::substitute);
    if (!v) continue;
    const double n = static_cast<double>(d.samples[i]->header.synapses);
    x.push_back(n);
    y.push_back(bits(*v) / n);
  }
  return pearson_correlation(x, y);
}

}  // namespace

NeuronAnalysis analyse_neurons(const ValidationConfig& config, const Records& records, const CurveAnalysis& curves,
                               const SetAnalysis& sets) {
  NeuronAnalysis a;
  for (const auto& c : records.curves) {
    const auto at = c.figure.find("@N=");
    if (at == std::string::npos) continue;
    auto it = curves.points.find(CurveKey{c.figure.substr(0, at), c.curve, c.grid});
    if (it == curves.points.end()) continue;
    const ClosedForm& base = it->second->cf;
    if (base.status != c.cf.status) {
      ++a.status_mismatch;
      continue;
    }
    if (!base.ok()) continue;
    ++a.compared;
    const double scale = std::max(std::fabs(base.mi_nats), 1e-300);
    a.max_rel = std::max(a.max_rel, std::fabs(c.cf.mi_nats - base.mi_nats) / scale);
  }
  for (const auto& t : records.truths)
    if (t.kind == "c7" && std::isfinite(t.truth.value) && std::isfinite(t.embedded.value)) {
      ++a.truth_compared;
      if (t.truth.value == t.embedded.value) ++a.truth_identical;
      const double se = std::hypot(t.truth.standard_error, t.embedded.standard_error);
      if (se > 0.0) a.truth_max_z = std::max(a.truth_max_z, std::fabs(t.truth.value - t.embedded.value) / se);
    }
  const std::size_t main_n = config.random.neurons;
  std::vector<std::size_t> ns = config.c7_neurons;
  ns.push_back(main_n);
  std::sort(ns.begin(), ns.end());
  ns.erase(std::unique(ns.begin(), ns.end()), ns.end());
  for (auto nn : ns)
    for (SetId s : {SetId::set2, SetId::set3}) {
      const SetData d = nn == main_n ? (s == SetId::set2 ? sets.set2() : sets.set3()) : set_data(records, s, nn);
      if (d.size() == 0) continue;
      // The main-N sets have more samples; compare on the same count.
      const SetData cut = first_samples(d, nn == main_n ? std::min(d.size(), config.c7_samples) : d.size());
      a.rows.push_back(C7Row{nn, s, cut.size(), cut.invalid(), log_log_fit(cut, Axis::patterns, Mode::substitute),
                             log_log_fit(cut, Axis::synapses, Mode::substitute), per_synapse_corr(cut)});
    }
  return a;
}

CapacityAnalysis analyse_capacity(const SetAnalysis& sets) {
  // From the separate C2/C4 slopes (independent samples of P and n).
  auto capacity_from_slopes = [](const SetFits& f) {
    const double g = f.n[0].fit.slope, a = -f.p[0].fit.slope;
    return capacity_from(g, a, f.n[0].fit.slope_se * f.n[0].fit.slope_se, f.p[0].fit.slope_se * f.p[0].fit.slope_se, 0.0);
  };
  CapacityAnalysis c;
  c.cap2 = sets.fits2.capacity[0];
  c.cap3 = sets.fits3.capacity[0];
  c.cap2_sep = capacity_from_slopes(sets.fits2);
  c.cap3_sep = capacity_from_slopes(sets.fits3);
  std::vector<double> n, p, v, vcf;
  std::vector<double> n2, p2;
  for (const ScatterTruth* s : {&sets.st2, &sets.st3})
    for (auto* t : s->reliable) {
      n.push_back(static_cast<double>(t->synapses));
      p.push_back(static_cast<double>(t->patterns));
      v.push_back(bits(t->truth.value));
      if (t->cf.ok() && t->truth.value > 0.0) {
        n2.push_back(static_cast<double>(t->synapses));
        p2.push_back(static_cast<double>(t->patterns));
        vcf.push_back(bits(t->cf.mi_nats));
      }
    }
  c.truth = capacity_fit(n, p, v);
  c.truth_cf = capacity_fit(n2, p2, vcf);
  return c;
}

TruthBookkeeping count_truths(const Records& records) {
  TruthBookkeeping b;
  auto count = [&](const std::string& kind, const GroundTruth& g) {
    auto& e = b.by_kind[kind];
    ++e.first;
    e.second += g.reliable ? 1 : 0;
    ++b.methods[g.method + (g.reliable ? " (reliable)" : " (unreliable)")];
    ++b.total;
    b.reliable += g.reliable ? 1 : 0;
  };
  for (const auto& t : records.truths) {
    count(t.kind, t.truth);
    for (const auto& g : t.singles) count("synergy single", g);
    if (t.kind == "c7") count("c7 embedded", t.embedded);
  }
  return b;
}

Analysis analyse(const ValidationConfig& config, const Records& records) {
  Analysis a;
  a.curves = analyse_curves(config, records);
  a.sets = analyse_sets(config, records);
  a.synergy = analyse_synergy(config, records, a.sets.fig4());
  a.neurons = analyse_neurons(config, records, a.curves, a.sets);
  a.capacity = analyse_capacity(a.sets);
  a.truths = count_truths(records);
  a.have_truth = config.truth && a.truths.total > 0;
  return a;
}

}  // namespace syninfo::validation::detail
