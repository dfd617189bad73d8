#!/usr/bin/env bash
# The BibTeX writer's real-tool tests (tests/.../Writers/Bibtex/BibtexToolTests.cs) compile .bib files with pdflatex,
# bibtex and biber, read the PDFs back with pdftotext and the .bib files with pybtex. Debian packages, without their
# recommendations: the TeX binaries and LaTeX, biblatex (texlive-bibtex-extra) and the etoolbox it needs
# (texlive-latex-recommended), Latin Modern in T1 (lmodern), biber, poppler-utils, and pybtex (whose command names the
# Python that has the module). Skipped when everything is there already.
set -euo pipefail

packages=(texlive-binaries texlive-latex-base texlive-latex-recommended texlive-bibtex-extra lmodern biber
          poppler-utils python3-pybtex pybtex)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "latex.sh: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "latex.sh: installing ${missing[*]}"
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
echo "latex.sh: installed in $((SECONDS - start)) s"
