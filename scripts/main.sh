#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build (Release),
# and run the validation suite at quick scale (about a minute on 2 cores):
# the paper's experiments with the closed form and the ground truth, written
# to out/validate-quick/ (report.md with the claims table first, CSVs,
# gnuplot scripts and PNGs). Arguments, if any, replace these defaults and go
# to `syninfo validate` (e.g. --scale paper --out out/validate-paper).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root"
# --force: a rerun replaces the previous report (validate refuses a non-empty
# directory otherwise); the new one appears only when it is complete.
if [[ $# -eq 0 ]]; then set -- --scale quick --out "$root/out/validate-quick" --force; fi
"$root/build/syninfo" validate "$@"
