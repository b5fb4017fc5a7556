// The quad-double scalar (qd_scalar.hpp): expm1, log1p, libqd's exp and log,
// decimal input and output, each against MPFR at 100 digits. Errors are in
// units of qd's epsilon (2^-209 ~ 1.2e-63); the budgets below are far
// stricter than the closed form needs (1e-40 relative ~ 8e22 eps), so a
// wrong branch, a short series or a lost component fails them.
#include "syninfo/qd_scalar.hpp"

#include <catch2/catch.hpp>

#include "syninfo/decimal.hpp"
#include "syninfo/scalar_math.hpp"

#include <string>
#include <vector>

using namespace syninfo;

namespace {

const float100 qd_eps = float100(qd_real::_eps);

// The exact value of a quad-double (its four parts summed at ~332 bits).
float100 exact(const qd_real& x) {
  float100 s = 0;
  for (int i = 3; i >= 0; --i) s += x.x[i];
  return s;
}

// Arguments from decimal text: +-m 10^-k for several mantissas and k = 0..70,
// plus a grid and the branch points of qd_expm1 (1/2, 2^-10).
std::vector<std::string> arguments(bool with_negative) {
  std::vector<std::string> out;
  for (const char* m : {"1", "1.2345678901234567890123456789012345678901234567890123", "3.7", "9.99", "5"})
    for (int k = 0; k <= 70; ++k) {
      const std::string t = std::string(m) + "e-" + std::to_string(k);
      out.push_back(t);
      if (with_negative) out.push_back("-" + t);
    }
  for (int i = -400; i <= 400; ++i) out.push_back(std::to_string(i) + ".0371");
  for (const char* t : {"0.5", "-0.5", "0.49999999999999999999", "0.50000000000000000001", "-0.49999999999999999",
                        "0.0009765625", "-0.0009765625", "0.00097656249999999999", "0.000976562500000000001",
                        "700", "-700", "708.5", "-708.5", "1e-200", "-1e-200"})
    out.push_back(t);
  return out;
}

struct Worst {
  double ulps = 0;
  std::string at;
  void note(const float100& err_in_eps, const std::string& x) {
    const double e = err_in_eps.convert_to<double>();
    if (e > ulps) {
      ulps = e;
      at = x;
    }
  }
};

}  // namespace

TEST_CASE("qd: expm1 against MPFR, relative error in eps", "[qd]") {
  // Budget 16 eps: <= 9 doublings of ~1 eps each after the series, or
  // exp(x) - 1 losing <= 2.5x for |x| >= 1/2.
  Worst worst;
  for (const auto& t : arguments(true)) {
    const qd_real x = from_decimal<float50_qd>(t);
    if (x > 700.0) continue;
    const float100 ref = boost::multiprecision::expm1(exact(x));
    const float100 err = abs(exact(expm1_(x)) - ref) / abs(ref) / qd_eps;
    INFO("x = " << t << ", error " << err << " eps");
    CHECK(err <= 16);
    worst.note(err, t);
  }
  WARN("qd expm1: max relative error " << worst.ulps << " eps (at x = " << worst.at << ")");
  // Saturation in double's exponent range (qd_scalar.hpp).
  CHECK(is_finite(expm1_(from_decimal<float50_qd>("708"))));
  CHECK(!is_finite(expm1_(from_decimal<float50_qd>("710"))));
  CHECK(expm1_(from_decimal<float50_qd>("-800")) == -1.0);
  CHECK(expm1_(float50_qd(0.0)) == 0.0);
}

TEST_CASE("qd: log1p against MPFR, relative error in eps", "[qd]") {
  // Budget 16 eps: two Newton steps on expm1 (|x| < 1/2) or ln(1 + x) with
  // |ln(1 + x)| > 0.4.
  Worst worst;
  std::vector<std::string> args = arguments(true);
  for (const char* t : {"1e10", "1e100", "1e200", "-0.999", "-0.9999999999999999999999999", "0.75", "-0.75"})
    args.push_back(t);
  for (const auto& t : args) {
    const qd_real x = from_decimal<float50_qd>(t);
    if (!(x > -1.0)) continue;
    const float100 ref = boost::multiprecision::log1p(exact(x));
    const float100 err = abs(exact(log1p_(x)) - ref) / abs(ref) / qd_eps;
    INFO("x = " << t << ", error " << err << " eps");
    CHECK(err <= 16);
    worst.note(err, t);
  }
  WARN("qd log1p: max relative error " << worst.ulps << " eps (at x = " << worst.at << ")");
  CHECK((log1p_(float50_qd(-1.0)).isinf() && log1p_(float50_qd(-1.0)) < 0.0));
  CHECK(!is_finite(log1p_(float50_qd(-2.0))));
  CHECK(log1p_(float50_qd(0.0)) == 0.0);
}

TEST_CASE("qd: libqd's exp (relative) and log (absolute near 1) against MPFR", "[qd]") {
  // exp: 16 eps relative over |x| <= 560 (beyond, e^x leaves the range
  // 1e-244 .. 1e244 where all four parts are normal doubles: at x = -700 the
  // measured error is ~1e-20 relative). log: 16 eps relative away from 1, 16
  // eps absolute near 1 (libqd's Newton step on exp is absolutely accurate;
  // the closed form only takes log of sums >= 1 and of Cholesky pivots, where
  // absolute accuracy is what enters ln det), for arguments up to ~1e200
  // (its Newton step evaluates exp(-ln y), which underflows the low parts
  // beyond ~1e244: log1p(1e300) is only ~1e-27 relative).
  Worst worst_exp, worst_log;
  for (const auto& t : arguments(true)) {
    const qd_real x = from_decimal<float50_qd>(t);
    if (abs(x) > 560.0) continue;
    using std::exp;
    const float100 ref = exp(exact(x));
    const float100 err = abs(exact(exp(x)) - ref) / ref / qd_eps;
    INFO("exp(" << t << "): error " << err << " eps");
    CHECK(err <= 16);
    worst_exp.note(err, t);
  }
  for (const auto& t : arguments(false)) {
    const qd_real x = from_decimal<float50_qd>(t);
    if (!(x > 0.0)) continue;
    for (const qd_real& y : {x, qd_real(1.0) + x}) {
      using std::log;
      const float100 ref = log(exact(y));
      const float100 magnitude = abs(ref) > 1 ? float100(abs(ref)) : float100(1);
      const float100 err = abs(exact(log(y)) - ref) / magnitude / qd_eps;
      INFO("log(" << exact(y) << "): error " << err << " eps");
      CHECK(err <= 16);
      worst_log.note(err, t);
    }
  }
  WARN("qd exp: max relative error " << worst_exp.ulps << " eps; log: max error " << worst_log.ulps
       << " eps relative to max(|log y|, 1)");
}

TEST_CASE("qd: decimal text in and out", "[qd]") {
  // In: within 1 eps of the 100-digit value (four nearest-double parts).
  // Out: 50 significant digits equal to MPFR's rounding of the same number.
  for (const char* t : {"0.1", "-0.3333333333333333333333333333333333333333333333333333333333333333",
                        "2.7182818284590452353602874713526624977572470936999595749669676277", "1e-200", "6.02e23",
                        "123456789.987654321e-5", "-1.7e308"}) {
    INFO(t);
    const float100 ref = from_decimal<float100>(t);
    const qd_real x = from_decimal<float50_qd>(t);
    CHECK(abs(exact(x) - ref) <= qd_eps * abs(ref));
    CHECK(to_decimal(x) == to_decimal(exact(x), 50));
    CHECK(from_decimal<float50_qd>(to_decimal(x)) == from_decimal<float50_qd>(to_decimal(exact(x), 50)));
  }
  CHECK(to_decimal(from_decimal<float50_qd>("0.1")) == "0.1");  // trailing zeros dropped, as for float50
  CHECK(to_decimal(float50_qd(1) / 3.0) == "0.33333333333333333333333333333333333333333333333333");
  CHECK_THROWS_AS(from_decimal<float50_qd>("1e309"), std::range_error);
  CHECK_THROWS_AS(from_decimal<float50_qd>("0x10"), std::invalid_argument);
  CHECK(to_decimal(float50_qd(qd_real::_nan)) == "nan");
  CHECK(to_decimal(-float50_qd(qd_real::_inf)) == "-inf");
}
