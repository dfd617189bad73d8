#!/usr/bin/env bash
# For eng/publish-native.sh and eng/check-native.sh (the native build of arxiv-digest): NativeAOT links with the
# system C toolchain. Debian packages; skipped when present.
set -euo pipefail
need=()
command -v gcc >/dev/null 2>&1 || command -v clang >/dev/null 2>&1 || need+=(gcc)
command -v ld >/dev/null 2>&1 || need+=(binutils)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
if [ "${#need[@]}" -eq 0 ]; then
  echo "a C toolchain and zlib1g-dev are installed"
  exit 0
fi
echo "installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
