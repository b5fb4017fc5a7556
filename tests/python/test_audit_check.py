"""syninfo.audit and syninfo.check_reference against `syninfo audit` and
`syninfo check --report-json` on the same inputs: the same library code
builds both results (src/audit/audit_json.cpp, src/reference/check.cpp), so
they must agree field for field (timings aside)."""
import csv
import json
import pathlib
import subprocess
import os

import pytest

import syninfo
from conftest import without_timings

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORKED = json.loads((ROOT / "examples" / "worked_example.json").read_text())
REFERENCE = ROOT / "validation" / "reference" / "reference_v1.jsonl"


def test_audit_equals_cli(cli):
    out = cli(["audit", "--samples", "600", "--smc-samples", "200", "--threads", "2", "--quiet"], spec=WORKED)
    py = syninfo.audit(spec=WORKED, samples=600, smc_samples=200, threads=2)
    assert without_timings(py) == without_timings(out)
    assert py["command"] == "audit" and py["n"] == 1 and py["closed_form"]["status"] == "ok"
    # The worked example's I_FW (theory.md section 4) in double.
    assert py["closed_form"]["mi_nats"] == pytest.approx(0.6441643624040743, abs=1e-14)


def test_audit_rejects_bad_input():
    with pytest.raises(syninfo.InvalidInput):
        syninfo.audit(spec=WORKED, precision="100")
    with pytest.raises(syninfo.InvalidInput):
        syninfo.audit(spec=WORKED, samples=10)


def reference_rows():
    with open(ROOT / "validation" / "reference" / "reference_v1.csv") as f:
        return list(csv.DictReader(f))


def their_results(rows):
    """What a correct implementation reports: the reference value for ok
    cases (as a float, so rounded to double), the status and no value otherwise."""
    return [{"id": r["id"], "status": r["status"], "value": float(r["mi_nats"]) if r["status"] == "ok" else None}
            for r in rows]


def run_cli_check(results, tmp_path):
    path = tmp_path / "theirs.csv"
    with open(path, "w") as f:
        f.write("id,status,value\n")
        for r in results:
            f.write("%s,%s,%s\n" % (r["id"], r["status"], "" if r["value"] is None else repr(r["value"])))
    report = tmp_path / "report.json"
    proc = subprocess.run([os.environ["SYNINFO_CLI"], "check", str(path), "--reference", str(REFERENCE),
                           "--report-json", str(report)], capture_output=True, text=True)
    return proc.returncode, json.loads(report.read_text())


def test_check_reference_passes_and_equals_cli(tmp_path):
    results = their_results(reference_rows())
    py = syninfo.check_reference(results, reference=REFERENCE)
    code, out = run_cli_check(results, tmp_path)
    assert code == 0 and py == out
    assert py["command"] == "check" and py["result"] == "pass" and py["failed"] == 0
    assert py["passed"] == py["reference_cases"] == 300


def test_check_reference_names_a_wrong_value(tmp_path):
    results = their_results(reference_rows())
    bad = next(r for r in results if r["status"] == "ok")
    bad["value"] *= 1 + 1e-6  # far outside rtol 1e-9
    py = syninfo.check_reference(results, reference=str(REFERENCE))
    code, out = run_cli_check(results, tmp_path)
    assert code == 1 and py == out and py["result"] == "fail" and py["failed"] == 1
    verdict = next(c for c in py["cases"] if c["id"] == bad["id"])
    assert verdict["code"] == "value_out_of_tolerance"


def test_check_reference_rejects_bad_input():
    with pytest.raises(syninfo.InvalidInput):
        syninfo.check_reference(42, reference=REFERENCE)
    with pytest.raises(syninfo.InvalidInput):
        syninfo.check_reference([{"id": "v1_0001"}], reference=REFERENCE)
    with pytest.raises(syninfo.InvalidInput):
        syninfo.check_reference([{"id": "a,b", "value": 1.0}], reference=REFERENCE)
