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


def method(d):
    return d["mi_error"]["method"]


def verdict(diff, dse, ok, methods):
    if len(set(methods)) > 1:
        return "inconclusive: the two sides use different estimators (%s)" % " vs ".join(methods)
    return ("yes" if ok else "NO") + " (%s on both sides)" % methods[0]


def max_ks(d, name):
    rows = d["ks"][name] or []
    vals = [r["statistic"] for r in rows if r["statistic"] is not None]
    return max(vals) if vals else None


def main():
    print("## Recorded violations of the closed form against the true information\n")
    print("| fact | closed form | violation (nats) | true information (nats, estimator) | true difference | obeyed by the truth? |")
    print("|---|---|---|---|---|---|")
    d = load("nonnegativity")
    fw, tr, se = mi_pair(d)
    print("| I >= 0 (`nonnegativity.json`) | I_FW = %s | %s | I = %s (%s) | - | %s (I / SE = %.0f) |" % (
        f(fw, 6), f(-fw, 4), pm(tr, se), method(d), "yes" if tr > -2 * se else "NO", tr / se))
    big, small = load("ensemble_monotonicity"), load("ensemble_monotonicity_smaller")
    fb, tb, sb = mi_pair(big)
    fs, ts, ss = mi_pair(small)
    diff, dse = tb - ts, math.hypot(sb, ss)
    print("| adding a synapse never lowers I (`ensemble_monotonicity.json`, n = 4 vs its first 3) | "
          "I_FW(4) = %s, I_FW(3) = %s | %s | I(4) = %s (%s), I(3) = %s (%s) | I(4) - I(3) = %s | %s |" % (
              f(fb, 6), f(fs, 6), f(fs - fb, 4), pm(tb, sb), method(big), pm(ts, ss), method(small), pm(diff, dse),
              verdict(diff, dse, diff > -2 * dse, [method(big), method(small)])))
    w, wo = load("pattern_monotonicity"), load("pattern_monotonicity_fewer")
    fw1, tw1, sw1 = mi_pair(w)
    fw0, tw0, sw0 = mi_pair(wo)
    diff, dse = tw1 - tw0, math.hypot(sw1, sw0)
    print("| adding a pattern never raises I (`pattern_monotonicity.json`, P = 4 vs without pattern 0) | "
          "I_FW(4) = %s, I_FW(3) = %s | %s | I(4) = %s (%s), I(3) = %s (%s) | I(4) - I(3) = %s | %s |" % (
              f(fw1, 6), f(fw0, 6), f(fw1 - fw0, 4), pm(tw1, sw1), method(w), pm(tw0, sw0), method(wo), pm(diff, dse),
              verdict(diff, dse, diff < 2 * dse, [method(w), method(wo)])))

    print("\nKSG on both sides of the ensemble comparison (the 4-synapse problem has no CMC):\n")
    print("| M | KSG I(4 synapses) | KSG I(3 synapses) | difference |")
    print("|---|---|---|---|")
    for m in (20000, 80000):
        try:
            a = load("ksg_ensemble_monotonicity_%d" % m)["estimates"][0]
            b = load("ksg_ensemble_monotonicity_smaller_%d" % m)["estimates"][0]
        except (OSError, IndexError):
            continue
        print("| %d | %s | %s | %s |" % (m, pm(a["mi_nats"], a["standard_error_nats"]),
                                         pm(b["mi_nats"], b["standard_error_nats"]),
                                         pm(a["mi_nats"] - b["mi_nats"], math.hypot(a["standard_error_nats"], b["standard_error_nats"]))))

    print("\n## Per-case audits\n")
    print("| case | P | n | status | I_FW | I_true +- SE | h_FW - h_true, W_E | h_FW - h_true, R^(k) | max KS D (W_E / R^(k)) | verdict |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in ("worked_example", "nonnegativity", "ensemble_monotonicity", "ensemble_monotonicity_smaller",
                 "pattern_monotonicity", "pattern_monotonicity_fewer", "not_pd_report", "not_pd_nearest_pd",
                 "rounding_pd_50", "rounding_pd_double"):
        d = load(name)
        e = d["entropy_errors"]
        ew = pm(e["W_E"]["difference_nats"], e["W_E"]["h_true_se_nats"]) if e["W_E"]["available"] else "- (%s)" % e["W_E"].get("reason", "")
        er = pm(e["R_k"]["difference_nats"], e["R_k"]["h_true_se_nats"]) if e["R_k"]["available"] else "-"
        fw, tr, se = mi_pair(d)
        print("| %s | %d | %d | %s | %s | %s | %s | %s | %s / %s | %s |" % (
            name, d["P"], d["n"], d["closed_form"]["status"], f(fw, 6),
            pm(tr, se) + (" (%s)" % d["mi_error"]["method"] if d["mi_error"]["method"] else ""), ew, er,
            f(max_ks(d, "W_E"), 3), f(max_ks(d, "R_k"), 3), d["verdict"]["text"]))

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
        rel = [float(r["relative_error"]) for r in rows if r["relative_error"]]
        by_est = {}
        for r in rows:
            by_est[r["estimator"] or "none"] = by_est.get(r["estimator"] or "none", 0) + 1
        print("\n## %s: %d points, N = %s; estimators %s; relative error defined at %d points, |rel| median %.1f%%, max %.0f%%" % (
            sub, len(rows), rows[0]["N"], by_est, len(rel), 100 * sorted(abs(x) for x in rel)[len(rel) // 2],
            100 * max(abs(x) for x in rel)))


if __name__ == "__main__":
    main()
