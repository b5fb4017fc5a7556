#!/usr/bin/env python3
"""syninfo from Python: the closed form for a model built with numpy, at
double and 50-digit precision, a batch, the true information, and a KSG
estimate on samples. Run from a build: PYTHONPATH=build/python python3
examples/python_quickstart.py"""
import numpy as np

import syninfo

# The worked example (theory.md section 4): P = 2 patterns over N = 2
# neurons, zero log-means, shared covariance 0.5 I, one synapse (0, 1).
means = np.zeros((2, 2))
cov = 0.5 * np.eye(2)
r = syninfo.closed_form(means, cov, synapses=[[0, 1]], k=0)
print("I_FW =", r["mi_nats"], "nats =", r["mi_bits"], "bits; double agrees on", r["agreement_digits"], "digits")
print("  lambda =", r["lambda"], " K =", r["K"].tolist())

# Decimal strings are read exactly at the working precision.
r50 = syninfo.closed_form([["0", "0"], ["0", "0"]], [["0.5", "0"], ["0", "0.5"]], [[0, 1]], 0, precision=50)
print("at 50 digits:", r50["mi_nats"])

# A batch of problems: ten random models with four patterns over five neurons.
rng = np.random.default_rng(1)
problems = [{"means": rng.uniform(-1, 1, size=(4, 5)), "covs": 0.4 * np.eye(5), "synapses": [[0, 1], [2, 3]], "k": 0}
            for _ in range(10)]
print("batch:", [round(x["mi_nats"], 4) for x in syninfo.closed_form_batch(problems)])

# The true information by quadrature (one synapse) beside the closed form.
t = syninfo.true_information(means, cov, [[0, 1]], 0)
print("true I =", t["mi_nats"], "+-", t["standard_error_nats"], "(%s, reliable: %s)" % (t["best"]["method"], t["reliable"]))

# KSG on samples of a Gaussian pair with correlation 0.6 (exact 0.2231 nats).
x = rng.normal(size=5000)
y = 0.6 * x + 0.8 * rng.normal(size=5000)
e = syninfo.ksg(x, y, k=3)
print("KSG: %.4f +- %.4f nats" % (e["mi_nats"], e["standard_error_nats"]))

try:
    syninfo.closed_form(means, [[0.5, 0.1], [0.0, 0.5]], [[0, 1]], 0)
except syninfo.InvalidInput as err:
    print("bad input:", err, "| kind:", err.kind, "| where:", err.where)
