#!/usr/bin/env bash
# Converts the whole shared corpus to one Parquet file with our parser and writer, and has DuckDB convert the same
# papers from the source JSON lines (COPY (SELECT * FROM read_json_auto('…/*_AI_enhanced_Chinese.jsonl')) TO '…'),
# in the same run, alternating, on this machine. Writes benchmarks/results/parquet.md and pastes it into README.md
# between <!-- results:parquet.md --> and <!-- /results --> (a test checks that the two agree).
#
# Per side: 5 fresh processes with one conversion each (cold: JIT and caches included; peak RSS from /usr/bin/time),
# then one process with 1 + 10 conversions (the median of the last 10 is the warm figure).
# Usage: benchmarks/parquet-vs-duckdb.sh   (needs ../shared/corpus beside the repository; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpus/daily-arxiv
if ! ls "$corpus"/*.md > /dev/null 2>&1; then
  echo "No digests in $corpus (the shared corpus beside the repository)." >&2
  exit 1
fi

. benchmarks/ensure-time.sh

echo "Building (Release)..."
dotnet build benchmarks/ArxivDigest.Parsing.Benchmarks -c Release -v quiet -nologo > /dev/null
dotnet build src/ArxivDigest.Cli -c Release -v quiet -nologo > /dev/null
bench=benchmarks/ArxivDigest.Parsing.Benchmarks/bin/Release/net10.0/ArxivDigest.Parsing.Benchmarks.dll
cli=src/ArxivDigest.Cli/bin/Release/net10.0/arxiv-digest.dll

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
raw=benchmarks/results/parquet-raw.txt
: > "$raw"

# measure LABEL COMMAND...: one process under /usr/bin/time; appends "LABEL <program's line> wall_s rss_kb" to $raw.
measure() {
  local label=$1
  shift
  local line
  line=$(/usr/bin/time -f '%e %M' -o "$work/time.txt" "$@")
  echo "$label ${line:--} $(cat "$work/time.txt")" | tee -a "$raw"
}

for i in 1 2 3 4 5; do
  measure cold dotnet "$bench" --convert-parquet "$work/ours.parquet" default 0
  measure cold dotnet "$bench" --convert-parquet "$work/ours-zstd.parquet" zstd 0
  measure cold dotnet "$bench" --convert-duckdb "$work/duckdb.parquet" 0
  measure tool dotnet "$cli" convert "$corpus" -o "$work/tool.parquet" --quiet
done
measure warm dotnet "$bench" --convert-parquet "$work/ours.parquet" default 10
measure warm dotnet "$bench" --convert-parquet "$work/ours-zstd.parquet" zstd 10
measure warm dotnet "$bench" --convert-duckdb "$work/duckdb.parquet" 10

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version | sed 's/^/.NET SDK /'), Parquet.Net 6.1.0, DuckDB 1.5.6 (DuckDB.NET.Data.Full), on the shared corpus: $(ls "$corpus"/*.md | wc -l) digests, $(cat "$corpus"/*.md | wc -c) bytes of Markdown for ours, $(cat "$corpus"/*_AI_enhanced_Chinese.jsonl | wc -c) bytes of JSON lines for DuckDB."
  echo
  python3 - "$raw" <<'TABLE'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def side(kind, name, codec=None):
    return [r for r in rows if r[0] == kind and r[1] == name and (codec is None or r[2] == codec)]
def med(values):
    return statistics.median(values)
print("| Conversion | Papers | Output | Cold: in-process (median of 5) | Cold papers/s | Warm: in-process (median of 10) | Warm papers/s | Process wall time (median of 5) | Peak RSS (max of 5) |")
print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
result = {}
for label, name, codec in [("ours: digests → Parquet, snappy (default)", "ours", "default"), ("ours: digests → Parquet, zstd", "ours", "zstd"), ("DuckDB: JSON lines → Parquet (its default, snappy)", "duckdb", None)]:
    cold, warm = side("cold", name, codec), side("warm", name, codec)
    papers = int(cold[0][3])
    c = med([float(r[4]) for r in cold]); w = float(warm[0][5])
    wall = med([float(r[7]) for r in cold]); rss = max(int(r[8]) for r in cold)
    result[(name, codec)] = (papers / c * 1000, papers / w * 1000, rss)
    print(f"| {label} | {papers:,} | {int(cold[0][6]) / 1e6:.1f} MB | {c:.0f} ms | {papers / c * 1000:,.0f} | {w:.0f} ms | {papers / w * 1000:,.0f} | {wall:.2f} s | {rss / 1024:.0f} MB |")
tool = side("tool", "-")
print(f"| `arxiv-digest convert ../shared/corpus/daily-arxiv/ -o papers.parquet` (the whole tool) | 4,300 | | | | | | {med([float(r[2]) for r in tool]):.2f} s | {max(int(r[3]) for r in tool) / 1024:.0f} MB |")
ours, duck = result[("ours", "default")], result[("duckdb", None)]
print()
print(f"Papers per second, ours (snappy) over DuckDB's: {ours[1] / duck[1]:.1f}× warm, {ours[0] / duck[0]:.1f}× cold (target ≥ 2×). "
      f"Peak memory of the tool: {max(int(r[3]) for r in tool) / 1024:.0f} MB (target < 200 MB).")
TABLE
} > benchmarks/results/parquet.md

python3 - <<'PY'
import re, pathlib
readme = pathlib.Path("README.md")
table = pathlib.Path("benchmarks/results/parquet.md").read_text()
text = readme.read_text()
text, n = re.subn(r"(<!-- results:parquet.md -->\n).*?(<!-- /results -->)", lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
if n != 1:
    raise SystemExit("README.md has no <!-- results:parquet.md --> section")
readme.write_text(text)
PY
cat benchmarks/results/parquet.md
echo "README.md updated from benchmarks/results/parquet.md."
