#!/usr/bin/env bash
# The paper-scale validation at the default reconstruction (as
# validation/paper, N = 64) with a ground-truth subsample sized to decide
# C5's trend: 80 synergy ensembles per size (720, against 54) at half the smc
# work budget (50,000 instead of 100,000: the control variates of smc keep
# the standard error about where it was). In shards that run separately:
#   validation/paper-sized/run.sh [path/to/syninfo] [shards] [threads]
# Finished shards (in shards/) are kept and skipped, so an interrupted run
# resumes; the merge runs only when every shard is there. Every shard must
# come from the same binary (the commit is in README.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exe="${1:-$here/../../build/syninfo}"
shards="${2:-12}"
threads="${3:-2}"
mkdir -p "$here/shards"
for ((i = 0; i < shards; ++i)); do
  [[ -f "$here/shards/shard-$i-of-$shards.json" ]] && continue
  "$exe" validate --config "$here/config.json" --shard "$i/$shards" --threads "$threads" --quiet --out "$here/shards"
done
"$exe" merge "$here/shards" --out "$here/report" --force
