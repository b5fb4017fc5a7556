"""syninfo: the Fan & Mysore closed forms for the information stored in
Hebbian synapses, and independent estimates of the true information.

Results are dicts whose fields are named as in the CLI's JSON
(docs/output_fields.md): mi_nats, mi_bits, cmi_nats, entropy_nats,
standard_error_nats, ... Numbers come back as float when computed in double
and as decimal strings at precision 50 or 100. Inputs may be numpy arrays, lists, floats or decimal
strings; a float is read as the shortest decimal text that round-trips it
(what repr and json.dumps write), a str exactly at the working precision.
Invalid input raises syninfo.InvalidInput (a ValueError) whose .kind and
.where are those `syninfo mi` reports.
"""

import numpy as _np

from . import _syninfo
from ._syninfo import InvalidInput

__all__ = ["InvalidInput", "closed_form", "closed_form_batch", "closed_form_spec", "generate",
           "true_information", "audit", "check_reference", "ksg", "cmi", "kl_entropy"]


def _precision(precision):
    return str(precision)


def _spec(means, covs, synapses, k):
    """The JSON spec `syninfo mi` reads, built from arrays: means (P, N),
    covs (P, N, N) or one shared (N, N), synapses (n, 2), pattern k."""
    if _np.ndim(covs) == 2:
        cov_list = [covs] * len(means)
    else:
        if len(covs) != len(means):
            err = InvalidInput("invalid input (dimension_mismatch): covs: %d covariances for %d means"
                               % (len(covs), len(means)))
            err.kind, err.where = "dimension_mismatch", "covs"
            raise err
        cov_list = list(covs)
    return {"patterns": [{"mean": m, "cov": c} for m, c in zip(means, cov_list)],
            "synapses": synapses, "pattern": k}


def _as_spec(problem):
    if isinstance(problem, dict) and ("patterns" in problem or "generate" in problem):
        return problem
    if isinstance(problem, dict):
        return _spec(problem["means"], problem["covs"], problem["synapses"], problem.get("k", 0))
    return _spec(*problem)


def closed_form(means, covs, synapses, k=0, precision="double", pd_policy="report", repair_floor=1e-6):
    """I_FW(W_E; x^k) for one problem, as `syninfo mi` computes it: a dict with
    status, mi_nats, mi_bits, error_estimate_nats, agreement_digits,
    cross_check, N, P, n, pattern, lambda, K, lambda', K' and fenton_wilkinson."""
    return _syninfo.closed_form_specs([_spec(means, covs, synapses, k)], _precision(precision), pd_policy,
                                      repair_floor, 1)[0]


def closed_form_spec(spec, precision="double", pd_policy="report", repair_floor=1e-6):
    """closed_form for a spec dict in the CLI's format (patterns or generate)."""
    return _syninfo.closed_form_specs([spec], _precision(precision), pd_policy, repair_floor, 1)[0]


def closed_form_batch(problems, precision="double", pd_policy="report", repair_floor=1e-6, threads=0):
    """closed_form over a list of problems, in parallel (threads=0: all cores).
    Each problem is a dict with means, covs, synapses and k, a tuple
    (means, covs, synapses, k), or a spec dict; errors name problems[i]."""
    specs = [_as_spec(p) for p in problems]
    return _syninfo.closed_form_specs(specs, _precision(precision), pd_policy, repair_floor, threads)


def generate(N, P, seed=1, mean_low="-1", mean_high="1", cov=None, synapses=((0, 1),), k=0, precision="double"):
    """The problem of the spec's generate block, expanded: a spec dict with
    explicit patterns (decimal strings), synapses and pattern. cov is a dict
    as in the spec, e.g. {"type": "exchangeable", "sigma2": "0.5", "rho": "0.2"}."""
    if cov is None:
        cov = {"type": "exchangeable", "sigma2": "0.5", "rho": "0"}
    spec = {"generate": {"N": N, "P": P, "seed": seed, "mean": {"low": mean_low, "high": mean_high}, "cov": cov},
            "synapses": synapses, "pattern": k}
    return _syninfo.expand_spec(spec, _precision(precision))


def true_information(means=None, covs=None, synapses=None, k=0, method="auto", spec=None, samples=20000, seed=1,
                     neighbours=3, smc_samples=4000, threads=0):
    """I(W_E; x^k) by the independent estimators (double precision), as
    `syninfo truth`: mi_nats, mi_bits, standard_error_nats and information
    (finite, infinite or undefined) of the best estimate, reliable,
    reliability_note, best, estimates, closed_form, notes. method "auto" runs only the
    method that gives `best` (quadrature for one synapse, smc otherwise)."""
    if spec is None:
        spec = _spec(means, covs, synapses, k)
    return _syninfo.true_information(spec, method, samples, seed, neighbours, smc_samples, threads)


def audit(means=None, covs=None, synapses=None, k=0, spec=None, precision="double", samples=20000, inner=256,
          smc_samples=4000, particles=32, seed=1, pd_policy="report", repair_floor=1e-6, threads=0):
    """The Fenton-Wilkinson audit of one problem, as `syninfo audit`: the closed
    form, exact and surrogate moments, KS distances, entropy and MI errors
    against the true information, and a verdict. precision is the closed
    form's ("double" or 50); the truth is computed in double."""
    if spec is None:
        spec = _spec(means, covs, synapses, k)
    return _syninfo.audit(spec, _precision(precision), samples, inner, smc_samples, particles, seed, pd_policy,
                          repair_floor, threads)


def check_reference(results, reference=None, rtol=1e-9, atol=1e-12, threads=0):
    """Another implementation's I_FW values against the reference set, as
    `syninfo check --report-json`: results is a list of dicts with id, value
    (a float, None or a decimal string) and optionally status, or the text of
    a CSV file with the header id,value or id,status,value. reference is the
    path of a .jsonl or .csv reference file (validation/reference/); None
    rebuilds the built-in set (about a minute). Returns the report dict:
    result ("pass"/"fail"), passed, failed, max_abs_error, cases, ..."""
    return _syninfo.check_reference(results, None if reference is None else str(reference), rtol, atol, threads)


def ksg(X, Y, k=3, algorithm=1, normalise=True, noise=0.0, seed=1, copula=False, blocks=10, threads=0,
        permutations=0):
    """KSG estimate of I(X; Y) in nats (max-norm), as `syninfo ksg`: rows are
    samples (a 1-D array is one column). normalise=True (the default)
    standardises every column to zero mean and unit variance first, so the
    estimate does not depend on the columns' units; normalise=False keeps the
    given units (`syninfo ksg --no-normalise`). The result's "warnings" flags
    identical x and y columns and estimates at the KSG ceiling. With
    permutations > 0 also a p-value for X independent of Y, from surrogates
    that shuffle the rows of Y (`syninfo ksg --permutations`)."""
    return _syninfo.ksg(X, Y, k, algorithm, noise, seed, copula, blocks, threads, normalise, permutations)


def cmi(X, Y, Z, k=3, permutations=0, seed=1, shuffle_neighbours=5, blocks=10, threads=0, normalise=True):
    """KSG (Frenzel-Pompe) estimate of I(X; Y | Z) in nats (max-norm), as
    `syninfo cmi`: rows are samples (a 1-D array is one column). With
    permutations > 0 also a p-value for X independent of Y given Z, from
    surrogates that permute X locally within neighbourhoods of
    shuffle_neighbours rows in Z (Runge 2018). normalise=True (the default)
    standardises every column first, as ksg does."""
    return _syninfo.cmi(X, Y, Z, k, permutations, shuffle_neighbours, seed, blocks, threads, normalise)


def kl_entropy(X, k=3, norm="max", blocks=10, seed=1, threads=0):
    """Kozachenko-Leonenko differential entropy of X in nats, as `syninfo entropy`."""
    return _syninfo.kl_entropy(X, k, norm, blocks, seed, threads)
