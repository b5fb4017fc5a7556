#!/usr/bin/env bash
# Installs the Debian packages syninfo needs, only those that are missing.
# Uses sudo only when not running as root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libeigen3-dev libboost-dev libgsl-dev libmpfr-dev libgmp-dev libqd-dev
  catch2 librapidcheck-dev
  python3-mpmath gnuplot-nox
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # report.md rendered as report.html
  chromium  # the report.html test looks at the page in a real browser (headless)
  pybind11-dev python3-dev python3-numpy python3-pytest
)
# Optional extra: scikit-learn for the comparison benchmark in bench/.
if [[ "${SYNINFO_EXTRAS:-0}" == "1" ]]; then packages+=(python3-sklearn); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "syninfo: installing missing packages: ${missing[*]}" >&2
sudo_cmd=()
if [[ "$(id -u)" != "0" ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
