// Evaluations per second of the closed form I_FW (issue 17), old against new
// in one process, with the operation-count bound beside each:
//   old   = bench/closed_form_baseline.hpp (the per-evaluation path before the
//           speed work: validation, moments and eigen-analysis every time)
//   audit = fenton_wilkinson_mutual_information now (same output as old)
//   new   = closed_form_value on a PreparedPatterns (closed_form_batch.hpp):
//           the spec validated once, the ensemble at every call
//   bound = the transcendental calls and flops of one evaluation at the
//           throughput this machine measures for them here (std::expm1,
//           std::exp, std::log, multiply-add loops), i.e. what the arithmetic
//           alone costs on one core.
// usage: bench_closed_form_throughput [--quick] [--budget SECONDS]
#include "syninfo/qd_scalar.hpp"

#include "closed_form_baseline.hpp"

#include "syninfo/closed_form_batch.hpp"
#include "syninfo/mutual_information.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace {

using namespace syninfo;
using Clock = std::chrono::steady_clock;

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// N = 20 neurons; synapse t joins t mod N to a neighbour 1 or 2 further on,
// so n <= 40 synapses are distinct pairs.
Ensemble ensemble_of(int n, int neurons) {
  Ensemble e;
  for (int t = 0; t < n; ++t) {
    const int i = t % neurons, j = (t + 1 + t / neurons) % neurons;
    e.push_back({static_cast<std::size_t>(i), static_cast<std::size_t>(j)});
  }
  return e;
}

template <class T>
Problem<T> problem_of(int n, int patterns, bool shared, int neurons = 20) {
  Problem<T> p;
  for (int mu = 0; mu < patterns; ++mu) {
    Pattern<T> pat;
    pat.mean.resize(neurons);
    for (int a = 0; a < neurons; ++a) pat.mean(a) = T((mu * 7 + a * 3) % 11 - 5) / 10;
    const int c = shared ? 0 : mu;
    const T s2 = T(2 + c % 7) / 10, rho = T(1 + c % 5) / 20;
    pat.cov = Matrix<T>::Constant(neurons, neurons, s2 * rho);
    for (int a = 0; a < neurons; ++a) pat.cov(a, a) = s2;
    Vector<T> u(neurons);
    for (int a = 0; a < neurons; ++a) u(a) = T((a + c) % 5) / 20;
    pat.cov += u * u.transpose();
    p.patterns.list.push_back(std::move(pat));
  }
  p.ensemble = ensemble_of(n, neurons);
  p.pattern = static_cast<std::size_t>(patterns / 2);
  return p;
}

// Calls per second of f, for at least `budget` seconds (at least one call).
template <class F>
double rate(F&& f, double budget) {
  f();  // warm-up (allocations, caches)
  long calls = 0;
  const auto t0 = Clock::now();
  double elapsed = 0;
  do {
    f();
    ++calls;
    elapsed = seconds_since(t0);
  } while (elapsed < budget);
  return static_cast<double>(calls) / elapsed;
}

// Seconds per call of the transcendental functions and per multiply-add, over
// L1-resident arrays, at precision T.
template <class T>
struct UnitCosts {
  double expm1 = 0, exp = 0, log = 0, madd = 0;
};

volatile double sink = 0;

template <class T>
double as_double(const T& x) {
  if constexpr (std::is_same_v<T, float50_qd>) return to_double(x);
  else return static_cast<double>(x);
}

// New-path rates by (covariance, n, P) and precision, for the ratio table.
struct RateKey {
  bool shared;
  int n, p;
  bool operator<(const RateKey& o) const { return std::tie(shared, n, p) < std::tie(o.shared, o.n, o.p); }
};
std::map<RateKey, std::map<std::string, double>> new_rates;

template <class T>
UnitCosts<T> unit_costs(double budget) {
  std::vector<T> x(512), y(512);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = T(static_cast<int>(i % 97) - 30) / 40;
  UnitCosts<T> c;
  auto per = [&](auto&& op) { return 1.0 / (rate(op, budget) * static_cast<double>(x.size())); };
  c.expm1 = per([&] {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = expm1_(x[i]);
    sink = sink + as_double(y[7]);
  });
  c.exp = per([&] {
    using std::exp;
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = exp(x[i]);
    sink = sink + as_double(y[7]);
  });
  c.log = per([&] {
    using std::log;
    using std::abs;
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = log(T(abs(x[i]) + 1));
    sink = sink + as_double(y[7]);
  });
  c.madd = per([&] {
    for (std::size_t i = 0; i < x.size(); ++i) y[i] += x[i] * x[(i * 7) & 511];
    sink = sink + as_double(y[7]);
  });
  return c;
}

// Operation count of one evaluation of closed_form_value: distinct expm1,
// n(P-1) + n exp, ~4n log (log-means, log1p, ln det), and multiply-adds for
// the weights, the Gram sums, R, two Choleskys and their condition estimates.
template <class T>
double bound_seconds(const UnitCosts<T>& c, int n, int patterns, bool shared) {
  const double pairs = n * (n + 1) / 2.0;
  const double expm1 = (shared ? 1 : patterns) * pairs;
  const double exps = n * patterns;
  const double logs = 4.0 * n + 2 * pairs;
  const double madds = pairs * (patterns - 1) * (shared ? 1.0 : 2.0) + 4 * pairs + 2 * n * n * n / 6.0 + 20.0 * n * n +
                       2.0 * n * patterns;
  return expm1 * c.expm1 + exps * c.exp + logs * c.log + madds * c.madd;
}

struct Options {
  bool quick = false;
  double budget = 0.2;
};

template <class T>
void run_precision(const char* name, const std::string& key, const Options& opt, bool with_old) {
  const UnitCosts<T> costs = unit_costs<T>(opt.budget / 4);
  std::printf("| %s unit costs: expm1 %.3g s, exp %.3g s, log %.3g s, multiply-add %.3g s |\n", name, costs.expm1,
              costs.exp, costs.log, costs.madd);
  const std::vector<int> ns = opt.quick ? std::vector<int>{2, 20} : std::vector<int>{1, 2, 5, 10, 20, 40};
  const std::vector<int> ps = opt.quick ? std::vector<int>{10, 50} : std::vector<int>{2, 10, 50, 200};
  for (bool shared : {true, false})
    for (int n : ns)
      for (int p : ps) {
        const Problem<T> problem = problem_of<T>(n, p, shared);
        ClosedFormEvaluator<T> evaluator;
        // The spec is validated once (PreparedPatterns); each evaluation checks
        // its ensemble and pattern index.
        const PreparedPatterns<T> prepared(problem.patterns);
        const double new_rate = rate(
            [&] {
              sink = sink + as_double(closed_form_value(prepared, problem.ensemble, problem.pattern, evaluator).mi_nats);
            },
            opt.budget);
        new_rates[{shared, n, p}][key] = new_rate;
        // The old path at high precision takes seconds per call at large n P;
        // it is measured where one call stays under ~0.1 s.
        const bool old_here = with_old && (std::is_same_v<T, double> || n * n * p <= 20 * 20 * 10);
        double old_rate = 0, audit_rate = 0;
        if (old_here) {
          old_rate = rate([&] { sink = sink + as_double(baseline::fenton_wilkinson_mutual_information(problem).mi_nats); },
                          opt.budget);
          audit_rate = rate([&] { sink = sink + as_double(fenton_wilkinson_mutual_information(problem).mi_nats); },
                            opt.budget);
        }
        const double bound_rate = 1.0 / bound_seconds(costs, n, p, shared);
        if (old_here)
          std::printf("| %s | %s | %d | %d | %.3g | %.3g | %.3g | %.1f | %.3g | %.2f |\n", name,
                      shared ? "shared" : "per-pattern", n, p, old_rate, audit_rate, new_rate, new_rate / old_rate,
                      bound_rate, new_rate / bound_rate);
        else
          std::printf("| %s | %s | %d | %d | - | - | %.3g | - | %.3g | %.2f |\n", name, shared ? "shared" : "per-pattern",
                      n, p, new_rate, bound_rate, new_rate / bound_rate);
        std::fflush(stdout);
      }
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  std::vector<std::string> precisions = {"double", "50", "50mpfr", "50qd", "100"};
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--quick")) opt.quick = true;
    else if (!std::strcmp(argv[i], "--budget") && i + 1 < argc) opt.budget = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--precision") && i + 1 < argc) precisions = split(argv[++i]);
    else {
      std::fprintf(stderr, "usage: %s [--quick] [--budget SECONDS] [--precision LIST]\n  LIST: comma-separated of double,50,50mpfr,50qd,100\n", argv[0]);
      return 2;
    }
  }
  std::printf("evaluations/s, one thread, N = 20 (old: before issue 17; audit: fenton_wilkinson_mutual_information;\n"
              "new: closed_form_value; bound: transcendental calls + multiply-adds at the unit costs measured here)\n\n");
  std::printf("| precision | covariance | n | P | old | audit | new | new/old | bound | new/bound |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& p : precisions) {
    if (p == "double") run_precision<double>("double", p, opt, true);
    else if (p == "50") run_precision<float50>("50 (cpp_bin_float)", p, opt, true);
    else if (p == "50mpfr") run_precision<float50_mpfr>("50 (mpfr)", p, opt, false);
    else if (p == "50qd") run_precision<float50_qd>("50 (qd)", p, opt, false);
    else if (p == "100") run_precision<float100>("100 (mpfr)", p, opt, true);
    else {
      std::fprintf(stderr, "unknown precision '%s'\n", p.c_str());
      return 2;
    }
  }
  // Slowdown of each precision against double, from the rates above (same
  // process, interleaved in time only by precision).
  std::printf("\nslowdown against double (double's rate / this rate), new path:\n\n| covariance | n | P |");
  for (const auto& p : precisions) std::printf(" %s |", p.c_str());
  std::printf("\n|---|---|---|");
  for (std::size_t i = 0; i < precisions.size(); ++i) std::printf("---|");
  std::printf("\n");
  for (const auto& [k, by] : new_rates) {
    std::printf("| %s | %d | %d |", k.shared ? "shared" : "per-pattern", k.n, k.p);
    for (const auto& p : precisions) {
      const auto d = by.find("double"), x = by.find(p);
      if (d == by.end() || x == by.end()) std::printf(" - |");
      else std::printf(" %.1f |", d->second / x->second);
    }
    std::printf("\n");
  }
  return sink == 12345.678 ? 1 : 0;
}
