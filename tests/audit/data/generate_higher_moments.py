#!/usr/bin/python3
"""Independent reference values for the exact higher moments of a synaptic weight.

W = sum_mu T_mu with independent log-normal terms T_mu = exp(G_mu),
G_mu ~ Normal(g_mu, v_mu). For each case this program computes, with mpmath at
WORK_DPS digits and no code shared with the C++ library:

  * the raw moments E[W^r], r = 1..8, by expanding the power of the sum over
    independent terms (E[(X + Y)^r] = sum_j C(r, j) E[X^j] E[Y^(r-j)]) from
    E[T^r] = exp(r g + r^2 v / 2);
  * the central moments mu_k = E[(W - E W)^k] from the raw ones (binomial
    expansion; the working precision absorbs the cancellation);
  * log mean, log variance, skewness mu_3 / mu_2^1.5 and excess kurtosis
    mu_4 / mu_2^2 - 3 (the C++ library uses cumulant formulas instead);
  * the Fenton-Wilkinson surrogate's s2 = ln(1 + mu_2 / mean^2), its skewness
    (e^s2 + 2) sqrt(e^s2 - 1) and excess kurtosis
    e^{4 s2} + 2 e^{3 s2} + 3 e^{2 s2} - 6;
  * mu_k / mean^k for k = 2..8 (used by the sample-moment standard errors).

Every input is a multiple of 2^-10 (or a power of two), so its decimal text is
exact and double, 50-digit and mpmath arithmetic all read the same number.

    /usr/bin/python3 tests/audit/data/generate_higher_moments.py

writes higher_moments_reference.json beside this script (deterministic).
"""

import json
import os
import random

from mpmath import mp, mpf, exp, log, sqrt, binomial, nstr

WORK_DPS = 120
OUT_DIGITS = 60
HERE = os.path.dirname(os.path.abspath(__file__))


def dyadic(x):
    """x rounded to a multiple of 2^-10, as exact decimal text."""
    k = round(x * 1024)
    return str(mpf(k) / 1024) if k % 1024 else str(k // 1024)


def exact_text(k, shift):
    """k * 2^-shift as exact decimal text."""
    from decimal import Decimal, getcontext
    getcontext().prec = 200
    return format(Decimal(k) / (Decimal(2) ** shift), 'f')


def moments(terms):
    raw = [mpf(1)] + [mpf(0)] * 8
    for g, v in terms:
        t = [exp(r * g + r * r * v / 2) for r in range(9)]
        raw = [sum(binomial(r, j) * raw[j] * t[r - j] for j in range(r + 1)) for r in range(9)]
    mean = raw[1]
    central = [sum(binomial(k, j) * raw[j] * (-mean) ** (k - j) for j in range(k + 1)) for k in range(9)]
    mu2, mu3, mu4 = central[2], central[3], central[4]
    out = {
        "log_mean": log(mean),
        "log_variance": log(mu2),
        "skewness": mu3 / mu2 ** mpf(1.5),
        "excess_kurtosis": mu4 / mu2 ** 2 - 3,
    }
    s2 = log(1 + mu2 / mean ** 2)
    q = exp(s2)
    out["fw_log_variance"] = s2
    out["fw_skewness"] = (q + 2) * sqrt(q - 1)
    out["fw_excess_kurtosis"] = q ** 4 + 2 * q ** 3 + 3 * q ** 2 - 6
    out["scaled_central"] = [central[k] / mean ** k for k in range(2, 9)]
    return out


def main():
    mp.dps = WORK_DPS
    rnd = random.Random(20261123)
    cases = []

    def add(name, terms_text, log_domain=False):
        terms = [(mpf(g), mpf(v)) for g, v in terms_text]
        m = moments(terms)
        case = {"id": name, "terms": [[g, v] for g, v in terms_text]}
        if log_domain:
            # d^6 = (e^v - 1)^6 overflows double: the library's log-domain path.
            case["log_domain_in_double"] = True
        for key, val in m.items():
            case[key] = [nstr(x, OUT_DIGITS) for x in val] if isinstance(val, list) else nstr(val, OUT_DIGITS)
        cases.append(case)

    add("single_term", [["0.25", "0.5"]])
    add("worked_example_P2", [["0", "1"], ["0", "1"]])
    add("heterogeneous_P5", [[dyadic(rnd.uniform(-2, 2)), dyadic(rnd.uniform(0.01, 2))] for _ in range(5)])
    add("tiny_variance_P3", [["0", exact_text(1, 20)], ["0.5", exact_text(1, 20)], ["-0.25", exact_text(3, 21)]])
    add("mean_plus_700", [["700", "0.25"], ["699.5", "1"], ["698", "0.5"]])
    add("mean_minus_700", [["-700", "0.75"], ["-701.25", "0.5"]])
    add("heavy_tail", [["0", "40"], ["1", "0.125"], ["-1", "0.5"]])
    add("with_constant_term", [["0.5", "0"], ["0", "0.5"], ["-0.5", "1.5"]])
    add("far_apart_scales", [["0", "3"], ["-30", "3"], ["5", "0.0625"]])
    add("extreme_variance", [["0", "300"], ["1", "0.5"], ["-2", "150"]], log_domain=True)
    add("many_patterns_P30", [[dyadic(rnd.uniform(-1, 1)), dyadic(rnd.uniform(0.05, 1.0))] for _ in range(30)])

    with open(os.path.join(HERE, "higher_moments_reference.json"), "w") as f:
        json.dump({"generator": "tests/audit/data/generate_higher_moments.py", "work_dps": WORK_DPS,
                   "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
