#!/usr/bin/env bash
# The BibTeX writer's real-tool tests (tests/.../Writers/Bibtex/BibtexToolTests.cs) compile .bib files with pdflatex,
# bibtex and biber, read the PDFs back with pdftotext and the .bib files with pybtex. Debian packages, without their
# recommendations: the TeX binaries and LaTeX, biblatex (texlive-bibtex-extra) and the etoolbox it needs
# (texlive-latex-recommended), Latin Modern in T1 (lmodern), biber, poppler-utils, and pybtex (whose command names the
# Python that has the module). Skipped when everything is there already.
set -euo pipefail
"$(dirname "$0")/../apt-install-missing.sh" latex.sh \
  texlive-binaries texlive-latex-base texlive-latex-recommended texlive-bibtex-extra lmodern biber \
  poppler-utils python3-pybtex pybtex
