#!/usr/bin/env bash
# Runs the benchmarks on this machine and pastes the results into README.md, between the markers
# <!-- benchmarks:start --> and <!-- benchmarks:end -->, so the README never quotes a figure nobody measured.
# A test (ReadmeTests) checks that README.md holds exactly benchmarks/results/README-table.md.
# Run it on a quiet machine: it takes about ten minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet run -c Release --project benchmarks/ArxivDigest.Parsing.Benchmarks -- --filter '*'
report=BenchmarkDotNet.Artifacts/results/ArxivDigest.Parsing.Benchmarks.ParserBenchmarks-report-github.md
cp "$report" benchmarks/results/ParserBenchmarks-report-github.md

benchmarks/peak-memory.sh | tee benchmarks/results/peak-memory.txt

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version | sed 's/^/.NET SDK /')."
  echo
  # BenchmarkDotNet's environment block, then its table.
  sed -n '/^```/,/^```/p' "$report"
  echo
  grep '^|' "$report"
  echo
  echo "Peak memory (\`benchmarks/peak-memory.sh\`, the CLI converting to JSON Lines from one standard-input stream):"
  echo
  grep -E '^== |Maximum resident' benchmarks/results/peak-memory.txt | sed -E 's/^== (.*)/- \1/; s/^ +Maximum resident set size \(kbytes\): ([0-9]+)/  - peak RSS: \1 KB/'
} > benchmarks/results/README-table.md

python3 - <<'PY'
import re, pathlib
readme = pathlib.Path("README.md")
table = pathlib.Path("benchmarks/results/README-table.md").read_text()
text = readme.read_text()
text = re.sub(r"(<!-- benchmarks:start -->\n).*?(<!-- benchmarks:end -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
readme.write_text(text)
PY
echo "README.md updated from benchmarks/results/."
