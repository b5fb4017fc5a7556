// Properties of the closed form that hold exactly (theory.md section 5),
// checked by RapidCheck on random valid models. Seeds come from RC_PARAMS
// (set per test in tests/properties/tests.cmake), so runs are reproducible.
#include <rapidcheck/catch.h>

#include "syninfo/cross_check.hpp"
#include "syninfo/mutual_information.hpp"

#include "generators.hpp"

using namespace syninfo;
using syninfo::test::gen_model;

namespace {

// Results are comparable only away from the positive-definiteness boundary,
// where rounding may legitimately decide either way.
template <class T>
bool clear_of_pd_boundary(const MiResult<T>& r) {
  auto clear = [](const SymmetricAnalysis<T>& a) {
    using std::abs;
    return !is_finite(a.singular_threshold) || abs(a.min_eigenvalue) > 1000 * a.singular_threshold;
  };
  return clear(r.all_patterns.analysis) && (r.patterns < 2 || clear(r.without_pattern.analysis));
}

// Two 50-digit evaluations of the same quantity agree to their combined
// rounding estimate (error_estimate is itself a generous multiple of eps).
bool agree(const MiResult<float50>& a, const MiResult<float50>& b) {
  return abs(a.mi_nats - b.mi_nats) <= a.error_estimate + b.error_estimate;
}

}  // namespace

TEST_CASE("closed form: exact properties", "[property][closed_form]") {
  rc::prop("every valid input gives a typed status; ok means finite", [] {
    const auto m = *gen_model(6, 10, 8, 1);
    const auto r = fenton_wilkinson_mutual_information(m.build<double>());
    switch (r.status) {
      case MiStatus::ok: RC_ASSERT(std::isfinite(r.mi_nats)); RC_ASSERT(std::isfinite(r.error_estimate)); break;
      case MiStatus::single_pattern: RC_ASSERT(m.means.size() == 1u); break;
      case MiStatus::not_positive_definite: RC_ASSERT(!r.detail.empty()); break;
      case MiStatus::non_finite: RC_ASSERT(!r.detail.empty()); break;
    }
    RC_TAG(to_string(r.status));
  });

  rc::prop("invalid inputs are always rejected with the right error", [] {
    const auto m = *gen_model(6, 6, 4);
    auto p = m.build<double>();
    const int n = m.neurons;
    const auto kind = *rc::gen::element(InputErrorKind::dimension_mismatch, InputErrorKind::asymmetric_covariance,
                                        InputErrorKind::covariance_not_psd, InputErrorKind::index_out_of_range,
                                        InputErrorKind::repeated_synapse, InputErrorKind::empty_ensemble,
                                        InputErrorKind::non_finite, InputErrorKind::no_patterns);
    const std::size_t mu = *rc::gen::inRange<std::size_t>(0, p.patterns.count());
    const int a = *rc::gen::inRange(0, n), b = (a + 1) % n;
    auto& pat = p.patterns.list[mu];
    switch (kind) {
      case InputErrorKind::dimension_mismatch: pat.mean.conservativeResize(n + 1); pat.mean(n) = 0; break;
      case InputErrorKind::asymmetric_covariance: pat.cov(a, b) += 1 + std::abs(pat.cov(a, b)); break;
      case InputErrorKind::covariance_not_psd: pat.cov(a, a) = -1 - *rc::gen::inRange(0, 100) / 10.0; break;
      case InputErrorKind::index_out_of_range:
        if (*rc::gen::arbitrary<bool>()) p.ensemble.back().j = static_cast<std::size_t>(n + *rc::gen::inRange(0, 5));
        else p.pattern = p.patterns.count() + static_cast<std::size_t>(*rc::gen::inRange(0, 5));
        break;
      case InputErrorKind::repeated_synapse: p.ensemble.push_back(Synapse{p.ensemble[0].j, p.ensemble[0].i}); break;
      case InputErrorKind::empty_ensemble: p.ensemble.clear(); break;
      case InputErrorKind::non_finite:
        pat.mean(a) = *rc::gen::element(std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity());
        break;
      case InputErrorKind::no_patterns: p.patterns.list.clear(); break;
      default: break;
    }
    try {
      (void)fenton_wilkinson_mutual_information(p);
      RC_FAIL("accepted an input corrupted as " + std::string(to_string(kind)));
    } catch (const InvalidInput& e) {
      RC_ASSERT(e.kind() == kind);
      RC_ASSERT(std::string(e.what()).size() > 10);
    }
  });

  rc::prop("the surrogate reproduces the exact mean and covariance (1e-40 relative at 50 digits)", [] {
    const auto m = *gen_model();
    const auto p = m.build<float50>();
    const auto exact = exact_moments(synaptic_terms(p.patterns, p.ensemble));
    const auto fw = fenton_wilkinson(exact);
    for (Eigen::Index a = 0; a < fw.lambda.size(); ++a) {
      RC_ASSERT(abs(fw.lambda(a) + fw.K(a, a) / 2 - exact.log_mean(a)) <= float50("1e-40") * (1 + abs(exact.log_mean(a))));
      for (Eigen::Index b = 0; b < fw.lambda.size(); ++b)
        RC_ASSERT(abs(expm1_(fw.K(a, b)) - exact.relative_cov(a, b)) <=
                  float50("1e-40") * (abs(exact.relative_cov(a, b)) + 1));
    }
  });

  rc::prop("invariant to relabelling neurons, reordering the ensemble and rescaling activities", [] {
    const auto m = *gen_model();
    const auto base = m.build<float50>();
    const auto r0 = fenton_wilkinson_mutual_information(base);
    RC_PRE(clear_of_pd_boundary(r0));
    // Relabel with a random permutation.
    std::vector<std::size_t> perm(static_cast<std::size_t>(m.neurons));
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    perm = test::shuffled(perm);
    auto p = base;
    for (std::size_t mu = 0; mu < base.patterns.count(); ++mu)
      for (int a = 0; a < m.neurons; ++a) {
        p.patterns.list[mu].mean(perm[a]) = base.patterns.list[mu].mean(a);
        for (int b = 0; b < m.neurons; ++b) p.patterns.list[mu].cov(perm[a], perm[b]) = base.patterns.list[mu].cov(a, b);
      }
    for (auto& s : p.ensemble) s = Synapse{perm[s.i], perm[s.j]};
    // Reorder the ensemble.
    p.ensemble = test::shuffled(p.ensemble);
    // Rescale neuron i by c_i = exp(shift_i / 1000) in every pattern.
    for (int a = 0; a < m.neurons; ++a) {
      const float50 shift = float50(*rc::gen::inRange(-5000, 5001)) / 1000;
      for (auto& pat : p.patterns.list) pat.mean(a) += shift;
    }
    const auto r1 = fenton_wilkinson_mutual_information(p);
    RC_ASSERT(r1.status == r0.status);
    if (r0.ok()) RC_ASSERT(agree(r0, r1));
  });

  rc::prop("n = 1 and n = 2 equal Props. 1.2 and 2.2", [] {
    const auto m = *gen_model(6, 10, 2);
    const auto p = m.build<float50>();
    const auto tuple = fenton_wilkinson_mutual_information(p);
    RC_PRE(clear_of_pd_boundary(tuple));
    const auto named = p.ensemble.size() == 1 ? singleton_mutual_information(p.patterns, p.ensemble[0], p.pattern)
                                              : pair_mutual_information(p.patterns, p.ensemble[0], p.ensemble[1], p.pattern);
    RC_ASSERT(named.status == tuple.status);
    if (tuple.ok()) RC_ASSERT(abs(named.mi_nats - tuple.mi_nats) <= 2 * tuple.error_estimate);
  });

  rc::prop("double and 50 digits agree to the double result's error estimate", [] {
    const auto m = *gen_model();
    const auto checked = cross_checked_mutual_information(m.build<float50>());
    RC_PRE(clear_of_pd_boundary(checked.result));
    RC_PRE(clear_of_pd_boundary(checked.double_result));
    RC_ASSERT(checked.double_result.status == checked.result.status);
    if (checked.result.ok())
      RC_ASSERT(std::abs(checked.double_result.mi_nats - to_double(checked.result.mi_nats)) <=
                checked.double_result.error_estimate);
  });

  rc::prop("small-variance limit: the gap to the Gaussian channel shrinks linearly", [] {
    const auto m = *gen_model(5, 6, 4);
    auto gap = [&](const char* t) {
      auto p = m.build<float50>();
      for (auto& pat : p.patterns.list) pat.cov *= float50(t);
      const auto r = fenton_wilkinson_mutual_information(p);
      RC_PRE(r.ok());
      const Matrix<float50> c = r.all_patterns.moments.covariance();
      const Matrix<float50> cp = r.without_pattern.moments.covariance();
      const float50 det_c = c.determinant(), det_cp = cp.determinant();
      RC_PRE(det_c > 0 && det_cp > 0);
      return abs(r.mi_nats - (log(det_c) - log(det_cp)) / 2);
    };
    // O(t): ten times smaller t, at least five times smaller gap (allowing
    // for a vanishing first-order coefficient, which only helps), plus a
    // floor for gaps already at the 50-digit rounding level.
    const float50 g4 = gap("1e-4"), g5 = gap("1e-5");
    RC_ASSERT(g5 <= g4 / 5 + float50("1e-35"));
  });
}
