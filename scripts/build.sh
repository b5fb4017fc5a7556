#!/usr/bin/env bash
# Configures and builds syninfo (Release, warnings are errors) into BUILD_DIR
# (default: build/). Extra arguments go to cmake's configure step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-$(nproc)}"
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DSYNINFO_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs"
