#!/usr/bin/env bash
# The CSL-JSON writer's real-tool tests (tests/.../Writers/Csl/CslToolTests.cs) render a month of the corpus with
# pandoc --citeproc and require no warning. Debian package, without its recommendations; skipped when present.
set -euo pipefail
"$(dirname "$0")/../apt-install-missing.sh" pandoc.sh pandoc
command -v pandoc >/dev/null
