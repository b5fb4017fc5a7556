#!/usr/bin/python3
"""Independent high-precision reference values for the closed form I_FW.

Computes the Fenton-Wilkinson closed form of docs/theory.md sections 2-4
directly with mpmath (no code shared with the C++ library) and writes
reference tables next to this script:

  closed_form_reference.jsonl  general cases (one JSON object per line)
  worked_example.jsonl         the section-4 worked example for several s

Run with an interpreter that has mpmath (Debian: /usr/bin/python3):

    /usr/bin/python3 tests/data/reference/generate_reference.py

The output is deterministic: all randomness comes from random.Random(SEED)
through random() only (normals by Box-Muller, subsets by our own
Fisher-Yates), and every input is rounded to decimal text with at most
8 significant digits before any high-precision arithmetic reads it.
See README.md for the format.
"""

import json
import math
import os
import random
import sys
from decimal import Decimal

import mpmath
from mpmath import mp
from mpmath.libmp import to_str

SEED = 20261122
WORK_DPS = 120          # working precision (decimal digits)
OUT_DIGITS = 60         # significant digits written to the tables
INPUT_SIG = 8           # significant digits of every input number
# A symmetric matrix is treated as numerically singular when its smallest
# eigenvalue is within REL_ZERO * (largest |eigenvalue|) of zero.
REL_ZERO_EXP = -90
# Precision ladder: a case is computed at dps d and d + 40 and the two must
# agree to OUT_DIGITS + 5 digits.  If lambda, lambda', log det or I_FW is
# smaller in magnitude than 10^(SUSPECT_MARGIN - d) it may be a tiny true value
# (e.g. e^-600 with means near 300) or an exact zero, so the next rung is
# tried.  At any rung values below 10^(SNAP_MARGIN - d) are rounding noise of
# an exact cancellation and are written as 0.
DPS_LADDER = (120, 400, 1200)
SUSPECT_MARGIN = 80
SNAP_MARGIN = 20

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------
# deterministic randomness (only Random.random() is used)

class Rng:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def uniform(self, a, b):
        return a + (b - a) * self.r.random()

    def normal(self, mu=0.0, sd=1.0):
        u1 = self.r.random()
        u2 = self.r.random()
        u1 = 1.0 - u1  # in (0, 1]
        return mu + sd * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def index(self, k):
        i = int(self.r.random() * k)
        return min(i, k - 1)

    def shuffle(self, xs):
        xs = list(xs)
        for i in range(len(xs) - 1, 0, -1):
            j = self.index(i + 1)
            xs[i], xs[j] = xs[j], xs[i]
        return xs


# ---------------------------------------------------------------------------
# decimal text

def dec(x):
    """Float -> decimal text with at most INPUT_SIG significant digits."""
    if x == 0.0:
        return "0"
    s = format(Decimal("%.*g" % (INPUT_SIG, x)), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def out(x):
    """mpf -> decimal text with OUT_DIGITS significant digits (or None)."""
    if x is None:
        return None
    assert isinstance(x, mp.mpf)  # never round through a lower precision
    if x == 0:
        return "0"
    return to_str(x._mpf_, OUT_DIGITS, strip_zeros=False, min_fixed=0, max_fixed=0)


# ---------------------------------------------------------------------------
# covariance builders (floats; rounded to text afterwards)

def cov_exchangeable(N, sigma2, rho):
    return [[sigma2 * (1.0 if i == j else rho) for j in range(N)] for i in range(N)]


def cov_bb(rng, N, scale, diag_lo, diag_hi):
    B = [[rng.normal() for _ in range(N)] for _ in range(N)]
    S = [[0.0] * N for _ in range(N)]
    for i in range(N):
        for j in range(N):
            S[i][j] = scale * sum(B[i][k] * B[j][k] for k in range(N)) / N
        S[i][i] += rng.uniform(diag_lo, diag_hi)
    return S


def random_orthogonal(rng, N):
    # modified Gram-Schmidt on a standard normal matrix (columns)
    cols = [[rng.normal() for _ in range(N)] for _ in range(N)]
    Q = []
    for v in cols:
        w = list(v)
        for q in Q:
            d = sum(a * b for a, b in zip(w, q))
            w = [a - d * b for a, b in zip(w, q)]
        nrm = math.sqrt(sum(a * a for a in w))
        Q.append([a / nrm for a in w])
    return Q  # list of orthonormal vectors


def cov_spectrum(rng, N, factor):
    Q = random_orthogonal(rng, N)
    lam = [abs(rng.normal(0.01, 1.2)) for _ in range(N)]
    S = [[0.0] * N for _ in range(N)]
    for k in range(N):
        for i in range(N):
            for j in range(N):
                S[i][j] += factor * lam[k] * Q[k][i] * Q[k][j]
    return S


def cov_diagonal(rng, N, lo, hi):
    return [[rng.uniform(lo, hi) if i == j else 0.0 for j in range(N)] for i in range(N)]


def symmetric_text(S):
    N = len(S)
    T = [[None] * N for _ in range(N)]
    for i in range(N):
        for j in range(i, N):
            v = 0.5 * (S[i][j] + S[j][i])
            T[i][j] = T[j][i] = dec(v)
    return T


def min_eig_of_text(T):
    with mp.workdps(WORK_DPS):
        M = mp.matrix([[mp.mpf(x) for x in row] for row in T])
        ev = mp.eigsy(M, eigvals_only=True)
        return min(ev[i] for i in range(len(T)))


def psd_text(S):
    """Round S to symmetric decimal text; make sure the rounded matrix is PSD."""
    T = symmetric_text(S)
    bump = 0.0
    for _ in range(20):
        if min_eig_of_text(T) >= 0:
            return T
        m = float(abs(min_eig_of_text(T)))
        bump = max(2.0 * m, 1e-7, 2.0 * bump)
        S = [[S[i][j] + (bump if i == j else 0.0) for j in range(len(S))] for i in range(len(S))]
        T = symmetric_text(S)
    raise RuntimeError("could not make covariance PSD after rounding")


# ---------------------------------------------------------------------------
# the closed form (theory.md sections 2-4), straight from the definitions

def eig_summary(K):
    n = K.rows
    ev = mp.eigsy(K, eigvals_only=True)
    ev = sorted(ev[i] for i in range(n))
    lo, hi = ev[0], ev[-1]
    scale = max(abs(lo), abs(hi))
    tol = scale * mp.mpf(10) ** REL_ZERO_EXP
    if abs(lo) <= tol:
        lo = mp.mpf(0)
    pd = lo > 0
    return ev, lo, hi, pd


def fw_params(pats, syn, members):
    """(lambda, K) of the moment-matched log-normal for the sum over `members`."""
    n = len(syn)
    mean = [mp.mpf(0)] * n
    C = mp.zeros(n, n)
    for mu in members:
        m, S = pats[mu]

        def ebSe(a, b):
            i, j = syn[a]
            k, l = syn[b]
            return S[i, k] + S[i, l] + S[j, k] + S[j, l]

        A = []
        for a in range(n):
            i, j = syn[a]
            A.append(mp.exp(m[i] + m[j] + ebSe(a, a) / 2))
        for a in range(n):
            mean[a] += A[a]
            for b in range(n):
                C[a, b] += A[a] * A[b] * mp.expm1(ebSe(a, b))
    K = mp.zeros(n, n)
    for a in range(n):
        for b in range(n):
            K[a, b] = mp.log1p(C[a, b] / (mean[a] * mean[b]))
    # exact symmetry (C_ab and C_ba are computed by identical expressions,
    # but enforce it so eigsy sees an exactly symmetric matrix)
    for a in range(n):
        for b in range(a + 1, n):
            K[b, a] = K[a, b]
    lam = [mp.log(mean[a]) - K[a, a] / 2 for a in range(n)]
    return lam, K


def read_spec(spec):
    pats = []
    for p in spec["patterns"]:
        m = [mp.mpf(x) for x in p["mean"]]
        S = mp.matrix([[mp.mpf(x) for x in row] for row in p["cov"]])
        pats.append((m, S))
    syn = [tuple(e) for e in spec["synapses"]]
    return pats, syn


def snap(x):
    """Exact cancellations (e.g. lambda' = 0 in the worked example) leave
    rounding noise of order 10^-dps; report such values as exactly zero."""
    if x is None:
        return None
    return mp.mpf(0) if abs(x) < mp.mpf(10) ** (SNAP_MARGIN - mp.dps) else x


def logdet(K):
    d = mp.det(K)
    return mp.log(d) if d > 0 else None


def closed_form(spec, dps):
    with mp.workdps(dps):
        pats, syn = read_spec(spec)
        P = len(pats)
        k = spec["pattern"]
        res = {}
        lam, K = fw_params(pats, syn, range(P))
        evK, loK, hiK, pdK = eig_summary(K)
        res["lambda"] = [snap(x) for x in lam]
        res["min_eig_K"] = loK
        res["cond_K"] = hiK / loK if pdK else None
        res["logdet_K"] = snap(logdet(K)) if pdK else None
        if pdK:
            # cross-check det against the eigenvalues
            alt = mp.fsum(mp.log(x) for x in evK)
            assert abs(alt - res["logdet_K"]) <= mp.mpf(10) ** (40 - mp.dps) * (1 + abs(alt)), "det/eig mismatch K"
        if P == 1:
            res.update(status="single_pattern", lambda_prime=None, min_eig_K_prime=None,
                       cond_K_prime=None, logdet_K_prime=None, mi_nats=None, failed=[])
            return res
        others = [mu for mu in range(P) if mu != k]
        lamp, Kp = fw_params(pats, syn, others)
        evKp, loKp, hiKp, pdKp = eig_summary(Kp)
        res["lambda_prime"] = [snap(x) for x in lamp]
        res["min_eig_K_prime"] = loKp
        res["cond_K_prime"] = hiKp / loKp if pdKp else None
        res["logdet_K_prime"] = snap(logdet(Kp)) if pdKp else None
        if pdKp:
            alt = mp.fsum(mp.log(x) for x in evKp)
            assert abs(alt - res["logdet_K_prime"]) <= mp.mpf(10) ** (40 - mp.dps) * (1 + abs(alt)), "det/eig mismatch K'"
        failed = [name for name, ok in (("K", pdK), ("K'", pdKp)) if not ok]
        res["failed"] = failed
        if failed:
            res["status"] = "not_positive_definite"
            res["mi_nats"] = None
        else:
            res["status"] = "ok"
            res["mi_nats"] = snap(mp.fsum(a - b for a, b in zip(lam, lamp))
                                   + (res["logdet_K"] - res["logdet_K_prime"]) / 2)
        return res


def agree(x, y, digits):
    if x is None or y is None:
        return x is None and y is None
    if isinstance(x, list):
        return len(x) == len(y) and all(agree(a, b, digits) for a, b in zip(x, y))
    if x == 0 or y == 0:
        return x == y
    return abs(x - y) <= mp.mpf(10) ** (-digits) * abs(y)


# ---------------------------------------------------------------------------
# specs

def all_pairs(N, self_conn):
    pairs = []
    for i in range(N):
        for j in range(i, N):
            if i != j or self_conn:
                pairs.append((i, j))
    return pairs


def make_cov(rng, kind, N):
    if kind == "mixed":
        kind = ["exch", "bb", "spec", "diag"][rng.index(4)]
    if kind == "exch":
        sigma2 = rng.uniform(0.05, 1.5)
        rho = rng.uniform(-1.0 / (N - 1) + 0.05 if N > 1 else 0.0, 0.9)
        S = cov_exchangeable(N, sigma2, rho)
    elif kind == "bb":
        S = cov_bb(rng, N, rng.uniform(0.2, 1.0), 0.01, 0.3)
    elif kind == "spec":
        S = cov_spectrum(rng, N, rng.uniform(0.05, 1.44))
    elif kind == "diag":
        S = cov_diagonal(rng, N, 0.05, 1.2)
    else:
        raise ValueError(kind)
    return psd_text(S)


def make_means(rng, N, kind):
    if kind == "unit":
        return [dec(rng.uniform(-1, 1)) for _ in range(N)]
    if kind == "wide":
        return [dec(rng.uniform(-5, 5)) for _ in range(N)]
    if kind in ("huge", "huge_k"):
        return [dec((300.0 if rng.r.random() < 0.5 else -300.0) + rng.uniform(-1, 1)) for _ in range(N)]
    raise ValueError(kind)


def make_spec(rng, n, P, N, cov_kind, mean_kind="unit", self_conn=False,
              swap=False, shared_cov=None):
    pairs = all_pairs(N, self_conn)
    assert n <= len(pairs), (n, N, self_conn)
    if self_conn:
        # make sure at least one self-connection is in the ensemble
        selfs = [p for p in pairs if p[0] == p[1]]
        first = selfs[rng.index(len(selfs))]
        rest = rng.shuffle([p for p in pairs if p != first])
        chosen = rng.shuffle([first] + rest[:n - 1])
    else:
        chosen = rng.shuffle(pairs)[:n]
    syn = []
    for (i, j) in chosen:
        if swap and i != j and rng.r.random() < 0.5:
            i, j = j, i
        syn.append([i, j])
    patterns = []
    shared = make_cov(rng, cov_kind, N) if cov_kind == "exch_shared_random" else None
    for _ in range(P):
        if shared_cov is not None:
            cov = shared_cov
        elif shared is not None:
            cov = shared
        else:
            cov = make_cov(rng, cov_kind, N)
        patterns.append({"mean": make_means(rng, N, mean_kind), "cov": cov})
    k = rng.index(P)
    if mean_kind == "huge_k":
        # pattern k sits at +300 in every neuron, so it dominates most weights
        patterns[k]["mean"] = [dec(300.0 + rng.uniform(-1, 1)) for _ in range(N)]
    return {"patterns": patterns, "synapses": syn, "pattern": k}


# (n, P, N, covariance kind, mean kind, self-connections, swap i/j, note)
PLAN = [
    (1, 2, 2, "exch", "unit", False, False, ""),
    (1, 3, 4, "exch", "unit", False, False, ""),
    (1, 10, 3, "mixed", "unit", False, False, ""),
    (1, 50, 5, "spec", "unit", True, False, "single self-connection"),
    (2, 2, 3, "exch", "unit", False, False, ""),
    (2, 3, 2, "bb", "unit", True, False, ""),
    (2, 30, 6, "mixed", "unit", False, True, ""),
    (2, 40, 12, "exch", "unit", False, False, ""),
    (3, 2, 3, "spec", "unit", False, False, "P=2 with n=N"),
    (3, 5, 4, "exch", "unit", False, False, ""),
    (3, 10, 8, "bb", "wide", False, False, ""),
    (3, 3, 4, "mixed", "huge", False, False,
     "means near +-300 (log-domain safety; I_FW is astronomically small)"),
    (4, 4, 5, "mixed", "huge_k", False, False,
     "means near +-300, pattern k near +300 everywhere (log-domain safety; large I_FW)"),
    (4, 6, 5, "diag", "unit", False, False, "independent neurons"),
    (5, 3, 5, "mixed", "unit", False, True, ""),
    (5, 10, 4, "exch", "unit", False, False, ""),
    (5, 30, 10, "spec", "unit", False, False, ""),
    (5, 2, 6, "bb", "unit", False, False, "P=2 with n<N"),
    (6, 15, 6, "mixed", "unit", True, False, ""),
    (7, 12, 8, "bb", "unit", False, False, ""),
    (8, 3, 6, "mixed", "unit", False, False, ""),
    (8, 10, 5, "bb", "unit", True, False, ""),
    (8, 50, 12, "spec", "unit", False, False, ""),
    (8, 4, 8, "exch", "wide", False, True, ""),
    (9, 50, 12, "mixed", "wide", False, False, ""),
    (10, 8, 9, "mixed", "unit", False, False, ""),
    (11, 7, 10, "mixed", "unit", False, False, ""),
    (13, 5, 7, "mixed", "unit", False, False, ""),
    (13, 20, 9, "exch", "unit", False, False, ""),
    (13, 3, 6, "spec", "unit", True, False, ""),
    (13, 50, 12, "bb", "unit", False, False, ""),
    (16, 25, 11, "spec", "unit", False, True, ""),
    (20, 10, 7, "mixed", "unit", False, False, ""),
    (20, 30, 10, "spec", "unit", False, False, ""),
    (20, 3, 8, "exch", "unit", False, False, ""),
    (20, 50, 12, "bb", "wide", False, False, ""),
]


def describe(n, P, N, cov_kind, mean_kind, self_conn, swap, note):
    covtxt = {
        "exch": "per-pattern exchangeable sigma2((1-rho)I+rho 11')",
        "bb": "per-pattern B B'/N (scaled) + random diagonal",
        "spec": "per-pattern Q diag(|Normal(0.01,1.2)|) Q' times U(0.05,1.44)",
        "diag": "per-pattern diagonal",
        "mixed": "per-pattern covariance of a random kind (exchangeable / BB' / spectrum / diagonal)",
    }[cov_kind]
    meantxt = {"unit": "means U[-1,1]", "wide": "means U[-5,5]",
               "huge": "means +-300 + U[-1,1]",
               "huge_k": "means +-300 + U[-1,1], pattern k at +300 + U[-1,1]"}[mean_kind]
    parts = ["n=%d P=%d N=%d" % (n, P, N), covtxt, meantxt]
    if self_conn:
        parts.append("includes self-connections")
    if swap:
        parts.append("some pairs written as (j,i) with j>i")
    if note:
        parts.append(note)
    return "; ".join(parts)


def build_cases(rng):
    cases = []
    for (n, P, N, ck, mk, sc, sw, note) in PLAN:
        spec = make_spec(rng, n, P, N, ck, mk, sc, sw)
        cases.append((describe(n, P, N, ck, mk, sc, sw, note), spec, None))

    # Expected failures of positive definiteness.
    # (a) P = 2: K' comes from one pattern, K' = E S E' (a Gram matrix of the
    #     e_a), which is singular whenever n exceeds rank(E) <= N.
    spec = make_spec(rng, 5, 2, 4, "exch", "unit")
    cases.append(("n=5 P=2 N=4; per-pattern exchangeable; means U[-1,1]; K' = E S E' "
                  "has rank <= N = 4 < n, so K' is exactly singular", spec, "not_positive_definite"))
    # (b) high-correlation exchangeable covariance shared by all patterns,
    #     n >= 5, small P (the paper's Fig. 3 failure); draw until it fails.
    for (n, P, N, rho) in ((6, 3, 6, "0.99"), (8, 3, 8, "0.99")):
        for attempt in range(200):
            sigma2 = dec(rng.uniform(0.5, 2.0))
            cov = psd_text(cov_exchangeable(N, float(sigma2), float(rho)))
            spec = make_spec(rng, n, P, N, "exch", "unit", shared_cov=cov)
            r = closed_form(spec, WORK_DPS)
            if r["status"] == "not_positive_definite" and "K" in r["failed"]:
                break
        else:
            raise RuntimeError("no non-PD case found")
        cases.append(("n=%d P=%d N=%d; one exchangeable covariance shared by all patterns, "
                      "sigma2=%s rho=%s; means U[-1,1]; high correlation, K not positive definite "
                      "(found on draw %d)" % (n, P, N, sigma2, rho, attempt + 1),
                      spec, "not_positive_definite"))
    # (c) P = 1: the closed form is undefined.
    spec = make_spec(rng, 3, 1, 4, "mixed", "unit")
    cases.append(("n=3 P=1 N=4; single pattern, I_FW undefined (true I infinite)",
                  spec, "single_pattern"))
    # (d) a Set-1-like case: one exchangeable covariance for all patterns.
    cov = psd_text(cov_exchangeable(5, 0.5, 0.6))
    spec = make_spec(rng, 4, 10, 5, "exch", "unit", shared_cov=cov)
    cases.append(("n=4 P=10 N=5; one exchangeable covariance shared by all patterns, "
                  "sigma2=0.5 rho=0.6; means U[-1,1]", spec, None))
    return cases


def record(cid, desc, spec, r, dps):
    with mp.workdps(dps):
        return record_at(cid, desc, spec, r)


def record_at(cid, desc, spec, r):
    pats = spec["patterns"]
    return {
        "id": cid,
        "description": desc,
        "spec": spec,
        "status": r["status"],
        "failed_matrices": r["failed"],
        "mi_nats": out(r["mi_nats"]),
        "lambda": [out(x) for x in r["lambda"]],
        "lambda_prime": None if r["lambda_prime"] is None else [out(x) for x in r["lambda_prime"]],
        "logdet_K": out(r["logdet_K"]),
        "logdet_K_prime": out(r["logdet_K_prime"]),
        "min_eig_K": out(r["min_eig_K"]),
        "min_eig_K_prime": out(r["min_eig_K_prime"]),
        "cond_K": out(r["cond_K"]),
        "cond_K_prime": out(r["cond_K_prime"]),
        "n": len(spec["synapses"]),
        "P": len(pats),
        "N": len(pats[0]["mean"]),
    }


def scalars(r):
    xs = [r["mi_nats"], r["logdet_K"], r["logdet_K_prime"]]
    xs += r["lambda"] + (r["lambda_prime"] or [])
    return [x for x in xs if x is not None]


def checked(spec):
    """Compute a case on the precision ladder; return (result, dps used).
    Results are converted to decimal text while still at that precision."""
    for d in DPS_LADDER:
        r = closed_form(spec, d)
        r2 = closed_form(spec, d + 40)
        assert r["status"] == r2["status"] and r["failed"] == r2["failed"], (r["status"], r2["status"])
        with mp.workdps(d + 40):
            for key in ("mi_nats", "lambda", "lambda_prime", "logdet_K", "logdet_K_prime",
                        "min_eig_K", "min_eig_K_prime", "cond_K", "cond_K_prime"):
                assert agree(r[key], r2[key], OUT_DIGITS + 5), (key, d)
            suspect = any(abs(x) < mp.mpf(10) ** (SUSPECT_MARGIN - d) for x in scalars(r))
        if not suspect:
            break
    return r, d


# ---------------------------------------------------------------------------
# worked example (theory.md section 4)

def worked_example(s_text):
    with mp.workdps(WORK_DPS):
        s = mp.mpf(s_text)
        K = mp.log1p(mp.expm1(2 * s) / 2)
        return mp.log(2) - K / 2 + s + mp.log(K / (2 * s)) / 2


def main():
    rng = Rng(SEED)
    lines = []
    for idx, (desc, spec, expect) in enumerate(build_cases(rng), start=1):
        r, dps = checked(spec)
        if expect is not None:
            assert r["status"] == expect, (idx, r["status"], expect)
        lines.append(record("case_%02d" % idx, desc, spec, r, dps))

    wlines = []
    for s_text in ("0.001", "0.01", "0.1", "0.25", "0.5", "1", "2", "5"):
        spec = {"patterns": [{"mean": ["0", "0"], "cov": [[s_text, "0"], ["0", s_text]]}
                             for _ in range(2)],
                "synapses": [[0, 1]], "pattern": 0}
        r, dps = checked(spec)
        assert r["status"] == "ok"
        with mp.workdps(WORK_DPS):
            v = worked_example(s_text)
            # the general formula and the worked formula agree to >= 100 digits
            assert abs(r["mi_nats"] - v) <= mp.mpf(10) ** (-100) * abs(v), s_text
            wlines.append({"s": s_text, "N": 2, "i": 0, "j": 1, "mi_nats": out(v), "spec": spec})

    def dump(name, objs):
        with open(os.path.join(HERE, name), "w", encoding="ascii", newline="\n") as f:
            for o in objs:
                f.write(json.dumps(o, separators=(", ", ": ")) + "\n")

    dump("closed_form_reference.jsonl", lines)
    dump("worked_example.jsonl", wlines)
    print("wrote %d cases and %d worked-example lines (mpmath %s, dps ladder %s, each checked at +40)"
          % (len(lines), len(wlines), mpmath.__version__, DPS_LADDER))


if __name__ == "__main__":
    sys.exit(main())
