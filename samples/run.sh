#!/usr/bin/env bash
# Builds and runs every sample against the packed packages, as a user's own programs would use them, and checks
# what each one gives. Packs the libraries into artifacts/packages first (and the framework-dependent tool, for the
# plug-in sample), unless they are there already for this version. Usage: samples/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
feed=artifacts/packages
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
mkdir -p "$feed"
for p in ArxivDigest.Parsing ArxivDigest.Parsing.Parquet ArxivDigest.Parsing.Docx; do
  if [ ! -f "$feed/$p.$version.nupkg" ]; then
    dotnet pack "src/$p" -c Release -o "$feed" -nologo -v quiet > /dev/null
  fi
done
if [ ! -f "$feed/ArxivDigest.Cli.any.$version.nupkg" ]; then
  dotnet pack src/ArxivDigest.Cli -c Release -r any -o "$feed" -nologo -v quiet -p:PackToolForThisMachine=false > /dev/null
fi
# Packages packed again under the same version must not come from an earlier restore.
rm -rf samples/.packages/arxivdigest.*

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=samples/data
run() { # run SAMPLE ARGS...: builds against the feed and runs it; stdout to $work/SAMPLE.out, stderr to $work/SAMPLE.err
  local sample=$1
  shift
  echo "== samples/$sample"
  dotnet build "samples/$sample" -c Release -nologo -v quiet -p:ArxivDigestVersion="$version" > "$work/$sample.build" \
    || { cat "$work/$sample.build"; exit 1; }
  dotnet "samples/$sample/bin/Release/net10.0/$sample.dll" "$@" > "$work/$sample.out" 2> "$work/$sample.err" \
    || { cat "$work/$sample.err"; echo "samples/$sample failed" >&2; exit 1; }
  head -n 4 "$work/$sample.out"
}
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAILED: $1: expected $2, got $3" >&2; exit 1; fi
  echo "ok: $1 ($3)"
}
papers=$(grep -c . "$data/2026-01-26_AI_enhanced_Chinese.jsonl")

run ReadTldrs "$data/2026-01-26.md"
check "a TL;DR line per paper" "$papers" "$(grep -c '^    ' "$work/ReadTldrs.out")"

run ParquetDuckDb "$data" "$work/papers.parquet"
check "digests converted" "$(ls "$data"/*.md | wc -l) digests" "$(head -n 1 "$work/ParquetDuckDb.out" | cut -d ' ' -f 1-2)"
check "categories DuckDB lists" 5 "$(tail -n +2 "$work/ParquetDuckDb.out" | grep -c ' papers (')"

run Bibtex "$data/2026-01-26.md" "$work/refs.bib"
check "BibTeX entries" "$papers" "$(grep -c '^@' "$work/refs.bib")"
check "abstracts" "$papers" "$(grep -c '^  abstract' "$work/refs.bib")"

run WordReadingList "$data/2026-01-26.md" "$work/list.docx"
kept=$(cut -d ' ' -f 1 "$work/WordReadingList.out")
cv=$(python3 -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if l.strip() and json.loads(l)["categories"][0] == "cs.CV"))' "$data/2026-01-26_AI_enhanced_Chinese.jsonl")
check "cs.CV papers in the reading list" "$cv" "$kept"
check "a Word document" "word/document.xml" "$(python3 -c 'import zipfile,sys; print("word/document.xml" if "word/document.xml" in zipfile.ZipFile(sys.argv[1]).namelist() else "no")' "$work/list.docx")"

run ForkTemplate "$data/fork/paper_template.md" "$data/fork/2025-05-15.md"
check "the fork's papers, no error" "4 papers read with the template 'paper_template.md', 0 errors" "$(tail -n 1 "$work/ForkTemplate.err")"
check "the fork's keywords by key" 4 "$(grep -c '^  keywords: ' "$work/ForkTemplate.out")"

echo "== samples/CsvPlugin, with the tool"
dotnet build samples/CsvPlugin -c Release -nologo -v quiet -p:ArxivDigestVersion="$version" > "$work/CsvPlugin.build" \
  || { cat "$work/CsvPlugin.build"; exit 1; }
dotnet tool install --tool-path "$work/tool" --add-source "$feed" --version "$version" ArxivDigest.Cli.any > /dev/null
"$work/tool/arxiv-digest" convert "$data/2026-01-26.md" --plugin samples/CsvPlugin/bin/Release/net10.0/CsvPlugin.dll -o "$work/papers.csv" --quiet
check "CSV rows (RFC 4180, header first)" "$papers" "$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline=""))); assert r[0][0]=="arxiv_id"; print(len(r)-1)' "$work/papers.csv")"
echo "All samples ran."
