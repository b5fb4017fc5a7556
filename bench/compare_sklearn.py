#!/usr/bin/python3
"""Side-by-side check of `syninfo ksg` against scikit-learn's KSG.

scikit-learn's mutual_info_regression uses KSG algorithm 1 (max-norm, strict
radius via nextafter), after dividing each column by its standard deviation
and adding noise of 1e-10 * max(1, mean |column|). To compare like with like,
the data written for syninfo is already standardised (divided by its
standard deviation, ddof = 0) and printed with 17 significant digits, so
both programs see the same numbers; the remaining difference is
scikit-learn's 1e-10 jitter. Where scikit-learn's private _compute_mi_cc is
available, it is also run on the identical, unjittered data.

Timing: each program is run --repeat times (default 5), the runs of the two
interleaved so that a slow spell of the machine hits both, and the median
of each is reported; syninfo's time is for the whole process (start-up,
CSV parsing, estimate), scikit-learn's for the call alone.

usage: compare_sklearn.py [--syninfo PATH] [--n N] [--k K] [--rho RHO] [--seed S]
                          [--threads T] [--repeat R]
Exit status 0 also when scikit-learn is not installed (it says so).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--syninfo", default=os.path.join(here, "..", "build", "syninfo"))
    parser.add_argument("--n", type=int, default=100000)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--rho", type=float, default=0.6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    try:
        import numpy as np
        from sklearn.feature_selection import mutual_info_regression
    except ImportError as e:
        print(f"scikit-learn is not importable ({e}); nothing to compare. "
              "On Debian: apt-get install python3-sklearn")
        return 0
    try:
        from sklearn.feature_selection._mutual_info import _compute_mi_cc
    except ImportError:
        _compute_mi_cc = None

    if not os.path.exists(args.syninfo):
        print(f"syninfo binary not found at {args.syninfo} (use --syninfo PATH)")
        return 1

    rng = np.random.default_rng(args.seed)
    x = rng.standard_normal(args.n)
    y = args.rho * x + np.sqrt(1 - args.rho ** 2) * rng.standard_normal(args.n)
    x = x / x.std()
    y = y / y.std()
    truth = -0.5 * np.log(1 - args.rho ** 2)

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "data.csv")
        with open(path, "w") as f:
            f.write("x,y\n")
            for a, b in zip(x, y):
                f.write(f"{a!r},{b!r}\n")

        def run_syninfo(blocks):
            cmd = [args.syninfo, "ksg", path, "--x", "0", "--y", "1", "--k", str(args.k),
                   "--algorithm", "1", "--blocks", str(blocks), "--threads", str(args.threads)]
            start = time.perf_counter()
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            return json.loads(out), time.perf_counter() - start

        def run_sklearn():
            start = time.perf_counter()
            value = mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=args.k,
                                           random_state=args.seed)[0]
            return value, time.perf_counter() - start

        times = {"syn": [], "syn_se": [], "sk": []}
        for _ in range(args.repeat):
            syn, t = run_syninfo(0)
            times["syn"].append(t)
            syn_se, t = run_syninfo(10)
            times["syn_se"].append(t)
            sk, t = run_sklearn()
            times["sk"].append(t)

    t_syn, t_syn_se, t_sk = (statistics.median(times[key]) for key in ("syn", "syn_se", "sk"))

    print(f"N = {args.n}, k = {args.k}, rho = {args.rho}, true MI = {truth:.9f} nats; "
          f"median of {args.repeat} runs each")
    print(f"syninfo ksg (algorithm 1)         : {syn['mi_nats']:.12f} nats   {t_syn:8.3f} s "
          "(whole process: start-up, CSV parse, estimate; no standard error)")
    print(f"syninfo ksg with standard error   : {syn_se['mi_nats']:.12f} +- "
          f"{syn_se['standard_error_nats']:.6f} nats   {t_syn_se:8.3f} s")
    print(f"sklearn mutual_info_regression    : {sk:.12f} nats   {t_sk:8.3f} s")
    print(f"difference (syninfo - sklearn)    : {syn['mi_nats'] - sk:+.3e} nats")
    if _compute_mi_cc is not None:
        start = time.perf_counter()
        cc = _compute_mi_cc(x, y, args.k)
        t_cc = time.perf_counter() - start
        print(f"sklearn _compute_mi_cc (no jitter): {cc:.12f} nats   {t_cc:8.3f} s")
        print(f"difference (syninfo - _compute_mi_cc): {syn['mi_nats'] - cc:+.3e} nats")
    print(f"time ratio sklearn / syninfo      : {t_sk / t_syn:.1f} (without standard error), "
          f"{t_sk / t_syn_se:.1f} (with)")
    return 0

if __name__ == "__main__":
    sys.exit(main())
