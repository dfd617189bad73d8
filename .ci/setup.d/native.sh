#!/usr/bin/env bash
# For eng/publish-native.sh and eng/check-native.sh (the native build of arxiv-digest): NativeAOT links with the
# system C toolchain. Debian packages; skipped when present.
set -euo pipefail
"$(dirname "$0")/../apt-install-missing.sh" native.sh gcc binutils zlib1g-dev
