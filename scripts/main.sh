#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build (Release),
# and run syninfo's main command on its default example.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
"$root/build/syninfo" mi "$root/examples/worked_example.json" "$@"
