#!/usr/bin/env bash
# For DocxLibreOfficeTests: LibreOffice Writer converts a generated reading list to PDF, poppler's pdftotext and
# pdfinfo read the PDF, and the Noto CJK fonts let the Chinese text render. Debian packages; skipped when present.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ "${#need[@]}" -eq 0 ]; then
  echo "libreoffice-writer, poppler-utils and fonts-noto-cjk are installed"
  exit 0
fi
echo "installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
command -v soffice >/dev/null && command -v pdftotext >/dev/null
