#!/usr/bin/env bash
# For fuzz/smoke.sh (the fuzzing smoke test .ci/run runs after the tests): AFL++'s afl-fuzz drives the SharpFuzz
# harness. Debian package, without recommendations (it brings clang, already on the image); skipped when present.
set -euo pipefail
"$(dirname "$0")/../apt-install-missing.sh" fuzz.sh afl++
command -v afl-fuzz > /dev/null
