#!/usr/bin/env bash
# The paper-scale validation at the best-matching reconstruction of the
# calibration (validation/calibration/ranges, point 2), with the ground truth,
# in shards that can run separately and are then merged:
#   validation/paper-calibrated/run.sh [path/to/syninfo] [shards]
# config.json is `syninfo calibrate --design validation/calibration/ranges.design.json
# --point 2 --print-config`. Finished shards (in shards/) are kept: a rerun
# skips them, so an interrupted run resumes where it stopped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exe="${1:-$here/../../build/syninfo}"
shards="${2:-3}"
for ((i = 0; i < shards; ++i)); do
  [[ -f "$here/shards/shard-$i-of-$shards.json" ]] && continue
  "$exe" validate --config "$here/config.json" --shard "$i/$shards" --threads 2 --out "$here/shards"
done
"$exe" merge "$here/shards" --out "$here/report" --force
