"""`syninfo ksg` and `syninfo entropy` on inputs as people produce them
(issue 16.3) and the KSG normalisation default (16.4): column names,
delimiters, index columns, missing values, standard input, the ceiling
warning. Equalities are exact where both runs see the same doubles."""
import math
import os
import subprocess

import numpy as np
import pytest

import syninfo


def write(path, header, rows, sep=","):
    with open(path, "w") as f:
        if header is not None:
            f.write(sep.join(header) + "\n")
        for row in rows:
            f.write(sep.join(v if isinstance(v, str) else repr(float(v)) for v in row) + "\n")
    return str(path)


@pytest.fixture
def pair():
    rng = np.random.default_rng(5)
    x = rng.normal(size=1500)
    y = 0.6 * x + 0.8 * rng.normal(size=1500)
    return x, y


def test_names_equal_indices(cli, pair):
    x, y = pair
    csv = write(cli.tmp_path / "xy.csv", ["x", "noise", "y"], zip(x, x * 0 + 1.5, y))
    by_index = cli(["ksg", csv, "--x", "0", "--y", "2"])
    by_name = cli(["ksg", csv, "--x", "x", "--y", "y"])
    assert by_name["mi_nats"] == by_index["mi_nats"]
    assert by_name["x_columns"] == [0] and by_name["y_columns"] == [2]
    mixed = cli(["entropy", csv, "--cols", "x,2"])
    assert mixed["columns"] == [0, 2]
    err = cli(["ksg", csv, "--x", "nope", "--y", "y"], expect_ok=False)
    assert "no column named 'nope'" in err and "'x', 'noise', 'y'" in err
    bare = write(cli.tmp_path / "bare.csv", None, zip(x, y))
    assert "no header to look names up in" in cli(["ksg", bare, "--x", "x", "--y", "1"], expect_ok=False)


def test_normalisation_default_and_off(cli, pair):
    x, y = pair
    csv = write(cli.tmp_path / "xy.csv", None, zip(x, y))
    scaled = write(cli.tmp_path / "scaled.csv", None, zip(x * 1000.0, y))
    on, on_scaled = cli(["ksg", csv, "--x", "0", "--y", "1"]), cli(["ksg", scaled, "--x", "0", "--y", "1"])
    assert on["normalised"] is True
    # Rescaling changes the standardised values by rounding only, which flips
    # no neighbour count here: the estimates agree to summation rounding.
    assert on_scaled["mi_nats"] == pytest.approx(on["mi_nats"], abs=1e-12)
    off = cli(["ksg", csv, "--x", "0", "--y", "1", "--no-normalise"])
    off_scaled = cli(["ksg", scaled, "--x", "0", "--y", "1", "--no-normalise"])
    assert off["normalised"] is False
    # In the given units the scale matters (what the default removes);
    # algorithm 1 (the default) moves by more than 0.05 nats here.
    assert abs(off_scaled["mi_nats"] - off["mi_nats"]) > 0.05
    # The Python module: the same defaults and the same switch.
    assert syninfo.ksg(x, y)["mi_nats"] == on["mi_nats"]
    assert syninfo.ksg(x, y, normalise=False)["mi_nats"] == off["mi_nats"]
    assert syninfo.ksg(x, y)["normalised"] is True
    # Entropy is never standardised: h(1000 X) = h(X) + ln 1000 (1-D, max-norm:
    # every neighbour distance scales by exactly 1000; 1e-9 covers rounding).
    h = cli(["entropy", csv, "--cols", "0"])
    h_scaled = cli(["entropy", scaled, "--cols", "0"])
    assert h["normalised"] is False
    assert h_scaled["entropy_nats"] - h["entropy_nats"] == pytest.approx(math.log(1000.0), abs=1e-9)


# tests/estimators/gaussian_pair.csv, --x 0 --y 1 --k 4 --algorithm 2, through
# the estimator as it was before normalisation became the default (ksg.cpp of
# commit f1e9279, compiled on its own and printed with %.17g).
OLD_GAUSSIAN_PAIR_KSG2_K4 = 0.5839262996024317
OLD_GAUSSIAN_PAIR_KSG2_K4_SE = 0.068229089443175087


def test_no_normalise_reproduces_the_old_estimate(cli):
    # Exact: --no-normalise must be the old computation on the same doubles.
    data = os.path.join(os.path.dirname(__file__), "..", "estimators", "gaussian_pair.csv")
    out = cli(["ksg", data, "--x", "0", "--y", "1", "--k", "4", "--algorithm", "2", "--no-normalise"])
    assert out["mi_nats"] == OLD_GAUSSIAN_PAIR_KSG2_K4
    assert out["standard_error_nats"] == OLD_GAUSSIAN_PAIR_KSG2_K4_SE


@pytest.mark.parametrize("sep,name", [("\t", "tab"), (" ", "whitespace"), ("   ", "whitespace")])
def test_delimiters(cli, pair, sep, name):
    x, y = pair
    comma = cli(["ksg", write(cli.tmp_path / "c.csv", ["a", "b"], zip(x, y)), "--x", "a", "--y", "b"])
    other = write(cli.tmp_path / "o.txt", ["a", "b"], zip(x, y), sep=sep)
    auto = cli(["ksg", other, "--x", "a", "--y", "b"])
    assert auto["delimiter"] == name and comma["delimiter"] == "comma"
    assert auto["mi_nats"] == comma["mi_nats"]
    forced = cli(["ksg", other, "--x", "a", "--y", "b", "--delimiter", name])
    assert forced["mi_nats"] == comma["mi_nats"]
    assert "--delimiter must be comma, tab or whitespace" in cli(
        ["ksg", other, "--x", "0", "--y", "1", "--delimiter", "semicolon"], expect_ok=False)


def test_pandas_index_column(cli, pair):
    x, y = pair
    plain = cli(["ksg", write(cli.tmp_path / "p.csv", ["a", "b"], zip(x, y)), "--x", "0", "--y", "1"])
    labels = [f"r{i}" for i in range(len(x))]
    for first in ("", "Unnamed: 0"):
        csv = write(cli.tmp_path / "i.csv", [first, "a", "b"], zip(labels, x, y))
        out = cli(["ksg", csv, "--x", "0", "--y", "1"])
        assert out["index_column_skipped"] is True
        assert out["header"] == ["a", "b"]
        assert out["mi_nats"] == plain["mi_nats"]
    # --no-index-column keeps it: text labels are then not numbers.
    assert "cannot read 'r0' as a number" in cli(["ksg", csv, "--x", "0", "--y", "1", "--no-index-column"],
                                                expect_ok=False)
    numbered = write(cli.tmp_path / "n.csv", None, zip(range(len(x)), x, y))
    forced = cli(["ksg", numbered, "--x", "0", "--y", "1", "--index-column"])
    assert forced["mi_nats"] == plain["mi_nats"]


def test_missing_values(cli, pair):
    x, y = pair
    rows = [[a, b] for a, b in zip(x, y)]
    rows[9][1] = ""
    rows[20][0] = "NaN"
    rows[21][1] = "NA"
    csv = write(cli.tmp_path / "m.csv", ["a", "b"], rows)
    err = cli(["ksg", csv, "--x", "a", "--y", "b"], expect_ok=False)
    assert "m.csv: line 11, column 2 ('b'): empty cell" in err and "--drop-missing" in err
    out = cli(["ksg", csv, "--x", "a", "--y", "b", "--drop-missing"])
    assert out["rows_dropped"] == 3 and out["rows_read"] == 1500 and out["samples"] == 1497
    keep = [i for i in range(1500) if i not in (9, 20, 21)]
    clean = cli(["ksg", write(cli.tmp_path / "k.csv", ["a", "b"], zip(x[keep], y[keep])), "--x", "a", "--y", "b"])
    assert out["mi_nats"] == clean["mi_nats"]
    # Only the selected columns count: column a alone misses one value.
    h = cli(["entropy", csv, "--cols", "a", "--drop-missing"])
    assert h["rows_dropped"] == 1
    assert "line 22, column 1 ('a'): missing value 'NaN'" in cli(["entropy", csv, "--cols", "a"], expect_ok=False)


def test_standard_input(cli, pair):
    x, y = pair
    csv = write(cli.tmp_path / "s.csv", ["a", "b"], zip(x, y))
    from_file = cli(["ksg", csv, "--x", "a", "--y", "b"])
    with open(csv) as f:
        proc = subprocess.run([os.environ["SYNINFO_CLI"], "ksg", "-", "--x", "a", "--y", "b"], stdin=f,
                              capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    import json
    assert json.loads(proc.stdout)["mi_nats"] == from_file["mi_nats"]
    proc = subprocess.run([os.environ["SYNINFO_CLI"], "entropy", "-", "--cols", "0"], input="",
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "<stdin>: no data rows" in proc.stderr


def test_ceiling_warning(cli, pair):
    x, y = pair
    csv = write(cli.tmp_path / "d.csv", ["x", "copy", "y"], zip(x, x, y))
    dup = cli(["ksg", csv, "--x", "x", "--y", "copy"])
    assert any("are identical" in w for w in dup["warnings"])
    assert any("at the KSG ceiling" in w for w in dup["warnings"])
    assert dup["mi_nats"] >= dup["ceiling_nats"] - 1e-12
    fine = cli(["ksg", csv, "--x", "x", "--y", "y"])
    assert fine["warnings"] == []
    assert "warnings" in syninfo.ksg(x, x) and syninfo.ksg(x, x)["warnings"]
