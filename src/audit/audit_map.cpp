#include "syninfo/audit/audit_map.hpp"

#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"
#include "syninfo/audit/audit_map_shards.hpp"
#include "syninfo/report/checkpoint.hpp"
#include "syninfo/report/gnuplot.hpp"
#include "syninfo/report/progress.hpp"
#include "syninfo/spec.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace syninfo::audit {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string fmt(double x, int digits = 6) {
  if (!std::isfinite(x)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  return buffer;
}

std::string csv_text(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

AuditMapPoint evaluate(const AuditMapOptions& options, const std::string& sigma2, const std::string& rho,
                       std::size_t patterns, std::size_t n, const Ensemble& sequence, std::size_t neurons,
                       unsigned threads) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  AuditMapPoint pt;
  pt.sigma2 = sigma2;
  pt.rho = rho;
  pt.patterns = patterns;
  pt.synapses = n;
  pt.neurons = neurons;
  const Ensemble ensemble(sequence.begin(), sequence.begin() + static_cast<long>(n));
  pt.spec = audit_map_spec(sigma2, rho, patterns, ensemble, neurons, options.seed);
  const Problem<double> problem = problem_from_json<double>(pt.spec);
  AuditOptions ao;
  ao.samples = options.samples;
  ao.inner = options.inner;
  ao.smc_samples = options.samples;
  ao.smc_particles = options.particles;
  ao.entropies = false;
  ao.seed = options.seed;
  ao.threads = threads;
  ao.moments = false;
  ao.sampling = false;
  const FentonWilkinsonAudit a = audit_fenton_wilkinson(problem, ao);
  pt.status = a.status;
  pt.detail = a.detail;
  pt.pd_verdict = a.pd_verdict;
  pt.k_pd = a.k_positive_definite;
  pt.k_prime_pd = a.k_prime_positive_definite;
  pt.k_min_eigenvalue = a.k_min_eigenvalue;
  pt.k_prime_min_eigenvalue = a.k_prime_min_eigenvalue;
  pt.mi_fw = a.mi_fw;
  pt.mi_true = a.mi.truth_available ? a.mi.truth : kNaN;
  pt.mi_true_se = a.mi.truth_available ? a.mi.truth_se : kNaN;
  pt.estimator = a.mi.method;
  pt.reliable = a.mi.truth_available && a.mi.truth_verdict.reliable;
  pt.lower_bound = a.mi.truth_verdict.lower_bound;
  pt.relative = a.mi.relative;
  pt.relative_se = a.mi.relative_se;
  pt.verdict = a.mi.verdict;
  // The note: why I_true is not reliable (the driver's reason), or the
  // lower-bound comparison; routine notes on skipped methods are left out.
  if (a.mi.truth_available && !a.mi.truth_verdict.reliable) pt.note = a.mi.truth_verdict.note;
  if (!a.mi.truth_available) pt.note = a.mi.truth_reason;  // e.g. infinite information, with the density test's reason
  for (const auto& note : a.notes)
    if (note.rfind("lower bound:", 0) == 0) pt.note += (pt.note.empty() ? "" : "; ") + note;
  pt.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return pt;
}

struct Summary {
  std::size_t count = 0, non_pd = 0;
};

std::string fraction(const Summary& s) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%zu / %zu (%.0f%%)", s.non_pd, s.count,
                s.count ? 100.0 * static_cast<double>(s.non_pd) / static_cast<double>(s.count) : 0.0);
  return buffer;
}

}  // namespace

std::size_t neurons_for(std::size_t synapses) {
  std::size_t n = 2;
  while (n * (n - 1) / 2 < synapses) ++n;
  return n;
}

Ensemble pair_sequence(std::size_t neurons, std::uint64_t seed) {
  Ensemble pairs;
  for (std::size_t i = 0; i < neurons; ++i)
    for (std::size_t j = i + 1; j < neurons; ++j) pairs.push_back(Synapse{i, j});
  // Fisher-Yates from the project's stream (stream 2^32: apart from the
  // per-pattern streams 0..P-1 that the spec reader uses for the means).
  Rng rng(seed, std::uint64_t{1} << 32);
  for (std::size_t i = pairs.size(); i > 1; --i) std::swap(pairs[i - 1], pairs[rng.uniform_int(0, i - 1)]);
  return pairs;
}

json::Value audit_map_spec(const std::string& sigma2, const std::string& rho, std::size_t patterns,
                           const Ensemble& ensemble, std::size_t neurons, std::uint64_t seed) {
  json::Value synapses = json::Value::array();
  for (const auto& s : ensemble) synapses.push(json::Value::array({json::Value::number(s.i), json::Value::number(s.j)}));
  return json::Value::object()
      .set("generate", json::Value::object()
                           .set("N", json::Value::number(neurons))
                           .set("P", json::Value::number(patterns))
                           .set("seed", json::Value::number(static_cast<unsigned long long>(seed)))
                           .set("mean", json::Value::object()
                                            .set("low", json::Value::string("-1"))
                                            .set("high", json::Value::string("1")))
                           .set("cov", json::Value::object()
                                           .set("type", json::Value::string("exchangeable"))
                                           .set("sigma2", json::Value::string(sigma2))
                                           .set("rho", json::Value::string(rho))))
      .set("synapses", std::move(synapses))
      .set("pattern", json::Value::number(0));
}

AuditMapOptions audit_map_preset(const std::string& scale) {
  AuditMapOptions o;
  o.scale = scale;
  if (scale == "quick") {
    o.sigma2 = {"0.1", "0.5", "1", "2"};
    o.rho = {"0", "0.3", "0.6", "0.9"};
    o.patterns = {2, 10};
    o.synapses = {1, 2, 5};
    o.samples = 2000;
    o.inner = 64;
  } else if (scale == "full") {
    o.sigma2 = {"0.05", "0.1", "0.25", "0.5", "1", "2", "4"};
    o.rho = {"0", "0.2", "0.4", "0.6", "0.8", "0.9", "0.95"};
    o.patterns = {2, 5, 10, 30};
    o.synapses = {1, 2, 3, 5, 8};
    o.samples = 4000;
    o.inner = 256;
  } else {
    throw std::invalid_argument("--scale must be quick or full, got '" + scale + "'");
  }
  return o;
}

std::vector<AuditMapJob> audit_map_jobs(const AuditMapOptions& options) {
  std::vector<AuditMapJob> jobs;
  for (std::size_t p : options.patterns)
    for (std::size_t n : options.synapses)
      for (const auto& r : options.rho)
        for (const auto& s2 : options.sigma2) jobs.push_back({p, n, r, s2});
  return jobs;
}

AuditMap audit_map_frame(const AuditMapOptions& options) {
  AuditMap map;
  map.options = options;
  const std::size_t max_n = *std::max_element(options.synapses.begin(), options.synapses.end());
  map.neurons = neurons_for(max_n);
  if (options.neurons != 0) {
    if (options.neurons < map.neurons)
      throw InvalidInput(InputErrorKind::index_out_of_range, "N",
                         std::to_string(options.neurons) + " neurons cannot hold " + std::to_string(max_n) +
                             " distinct pairs (need at least " + std::to_string(map.neurons) + ")");
    map.neurons = options.neurons;
  }
  map.sequence = pair_sequence(map.neurons, options.seed);
  // Validate every covariance before the long run (the spec reader throws
  // InvalidInput naming sigma2 or rho).
  for (const auto& s2 : options.sigma2)
    for (const auto& r : options.rho)
      (void)problem_from_json<double>(audit_map_spec(s2, r, 2, {map.sequence.front()}, map.neurons, options.seed));
  return map;
}

AuditMap run_audit_map(const AuditMapOptions& options, const AuditMapRun& run) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  AuditMap map = audit_map_frame(options);
  const std::vector<AuditMapJob> all = audit_map_jobs(options);
  std::vector<std::size_t> mine;  // job indices of this shard
  for (std::size_t t = 0; t < all.size(); ++t)
    if (report::in_shard(t, run.shard)) mine.push_back(t);
  map.points.resize(mine.size());
  auto key = [&](std::size_t i) { return "point/" + std::to_string(mine[i]); };
  // Points kept by the checkpoint are read back first (a damaged one is refused before any work).
  std::vector<std::size_t> singles, ensembles;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    if (const json::Value* kept = run.checkpoint ? run.checkpoint->find(key(i)) : nullptr) {
      try {
        map.points[i] = audit_map_point_from_json(*kept, key(i));
      } catch (const std::invalid_argument& e) {
        throw report::CheckpointRefused(run.checkpoint->dir().string() + " is damaged: " + e.what());
      }
      continue;
    }
    (all[mine[i]].synapses == 1 ? singles : ensembles).push_back(i);
  }
  const std::size_t todo = singles.size() + ensembles.size();
  if (run.checkpoint && options.progress && run.checkpoint->resumed() > 0)
    std::cerr << "syninfo audit-map: " << mine.size() - todo << " of " << mine.size() << " points resumed from "
              << run.checkpoint->dir().string() << '\n';
  std::unique_ptr<report::Progress> progress;
  if (options.progress) progress = std::make_unique<report::Progress>("syninfo audit-map", todo, true);
  auto compute = [&](std::size_t i, unsigned threads) {
    const AuditMapJob& j = all[mine[i]];
    map.points[i] = evaluate(options, j.sigma2, j.rho, j.patterns, j.synapses, map.sequence, map.neurons, threads);
    if (run.checkpoint) run.checkpoint->append(key(i), to_json(map.points[i]));
    if (progress) progress->tick();
  };
  // Single synapses (quadrature, single-threaded) run in parallel over grid
  // points; ensembles run one at a time with smc using every thread. Each
  // point's result depends on its own inputs only.
  parallel_for(singles.size(), options.threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) compute(singles[t], 1);
  });
  for (std::size_t i : ensembles) compute(i, options.threads);
  if (progress) progress->finish();
  map.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return map;
}

std::vector<std::filesystem::path> write_audit_map(const AuditMap& map, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  std::vector<fs::path> written;
  const auto& o = map.options;

  // CSV: one row per grid point.
  {
    const fs::path path = dir / "audit_map.csv";
    std::ofstream csv(path);
    csv << "sigma2,rho,P,n,N,status,k_pd,k_prime_pd,k_min_eigenvalue,k_prime_min_eigenvalue,pd_verdict,mi_fw_nats,"
           "mi_true_nats,mi_true_se_nats,estimator,reliable,lower_bound,relative_error,relative_error_se,verdict,"
           "seconds,note\n";
    for (const auto& p : map.points)
      csv << p.sigma2 << ',' << p.rho << ',' << p.patterns << ',' << p.synapses << ',' << p.neurons << ','
          << to_string(p.status) << ',' << (p.k_pd ? 1 : 0) << ',' << (p.k_prime_pd ? 1 : 0) << ','
          << fmt(p.k_min_eigenvalue, 8) << ',' << fmt(p.k_prime_min_eigenvalue, 8) << ',' << csv_text(p.pd_verdict)
          << ',' << fmt(p.mi_fw, 10) << ',' << fmt(p.mi_true, 10) << ',' << fmt(p.mi_true_se, 4) << ','
          << p.estimator << ',' << (p.reliable ? 1 : 0) << ',' << (p.lower_bound ? 1 : 0) << ','
          << fmt(p.relative, 6) << ',' << fmt(p.relative_se, 4) << ','
          << to_string(p.verdict.kind) << ',' << fmt(p.seconds, 4) << ',' << csv_text(p.note) << '\n';
    if (!csv.flush()) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  }
  // The spec of every point, one per line, in CSV order.
  {
    const fs::path path = dir / "audit_map_specs.jsonl";
    std::ofstream out(path);
    for (const auto& p : map.points) out << p.spec.dump(-1) << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  }

  // Heat map data: one gnuplot index block per (P, n) panel; column 1 is the
  // sigma2 position, column 2 the rho position, column 3 the relative error
  // in percent, column 4 the cell's kind (0 ok, 1 not PD, 2 no relative
  // error), column 5 is 1 when the truth driver does not call I_true reliable.
  auto position = [](const std::vector<std::string>& list, const std::string& v) {
    return static_cast<std::size_t>(std::find(list.begin(), list.end(), v) - list.begin());
  };
  double scale = 1.0;
  for (const auto& p : map.points)
    if (std::isfinite(p.relative)) scale = std::max(scale, std::abs(100 * p.relative));
  std::vector<std::pair<std::size_t, std::size_t>> panels;
  for (std::size_t P : o.patterns)
    for (std::size_t n : o.synapses) panels.push_back({P, n});
  std::vector<bool> has_kind[3];
  {
    const fs::path path = dir / "audit_map.dat";
    std::ofstream dat(path);
    for (int kind = 0; kind < 3; ++kind) has_kind[kind].assign(panels.size(), false);
    for (std::size_t i = 0; i < panels.size(); ++i) {
      dat << "# panel " << i << ": P = " << panels[i].first << ", n = " << panels[i].second << "\n";
      for (const auto& p : map.points) {
        if (p.patterns != panels[i].first || p.synapses != panels[i].second) continue;
        const int kind = p.status == MiStatus::not_positive_definite ? 1 : std::isfinite(p.relative) ? 0 : 2;
        has_kind[kind][i] = true;
        dat << position(o.sigma2, p.sigma2) << ' ' << position(o.rho, p.rho) << ' '
            << (std::isfinite(p.relative) ? fmt(100 * p.relative, 4) : std::string("0")) << ' ' << kind << ' '
            << (p.reliable ? 0 : 1) << '\n';
      }
      dat << "\n\n";
    }
    if (!dat.flush()) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  }
  std::string plot_note;
  {
    std::ostringstream gp;
    const std::size_t cols = o.synapses.size(), rows = o.patterns.size();
    // Panels on a fixed grid (pixel margins as screen fractions) with one
    // shared colour bar at the right and a three-line title that fits above
    // even a single column.
    const double width = static_cast<double>(300 * cols + 190), height = static_cast<double>(300 * rows + 130);
    const double left = 70 / width, right = 1 - 120 / width, bottom = 55 / height, top = 1 - 95 / height;
    gp << "# Relative error of I_FW against the true information, in percent: one panel per (P, n).\n"
       << "# Data: audit_map.dat (written by syninfo audit-map). Re-draw: gnuplot audit_map.gp\n"
       << report::png_and_svg_terminal("audit_map", static_cast<int>(width), static_cast<int>(height), "Sans,9")
       << "set palette defined (-1 '#2166ac', 0 '#f7f7f7', 1 '#b2182b')\n"
       << "set cbrange [" << -scale << ":" << scale << "]\n"
       << "set cblabel '(I_{FW} - I_{true}) / I_{true}  [%]'\n"
       << "set xrange [-0.5:" << o.sigma2.size() - 0.5 << "]\nset yrange [-0.5:" << o.rho.size() - 0.5 << "]\n"
       << "set xtics (";
    for (std::size_t i = 0; i < o.sigma2.size(); ++i) gp << (i ? ", " : "") << report::gnuplot_text(o.sigma2[i]) << " " << i;
    gp << ")\nset ytics (";
    for (std::size_t i = 0; i < o.rho.size(); ++i) gp << (i ? ", " : "") << report::gnuplot_text(o.rho[i]) << " " << i;
    gp << ")\nset xlabel 'sigma^2'\nset ylabel 'rho'\nset key off\nset tics scale 0\nunset colorbox\n"
       << "set multiplot layout " << rows << "," << cols << " margins " << left << "," << right << "," << bottom << "," << top
       << " spacing " << 75 / width << "," << 90 / height << " title "
       << report::gnuplot_quote("Fenton-Wilkinson relative MI error (set 1, N = " + std::to_string(map.neurons) + ", k = 0)")
       << ".\"\\n\"." << report::gnuplot_quote("x: K or K' not positive definite;  ?: I_{true} not reliable (no verdict)")
       << ".\"\\n\"." << report::gnuplot_quote("grey: no relative error (I_{true} near 0, or only a lower bound)") << "\n";
    // The shared colour bar goes with the last panel that uses the palette
    // (its position is on the screen, right of all panels).
    std::size_t palette_panel = panels.size();
    for (std::size_t i = 0; i < panels.size(); ++i)
      if (has_kind[0][i]) palette_panel = i;
    for (std::size_t i = 0; i < panels.size(); ++i) {
      gp << "set title 'P = " << panels[i].first << ", n = " << panels[i].second << "'\n";
      if (i == palette_panel)
        gp << "set colorbox user origin screen " << right + 25 / width << ", screen " << bottom << " size screen "
           << 18 / width << ", screen " << top - bottom << "\n";
      std::vector<std::string> parts;
      const std::string idx = " index " + std::to_string(i);
      if (has_kind[0][i]) {
        parts.push_back("'audit_map.dat'" + idx +
                        " using 1:2:(0.5):(0.5):($4 == 0 ? $3 : 1/0) with boxxyerror fs solid 1.0 noborder lc palette");
        parts.push_back("'audit_map.dat'" + idx +
                        " using 1:2:($4 == 0 ? sprintf('%.1f%s', $3, $5 == 1 ? '?' : '') : '') with labels font 'Sans,8'");
      }
      if (has_kind[2][i])
        parts.push_back("'audit_map.dat'" + idx +
                        " using 1:2:(0.5):($4 == 2 ? 0.5 : 1/0) with boxxyerror fs solid 1.0 noborder lc rgb '#bbbbbb'");
      if (has_kind[1][i])
        parts.push_back("'audit_map.dat'" + idx + " using 1:($4 == 1 ? $2 : 1/0) with points pt 2 ps 2.5 lw 2 lc rgb 'black'");
      if (parts.empty()) parts.push_back("1/0");
      gp << "plot ";
      for (std::size_t k = 0; k < parts.size(); ++k) gp << (k ? ", \\\n     " : "") << parts[k];
      gp << "\n";
    }
    gp << "unset multiplot\n";
    const fs::path path = dir / "audit_map.gp";
    try {
      report::run_gnuplot(gp.str(), path);
      report::run_gnuplot(gp.str(), path, "svg = 1");
      written.push_back(path);
      written.push_back(dir / "audit_map.png");
      written.push_back(dir / "audit_map.svg");
    } catch (const report::PlotError& e) {
      written.push_back(path);
      plot_note = std::string("The figure was not drawn: ") + e.what();
    }
  }

  // One-page summary.
  {
    std::ostringstream md;
    const std::size_t max_n = *std::max_element(o.synapses.begin(), o.synapses.end());
    md << "# Fenton-Wilkinson audit map (" << o.scale << " grid)\n\n";
    if (!map.command.empty()) md << "Command: `" << map.command << "`\n\n";
    md << "Set-1 style inputs (theory.md section 7): exchangeable covariance S = sigma2 ((1 - rho) I + rho 11') "
          "shared by all patterns, means uniform in [-1, 1] (seed "
       << o.seed << "), pattern k = 0, ensemble = the first n pairs of one fixed random sequence of distinct pairs "
       << "i < j over N = " << map.neurons << " neurons ("
       << (o.neurons ? std::string("set with --N") : "the smallest N with N(N-1)/2 >= " + std::to_string(max_n))
       << "); every point uses this N.";
    if (max_n > map.neurons)
      md << " For n > N every pattern's term T^mu is degenerate (its n log-coordinates are combinations of N "
            "log-activities), so no method estimates I_true itself: the truth driver gives a lower bound, the smc "
            "estimate for the largest sub-ensemble it can treat (estimator smc_lower_bound), and such points get "
            "no verdict; `--N` sets a larger N.";
    md << "\n\n";
    md << "Grid: sigma2 in {";
    for (std::size_t i = 0; i < o.sigma2.size(); ++i) md << (i ? ", " : "") << o.sigma2[i];
    md << "}, rho in {";
    for (std::size_t i = 0; i < o.rho.size(); ++i) md << (i ? ", " : "") << o.rho[i];
    md << "}, P in {";
    for (std::size_t i = 0; i < o.patterns.size(); ++i) md << (i ? ", " : "") << o.patterns[i];
    md << "}, n in {";
    for (std::size_t i = 0; i < o.synapses.size(); ++i) md << (i ? ", " : "") << o.synapses[i];
    md << "}: " << map.points.size() << " points. True information: quadrature for n = 1; for n >= 2 the truth "
          "driver's best estimate, sequential Monte Carlo over the synapses ("
       << o.samples << " outer samples, " << o.particles
       << " particles, more when the densities are noisy) with its reliability verdict (at n = 2 checked against "
          "conditional Monte Carlo, " << o.samples << " x " << o.inner
       << " draws). A verdict needs a reliable I_true. Total time " << fmt(map.seconds, 3) << " s";
    std::map<std::size_t, std::pair<double, std::size_t>> time_by_n;
    for (const auto& p : map.points) {
      time_by_n[p.synapses].first += p.seconds;
      ++time_by_n[p.synapses].second;
    }
    md << " (mean per point:";
    for (const auto& [n, t] : time_by_n) md << " n = " << n << ": " << fmt(t.first / static_cast<double>(t.second), 3) << " s;";
    md << " threads " << (o.threads ? o.threads : default_threads()) << ").\n\n";
    md << "Sequence of pairs: ";
    for (std::size_t a = 0; a < max_n; ++a)
      md << (a ? ", " : "") << "(" << map.sequence[a].i << "," << map.sequence[a].j << ")";
    md << ".\n\n";

    md << "## Relative error of I_FW by panel\n\n"
       << "Over the sigma2 x rho cells of each (P, n): the smallest, median and largest relative error "
          "(I_FW - I_true) / I_true among the cells where it is defined and I_true is reliable, the largest standard "
          "error, the verdicts, and how many cells have an unreliable I_true or only a lower bound (both undecided).\n\n"
       << "| P | n | cells | min | median | max | max SE | within 1% | overstates | understates | undecided | unavailable "
          "| not reliable | lower bound |\n"
       << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& [P, n] : panels) {
      std::vector<double> rel;
      double max_se = 0;
      std::size_t cells = 0, verdicts[5] = {0, 0, 0, 0, 0}, unreliable = 0, bounds = 0;
      for (const auto& p : map.points) {
        if (p.patterns != P || p.synapses != n) continue;
        ++cells;
        ++verdicts[static_cast<int>(p.verdict.kind)];
        bounds += p.lower_bound;
        unreliable += std::isfinite(p.mi_true) && !p.reliable && !p.lower_bound;
        if (std::isfinite(p.relative) && p.reliable) {
          rel.push_back(p.relative);
          max_se = std::max(max_se, p.relative_se);
        }
      }
      std::sort(rel.begin(), rel.end());
      md << "| " << P << " | " << n << " | " << cells << " | ";
      if (rel.empty()) md << "- | - | - | - | ";
      else
        md << percent(rel.front()) << " | " << percent(rel[rel.size() / 2]) << " | " << percent(rel.back()) << " | "
           << percent(max_se) << " | ";
      md << verdicts[0] << " | " << verdicts[1] << " | " << verdicts[2] << " | " << verdicts[3] << " | " << verdicts[4]
         << " | " << unreliable << " | " << bounds << " |\n";
    }
    md << "\n## Positive definiteness of K and K'\n\n"
       << "Fraction of grid points where K or K' is not positive definite (status not_positive_definite):\n\n";
    auto by = [&](const char* name, auto key, const auto& values) {
      md << "| " << name << " | non-PD points |\n|---|---|\n";
      for (const auto& v : values) {
        Summary s;
        for (const auto& p : map.points)
          if (key(p) == v) {
            ++s.count;
            s.non_pd += p.status == MiStatus::not_positive_definite;
          }
        md << "| " << v << " | " << fraction(s) << " |\n";
      }
      md << "\n";
    };
    by("n", [](const AuditMapPoint& p) { return p.synapses; }, o.synapses);
    by("rho", [](const AuditMapPoint& p) { return p.rho; }, o.rho);
    by("P", [](const AuditMapPoint& p) { return p.patterns; }, o.patterns);
    std::size_t rounding = 0;
    for (const auto& p : map.points) rounding += p.pd_verdict.rfind("rounding", 0) == 0;
    md << "Double and 50-digit evaluations disagree on positive definiteness at " << rounding
       << " point(s) (`pd_verdict` column).\n\n";
    // The largest errors.
    std::vector<const AuditMapPoint*> ranked;
    for (const auto& p : map.points)
      if (std::isfinite(p.relative) && p.reliable) ranked.push_back(&p);
    std::sort(ranked.begin(), ranked.end(),
              [](const AuditMapPoint* a, const AuditMapPoint* b) { return std::abs(a->relative) > std::abs(b->relative); });
    md << "## Largest relative errors (reliable I_true)\n\n| sigma2 | rho | P | n | I_FW | I_true +- SE | relative | verdict |\n"
       << "|---|---|---|---|---|---|---|---|\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(8, ranked.size()); ++i) {
      const auto& p = *ranked[i];
      md << "| " << p.sigma2 << " | " << p.rho << " | " << p.patterns << " | " << p.synapses << " | " << fmt(p.mi_fw, 5)
         << " | " << fmt(p.mi_true, 5) << " +- " << fmt(p.mi_true_se, 2) << " | " << percent(p.relative) << " | "
         << p.verdict.text << " |\n";
    }
    md << "\n## Files\n\n- `audit_map.csv`: one row per point (parameters, status, I_FW, I_true and its SE, "
          "estimator, whether I_true is reliable or a lower bound, relative error and SE, verdict, non-PD flags and "
          "smallest eigenvalues of K and K'; the note says why an I_true is not reliable).\n"
       << "- `audit_map_specs.jsonl`: the spec of each point in CSV order; `syninfo audit` on one line (saved as a "
          "file) reproduces that point with its full audit.\n"
       << "- `audit_map.png` (drawn by `audit_map.gp` from `audit_map.dat`): the relative MI error in percent, one "
          "panel per (P, n), sigma2 across, rho up; x marks points where K or K' is not positive definite, grey cells "
          "have no relative error (I_true not distinguishable from 0, only a lower bound, or no estimator), ? marks "
          "an I_true that the truth driver does not call reliable (no verdict there).\n";
    if (!plot_note.empty()) md << "\n" << plot_note << "\n";
    const fs::path path = dir / "audit_map.md";
    std::ofstream out(path);
    if (!(out << md.str()) || !out.flush()) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  }
  return written;
}

}  // namespace syninfo::audit
