"""syninfo.ksg, kl_entropy and true_information against `syninfo ksg`,
`syninfo entropy` and `syninfo truth` on the same data: exact equality, as
both run the same library code on the same doubles (the CSV holds each
value's repr, which the CLI parses back to the same double)."""
import numpy as np
import pytest

import syninfo
from conftest import result_fields, without_timings, write_csv


@pytest.fixture
def gaussian_pair():
    rng = np.random.default_rng(11)
    x = rng.normal(size=2000)
    y = 0.6 * x + 0.8 * rng.normal(size=2000)
    return x, y


@pytest.mark.parametrize("algorithm", [1, 2])
def test_ksg_equals_cli(cli, gaussian_pair, algorithm):
    x, y = gaussian_pair
    csv = write_csv(cli.tmp_path / "xy.csv", [x, y])
    out = cli(["ksg", csv, "--x", "0", "--y", "1", "--k", "4", "--algorithm", str(algorithm), "--threads", "2"])
    py = syninfo.ksg(x, y, k=4, algorithm=algorithm, threads=2)
    # One naming scheme (docs/output_fields.md): the same fields with the same values.
    assert py == result_fields(out)
    assert "estimate_nats" not in py
    # Gaussian oracle -0.5 ln(1 - rho^2), rho = 0.6: 0.2231 nats. KSG's bias
    # at N = 2000 is far below its standard error; 5 SE leaves room for chance.
    assert abs(py["mi_nats"] - 0.5 * np.log(1 / (1 - 0.36))) < 5 * py["standard_error_nats"] + 0.01


def test_kl_entropy_equals_cli(cli, gaussian_pair):
    x, y = gaussian_pair
    csv = write_csv(cli.tmp_path / "xy.csv", [x, y])
    out = cli(["entropy", csv, "--cols", "0,1", "--k", "3", "--norm", "euclidean"])
    py = syninfo.kl_entropy(np.column_stack([x, y]), k=3, norm="euclidean")
    assert py == result_fields(out)


def test_estimator_errors():
    x = np.arange(10.0)
    with pytest.raises(syninfo.InvalidInput):
        syninfo.ksg(x, np.arange(9.0))
    bad = x.copy()
    bad[3] = np.nan
    with pytest.raises(syninfo.InvalidInput) as info:
        syninfo.ksg(bad, x)
    assert "not finite" in str(info.value)
    with pytest.raises(syninfo.InvalidInput):
        syninfo.kl_entropy(np.zeros((4, 2, 2)))
    with pytest.raises(ValueError):
        syninfo.kl_entropy(x, norm="taxicab")


def test_true_information_equals_cli_quadrature(cli):
    # One synapse: "auto" is quadrature, deterministic, so exact equality.
    means = np.zeros((3, 2))
    covs = 0.5 * np.eye(2)
    spec = {"patterns": [{"mean": m.tolist(), "cov": covs.tolist()} for m in means], "synapses": [[0, 1]], "pattern": 0}
    py = syninfo.true_information(means, covs, [[0, 1]], 0, method="quadrature")
    out = cli(["truth", "--method", "quadrature"], spec=spec)
    assert py["best"]["method"] == out["best"]["method"] == "quadrature"
    # The whole result, field for field (docs/output_fields.md), but the timings.
    assert without_timings(py) == without_timings(out)
    assert py["mi_nats"] == py["best"]["mi_nats"] and py["standard_error_nats"] == py["best"]["standard_error_nats"]
    assert (py["N"], py["P"], py["n"], py["command"]) == (2, 3, 1, "truth")


def test_true_information_rejects_bad_method():
    with pytest.raises(syninfo.InvalidInput):
        syninfo.true_information(np.zeros((2, 2)), 0.5 * np.eye(2), [[0, 1]], 0, method="magic")


def test_true_information_degenerate_cycle_by_paired_steps(cli):
    # The even 4-cycle on 4 neurons with P = 3 (a determined synapse in every
    # term): smc itself by paired steps, not a bound, and the same numbers as
    # the CLI (same library code, same seed).
    cycle = [[0, 1], [1, 2], [2, 3], [3, 0]]
    means = np.array([[0.1 * mu, -0.2, 0.05 * mu, 0.3] for mu in range(3)])
    covs = 0.3 * (0.8 * np.eye(4) + 0.2 * np.ones((4, 4)))
    spec = {"patterns": [{"mean": m.tolist(), "cov": covs.tolist()} for m in means], "synapses": cycle, "pattern": 1}
    py = syninfo.true_information(means, covs, cycle, 1, method="smc", smc_samples=300, threads=2)
    out = cli(["truth", "--method", "smc", "--smc-samples", "300", "--threads", "2"], spec=spec)
    assert py["best"]["method"] == out["best"]["method"] == "smc"
    assert not py["best"]["lower_bound"]
    assert py["estimates"][0]["paired_steps"] == 1 == out["estimates"][0]["paired_steps"]
    assert without_timings(py) == without_timings(out)


def test_ksg_permutation_test_equals_cli(cli, gaussian_pair):
    # The MI permutation test: the same surrogates (seeded per surrogate, so
    # independent of the thread count) in both, hence the same p-value.
    x, y = gaussian_pair
    csv = write_csv(cli.tmp_path / "xy.csv", [x, y])
    out = cli(["ksg", csv, "--x", "0", "--y", "1", "--permutations", "9", "--seed", "5", "--threads", "2"])
    py = syninfo.ksg(x, y, permutations=9, seed=5, threads=1)
    assert py == result_fields(out)
    # rho = 0.6 at N = 2000: no shuffle reaches the estimate.
    assert py["p_value"] == pytest.approx(0.1, abs=1e-15) and py["surrogates_at_least_observed"] == 0
