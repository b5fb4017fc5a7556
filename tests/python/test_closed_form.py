"""syninfo.closed_form against `syninfo mi` on the same inputs. Equality is
exact (==): both read the same decimal text and run the same library code,
so any difference is a bug, not rounding."""
import numpy as np
import pytest

import syninfo
from conftest import to_lists

WORKED = dict(means=np.zeros((2, 2)), covs=0.5 * np.eye(2), synapses=[[0, 1]], k=0)


def spec_of(means, covs, synapses, k):
    covs = np.asarray(covs, dtype=object if np.asarray(covs).dtype.kind in "OU" else float)
    cov_list = [covs] * len(means) if covs.ndim == 2 else list(covs)
    return {"patterns": [{"mean": to_lists(np.asarray(m)), "cov": to_lists(c)} for m, c in zip(means, cov_list)],
            "synapses": to_lists(np.asarray(synapses)), "pattern": k}


def assert_same_as_cli(py, cli_out, precision):
    for key in ("status", "precision", "pd_policy", "agreement_digits", "N", "P", "n", "pattern"):
        assert py[key] == cli_out[key], key
    for key in ("mi_nats", "mi_bits", "error_estimate_nats"):
        if cli_out[key] is None:
            assert py.get(key) is None
        elif precision == "double":
            # Computed in double: a JSON number in the CLI, a float here (docs/output_fields.md).
            assert isinstance(py[key], float) and isinstance(cli_out[key], float) and py[key] == cli_out[key], key
        else:
            assert py[key] == cli_out[key], key
    fw_cli = cli_out["fenton_wilkinson"]["W_E"]
    lam = [None if v is None else v for v in fw_cli["lambda"]]
    if precision == "double":
        np.testing.assert_array_equal(py["lambda"], np.array([np.nan if v is None else v for v in lam]))
        np.testing.assert_array_equal(py["K"], np.array(fw_cli["K"]))
    else:
        assert py["lambda"] == lam and py["K"] == fw_cli["K"]
    assert py["cross_check"] == cli_out["cross_check"]
    assert py["command"] == cli_out["command"] == "mi"


@pytest.mark.parametrize("precision", ["double", "50", "100"])
def test_worked_example_equals_cli(cli, precision):
    py = syninfo.closed_form(**WORKED, precision=precision if precision == "double" else int(precision))
    out = cli(["mi", "--precision", precision], spec=spec_of(**WORKED))
    assert_same_as_cli(py, out, precision)
    # theory.md section 4 value, to the 15 digits double carries.
    assert float(py["mi_nats"]) == pytest.approx(0.64416436240407434, rel=1e-15, abs=0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_numpy_built_covariances_behave_like_cli(cli, seed):
    # Covariances as numpy users build them (A A^T, not symmetric to the last
    # bit in general): whatever the CLI decides, Python decides the same.
    rng = np.random.default_rng(seed)
    P, N = 4, 5
    A = rng.normal(size=(P, N, N))
    covs = 0.2 * A @ A.transpose(0, 2, 1) / N + 0.1 * np.eye(N)
    means = rng.uniform(-1, 1, size=(P, N))
    synapses = np.array([[0, 1], [2, 3], [1, 4]])
    spec = spec_of(means, covs, synapses, 1)
    try:
        py = syninfo.closed_form(means, covs, synapses, 1)
    except syninfo.InvalidInput as e:
        stderr = cli(["mi", "--precision", "double"], spec=spec, expect_ok=False)
        assert str(e) in stderr
        return
    assert_same_as_cli(py, cli(["mi", "--precision", "double"], spec=spec), "double")


def test_symmetrised_numpy_covariances_give_cli_values(cli):
    rng = np.random.default_rng(7)
    P, N = 3, 4
    A = rng.normal(size=(P, N, N))
    covs = 0.3 * A @ A.transpose(0, 2, 1) / N + 0.05 * np.eye(N)
    covs = 0.5 * (covs + covs.transpose(0, 2, 1))
    means = rng.uniform(-1, 1, size=(P, N))
    synapses = [[0, 1], [1, 2], [0, 3]]
    for precision in ("double", "50"):
        py = syninfo.closed_form(means, covs, synapses, 2, precision=precision)
        out = cli(["mi", "--precision", precision], spec=spec_of(means, covs, synapses, 2))
        assert py["status"] == "ok"
        assert_same_as_cli(py, out, precision)


def test_decimal_strings_are_not_rounded_through_double(cli):
    # 0.5 + 1e-22 is 0.5 in double but not at 50 digits.
    covs = np.array([["0.5000000000000000000001", "0"], ["0", "0.5"]], dtype=object)
    means = np.array([["0", "0"], ["0", "0"]], dtype=object)
    exact = syninfo.closed_form(means, covs, [[0, 1]], 0, precision=50)
    plain = syninfo.closed_form(**WORKED, precision=50)
    assert exact["mi_nats"] != plain["mi_nats"]
    assert exact["mi_nats"] == cli(["mi"], spec=spec_of(means, covs, [[0, 1]], 0))["mi_nats"]
    assert syninfo.closed_form(means, covs, [[0, 1]], 0)["mi_nats"] == syninfo.closed_form(**WORKED)["mi_nats"]


def test_batch_equals_single_calls():
    rng = np.random.default_rng(3)
    problems = []
    for _ in range(5):
        means = rng.uniform(-1, 1, size=(3, 3))
        problems.append({"means": means, "covs": 0.4 * np.eye(3), "synapses": [[0, 1], [1, 2]], "k": 1})
    batch = syninfo.closed_form_batch(problems, threads=2)
    assert len(batch) == 5
    for p, r in zip(problems, batch):
        assert r["mi_nats"] == syninfo.closed_form(**p)["mi_nats"]


def test_generate_block_equals_cli(cli):
    cov = {"type": "exchangeable", "sigma2": "0.5", "rho": "0.2"}
    spec = {"generate": {"N": 6, "P": 5, "seed": 4, "cov": cov}, "synapses": [[0, 1], [2, 3]], "pattern": 1}
    expanded = syninfo.generate(6, 5, seed=4, cov=cov, synapses=[[0, 1], [2, 3]], k=1, precision=50)
    assert len(expanded["patterns"]) == 5 and len(expanded["patterns"][0]["mean"]) == 6
    out = cli(["mi"], spec=spec)
    assert syninfo.closed_form_spec(spec, precision=50)["mi_nats"] == out["mi_nats"]
    assert syninfo.closed_form_spec(expanded, precision=50)["mi_nats"] == out["mi_nats"]


def bad_input(cli, spec, **kwargs):
    with pytest.raises(syninfo.InvalidInput) as info:
        syninfo.closed_form_spec(spec, **kwargs)
    # Same precision on both sides (the CLI's default is 50 digits, Python's double).
    stderr = cli(["mi", "--precision", str(kwargs.get("precision", "double"))], spec=spec, expect_ok=False)
    # The CLI prints "syninfo mi: " + the same text.
    assert "syninfo mi: " + str(info.value) in stderr
    assert isinstance(info.value, ValueError)
    return info.value


def test_errors_carry_the_cli_kind_and_location(cli):
    base = spec_of(**WORKED)
    nan = spec_of(WORKED["means"], np.array([[0.5, "nan"], [0, 0.5]], dtype=object), [[0, 1]], 0)
    e = bad_input(cli, nan)
    assert e.kind == "non_finite" and e.where == "patterns[0].cov[0][1]"
    asym = spec_of(WORKED["means"], np.array([[0.5, 0.1], [0.0, 0.5]]), [[0, 1]], 0)
    e = bad_input(cli, asym)
    assert e.kind == "asymmetric_covariance"
    out_of_range = dict(base, synapses=[[0, 5]])
    e = bad_input(cli, out_of_range)
    assert e.kind == "index_out_of_range" and "synapses[0]" in e.where
    e = bad_input(cli, dict(base, pattern=2))
    assert e.kind == "index_out_of_range"


def test_python_float_nan_is_reported_like_the_cli():
    covs = np.array([[0.5, np.nan], [np.nan, 0.5]])
    with pytest.raises(syninfo.InvalidInput) as info:
        syninfo.closed_form(np.zeros((2, 2)), covs, [[0, 1]], 0)
    assert info.value.kind == "non_finite" and info.value.where == "patterns[0].cov[0][1]"


def test_batch_error_names_the_problem():
    good = {"means": np.zeros((2, 2)), "covs": 0.5 * np.eye(2), "synapses": [[0, 1]], "k": 0}
    bad = dict(good, synapses=[[0, 0], [0, 0]])
    with pytest.raises(syninfo.InvalidInput) as info:
        syninfo.closed_form_batch([good, bad])
    assert info.value.kind == "repeated_synapse" and info.value.where.startswith("problems[1]")


def test_bad_precision_and_shapes():
    with pytest.raises(syninfo.InvalidInput):
        syninfo.closed_form(**WORKED, precision=30)
    with pytest.raises(syninfo.InvalidInput) as info:
        syninfo.closed_form(np.zeros((2, 2)), np.stack([0.5 * np.eye(2)] * 3), [[0, 1]], 0)
    assert info.value.kind == "dimension_mismatch"
    with pytest.raises(syninfo.InvalidInput) as info:
        syninfo.closed_form(np.zeros((2, 3)), 0.5 * np.eye(2), [[0, 1]], 0)
    assert info.value.kind == "dimension_mismatch"
