// The measurement behind the `biased` flag of the audit's smc entropies
// (fenton_wilkinson_audit.hpp, kSmcEntropyBiasedFrom): on exact oracles,
// independent disjoint synapses, where h(W_E) is the sum of single-synapse
// quadrature entropies and -ln p(w) at any point is a sum of 1-D quadrature
// log densities. Label `long` (~3 minutes on 2 cores); it prints the table.
#include "../truth/truth_test_helpers.hpp"
#include "syninfo/random.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"
#include "syninfo/truth/sequential_monte_carlo.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

using namespace syninfo;
using namespace syninfo::truth::testing;
using namespace syninfo::truth;

TEST_CASE("smc entropies: bias on exact oracles, pointwise and as the audit reports them", "[audit][smc][long]") {
  // For W_E (all patterns) and R^(0), n = 2..6, P = 3 and 10, term log
  // variance 0.5, 1 and 2, 32 particles x 4 replicates (the audit's default):
  //   pointwise: mean over 2000 points of (smc -ln p) - (exact -ln p), with
  //     only the inner noise as error: the bias itself;
  //   entropy: smc_entropy with 4000 outer samples, as the audit calls it,
  //     against the exact entropy, in units of its reported standard error.
  // Checks: the reported standard error covers the actual entropy error
  // (|z| < 4 everywhere: measured max 1.44); below kSmcEntropyBiasedFrom = 4
  // the pointwise bias stays within 0.05 nats (measured max 0.03), and at
  // n = 4 it exceeds the statistical error of 4000 outer samples somewhere
  // (measured 0.12 nats at P = 10, log variance 2), which is why the audit
  // flags entropies from n = 4 on.
  std::ostringstream table;
  table << "n P logvar sum pointwise_bias +- se | smc_entropy - exact (z) | stat error at 4000\n";
  double max_abs_z = 0.0, max_bias_below4 = -1.0, max_ratio_at4 = 0.0;
  for (std::size_t n : {2u, 3u, 4u, 5u, 6u})
    for (std::size_t P : {3u, 10u})
      for (double s : {0.25, 0.5, 1.0}) {
        const Problem<double> p = independent_disjoint(n, P, s, 100 + n);
        const std::vector<LogTerm> terms = log_terms(p);
        const ModelSamples ms = sample_model(p, 2000, 23, 2);
        for (int which = 0; which < 2; ++which) {
          std::vector<LogTerm> use;
          for (std::size_t mu = 0; mu < terms.size(); ++mu)
            if (which == 0 || mu != 0) use.push_back(terms[mu]);
          std::vector<LogSumDensity> exact;
          double exact_h = 0.0;
          for (std::size_t a = 0; a < n; ++a) {
            std::vector<ScalarLogNormal> sc;
            for (const auto& t : use)
              sc.push_back({t.mean(static_cast<Eigen::Index>(a)),
                            t.cov(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(a))});
            exact.push_back(log_sum_density(sc, 24.0));
            QuadratureOptions qo;
            qo.points_per_sd = 8;
            exact_h += quadrature_entropy(sc, qo).estimate.value;
          }
          const Eigen::MatrixXd& pts = which == 0 ? ms.log_w : ms.log_r;
          SmcOptions o;
          o.seed = 29;
          o.threads = 2;
          const auto r = smc_log_densities(use, pts, o);
          double sum = 0, sum2 = 0, e1 = 0, e2 = 0;
          const auto m = static_cast<double>(pts.rows());
          for (Eigen::Index i = 0; i < pts.rows(); ++i) {
            double e = 0;
            for (std::size_t a = 0; a < n; ++a) {
              const double u = pts(i, static_cast<Eigen::Index>(a));
              e += -log_density_of_log(exact[a], u) + u;
            }
            const double d = r[static_cast<std::size_t>(i)].neg_log_p - e;
            sum += d;
            sum2 += d * d;
            e1 += e;
            e2 += e * e;
          }
          const double bias = sum / m, bias_se = std::sqrt((sum2 / m - bias * bias) / m);
          const double stat4000 = std::sqrt(e2 / m - (e1 / m) * (e1 / m)) / std::sqrt(4000.0);
          o.outer = 4000;
          o.seed = 1;
          const SmcEntropy h = smc_entropy(use, o);
          const double z = (h.estimate.value - exact_h) / h.estimate.standard_error;
          table << n << ' ' << P << ' ' << 2 * s << ' ' << (which ? "R" : "W") << ' ' << bias << " +- " << bias_se
                << " | " << h.estimate.value - exact_h << " (" << z << ") | " << stat4000 << '\n';
          max_abs_z = std::max(max_abs_z, std::abs(z));
          if (n < 4) max_bias_below4 = std::max(max_bias_below4, std::abs(bias));
          if (n == 4) max_ratio_at4 = std::max(max_ratio_at4, bias / stat4000);
        }
      }
  WARN(table.str());
  CHECK(max_abs_z < 4.0);
  CHECK(max_bias_below4 < 0.05);
  CHECK(max_ratio_at4 > 1.0);
}
