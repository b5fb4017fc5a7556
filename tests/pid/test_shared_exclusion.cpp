// The shared-exclusion PID on the logic gates of the public SxPID tests,
// exactly (pointwise and averaged), in double and at 50 digits.
#include "gate_table.hpp"
#include "syninfo/pid/shared_exclusion.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace syninfo::pid {
namespace {

using test::Gate;

// Every expected value is log2 of a small rational and every probability a
// dyadic or small rational: the computation rounds a few dozen times at most
// (sums of <= 8 probabilities, one log per node, a Moebius sum of <= 17
// terms), so double results lie within ~1e-14 of the exact values. 1e-12
// leaves a margin; any wrong formula is off by more than 1e-3.
constexpr double exact_tolerance = 1e-12;

template <class Scalar>
Scalar log2_ratio(const test::Ratio& r) { return log2_(Scalar(r.first) / Scalar(r.second)); }

template <class Scalar>
void check_pointwise(const Gate& g, const Scalar& tolerance) {
  using std::abs;
  using boost::multiprecision::abs;
  const auto d = test::distribution_of<Scalar>(g);
  const auto r = shared_exclusion_pid(d);
  const auto order = test::reference_order(d.sources);
  REQUIRE(r.lattice.nodes.size() == order.size());
  REQUIRE(d.outcomes.size() == g.rows.size());  // the rows are distinct, in order
  Scalar average_error = 0;
  for (std::size_t k = 0; k < g.rows.size(); ++k) {
    for (std::size_t a = 0; a < order.size(); ++a) {
      const Scalar expected = log2_ratio<Scalar>(g.rows[k].atoms[a]);
      const Scalar got = r.local_atoms[k].total[r.node(order[a])];
      INFO(g.name << " row " << k << " node " << a);
      CHECK(abs(got - expected) < tolerance);
    }
  }
  // The averaged atoms are the probability-weighted local ones.
  for (std::size_t a = 0; a < order.size(); ++a) {
    Scalar expected = 0;
    for (const auto& row : g.rows)
      expected += Scalar(row.probability.first) / Scalar(row.probability.second) * log2_ratio<Scalar>(row.atoms[a]);
    average_error = std::max<Scalar>(average_error, abs(r.atoms.total[r.node(order[a])] - expected));
  }
  INFO(g.name);
  CHECK(average_error < tolerance);
}

TEST_CASE("bivariate gates match the published pointwise SxPID atoms", "[pid][gates]") {
  for (const auto& g : test::bivariate_gates()) check_pointwise<double>(g, exact_tolerance);
}

TEST_CASE("trivariate gates match the published pointwise SxPID atoms", "[pid][gates]") {
  for (const auto& g : test::trivariate_gates()) check_pointwise<double>(g, exact_tolerance);
}

TEST_CASE("the gates hold at 50 significant digits", "[pid][gates][multiprecision]") {
  // Same operations at 50 digits: rounding ~1e-49 per step, 1e-45 allows for
  // the few dozen steps while still showing the formulas are exact.
  const float50 tolerance("1e-45");
  for (const auto& g : test::bivariate_gates()) check_pointwise<float50>(g, tolerance);
  for (const auto& g : test::trivariate_gates()) check_pointwise<float50>(g, tolerance);
}

TEST_CASE("averaged two-source atoms of XOR, AND, RDN and COPY", "[pid][gates]") {
  // Averaged atoms: XOR and AND are derived by hand in proofs/pid_shared_exclusion.md
  // ("Worked gates"); pwollstadt/IDTxl, test/test_estimators_multivariate_pid.py asserts
  // the XOR redundancy -0.5849625007211562, the AND redundancy 0.12255624891826572 and,
  // for the source copy T = S1 (our "Unq"), unique 0.585 / -0.415, redundancy and synergy 0.415.
  const auto gates = test::bivariate_gates();
  auto atoms_of = [&](const std::string& name) {
    for (const auto& g : gates)
      if (g.name == name) return two_source_atoms(shared_exclusion_pid(test::distribution_of<double>(g)));
    FAIL("no gate " << name);
    return TwoSourceAtoms<double>{};
  };
  const double l32 = std::log2(1.5), l43 = std::log2(4.0 / 3.0);
  const auto x = atoms_of("Xor");
  CHECK(std::abs(x.redundancy - (l43 - 1)) < exact_tolerance);
  CHECK(std::abs(x.unique_first - l32) < exact_tolerance);
  CHECK(std::abs(x.unique_second - l32) < exact_tolerance);
  CHECK(std::abs(x.synergy - l43) < exact_tolerance);
  CHECK(std::abs(x.residual) < exact_tolerance);
  const auto rdn = atoms_of("Rnd");
  CHECK(std::abs(rdn.redundancy - 1) < exact_tolerance);
  CHECK(std::abs(rdn.unique_first) + std::abs(rdn.unique_second) + std::abs(rdn.synergy) < exact_tolerance);
  const auto copy = atoms_of("Copy");
  CHECK(std::abs(copy.redundancy - l43) < exact_tolerance);
  CHECK(std::abs(copy.unique_first - l32) < exact_tolerance);
  CHECK(std::abs(copy.synergy - l43) < exact_tolerance);
  const auto u = atoms_of("Unq");
  CHECK(std::abs(u.unique_first - l32) < exact_tolerance);
  CHECK(std::abs(u.unique_second - std::log2(0.75)) < exact_tolerance);
  CHECK(std::abs(u.redundancy - l43) < exact_tolerance);
  CHECK(std::abs(u.synergy - l43) < exact_tolerance);
  // AND (outcomes 1/4 each): redundancy 1/4 log2(4/3) + 2/4 log2(8/9) + 1/4 log2(4/3) = 1/2 log2(32/27), unique
  // 1/4 (0 + log2(3/2) + log2(3/4) + log2(3/2)) = 1/4 log2(27/16) each, synergy 3/4 log2(4/3); no residual.
  const auto a = atoms_of("And");
  CHECK(std::abs(a.redundancy - 0.5 * std::log2(32.0 / 27.0)) < exact_tolerance);
  CHECK(std::abs(a.unique_first - 0.25 * std::log2(27.0 / 16.0)) < exact_tolerance);
  CHECK(std::abs(a.unique_second - 0.25 * std::log2(27.0 / 16.0)) < exact_tolerance);
  CHECK(std::abs(a.synergy - 0.75 * l43) < exact_tolerance);
  CHECK(std::abs(a.residual) < exact_tolerance);
}

}  // namespace
}  // namespace syninfo::pid
