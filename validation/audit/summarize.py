#!/usr/bin/python3
"""Tables for validation/audit/README.md from the outputs of run.sh.

    python3 validation/audit/summarize.py > validation/audit/results/summary.md
"""

import csv
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "results")


def load(name):
    with open(os.path.join(RES, name + ".json")) as f:
        return json.load(f)


def f(x, digits=4):
    return "-" if x is None else ("%.*g" % (digits, x))


def pm(value, se, digits=4):
    return "%s +- %s" % (f(value, digits), f(se, 2))


def mi_pair(d):
    return d["closed_form"]["mi_nats"], d["mi_error"]["mi_true_nats"], d["mi_error"]["mi_true_se_nats"]


def truth_text(d):
    m = d["mi_error"]
    if m["mi_true_nats"] is None:
        return "-"
    rel = "reliable" if m["reliable"] else ("lower bound" if m["lower_bound"] else "NOT reliable")
    sign = ">= " if m["lower_bound"] else ""
    return "%s%s (%s, %s)" % (sign, pm(m["mi_true_nats"], m["mi_true_se_nats"]), m["method"], rel)


def max_ks(d, name):
    rows = d["ks"][name] or []
    vals = [r["statistic"] for r in rows if r["statistic"] is not None]
    return max(vals) if vals else None


def cmc_estimate(name):
    e = load(name)["estimates"][0]
    return e["mi_nats"], e["standard_error_nats"]


def ksg_estimate(name):
    e = load(name)["estimates"][0]
    return e["mi_nats"], e["standard_error_nats"]


def main():
    print("## Recorded violations of the closed form against the true information\n")
    print("| case | P | n | I_FW | I_true (smc) | bound - I_FW, if a lower bound |")
    print("|---|---|---|---|---|---|")
    for name in ("nonnegativity", "ensemble_monotonicity", "ensemble_monotonicity_smaller", "pattern_monotonicity",
                 "pattern_monotonicity_fewer"):
        d = load(name)
        m = d["mi_error"]
        gap = pm(m["lower_bound_gap_nats"], m["mi_true_se_nats"]) if m["lower_bound"] else "-"
        print("| %s | %d | %d | %s | %s | %s |" % (name, d["P"], d["n"], f(d["closed_form"]["mi_nats"], 6),
                                                  truth_text(d), gap))

    print("\nThe earlier estimator (one-pivot CMC, 20000 x 256 draws, seed 1) on the non-degenerate n = 3 problems:\n")
    print("| case | CMC (before) | smc (now) | CMC - smc |")
    print("|---|---|---|---|")
    for name in ("nonnegativity", "ensemble_monotonicity_smaller"):
        c, cse = cmc_estimate("cmc_" + name)
        _, t, tse = mi_pair(load(name))
        print("| %s | %s | %s | %s (%+.0f%%) |" % (name, pm(c, cse), pm(t, tse), pm(c - t, math.hypot(cse, tse)),
                                                  100 * (c - t) / t))

    print("\nKSG on both sides of each monotonicity comparison (like with like; biased low):\n")
    print("| comparison | M | KSG, larger problem | KSG, smaller problem | difference |")
    print("|---|---|---|---|---|")
    for label, big, small, ms in (("ensemble: 4 vs 3 synapses", "ksg_ensemble_monotonicity_%d",
                                   "ksg_ensemble_monotonicity_smaller_%d", (20000, 80000)),
                                  ("patterns: P = 4 vs 3", "ksg_pattern_monotonicity_%d",
                                   "ksg_pattern_monotonicity_fewer_%d", (20000,))):
        for m in ms:
            try:
                a, ase = ksg_estimate(big % m)
                b, bse = ksg_estimate(small % m)
            except (OSError, IndexError):
                continue
            print("| %s | %d | %s | %s | %s |" % (label, m, pm(a, ase), pm(b, bse), pm(a - b, math.hypot(ase, bse))))

    print("\n## Per-case audits\n")
    print("| case | P | n | status | I_FW | I_true +- SE | h_FW - h_true, W_E | h_FW - h_true, R^(k) | max KS D (W_E / R^(k)) | verdict |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in ("worked_example", "nonnegativity", "ensemble_monotonicity", "ensemble_monotonicity_smaller",
                 "pattern_monotonicity", "pattern_monotonicity_fewer", "not_pd_report", "not_pd_nearest_pd",
                 "rounding_pd_50", "rounding_pd_double"):
        d = load(name)
        e = d["entropy_errors"]

        def ent(x):
            if x["available"]:
                return pm(x["difference_nats"], x["h_true_se_nats"]) + (" (biased)" if x["biased"] else "")
            if x["h_true_nats"] is not None:
                return "- (h_FW undefined; h_true %s)" % pm(x["h_true_nats"], x["h_true_se_nats"])
            return "- (no density smc can factorise)" if "determined" in x.get("reason", "") else "-"

        print("| %s | %d | %d | %s | %s | %s | %s | %s | %s / %s | %s |" % (
            name, d["P"], d["n"], d["closed_form"]["status"], f(d["closed_form"]["mi_nats"], 6), truth_text(d),
            ent(e["W_E"]), ent(e["R_k"]), f(max_ks(d, "W_E"), 3), f(max_ks(d, "R_k"), 3), d["verdict"]["text"]))
        for c in d["mi_error"]["cross_checks"]:
            print("|  | | | | cross-check | %s (%s) | | | | |" % (pm(c["mi_nats"], c["standard_error_nats"]), c["method"]))

    print("\n## Positive definiteness handling\n")
    for name in ("not_pd_report", "not_pd_nearest_pd", "rounding_pd_50", "rounding_pd_double"):
        c = load(name)["closed_form"]
        print("- `%s`: status %s, policy %s, pd_verdict %s, K min eigenvalue %s, K' min eigenvalue %s%s%s" % (
            name, c["status"], c["pd_policy"], c["pd_verdict"], f(c["K"]["min_eigenvalue"], 6),
            f((c["K_prime"] or {}).get("min_eigenvalue"), 6),
            ", repaired %s" % c["repaired"] if c["repaired"] else "",
            ", I_FW = %s" % f(c["mi_nats"], 6) if c["mi_nats"] is not None else ""))

    for sub in ("audit_map_quick", "audit_map_quick_N6"):
        path = os.path.join(HERE, sub, "audit_map.csv")
        if not os.path.exists(path):
            continue
        with open(path) as fh:
            rows = list(csv.DictReader(fh))
        rel = [float(r["relative_error"]) for r in rows if r["relative_error"] and r["reliable"] == "1"]
        by_est = {}
        for r in rows:
            by_est[r["estimator"] or "none"] = by_est.get(r["estimator"] or "none", 0) + 1
        unreliable = sum(1 for r in rows if r["mi_true_nats"] and r["reliable"] == "0" and r["lower_bound"] == "0")
        print("\n## %s: %d points, N = %s; estimators %s; %d unreliable, %d lower bounds; relative error with a "
              "reliable I_true at %d points, |rel| median %.1f%%, max %.0f%%" % (
                  sub, len(rows), rows[0]["N"], by_est, unreliable, sum(r["lower_bound"] == "1" for r in rows),
                  len(rel), 100 * sorted(abs(x) for x in rel)[len(rel) // 2], 100 * max(abs(x) for x in rel)))
        print("\n| P | n | min | median | max | over / under / within 1% / undecided / unavailable |")
        print("|---|---|---|---|---|---|")
        panels = sorted({(int(r["P"]), int(r["n"])) for r in rows})
        for P, n in panels:
            cell = [r for r in rows if int(r["P"]) == P and int(r["n"]) == n]
            rr = sorted(float(r["relative_error"]) for r in cell if r["relative_error"] and r["reliable"] == "1")
            count = lambda k: sum(r["verdict"] == k for r in cell)
            stats = ("%+.1f%% | %+.1f%% | %+.1f%%" % (100 * rr[0], 100 * rr[len(rr) // 2], 100 * rr[-1])) if rr else "- | - | -"
            print("| %d | %d | %s | %d / %d / %d / %d / %d |" % (P, n, stats, count("overstates"), count("understates"),
                                                                count("within_1_percent"), count("undecided"),
                                                                count("unavailable")))


if __name__ == "__main__":
    main()
