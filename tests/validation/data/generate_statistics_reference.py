#!/usr/bin/python3
"""Reference values for the statistics of syninfo validate, computed with
SciPy/NumPy (independent of the C++ code). Regenerate with
    /usr/bin/python3 tests/validation/data/generate_statistics_reference.py > tests/validation/data/statistics_reference.json
The data sets are drawn here with a fixed NumPy seed and stored in the output
with 17 significant digits, so the C++ test reads exactly the same numbers."""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(20240601)


def num(x):
    return float("%.17g" % x)


def arr(v):
    return [num(x) for x in v]


cases = []
# Regression / correlation data sets: a strong, a weak and a negative relation.
for name, n, slope, noise in [("strong", 40, 1.7, 0.5), ("weak", 25, 0.2, 1.0), ("negative", 12, -0.8, 0.3)]:
    x = rng.normal(0.0, 1.0, n)
    y = 0.3 + slope * x + rng.normal(0.0, noise, n)
    x = np.array(arr(x))
    y = np.array(arr(y))
    lr = stats.linregress(x, y)
    dof = n - 2
    q = stats.t.ppf(0.975, dof)
    pr = stats.pearsonr(x, y)
    z = np.arctanh(pr[0])
    half = stats.norm.ppf(0.975) / np.sqrt(n - 3)
    cases.append({
        "kind": "regression", "name": name, "x": arr(x), "y": arr(y),
        "slope": num(lr.slope), "intercept": num(lr.intercept), "slope_se": num(lr.stderr),
        "intercept_se": num(lr.intercept_stderr), "slope_ci_low": num(lr.slope - q * lr.stderr),
        "slope_ci_high": num(lr.slope + q * lr.stderr), "p_value": num(lr.pvalue), "r": num(pr[0]),
        "r_p_value": num(pr[1]), "r_ci_low": num(np.tanh(z - half)), "r_ci_high": num(np.tanh(z + half)),
    })

# t-tests: unequal sizes and variances.
for name, na, nb, ma, mb, sa, sb in [("shifted", 30, 45, 1.0, 0.6, 1.0, 0.4), ("null", 8, 5, 0.0, 0.0, 1.0, 2.0)]:
    a = np.array(arr(rng.normal(ma, sa, na)))
    b = np.array(arr(rng.normal(mb, sb, nb)))
    w = stats.ttest_ind(a, b, equal_var=False)
    s = stats.ttest_ind(a, b, equal_var=True)
    va, vb = a.var(ddof=1) / na, b.var(ddof=1) / nb
    wdof = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    wse = np.sqrt(va + vb)
    sdof = na + nb - 2
    pooled = ((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / sdof
    sse = np.sqrt(pooled * (1 / na + 1 / nb))
    d = a.mean() - b.mean()
    cases.append({
        "kind": "ttest", "name": name, "a": arr(a), "b": arr(b),
        "welch_t": num(w.statistic), "welch_p": num(w.pvalue), "welch_dof": num(wdof),
        "welch_ci_low": num(d - stats.t.ppf(0.975, wdof) * wse), "welch_ci_high": num(d + stats.t.ppf(0.975, wdof) * wse),
        "student_t": num(s.statistic), "student_p": num(s.pvalue), "student_dof": num(sdof),
        "student_ci_low": num(d - stats.t.ppf(0.975, sdof) * sse), "student_ci_high": num(d + stats.t.ppf(0.975, sdof) * sse),
    })

# Wilson intervals (scipy's binomtest, method "wilson").
for k, n in [(0, 20), (3, 250), (10, 1000), (20, 20), (7, 9)]:
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    cases.append({"kind": "wilson", "successes": k, "trials": n, "low": num(ci.low), "high": num(ci.high)})

# Multiple regression y = b0 + b1 u - b2 v + e: coefficients and covariance s^2 (X'X)^-1.
n = 30
u = np.array(arr(rng.normal(0, 1, n)))
v = np.array(arr(rng.uniform(0, 3, n)))
y = np.array(arr(0.5 + 0.8 * u - 1.3 * v + rng.normal(0, 0.4, n)))
X = np.column_stack([np.ones(n), u, v])
beta, rss, rank, _ = np.linalg.lstsq(X, y, rcond=None)
res = y - X @ beta
s2 = res @ res / (n - 3)
cov = s2 * np.linalg.inv(X.T @ X)
cases.append({"kind": "multiple", "u": arr(u), "v": arr(v), "y": arr(y), "beta": arr(beta),
              "covariance": [arr(row) for row in cov], "r_squared": num(1 - (res @ res) / ((y - y.mean()) @ (y - y.mean())))})

# Histogram (numpy.histogram: last bin closed on the right).
h = np.array(arr(rng.normal(0, 1, 200)))
counts, _ = np.histogram(h, bins=12, range=(-2.5, 2.5))
cases.append({"kind": "histogram", "values": arr(h), "lo": -2.5, "hi": 2.5, "bins": 12,
              "counts": [int(c) for c in counts], "below": int((h < -2.5).sum()), "above": int((h > 2.5).sum())})

print(json.dumps({"generator": "scipy " + __import__("scipy").__version__ + ", numpy " + np.__version__, "cases": cases},
                 indent=1))
