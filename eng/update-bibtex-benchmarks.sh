#!/usr/bin/env bash
# Runs the BibTeX writer benchmark (benchmarks/ArxivDigest.Parsing.Benchmarks/BibtexBenchmarks.cs) on this machine,
# writes benchmarks/results/bibtex.md and pastes it into README.md between <!-- results:bibtex.md --> and
# <!-- /results --> (ReadmeTests checks that the README quotes the file exactly). About two minutes; run it on a quiet
# machine. With --render-only it only rewrites the README section from benchmarks/results/bibtex.md.
set -euo pipefail
cd "$(dirname "$0")/.."

results=benchmarks/results/bibtex.md
if [ "${1:-}" != "--render-only" ]; then
  dotnet run -c Release --project benchmarks/ArxivDigest.Parsing.Benchmarks -- --filter '*BibtexBenchmarks*'
  report=BenchmarkDotNet.Artifacts/results/ArxivDigest.Parsing.Benchmarks.BibtexBenchmarks-report-github.md
  {
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(dotnet --version | sed 's/^/.NET SDK /'): the whole corpus (every digest, parsed beforehand) written in memory as one file: BibTeX with its options and over pinned keys (the corpus's own .bib replaced), then CSL-JSON, RIS, Atom and RSS with their defaults."
    echo
    grep '^|' "$report" | sed 's/\*\*//g'
  } > "$results"
fi

eng/paste-results.sh bibtex.md
