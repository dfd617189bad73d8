#!/usr/bin/env bash
# Converts the whole shared corpus to one Parquet file with our parser and writer, and has DuckDB convert the same
# papers from the source JSON lines (COPY (SELECT * FROM read_json_auto('…/*_AI_enhanced_Chinese.jsonl')) TO '…'),
# in the same run, alternating, on this machine. Writes benchmarks/results/parquet.md and pastes it into README.md
# between <!-- results:parquet.md --> and <!-- /results --> (a test checks that the two agree).
#
# Measured, per side, alternating:
# - whole processes, 5 each: the native tool (published first by eng/publish-native.sh), the .NET tool, and a
#   .NET process running DuckDB's COPY through DuckDB.NET (wall time and peak RSS from /usr/bin/time);
# - in-process, 5 fresh processes each: the first conversion (cold: JIT and caches included), our library and DuckDB;
# - in-process, warm: one process with 1 + 30 conversions; the first 15 of the 30 warm up, the median of the last 15.
# Usage: benchmarks/parquet-vs-duckdb.sh   (needs ../shared/corpus beside the repository; about two minutes)
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
native=$(eng/publish-native.sh | tail -n 1 | cut -d ' ' -f 1)
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
  measure native "$native" convert "$corpus" -o "$work/native.parquet" --quiet
  measure tool dotnet "$cli" convert "$corpus" -o "$work/tool.parquet" --quiet
  measure cold dotnet "$bench" --convert-parquet "$work/ours.parquet" default 0
  measure cold dotnet "$bench" --convert-parquet "$work/ours-zstd.parquet" zstd 0
  measure cold dotnet "$bench" --convert-duckdb "$work/duckdb.parquet" 0
done
measure warm dotnet "$bench" --convert-parquet "$work/ours.parquet" default 30
measure warm dotnet "$bench" --convert-parquet "$work/ours-zstd.parquet" zstd 30
measure warm dotnet "$bench" --convert-duckdb "$work/duckdb.parquet" 30
cmp "$work/native.parquet" "$work/tool.parquet"

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version | sed 's/^/.NET SDK /'), Parquet.Net 6.1.0, DuckDB 1.5.6 (DuckDB.NET.Data.Full), on the shared corpus: $(ls "$corpus"/*.md | wc -l) digests, $(cat "$corpus"/*.md | wc -c) bytes of Markdown for ours, $(cat "$corpus"/*_AI_enhanced_Chinese.jsonl | wc -c) bytes of JSON lines for DuckDB."
  echo
  python3 - "$raw" "$(stat -c %s "$work/native.parquet")" <<'TABLE'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
native_bytes = int(sys.argv[2])
med = statistics.median
def side(kind, name=None, codec=None):
    return [r for r in rows if r[0] == kind and (name is None or r[1] == name) and (codec is None or r[2] == codec)]
def process(kind):
    # "LABEL - wall rss" for the tools; "cold NAME CODEC papers cold_ms warm_ms bytes wall rss" for the others.
    rs = side(kind)
    return med([float(r[-2]) for r in rs]), max(int(r[-1]) for r in rs)
papers = int(side("cold", "ours", "default")[0][3])
def rate(ms):
    return papers / ms * 1000
def row(label, ms, bytes_=None, rss=None, how=""):
    out = f"{bytes_ / 1e6:.1f} MB" if bytes_ else ""
    mem = f"{rss / 1024:.0f} MB" if rss else ""
    print(f"| {label} | {how} | {ms:,.0f} ms | {rate(ms):,.0f} | {out} | {mem} |")
    return rate(ms)

print(f"{papers:,} papers. Whole processes: the median of 5 runs, peak RSS the largest of 5; in-process: the conversion alone, "
      "cold = the first in a fresh process (median of 5), warm = the median of 15 after 15 warm-up runs.")
print()
print("| Conversion | Measured | Time | Papers/s | Output | Peak RSS |")
print("|---|---|--:|--:|--:|--:|")
nat_s, nat_rss = process("native")
tool_s, tool_rss = process("tool")
ours_cold = side("cold", "ours", "default"); zstd_cold = side("cold", "ours", "zstd"); duck_cold = side("cold", "duckdb")
ours_warm = side("warm", "ours", "default")[0]; zstd_warm = side("warm", "ours", "zstd")[0]; duck_warm = side("warm", "duckdb")[0]
r_native = row("ours: `arxiv-digest convert` (native build)", nat_s * 1000, native_bytes, nat_rss, "whole process")
r_tool = row("ours: `arxiv-digest convert` (.NET tool)", tool_s * 1000, native_bytes, tool_rss, "whole process")
r_cold = row("ours: library, `ParquetPaperWriter` (snappy, the default)", med([float(r[4]) for r in ours_cold]), int(ours_cold[0][6]), None, "in-process, cold")
r_warm = row("ours: library, `ParquetPaperWriter` (snappy, the default)", float(ours_warm[5]), int(ours_warm[6]), None, "in-process, warm")
row("ours: library, `ParquetPaperWriter`, zstd", float(zstd_warm[5]), int(zstd_warm[6]), None, "in-process, warm")
d_proc = row("DuckDB: `COPY (SELECT * FROM read_json_auto(…)) TO '…' (FORMAT parquet)` in a .NET process (DuckDB.NET)",
             med([float(r[7]) for r in duck_cold]) * 1000, int(duck_cold[0][6]), max(int(r[8]) for r in duck_cold), "whole process")
d_cold = row("DuckDB: the `COPY` statement alone", med([float(r[4]) for r in duck_cold]), int(duck_cold[0][6]), None, "in-process, cold")
d_warm = row("DuckDB: the `COPY` statement alone", float(duck_warm[5]), int(duck_warm[6]), None, "in-process, warm")
print()
print(f"Papers per second over DuckDB's (target ≥ 2×): the native tool's whole process {r_native / d_cold:.1f}× DuckDB's cold `COPY` alone "
      f"({r_native / d_proc:.1f}× its process); the library warm {r_warm / d_warm:.1f}× DuckDB warm, cold {r_cold / d_cold:.1f}×; "
      f"the .NET tool's process {r_tool / d_proc:.1f}× DuckDB's process. "
      f"Peak memory of the tools: {nat_rss / 1024:.0f} MB native, {tool_rss / 1024:.0f} MB .NET (target < 200 MB).")
TABLE
} > benchmarks/results/parquet.md

cat benchmarks/results/parquet.md
eng/paste-results.sh parquet.md
