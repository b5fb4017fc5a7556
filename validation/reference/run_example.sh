#!/bin/sh
# The README's example: run the standard-library Python implementation of
# I_FW over the reference set and check it with syninfo.
#   validation/reference/run_example.sh [path/to/syninfo]
set -e
here=$(cd "$(dirname "$0")" && pwd)
syninfo=${1:-$here/../../build/syninfo}
out=${TMPDIR:-/tmp}/syninfo_reference_example
mkdir -p "$out"
/usr/bin/python3 "$here/fw_python.py" "$here/reference_v1.jsonl" > "$out/THEIRS.csv"
"$syninfo" check "$out/THEIRS.csv" --reference "$here/reference_v1.jsonl" --report-json "$out/report.json"
echo "per-case report: $out/report.json"
