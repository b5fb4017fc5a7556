#!/usr/bin/env bash
# Benchmark (not a test): wall-clock time of the main job, `syninfo validate`
# at its quick default, against the 3-minute target on this machine, and the
# share of each stage (from the run's timings.json).
#   bench/validate_quick.sh [path/to/syninfo]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exe="${1:-$root/build/syninfo}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
"$exe" validate --scale quick --quiet --out "$out"
end=$(date +%s.%N)
python3 - "$start" "$end" "$out/timings.json" "$(nproc)" <<'PY'
import json, sys
start, end, path, cores = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
wall = end - start
t = json.load(open(path))
print(f"validate --scale quick: {wall:.1f} s wall on {cores} cores; target 180 s: ratio {wall / 180:.2f} "
      f"({'meets' if wall <= 180 else 'MISSES'} the target)")
for k in ("curves_seconds", "closed_form_samples_seconds", "ground_truth_seconds"):
    if k in t:
        print(f"  {k.replace('_seconds', ''):>20}: {t[k]:7.1f} s ({100 * t[k] / wall:4.1f}%)")
PY
