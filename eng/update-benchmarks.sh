#!/usr/bin/env bash
# Runs the parser benchmarks on this machine and pastes the results into README.md, between the markers
# <!-- results:README-table.md --> and <!-- /results -->, so the README never quotes a figure nobody measured.
# A test (ReadmeTests) checks that every such section of README.md holds exactly the file it names in benchmarks/results/.
# Run it on a quiet machine: it takes about five minutes. With --render-only it only rewrites the README section
# from the results already in benchmarks/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

report=benchmarks/results/ParserBenchmarks-report-github.md
if [ "${1:-}" != "--render-only" ]; then
  dotnet run -c Release --project benchmarks/ArxivDigest.Parsing.Benchmarks -- --filter '*'
  cp BenchmarkDotNet.Artifacts/results/ArxivDigest.Parsing.Benchmarks.ParserBenchmarks-report-github.md "$report"
  benchmarks/peak-memory.sh | tee benchmarks/results/peak-memory.txt
  date -u +%Y-%m-%d > benchmarks/results/date.txt
fi

{
  echo "Measured $(cat benchmarks/results/date.txt) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version | sed 's/^/.NET SDK /')."
  echo
  # BenchmarkDotNet's environment block, then its table.
  sed -n '/^```/,/^```/p' "$report"
  echo
  grep '^|' "$report" | sed 's/\*\*//g'   # no bold: every row reads the same
  echo
  # The ratios the targets speak of, computed from the MB/s column above.
  python3 - "$report" <<'RATIOS'
import re, sys
rows = [l for l in open(sys.argv[1]) if l.startswith("|") and "---" not in l]
head = [c.strip() for c in rows[0].strip("|\n").split("|")]
speed = {}
for l in rows[1:]:
    cells = [c.strip().replace("**", "") for c in l.strip("|\n").split("|")]
    if cells[0]:
        speed[(cells[head.index("Input")], cells[0])] = float(cells[head.index("MB/s")].replace(",", ""))
print("| Input | Ours | vs Markdig (target ≥ 3×) | vs Regex (target ≥ 3×) | transcoding / ours (target ≤ 4×) |")
print("|---|---|--:|--:|--:|")
for inp in sorted({k[0] for k in speed}, key=lambda i: (i != "day", i)):
    for ours in ("ArxivDigestParse", "ArxivDigestStream"):
        v = speed[(inp, ours)]
        print(f"| {inp} | {ours} | {v / speed[(inp, 'MarkdigParse')]:.1f}× | {v / speed[(inp, 'RegexExtract')]:.1f}× | {speed[(inp, 'Utf8Transcode')] / v:.1f}× |")
RATIOS
  echo
  echo "Peak memory (\`benchmarks/peak-memory.sh\`, the CLI converting to JSON Lines from one standard-input stream):"
  echo
  grep -E '^== |Maximum resident' benchmarks/results/peak-memory.txt | sed -E 's/^== (.*)/- \1/; s/^ +Maximum resident set size \(kbytes\): ([0-9]+)/  - peak RSS: \1 KB/'
} > benchmarks/results/README-table.md

eng/paste-results.sh README-table.md
