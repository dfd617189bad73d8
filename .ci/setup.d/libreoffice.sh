#!/usr/bin/env bash
# For DocxLibreOfficeTests: LibreOffice Writer converts a generated reading list to PDF, poppler's pdftotext and
# pdfinfo read the PDF, and the Noto CJK fonts let the Chinese text render. Debian packages; skipped when present.
set -euo pipefail
"$(dirname "$0")/../apt-install-missing.sh" libreoffice.sh libreoffice-writer poppler-utils fonts-noto-cjk
command -v soffice >/dev/null && command -v pdftotext >/dev/null
