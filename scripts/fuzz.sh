#!/usr/bin/env bash
# The libFuzzer target of the input readers (issue 13), with ASan and UBSan:
# installs clang and libFuzzer from Debian if missing, builds build-fuzz/ and
# runs the fuzz tests (the seeded mutation fuzzer and libFuzzer, label fuzz).
#   scripts/fuzz.sh            20,000 libFuzzer runs + 20,000 mutations
#   scripts/fuzz.sh -- ARGS    run the libFuzzer binary by hand with ARGS (e.g. -max_total_time=600 DIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y --no-install-recommends clang libclang-rt-14-dev
fi
build="$root/build-fuzz"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DSYNINFO_LIBFUZZER=ON >/dev/null
cmake --build "$build" -j "${JOBS:-$(nproc)}" --target syninfo_libfuzzer_readers syninfo_fuzz_inputs
if [[ "${1:-}" == "--" ]]; then
  shift
  exec "$build/syninfo_libfuzzer_readers" "$@"
fi
cd "$build"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -L fuzz -R "fuzz: "
