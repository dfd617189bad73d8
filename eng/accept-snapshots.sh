#!/usr/bin/env bash
# Accepts every received snapshot: renames tests/**/X.received.ext to X.verified.ext.
set -euo pipefail
cd "$(dirname "$0")/.."
find tests -name '*.received.*' -print0 | while IFS= read -r -d '' received; do
  mv -- "$received" "${received/.received./.verified.}"
  echo "accepted ${received/.received./.verified.}"
done
