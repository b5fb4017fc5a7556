#!/usr/bin/env bash
# The calibration sweeps committed here (issue 11 section 4), in shards that
# can run separately (on any machine, in any order) and are then merged:
#   validation/calibration/run.sh [path/to/syninfo]
# Each design D.design.json gives shards in D.shards/ and the merged outputs
# in D/ (report.md, points.csv, heat maps). Finished shards are kept: a rerun
# skips them, so an interrupted sweep resumes where it stopped. The shard
# count of each design is the one its committed shards were made with.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exe="${1:-$here/../../build/syninfo}"
for entry in laws:4 ranges:4 replicates:1; do
  design="${entry%%:*}" shards="${entry##*:}"
  for ((i = 0; i < shards; ++i)); do
    shard="$here/$design.shards/calibration-shard-$i-of-$shards.json"
    [[ -f "$shard" ]] && continue
    "$exe" calibrate --design "$here/$design.design.json" --shard "$i/$shards" --threads 2 --out "$here/$design.shards"
  done
  "$exe" calibrate --merge "$here/$design.shards" --out "$here/$design" --force
done
