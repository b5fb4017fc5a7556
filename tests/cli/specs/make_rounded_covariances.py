#!/usr/bin/env python3
"""Writes the covariance-tolerance specs of tests/cli/covariance_tolerance.cmake.

The matrices are formed the way numpy forms them, in double with the
products rounded entry by entry: Q D Q' from an orthogonal Q (a product of
Givens rotations), which comes out asymmetric at ~1e-16 of its scale, and
B B' with B of rank r < N, positive semi-definite only to rounding. Run once
at test-creation time; the specs are committed.
usage: make_rounded_covariances.py OUTDIR SEED
"""
import json
import math
import random
import sys


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def transpose(a):
    return [list(r) for r in zip(*a)]


def orthogonal(n, rng):
    q = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for _ in range(3 * n):
        i, j = rng.sample(range(n), 2)
        t = rng.uniform(0, 2 * math.pi)
        c, s = math.cos(t), math.sin(t)
        for r in range(n):
            qi, qj = q[r][i], q[r][j]
            q[r][i], q[r][j] = c * qi - s * qj, s * qi + c * qj
    return q


def spec(covs, n_neurons):
    pats = [{"mean": [round(0.1 * ((mu * 3 + a) % 5 - 2), 1) for a in range(n_neurons)], "cov": c}
            for mu, c in enumerate(covs)]
    return {"patterns": pats, "synapses": [[0, 1], [1, 2], [2, 3]], "pattern": 0}


def main():
    out, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    n = 6
    qdq = []
    for _ in range(3):
        q = orthogonal(n, rng)
        d = [[rng.uniform(0.2, 1.0) if i == j else 0.0 for j in range(n)] for i in range(n)]
        qdq.append(matmul(matmul(q, d), transpose(q)))
    asym = max(abs(c[i][j] - c[j][i]) for c in qdq for i in range(n) for j in range(n))
    assert 0 < asym < 1e-14, asym
    with open(f"{out}/rounded_qdq.json", "w") as f:
        json.dump(spec(qdq, n), f)
    bbt = []
    for _ in range(3):
        b = [[rng.gauss(0, 0.4) for _ in range(3)] for _ in range(n)]  # rank 3 < N = 6
        bbt.append(matmul(b, transpose(b)))
    with open(f"{out}/rounded_rank_deficient.json", "w") as f:
        json.dump(spec(bbt, n), f)
    # Beyond the tolerance: one entry moved by 1e-9 of the scale.
    bad = [list(r) for r in qdq[0]]
    bad[0][1] += 1e-9
    with open(f"{out}/asymmetric_beyond_tolerance.json", "w") as f:
        json.dump(spec([bad, qdq[1]], n), f)
    print(f"largest asymmetry {asym:.3g}")


if __name__ == "__main__":
    main()
