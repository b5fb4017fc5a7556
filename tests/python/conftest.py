"""Shared helpers: run the CLI named by $SYNINFO_CLI (set by CTest) on the
same inputs the Python module gets."""
import json
import os
import subprocess

import numpy as np
import pytest


@pytest.fixture
def cli(tmp_path):
    exe = os.environ.get("SYNINFO_CLI")
    if not exe:
        pytest.fail("SYNINFO_CLI is not set (run through ctest -L python)")

    def run(args, spec=None, expect_ok=True):
        if spec is not None:
            path = tmp_path / "spec.json"
            path.write_text(json.dumps(spec))
            args = [args[0], str(path)] + list(args[1:])
        proc = subprocess.run([exe] + list(args), capture_output=True, text=True)
        if expect_ok:
            assert proc.returncode == 0, proc.stderr
            return json.loads(proc.stdout)
        assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
        return proc.stderr

    run.tmp_path = tmp_path
    return run


def to_lists(x):
    """numpy arrays to nested lists (json.dumps writes floats as repr)."""
    return x.tolist() if hasattr(x, "tolist") else x


def write_csv(path, columns):
    """Columns to a headerless CSV, each value as its repr (parsed back to the same double)."""
    data = np.column_stack(columns)
    with open(path, "w") as f:
        for row in data:
            f.write(",".join(repr(float(v)) for v in row) + "\n")
    return str(path)


# Fields only the CLI has: where its CSV input came from, and wall-clock times.
CLI_INPUT_FIELDS = {"rows_read", "rows_dropped", "delimiter", "index_column_skipped", "header", "x_columns",
                    "y_columns", "z_columns", "columns"}


def without_timings(value):
    """A result with every "seconds" field removed (they differ run to run)."""
    if isinstance(value, dict):
        return {k: without_timings(v) for k, v in value.items() if k != "seconds"}
    if isinstance(value, list):
        return [without_timings(v) for v in value]
    return value


def result_fields(cli_out):
    """The CLI's JSON without its input description: what the Python module returns."""
    return {k: v for k, v in cli_out.items() if k not in CLI_INPUT_FIELDS}
