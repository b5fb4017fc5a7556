#!/usr/bin/env bash
# The whole test suite on a fresh machine: install what is missing, build
# (Release, warnings are errors) and run every test with CTest.
#   scripts/test.sh              normal build in build/
#   scripts/test.sh --sanitize   AddressSanitizer + UBSan build in build-asan/
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
if [[ "${1:-}" == "--sanitize" ]]; then
  export BUILD_DIR="$root/build-asan" BUILD_TYPE=RelWithDebInfo
  "$root/scripts/build.sh" -DSYNINFO_SANITIZE=ON
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  export BUILD_DIR="$root/build"
  "$root/scripts/build.sh"
fi
cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc)" -LE long
