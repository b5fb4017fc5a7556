#!/usr/bin/env bash
# The calibration sweeps committed here (issue 11 section 4), in shards that
# can run separately (on any machine, in any order) and are then merged:
#   validation/calibration/run.sh [path/to/syninfo] [shards]
# Each design D.design.json gives shards in D.shards/ and the merged outputs
# in D/ (report.md, points.csv, heat maps). Finished shards are kept: a rerun
# skips them, so an interrupted sweep resumes where it stopped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exe="${1:-$here/../../build/syninfo}"
shards="${2:-4}"
for design in laws ranges; do
  for ((i = 0; i < shards; ++i)); do
    shard="$here/$design.shards/calibration-shard-$i-of-$shards.json"
    [[ -f "$shard" ]] && continue
    "$exe" calibrate --design "$here/$design.design.json" --shard "$i/$shards" --threads 2 --out "$here/$design.shards"
  done
  "$exe" calibrate --merge "$here/$design.shards" --out "$here/$design" --force
done
