#!/usr/bin/python3
"""End-to-end checks of `syninfo audit` and `syninfo audit-map` output.

usage: check_audit_output.py audit EXE SPEC [EXPECT] [ARGS...]
       check_audit_output.py audit-map EXE OUTDIR [ARGS...]

audit: runs `EXE audit SPEC --quiet ARGS`, requires exit 0 and a JSON object
whose fields are present and consistent with each other (differences,
relative errors, verdict rule, KS critical value); EXPECT is "ok",
"not_positive_definite" or "single_pattern" (the closed form's status).
audit-map: runs `EXE audit-map --out OUTDIR --quiet ARGS` and checks the CSV,
the PNG, the gnuplot script, the spec list and the summary.
Prints the first failure and exits 1, or prints "ok".
"""

import csv
import json
import math
import os
import subprocess
import sys


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def close(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def check_audit(exe, spec, expect, extra):
    run = subprocess.run([exe, "audit", spec, "--quiet"] + extra, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        fail("exit %d: %s" % (run.returncode, run.stderr))
    if "nan" in run.stdout.lower() or "inf" in run.stdout.replace("info", "").lower().replace("infinite", ""):
        fail("non-finite number in the output")
    out = json.loads(run.stdout)
    for key in ("N", "P", "n", "pattern", "seed", "samples", "closed_form", "moments", "ks", "entropy_errors",
                "mi_error", "verdict", "notes", "seconds"):
        if key not in out:
            fail("missing field " + key)
    cf = out["closed_form"]
    if cf["status"] != expect:
        fail("status %s, expected %s" % (cf["status"], expect))
    n = out["n"]
    # Moments: one row per synapse, exact and FW shape statistics positive.
    for name in ("W_E", "R_k"):
        rows = out["moments"][name]
        if name == "R_k" and out["P"] == 1:
            if rows is not None:
                fail("R_k moments present for P = 1")
            continue
        if len(rows) != n:
            fail("%s: %d moment rows for n = %d" % (name, len(rows), n))
        for r in rows:
            ex, fw = r["exact"], r["fenton_wilkinson"]
            if not r["degenerate"]:
                if not (ex["skewness"] > 0 and fw["skewness"] > 0 and ex["excess_kurtosis"] > 0):
                    fail("non-positive shape statistic in " + name)
                # FW variance matches the exact one: ln Var = 2 ln mean + ln(e^s2 - 1).
                implied = 2 * ex["log_mean"] + math.log(math.expm1(fw["log_variance"]))
                if not close(implied, ex["log_variance"], 1e-9):
                    fail("%s: FW log variance %r does not reproduce the exact variance" % (name, fw["log_variance"]))
                # FW skewness from its own s2.
                q = math.exp(fw["log_variance"])
                if not close((q + 2) * math.sqrt(q - 1), fw["skewness"], 1e-9):
                    fail("%s: FW skewness inconsistent with s2" % name)
                if not close(fw["lambda"], ex["log_mean"] - fw["log_variance"] / 2, 1e-9):
                    fail("%s: lambda != ln mean - s2 / 2" % name)
            if "sample" in r and r["sample"]["samples"] != out["samples"]:
                fail("sample size mismatch")
    ks = out["ks"]
    if not close(ks["critical_value_5pct"], 1.358 / math.sqrt(out["samples"]), 1e-12):
        fail("KS critical value")
    for row in ks["W_E"]:
        if row["statistic"] is not None:
            if not 0 < row["statistic"] < 1:
                fail("KS statistic out of range")
            if row["exceeds_critical"] != (row["statistic"] > ks["critical_value_5pct"]):
                fail("exceeds_critical inconsistent")
    # Entropy errors: difference = FW - true whenever available.
    for name, e in out["entropy_errors"].items():
        # smc entropies are flagged biased exactly from n = 4 on, with a note.
        expect_biased = e["method"] == "smc" and n >= 4
        if e["biased"] != expect_biased or bool(e["bias_note"]) != expect_biased:
            fail("entropy %s: biased %s (method %s, n = %d)" % (name, e["biased"], e["method"], n))
        if e["available"]:
            if not close(e["difference_nats"], e["h_fw_nats"] - e["h_true_nats"], 1e-12):
                fail("entropy difference " + name)
        elif not e.get("reason"):
            fail("entropy error %s absent without a reason" % name)
    mi = out["mi_error"]
    v = out["verdict"]
    for key in ("reliable", "reliability_note", "lower_bound", "lower_bound_synapses", "cross_checks"):
        if key not in mi:
            fail("mi_error lacks " + key)
    if n >= 2 and mi["truth_available"] and mi["method"] not in ("smc", "smc_lower_bound"):
        fail("I_true for n >= 2 from %s, not the truth driver's smc" % mi["method"])
    if mi["lower_bound"]:
        # A bound: no difference, no relative error, never a verdict of size.
        if mi["available"] or mi["relative_error"] is not None or v["kind"] != "undecided" or mi["reliable"]:
            fail("a lower bound treated as an estimate")
        if "lower bound" not in v["text"] or not mi["lower_bound_synapses"]:
            fail("lower-bound verdict does not say so")
    elif mi["available"]:
        if not close(mi["difference_nats"], mi["mi_fw_nats"] - mi["mi_true_nats"], 1e-12):
            fail("MI difference")
        if not close(mi["mi_fw_nats"], cf["mi_nats"], 0):
            fail("MI FW differs from the closed form's")
        rel, se = mi["relative_error"], mi["relative_error_se"]
        if rel is not None:
            if not close(rel, mi["difference_nats"] / mi["mi_true_nats"], 1e-12):
                fail("relative error")
            expected = ("undecided" if not mi["reliable"] else
                        "within_1_percent" if abs(rel) + 2 * se < 0.01 else
                        "overstates" if rel > 2 * se else "understates" if rel < -2 * se else "undecided")
            if v["kind"] != expected:
                fail("verdict %s, rule gives %s" % (v["kind"], expected))
            if not mi["reliable"] and mi["reliability_note"] not in v["text"]:
                fail("an unreliable I_true's verdict does not give the driver's reason")
        elif v["kind"] != "undecided":
            fail("no relative error but verdict " + v["kind"])
    else:
        if not mi.get("reason") or v["kind"] != "unavailable":
            fail("MI error absent without reason/unavailable verdict")
    if not v["text"]:
        fail("empty verdict text")
    print("ok: " + v["text"])


def check_map(exe, outdir, extra):
    run = subprocess.run([exe, "audit-map", "--out", outdir, "--quiet", "--force"] + extra, capture_output=True, text=True,
                         timeout=600)
    if run.returncode != 0:
        fail("exit %d: %s" % (run.returncode, run.stderr))
    for name in ("audit_map.csv", "audit_map.md", "audit_map.gp", "audit_map.dat", "audit_map_specs.jsonl",
                 "audit_map.png"):
        path = os.path.join(outdir, name)
        if not os.path.exists(path) or os.path.getsize(path) == 0:
            fail("missing or empty " + name)
    with open(os.path.join(outdir, "audit_map.png"), "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            fail("audit_map.png is not a PNG")
    with open(os.path.join(outdir, "audit_map.csv")) as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(outdir, "audit_map_specs.jsonl")) as f:
        specs = [json.loads(line) for line in f if line.strip()]
    if len(rows) != len(specs) or not rows:
        fail("%d CSV rows but %d specs" % (len(rows), len(specs)))
    for row, spec in zip(rows, specs):
        if int(row["n"]) != len(spec["synapses"]) or int(row["P"]) != spec["generate"]["P"]:
            fail("CSV row and spec disagree")
        if row["sigma2"] != spec["generate"]["cov"]["sigma2"] or row["rho"] != spec["generate"]["cov"]["rho"]:
            fail("CSV row and spec disagree on sigma2/rho")
        non_pd = row["k_pd"] == "0" or row["k_prime_pd"] == "0"
        if non_pd != (row["status"] == "not_positive_definite"):
            fail("non-PD flags and status disagree")
        if row["status"] == "ok" and row["relative_error"]:
            fw, tr = float(row["mi_fw_nats"]), float(row["mi_true_nats"])
            if not close(float(row["relative_error"]), (fw - tr) / tr, 1e-4):
                fail("relative error column")
        if row["status"] != "ok" and row["mi_fw_nats"]:
            fail("I_FW printed for a non-ok status")
        if int(row["n"]) >= 2 and row["mi_true_nats"] and row["estimator"] not in ("smc", "smc_lower_bound"):
            fail("map I_true for n >= 2 from " + row["estimator"])
        if row["lower_bound"] == "1" and (row["verdict"] != "undecided" or row["relative_error"] or row["reliable"] == "1"):
            fail("map: a lower bound got a relative error or a verdict")
        if row["reliable"] == "0" and row["verdict"] in ("within_1_percent", "overstates", "understates"):
            fail("map: a verdict on an unreliable I_true")
    md = open(os.path.join(outdir, "audit_map.md")).read()
    if "The figure was not drawn" in md:
        fail("gnuplot failed: " + md[md.index("The figure was not drawn"):])
    for needle in ("Positive definiteness", "| n | non-PD points |", "| rho | non-PD points |", "| P | non-PD points |",
                   "N = "):
        if needle not in md:
            fail("summary lacks " + needle)
    print("ok: %d points" % len(rows))


def main():
    if len(sys.argv) < 4:
        fail(__doc__)
    mode, exe = sys.argv[1], sys.argv[2]
    if mode == "audit":
        check_audit(exe, sys.argv[3], sys.argv[4], sys.argv[5:])
    elif mode == "audit-map":
        check_map(exe, sys.argv[3], sys.argv[4:])
    else:
        fail("unknown mode " + mode)


if __name__ == "__main__":
    main()
