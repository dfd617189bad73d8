#!/usr/bin/env bash
# Pastes benchmarks/results/NAME into README.md between <!-- results:NAME --> and <!-- /results --> (ReadmeTests check
# that the two agree, so the README never quotes a figure nobody measured).
# Usage: eng/paste-results.sh NAME   (e.g. parquet.md)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$1" <<'PY'
import re, pathlib, sys
name = sys.argv[1]
readme = pathlib.Path("README.md")
table = pathlib.Path("benchmarks/results", name).read_text()
text, n = re.subn(r"(<!-- results:" + re.escape(name) + r" -->\n).*?(<!-- /results -->)",
                  lambda m: m.group(1) + table + m.group(2), readme.read_text(), flags=re.S)
if n != 1:
    raise SystemExit(f"README.md has no <!-- results:{name} --> section")
readme.write_text(text)
PY
echo "README.md updated from benchmarks/results/$1."
