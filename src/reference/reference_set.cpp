// Generation, evaluation and (de)serialisation of the reference set.
#include "syninfo/reference/reference_set.hpp"

#include "syninfo/decimal.hpp"
#include "syninfo/mutual_information.hpp"
#include "syninfo/parallel.hpp"
#include "syninfo/random.hpp"
#include "syninfo/reference/csv.hpp"
#include "syninfo/spec.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"
#include "syninfo/truth/sequential_monte_carlo.hpp"
#include "syninfo/truth/true_information.hpp"

#include <mpfr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace syninfo::reference {
namespace {

using Int = long long;

// mantissa * 10^exp10 as plain decimal text ("-0.0123", "1500").
std::string decimal_text(Int mantissa, int exp10) {
  if (mantissa == 0) return "0";
  const bool negative = mantissa < 0;
  std::string digits = std::to_string(negative ? -mantissa : mantissa);
  std::string out;
  if (exp10 >= 0) {
    out = digits + std::string(static_cast<std::size_t>(exp10), '0');
  } else {
    const auto frac = static_cast<std::size_t>(-exp10);
    if (digits.size() <= frac) digits = std::string(frac - digits.size() + 1, '0') + digits;
    out = digits.substr(0, digits.size() - frac) + "." + digits.substr(digits.size() - frac);
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return negative ? "-" + out : out;
}

// A covariance as an integer matrix times 10^exp10: exact text, exactly
// symmetric, and positive semi-definite whenever the integer matrix is.
struct IntCov {
  std::size_t n = 0;
  std::vector<Int> m;  // row-major n x n
  int exp10 = 0;
  Int& at(std::size_t a, std::size_t b) { return m[a * n + b]; }
};

struct Draft {
  std::size_t N = 2, P = 2, n = 1, k = 0;
  bool self = false;       // self-connections allowed in the ensemble
  bool force_self = false; // at least one self-connection
  std::vector<std::vector<std::string>> means;
  std::vector<IntCov> covs;
  Ensemble ensemble;
};

Int draw(Rng& rng, Int lo, Int hi) {
  return static_cast<Int>(rng.uniform_int(0, static_cast<std::uint64_t>(hi - lo))) + lo;
}

// Exchangeable sigma2((1 - rho) I + rho 11') with sigma2 = a 10^ea and
// rho = b 10^eb; PSD because rho >= -1/(N-1) is required of the caller.
IntCov exchangeable(std::size_t n, Int a, int ea, Int b, int eb) {
  IntCov c{n, std::vector<Int>(n * n), ea + eb};
  Int scale = 1;
  for (int i = 0; i < -eb; ++i) scale *= 10;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) c.at(i, j) = i == j ? a * scale : a * b;
  return c;
}

// Smallest b (rho = b 10^eb) with rho >= -1/(N-1).
Int min_rho(std::size_t n, int eb) {
  if (n < 2) return 0;
  Int unit = 1;
  for (int i = 0; i < -eb; ++i) unit *= 10;
  const Int d = static_cast<Int>(n - 1);
  return -(unit / d);  // -floor(unit / d) / unit >= -1/d
}

Int random_rho(Rng& rng, std::size_t n, Int hi) { return draw(rng, min_rho(n, -3), hi); }

// (B B' + d I) 10^exp10 with B an n x r matrix of integers in [-20, 20].
IntCov factor_cov(Rng& rng, std::size_t n, std::size_t r, Int d, int exp10) {
  std::vector<Int> b(n * r);
  for (auto& x : b) x = draw(rng, -20, 20);
  IntCov c{n, std::vector<Int>(n * n), exp10};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      Int s = i == j ? d : 0;
      for (std::size_t t = 0; t < r; ++t) s += b[i * r + t] * b[j * r + t];
      c.at(i, j) = s;
    }
  return c;
}

IntCov heterogeneous_cov(Rng& rng, std::size_t n) {
  const auto r = static_cast<std::size_t>(draw(rng, 1, static_cast<Int>(n)));
  return factor_cov(rng, n, r, draw(rng, 1, 60), static_cast<int>(draw(rng, -4, -3)));
}

std::size_t min_neurons(std::size_t n, bool self) {
  std::size_t N = 2;
  while ((self ? N * (N + 1) / 2 : N * (N - 1) / 2) < n) ++N;
  return N;
}

// Size control: P N^2 numbers per case stay below ~2000 (P at least 2).
std::size_t draw_patterns(Rng& rng, std::size_t N) {
  const std::size_t cap = std::clamp<std::size_t>(2000 / (N * N), 2, 50);
  return static_cast<std::size_t>(draw(rng, 2, static_cast<Int>(cap)));
}

void shape(Draft& d, Rng& rng, std::size_t n_lo, std::size_t n_hi) {
  d.n = static_cast<std::size_t>(draw(rng, static_cast<Int>(n_lo), static_cast<Int>(n_hi)));
  const std::size_t lo = min_neurons(d.n, d.self);
  d.N = static_cast<std::size_t>(draw(rng, static_cast<Int>(lo), static_cast<Int>(std::min<std::size_t>(16, lo + 8))));
  d.P = draw_patterns(rng, d.N);
}

void uniform_means(Draft& d, Rng& rng, Int center_milli, Int half_width_milli) {
  d.means.assign(d.P, {});
  for (auto& m : d.means)
    for (std::size_t i = 0; i < d.N; ++i) m.push_back(decimal_text(center_milli + draw(rng, -half_width_milli, half_width_milli), -3));
}

void pick_ensemble(Draft& d, Rng& rng) {
  std::vector<Synapse> candidates;
  for (std::size_t i = 0; i < d.N; ++i)
    for (std::size_t j = i; j < d.N; ++j)
      if (i != j || d.self) candidates.push_back({i, j});
  std::size_t start = 0;
  if (d.force_self) {
    // First synapse: a self-connection.
    std::vector<std::size_t> selfs;
    for (std::size_t a = 0; a < candidates.size(); ++a)
      if (candidates[a].i == candidates[a].j) selfs.push_back(a);
    const std::size_t pick = selfs[static_cast<std::size_t>(draw(rng, 0, static_cast<Int>(selfs.size()) - 1))];
    std::swap(candidates[0], candidates[pick]);
    start = 1;
  }
  for (std::size_t a = start; a < d.n; ++a) {
    const auto b = static_cast<std::size_t>(draw(rng, static_cast<Int>(a), static_cast<Int>(candidates.size()) - 1));
    std::swap(candidates[a], candidates[b]);
  }
  d.ensemble.assign(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(d.n));
  for (auto& s : d.ensemble)
    if (s.i != s.j && draw(rng, 0, 1) == 1) std::swap(s.i, s.j);  // either order names the synapse
}

json::Value draft_to_json(const Draft& d) {
  json::Value patterns = json::Value::array();
  for (std::size_t mu = 0; mu < d.P; ++mu) {
    json::Value mean = json::Value::array();
    for (const auto& t : d.means[mu]) mean.push(json::Value::number_text(t));
    IntCov c = d.covs[mu];
    json::Value cov = json::Value::array();
    for (std::size_t a = 0; a < d.N; ++a) {
      json::Value row = json::Value::array();
      for (std::size_t b = 0; b < d.N; ++b) row.push(json::Value::number_text(decimal_text(c.at(a, b), c.exp10)));
      cov.push(std::move(row));
    }
    patterns.push(json::Value::object().set("mean", std::move(mean)).set("cov", std::move(cov)));
  }
  json::Value synapses = json::Value::array();
  for (const auto& s : d.ensemble) synapses.push(json::Value::array({json::Value::number(s.i), json::Value::number(s.j)}));
  return json::Value::object()
      .set("patterns", std::move(patterns))
      .set("synapses", std::move(synapses))
      .set("pattern", json::Value::number(d.k));
}

// The families and how many of the 300 cases each gets.
const std::vector<std::pair<std::string, std::size_t>>& families() {
  static const std::vector<std::pair<std::string, std::size_t>> f = {
      {"exchangeable_shared", 50}, {"exchangeable_per_pattern", 30}, {"heterogeneous", 65},
      {"near_singular", 35},       {"high_correlation", 25},        {"extreme_mean", 40},
      {"extreme_variance", 30},    {"self_connection", 23},         {"single_pattern", 2}};
  return f;
}

Draft draw_case(const std::string& family, Rng& rng) {
  Draft d;
  std::optional<std::size_t> k;  // drawn early by families that need it
  auto per_pattern = [&](auto make) {
    d.covs.clear();
    for (std::size_t mu = 0; mu < d.P; ++mu) d.covs.push_back(make());
  };
  auto shared = [&](const IntCov& c) { d.covs.assign(d.P, c); };
  if (family == "exchangeable_shared" || family == "exchangeable_per_pattern") {
    d.self = draw(rng, 0, 3) == 0;
    shape(d, rng, 1, 20);
    uniform_means(d, rng, 0, 1000);
    auto make = [&] { return exchangeable(d.N, draw(rng, 10, 2000), -3, random_rho(rng, d.N, 950), -3); };
    if (family == "exchangeable_shared") shared(make());
    else per_pattern(make);
  } else if (family == "heterogeneous") {
    d.self = draw(rng, 0, 1) == 0;
    shape(d, rng, 1, 20);
    // Mostly N >= n (with n > N, K often loses definiteness; other families
    // cover that), which leaves fewer patterns for the size budget.
    if (draw(rng, 0, 3) != 0 && d.N < std::min<std::size_t>(d.n, 16)) {
      d.N = static_cast<std::size_t>(draw(rng, static_cast<Int>(std::min<std::size_t>(d.n, 16)), 16));
      d.P = draw_patterns(rng, d.N);
    }
    uniform_means(d, rng, 0, 1000);
    per_pattern([&] { return heterogeneous_cov(rng, d.N); });
  } else if (family == "near_singular") {
    const Int sub = draw(rng, 0, 3);
    if (sub == 2) {
      // P = 2 and n > N: K' = E S E' from one pattern is singular exactly.
      d.self = true;
      d.N = static_cast<std::size_t>(draw(rng, 2, 5));
      d.n = static_cast<std::size_t>(draw(rng, static_cast<Int>(d.N) + 1, static_cast<Int>(d.N * (d.N + 1) / 2)));
      d.P = 2;
    } else {
      d.self = draw(rng, 0, 1) == 0;
      shape(d, rng, 1, 20);
    }
    uniform_means(d, rng, 0, 1000);
    if (sub == 0) {
      // rho = 1 - 10^-3 or 1 - 10^-4: nearly rank one.
      const bool four = draw(rng, 0, 1) == 1;
      shared(exchangeable(d.N, draw(rng, 100, 2000), -3, four ? 9999 : 999, four ? -4 : -3));
    } else if (sub == 1) {
      // Rank-deficient covariances (rank 1 or 2, no diagonal loading).
      per_pattern([&] {
        return factor_cov(rng, d.N, static_cast<std::size_t>(draw(rng, 1, 2)), 0, static_cast<int>(draw(rng, -4, -3)));
      });
    } else if (sub == 2) {
      per_pattern([&] { return heterogeneous_cov(rng, d.N); });
    } else {
      // Tiny variances: K is close to the (scaled) Gaussian-limit matrix.
      per_pattern([&] { return factor_cov(rng, d.N, d.N, draw(rng, 0, 5), -9); });
    }
  } else if (family == "high_correlation") {
    // The paper's failure regime: large rho, ensembles of five or more.
    shape(d, rng, 5, 20);
    uniform_means(d, rng, 0, 1000);
    shared(exchangeable(d.N, draw(rng, 500, 3000), -3, draw(rng, 900, 990), -3));
  } else if (family == "extreme_mean") {
    d.self = draw(rng, 0, 2) == 0;
    shape(d, rng, 1, 20);
    const Int sub = draw(rng, 0, 6);
    const Int center = sub == 0 ? 50 : sub == 1 ? -50 : sub == 2 || sub == 5 ? 300 : sub == 6 ? 50 : -300;
    // Subtypes 5 and 6: pattern k sits a few units below the others, so its
    // share of W_E is ~e^{-gap n} and I_FW is the small difference of large
    // terms (cancellation cases).
    k = static_cast<std::size_t>(draw(rng, 0, static_cast<Int>(d.P) - 1));
    const Int gap = sub >= 5 ? std::array<Int, 4>{2, 5, 10, 20}[static_cast<std::size_t>(draw(rng, 0, 3))] : 0;
    d.means.assign(d.P, {});
    for (std::size_t mu = 0; mu < d.P; ++mu) {
      Int c = sub == 4 ? (draw(rng, 0, 1) == 0 ? 300 : -300) : center;
      if (mu == *k) c -= gap;
      for (std::size_t i = 0; i < d.N; ++i) d.means[mu].push_back(decimal_text(c * 1000 + draw(rng, -1000, 1000), -3));
    }
    if (draw(rng, 0, 1) == 0) per_pattern([&] { return heterogeneous_cov(rng, d.N); });
    else shared(exchangeable(d.N, draw(rng, 10, 2000), -3, random_rho(rng, d.N, 900), -3));
  } else if (family == "extreme_variance") {
    d.self = draw(rng, 0, 2) == 0;
    shape(d, rng, 1, 20);
    uniform_means(d, rng, 0, 1000);
    const bool mixed = draw(rng, 0, 1) == 0;
    const int common = -static_cast<int>(draw(rng, 0, 6));
    per_pattern([&] {
      const int e = mixed ? -static_cast<int>(draw(rng, 0, 6)) : common;
      return exchangeable(d.N, draw(rng, 1, 5), e, random_rho(rng, d.N, 900), -3);
    });
  } else if (family == "self_connection") {
    d.self = true;
    d.force_self = true;
    shape(d, rng, 1, 20);
    uniform_means(d, rng, 0, 1000);
    if (draw(rng, 0, 1) == 0) per_pattern([&] { return heterogeneous_cov(rng, d.N); });
    else shared(exchangeable(d.N, draw(rng, 10, 2000), -3, random_rho(rng, d.N, 950), -3));
  } else if (family == "single_pattern") {
    d.self = false;
    shape(d, rng, 1, 5);
    d.P = 1;
    uniform_means(d, rng, 0, 1000);
    per_pattern([&] { return heterogeneous_cov(rng, d.N); });
  } else {
    throw std::logic_error("unknown reference family " + family);
  }
  d.k = k ? *k : static_cast<std::size_t>(draw(rng, 0, static_cast<Int>(d.P) - 1));
  pick_ensemble(d, rng);
  return d;
}

// The family of each case: the table's counts, shuffled once (so that a
// prefix of the set still covers every family).
std::vector<std::string> family_sequence(std::uint64_t seed, std::size_t count) {
  std::vector<std::string> base;
  for (const auto& [name, k] : families()) base.insert(base.end(), k, name);
  Rng rng(seed, ~std::uint64_t{0});
  for (std::size_t a = base.size() - 1; a > 0; --a) std::swap(base[a], base[rng.uniform_int(0, a)]);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(base[i % base.size()]);
  return out;
}

std::string case_id(std::size_t i) {
  std::string digits = std::to_string(i + 1);
  return "v1_" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

std::string text_or_empty(const float100& x, int digits) { return is_finite(x) ? to_decimal(x, digits) : std::string(); }

json::Value text_or_null(const std::string& s) { return s.empty() ? json::Value() : json::Value::string(s); }

}  // namespace

std::vector<CaseSpec> generate_specs(std::uint64_t seed, std::size_t count) {
  const auto seq = family_sequence(seed, count);
  std::vector<CaseSpec> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Rng rng(seed, i);
    const Draft d = draw_case(seq[i], rng);
    out.push_back({case_id(i), seq[i], draft_to_json(d)});
  }
  return out;
}

TruthPlan truth_plan(const Case& c) {
  TruthPlan plan;
  if (c.status != "ok" || c.P < 2 || c.n < 1) return plan;
  if (c.n == 1) {
    const auto terms = truth::log_terms(problem_from_json<double>(c.spec));
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
    for (const auto& t : terms)
      if (t.cov(0, 0) > 0.0) {
        lo = std::min(lo, t.cov(0, 0));
        hi = std::max(hi, t.cov(0, 0));
      }
    const double spread = std::sqrt(hi / lo);  // ratio of the largest to the smallest log standard deviation
    if (spread <= truth_max_sd_spread) {
      plan.kind = TruthPlan::Kind::quadrature;
      plan.points_per_sd = spread > truth_wide_sd_spread ? truth_points_per_sd_wide : truth_points_per_sd;
    } else {
      plan.kind = TruthPlan::Kind::smc;
    }
    return plan;
  }
  if (c.n <= truth_max_synapses && c.P <= truth_max_patterns &&
      truth::smc_unavailable_reason(problem_from_json<double>(c.spec), 1e-12, false).empty())
    plan.kind = TruthPlan::Kind::smc;
  return plan;
}

std::pair<std::string, std::string> format_truth(double value, double standard_error) {
  if (!std::isfinite(value) || !std::isfinite(standard_error) || !(standard_error > 0.0))
    throw std::invalid_argument("format_truth: needs a finite value and a positive standard error");
  const int lead = static_cast<int>(std::floor(std::log10(standard_error)));
  const int decimals = std::max(0, 3 - lead);
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string v = buffer;
  if (v[0] == '-' && v.find_first_of("123456789") == std::string::npos) v.erase(0, 1);
  std::snprintf(buffer, sizeof buffer, "%.3g", standard_error);
  return {v, buffer};
}

std::vector<Case> compute_cases(const std::vector<CaseSpec>& specs, unsigned threads) {
  std::vector<Case> out(specs.size());
  parallel_for(specs.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const CaseSpec& s = specs[i];
      Case& c = out[i];
      c.id = s.id;
      c.family = s.family;
      c.spec = s.spec;
      const Problem<float100> problem = problem_from_json<float100>(s.spec);
      const MiResult<float100> r = fenton_wilkinson_mutual_information(problem);
      c.n = r.synapses;
      c.P = r.patterns;
      c.N = r.neurons;
      c.pattern = r.pattern;
      c.status = to_string(r.status);
      c.detail = r.detail;
      if (r.ok()) {
        c.mi_nats = to_decimal(r.mi_nats, mi_digits);
        c.error_estimate = to_decimal(r.error_estimate, 3);
        const MiResult<double> rd = fenton_wilkinson_mutual_information(problem_from_json<double>(s.spec));
        if (rd.ok()) c.double_error_estimate = to_decimal(rd.error_estimate, 3);
      }
      const auto& a = r.all_patterns.analysis;
      c.log_det_K = text_or_empty(a.log_determinant, diagnostic_digits);
      c.min_eig_K = text_or_empty(a.min_eigenvalue, diagnostic_digits);
      c.cond_K = text_or_empty(a.condition_number, diagnostic_digits);
      if (r.patterns > 1) {
        const auto& b = r.without_pattern.analysis;
        c.log_det_K_prime = text_or_empty(b.log_determinant, diagnostic_digits);
        c.min_eig_K_prime = text_or_empty(b.min_eigenvalue, diagnostic_digits);
        c.cond_K_prime = text_or_empty(b.condition_number, diagnostic_digits);
      }
    }
    // MPFR keeps per-thread caches (constants such as ln 2) that a worker
    // thread would leak on exit; free this thread's before it ends.
    mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
  });
  // The truth column (truth_plan): quadrature cases in parallel over cases
  // (each is single-threaded), smc cases one at a time on every thread. Each
  // value depends on its case alone, never on the thread count.
  std::vector<std::size_t> by_quadrature, by_smc;
  std::vector<TruthPlan> plans(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    plans[i] = truth_plan(out[i]);
    if (plans[i].kind == TruthPlan::Kind::quadrature) by_quadrature.push_back(i);
    if (plans[i].kind == TruthPlan::Kind::smc) by_smc.push_back(i);
  }
  auto record = [&](Case& c, const std::string& estimator, double value, double se) {
    const auto [v, e] = format_truth(value, se);
    c.truth_estimator = estimator;
    c.truth_mi_nats = v;
    c.truth_standard_error = e;
  };
  parallel_for(by_quadrature.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      Case& c = out[by_quadrature[t]];
      truth::QuadratureOptions qo;
      qo.points_per_sd = plans[by_quadrature[t]].points_per_sd;
      const auto q = truth::quadrature_mutual_information(problem_from_json<double>(c.spec), qo);
      record(c, "quadrature", q.estimate.value, q.estimate.standard_error);
    }
  });
  for (std::size_t i : by_smc) {
    Case& c = out[i];
    const Problem<double> problem = problem_from_json<double>(c.spec);
    truth::TruthOptions o;
    o.ksg = o.cmc = o.quadrature = false;
    o.noise_levels = 0;  // only reliable smc values are recorded; a bound never is
    // Format v1 was generated without smc's control variates and with a
    // one-set particle check; its values stay reproducible bit for bit (a
    // generator change is a new format version).
    o.smc_control_samples = 0;
    o.smc_check_extensions = 0;
    o.smc_pair_steps = false;
    o.smc_samples = truth_smc_samples;
    o.seed = truth_seed;
    o.threads = threads;
    o.smc_particles = truth_smc_particles;
    truth::TruthReport r = truth::estimate_true_information(problem, o);
    // A reference value should be precise, not only honest: rerun with twice
    // the particles when the estimate is unreliable or when its Jensen-bias
    // allowance dominates its statistical error (a wide but calibrated
    // interval, which the shared reliability rule accepts).
    if (!r.reliable || r.smc_bias_allowance > r.smc_statistical_error) {
      o.smc_particles = 2 * truth_smc_particles;
      r = truth::estimate_true_information(problem, o);
    }
    if (r.reliable && r.best.method == "smc") record(c, "smc", r.best.value, r.best.standard_error);
  }
  return out;
}

json::Value to_json(const Case& c) {
  return json::Value::object()
      .set("id", json::Value::string(c.id))
      .set("format_version", json::Value::number(format_version))
      .set("family", json::Value::string(c.family))
      .set("n", json::Value::number(c.n))
      .set("P", json::Value::number(c.P))
      .set("N", json::Value::number(c.N))
      .set("pattern", json::Value::number(c.pattern))
      .set("status", json::Value::string(c.status))
      .set("detail", text_or_null(c.detail))
      .set("mi_nats", text_or_null(c.mi_nats))
      .set("error_estimate", text_or_null(c.error_estimate))
      .set("double_error_estimate", text_or_null(c.double_error_estimate))
      .set("diagnostics", json::Value::object()
                              .set("log_det_K", text_or_null(c.log_det_K))
                              .set("log_det_K_prime", text_or_null(c.log_det_K_prime))
                              .set("min_eig_K", text_or_null(c.min_eig_K))
                              .set("min_eig_K_prime", text_or_null(c.min_eig_K_prime))
                              .set("cond_K", text_or_null(c.cond_K))
                              .set("cond_K_prime", text_or_null(c.cond_K_prime)))
      .set("truth", c.truth_estimator.empty() ? json::Value()
                                              : json::Value::object()
                                                    .set("estimator", json::Value::string(c.truth_estimator))
                                                    .set("mi_nats", json::Value::string(c.truth_mi_nats))
                                                    .set("standard_error", json::Value::string(c.truth_standard_error)))
      .set("spec", c.spec);
}

std::string to_jsonl(const std::vector<Case>& cases) {
  std::string out;
  for (const auto& c : cases) out += to_json(c).dump(-1) + "\n";
  return out;
}

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> cols = {
      "id",        "format_version",  "family",    "n",         "P",           "N",
      "pattern",   "status",          "mi_nats",   "error_estimate", "double_error_estimate",
      "log_det_K", "log_det_K_prime", "min_eig_K", "min_eig_K_prime", "cond_K", "cond_K_prime",
      "truth_estimator", "truth_mi_nats", "truth_standard_error", "detail", "spec"};
  return cols;
}

std::string to_csv(const std::vector<Case>& cases) {
  std::string out;
  const auto& cols = csv_columns();
  for (std::size_t a = 0; a < cols.size(); ++a) out += (a ? "," : "") + cols[a];
  out += "\n";
  for (const auto& c : cases) {
    const std::vector<std::string> fields = {
        c.id,        std::to_string(format_version), c.family,    std::to_string(c.n), std::to_string(c.P),
        std::to_string(c.N), std::to_string(c.pattern), c.status,  c.mi_nats,   c.error_estimate,
        c.double_error_estimate, c.log_det_K, c.log_det_K_prime, c.min_eig_K, c.min_eig_K_prime,
        c.cond_K,    c.cond_K_prime, c.truth_estimator, c.truth_mi_nats, c.truth_standard_error, c.detail,
        c.spec.dump(-1)};
    for (std::size_t a = 0; a < fields.size(); ++a) out += (a ? "," : "") + csv_field(fields[a]);
    out += "\n";
  }
  return out;
}

namespace {

[[noreturn]] void bad(std::size_t line, const std::string& what) {
  throw std::invalid_argument("reference line " + std::to_string(line) + ": " + what);
}

std::size_t to_size(const std::string& text, std::size_t line, const char* name) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9)
    bad(line, std::string(name) + " is not a count: '" + text + "'");
  return static_cast<std::size_t>(std::stoul(text));
}

void check_version(long long v, std::size_t line) {
  if (v != format_version)
    bad(line, "format_version " + std::to_string(v) + " is not supported (this build reads version " +
                  std::to_string(format_version) + ")");
}

std::string string_or_empty(const json::Value& rec, const char* key, std::size_t line) {
  const json::Value* v = rec.find(key);
  if (!v) bad(line, std::string("missing field \"") + key + "\"");
  if (v->is_null()) return {};
  if (!v->is_string()) bad(line, std::string("field \"") + key + "\" must be a string or null");
  return v->as_string();
}

std::size_t count_field(const json::Value& rec, const char* key, std::size_t line) {
  const json::Value* v = rec.find(key);
  if (!v || !v->is_number()) bad(line, std::string("field \"") + key + "\" must be a number");
  return to_size(v->as_number_text(), line, key);
}

Case case_from_json(const json::Value& rec, std::size_t line) {
  if (!rec.is_object()) bad(line, "a record must be a JSON object");
  Case c;
  const json::Value* v = rec.find("format_version");
  if (!v || !v->is_number()) bad(line, "field \"format_version\" must be a number");
  check_version(static_cast<long long>(to_size(v->as_number_text(), line, "format_version")), line);
  c.id = string_or_empty(rec, "id", line);
  if (c.id.empty()) bad(line, "empty id");
  c.family = string_or_empty(rec, "family", line);
  c.n = count_field(rec, "n", line);
  c.P = count_field(rec, "P", line);
  c.N = count_field(rec, "N", line);
  c.pattern = count_field(rec, "pattern", line);
  c.status = string_or_empty(rec, "status", line);
  c.detail = string_or_empty(rec, "detail", line);
  c.mi_nats = string_or_empty(rec, "mi_nats", line);
  c.error_estimate = string_or_empty(rec, "error_estimate", line);
  c.double_error_estimate = string_or_empty(rec, "double_error_estimate", line);
  const json::Value* d = rec.find("diagnostics");
  if (!d || !d->is_object()) bad(line, "field \"diagnostics\" must be an object");
  c.log_det_K = string_or_empty(*d, "log_det_K", line);
  c.log_det_K_prime = string_or_empty(*d, "log_det_K_prime", line);
  c.min_eig_K = string_or_empty(*d, "min_eig_K", line);
  c.min_eig_K_prime = string_or_empty(*d, "min_eig_K_prime", line);
  c.cond_K = string_or_empty(*d, "cond_K", line);
  c.cond_K_prime = string_or_empty(*d, "cond_K_prime", line);
  const json::Value* t = rec.find("truth");
  if (!t) bad(line, "missing field \"truth\"");
  if (!t->is_null()) {
    if (!t->is_object()) bad(line, "field \"truth\" must be an object or null");
    c.truth_estimator = string_or_empty(*t, "estimator", line);
    c.truth_mi_nats = string_or_empty(*t, "mi_nats", line);
    c.truth_standard_error = string_or_empty(*t, "standard_error", line);
    if (c.truth_estimator.empty() || c.truth_mi_nats.empty() || c.truth_standard_error.empty())
      bad(line, "field \"truth\" needs estimator, mi_nats and standard_error");
  }
  const json::Value* s = rec.find("spec");
  if (!s || !s->is_object()) bad(line, "field \"spec\" must be an object");
  c.spec = *s;
  return c;
}

}  // namespace

std::vector<Case> parse_reference(const std::string& text) {
  std::vector<Case> out;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw std::invalid_argument("reference file is empty");
  if (text[first] == '{') {
    std::istringstream in(text);
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      json::Value rec;
      try {
        rec = json::parse(line);
      } catch (const json::ParseError& e) {
        bad(number, e.what());
      }
      out.push_back(case_from_json(rec, number));
    }
    return out;
  }
  const auto records = parse_csv(text);
  const auto& cols = csv_columns();
  if (records.front().fields != cols) bad(records.front().line, "CSV header is not the reference header");
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& f = records[r].fields;
    const std::size_t line = records[r].line;
    if (f.size() != cols.size())
      bad(line, "has " + std::to_string(f.size()) + " fields, expected " + std::to_string(cols.size()));
    Case c;
    c.id = f[0];
    if (c.id.empty()) bad(line, "empty id");
    check_version(static_cast<long long>(to_size(f[1], line, "format_version")), line);
    c.family = f[2];
    c.n = to_size(f[3], line, "n");
    c.P = to_size(f[4], line, "P");
    c.N = to_size(f[5], line, "N");
    c.pattern = to_size(f[6], line, "pattern");
    c.status = f[7];
    c.mi_nats = f[8];
    c.error_estimate = f[9];
    c.double_error_estimate = f[10];
    c.log_det_K = f[11];
    c.log_det_K_prime = f[12];
    c.min_eig_K = f[13];
    c.min_eig_K_prime = f[14];
    c.cond_K = f[15];
    c.cond_K_prime = f[16];
    c.truth_estimator = f[17];
    c.truth_mi_nats = f[18];
    c.truth_standard_error = f[19];
    if ((c.truth_estimator.empty() != c.truth_mi_nats.empty()) ||
        (c.truth_estimator.empty() != c.truth_standard_error.empty()))
      bad(line, "truth_estimator, truth_mi_nats and truth_standard_error must be all empty or all set");
    c.detail = f[20];
    try {
      c.spec = json::parse(f[21]);
    } catch (const json::ParseError& e) {
      bad(line, std::string("spec: ") + e.what());
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Case> read_reference_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot open reference file '" + path + "'");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_reference(buf.str());
}

}  // namespace syninfo::reference
