#!/usr/bin/python3
"""Example: an independent, straightforward double-precision implementation of
I_FW (theory.md sections 2-4), run over the reference set.

Standard library only (json, csv, math): its own Cholesky factorisation, no
numpy. Reads reference_v1.jsonl (or the file named as the first argument) and
writes id,status,value rows for `syninfo check` to standard output.

    /usr/bin/python3 fw_python.py reference_v1.jsonl > THEIRS.csv
    syninfo check THEIRS.csv --reference reference_v1.jsonl

Care taken (what any careful double implementation would do): the means are
summed in the log domain (log-sum-exp), so means of +-300 do not overflow;
ln(1 + x) and e^x - 1 use log1p and expm1. Nothing else is done about
cancellation, which is the point of the exercise.
"""
import csv
import json
import math
import sys

EPS = 2.0 ** -52


def cholesky_log_det(k):
    """ln det K by Cholesky, or None when K is not positive definite. A pivot
    at or below 16 n eps max|K_aa| counts as zero (singular up to rounding)."""
    n = len(k)
    threshold = 16 * n * EPS * max(abs(k[a][a]) for a in range(n))
    low = [[0.0] * n for _ in range(n)]
    log_det = 0.0
    for j in range(n):
        d = k[j][j] - sum(low[j][t] ** 2 for t in range(j))
        if not d > threshold:
            return None
        low[j][j] = math.sqrt(d)
        log_det += 2.0 * math.log(low[j][j])
        for i in range(j + 1, n):
            low[i][j] = (k[i][j] - sum(low[i][t] * low[j][t] for t in range(j))) / low[j][j]
    return log_det


def log_sum_exp(values):
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def i_fw(spec):
    """(status, value) for one spec."""
    patterns = spec["patterns"]
    synapses = spec["synapses"]
    k = spec["pattern"]
    if len(patterns) == 1:
        return "single_pattern", None
    n = len(synapses)
    log_a = []  # log_a[mu][a] = ln E[T_a^mu]
    v = []      # v[mu][a][b] = e_a' S^mu e_b
    for p in patterns:
        m = [float(x) for x in p["mean"]]
        s = [[float(x) for x in row] for row in p["cov"]]
        vm = [[s[i][g] + s[i][h] + s[j][g] + s[j][h] for (g, h) in synapses] for (i, j) in synapses]
        v.append(vm)
        log_a.append([m[i] + m[j] + vm[a][a] / 2 for a, (i, j) in enumerate(synapses)])

    def surrogate(excluded):
        members = [mu for mu in range(len(patterns)) if mu != excluded]
        log_mean = [log_sum_exp([log_a[mu][a] for mu in members]) for a in range(n)]
        kk = [[0.0] * n for _ in range(n)]
        for a in range(n):
            for b in range(a, n):
                rel = sum(math.exp(log_a[mu][a] + log_a[mu][b] - log_mean[a] - log_mean[b]) * math.expm1(v[mu][a][b])
                          for mu in members)
                kk[a][b] = kk[b][a] = math.log1p(rel)
        lam = [log_mean[a] - kk[a][a] / 2 for a in range(n)]
        return lam, cholesky_log_det(kk)

    lam, log_det = surrogate(None)
    lam_rest, log_det_rest = surrogate(k)
    if log_det is None or log_det_rest is None:
        return "not_positive_definite", None
    value = sum(x - y for x, y in zip(lam, lam_rest)) + (log_det - log_det_rest) / 2
    if not math.isfinite(value):
        return "non_finite", None
    return "ok", value


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "reference_v1.jsonl"
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "status", "value"])
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            case = json.loads(line)
            status, value = i_fw(case["spec"])
            out.writerow([case["id"], status, "" if value is None else repr(value)])


if __name__ == "__main__":
    main()
