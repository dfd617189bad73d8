#!/usr/bin/env bash
# Peak resident memory (RSS) of the arxiv-digest CLI converting the whole shared corpus, concatenated into ONE
# standard-input stream, to JSON Lines. Papers are streamed, so the peak should stay flat as the input grows; the
# largest single day is measured too, for comparison.
#
# Usage: benchmarks/peak-memory.sh   (from anywhere; paths are relative to the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpus/daily-arxiv
shopt -s nullglob
days=("$corpus"/*.md)
shopt -u nullglob
if [ ${#days[@]} -eq 0 ]; then
  echo "No digests in $corpus (the shared corpus beside the repository)." >&2
  exit 1
fi

. benchmarks/ensure-time.sh

echo "Building the CLI (Release)..."
dotnet build src/ArxivDigest.Cli -c Release -v quiet -nologo > /dev/null
cli=src/ArxivDigest.Cli/bin/Release/net10.0/arxiv-digest.dll
if [ ! -f "$cli" ]; then
  echo "Built CLI not found at $cli." >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure LABEL FILE...: cat FILE... | arxiv-digest convert - --to jsonl, under /usr/bin/time -v.
measure() {
  local label=$1
  shift
  local bytes
  bytes=$(cat "$@" | wc -c)
  cat "$@" | /usr/bin/time -v -o "$work/time.txt" dotnet "$cli" convert - --to jsonl -o "$work/out.jsonl" --quiet
  echo
  echo "== $label: $# file(s), $bytes bytes in one stream -> $(wc -l < "$work/out.jsonl") JSONL lines"
  grep -E 'Maximum resident set size|Elapsed \(wall clock\) time|Exit status' "$work/time.txt" | sed 's/^[[:space:]]*/   /'
}

largest=$(ls -S "${days[@]}" | head -n 1)
measure "largest day ($(basename "$largest"))" "$largest"
measure "whole corpus" "${days[@]}"
