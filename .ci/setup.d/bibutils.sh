#!/usr/bin/env bash
# The RIS writer's real-tool tests (tests/.../Writers/Ris/RisToolTests.cs) read a month of the corpus back with
# bibutils' ris2xml (RIS to MODS XML) and require every record and no complaint. Debian package; skipped when present.
set -euo pipefail
"$(dirname "$0")/../apt-install-missing.sh" bibutils.sh bibutils
command -v ris2xml >/dev/null
