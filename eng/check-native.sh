#!/usr/bin/env bash
# Checks the native executable (eng/publish-native.sh) against the .NET tool: every format, option and command on
# the bundled samples and, when it is beside the repository, the whole shared corpus must give the same output and
# the same exit code. Parquet, JSON, JSON Lines, Markdown and BibTeX are compared byte for byte; a .docx by its XML
# parts, less the core-properties part (docProps/core.xml), which holds the generation time.
# Usage: eng/check-native.sh [NATIVE]   (default: publish it now with eng/publish-native.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

native=${1:-}
if [ -z "$native" ]; then
  native=$(eng/publish-native.sh | tail -n 1 | cut -d ' ' -f 1)
fi
dotnet build src/ArxivDigest.Cli -c Release -nologo -v quiet > /dev/null
managed=(dotnet src/ArxivDigest.Cli/bin/Release/net10.0/arxiv-digest.dll)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=0
failures=0

fail() {
  echo "DIFFERS: $*" >&2
  failures=$((failures + 1))
}

# run SIDE NAME ARGS...: runs one build (standard input from the file $STDIN, if set); stdout, stderr and the exit code go to $work/SIDE/NAME.{out,err,code}.
run() {
  local side=$1 name=$2
  shift 2
  mkdir -p "$work/$side"
  local status=0
  if [ "$side" = managed ]; then
    "${managed[@]}" "$@" < "${STDIN:-/dev/null}" > "$work/$side/$name.out" 2> "$work/$side/$name.err" || status=$?
  else
    "$native" "$@" < "${STDIN:-/dev/null}" > "$work/$side/$name.out" 2> "$work/$side/$name.err" || status=$?
  fi
  echo "$status" > "$work/$side/$name.code"
}

# same NAME ARGS...: runs both builds with ARGS (OUT in ARGS stands for a per-build output path) and compares.
same() {
  local name=$1
  shift
  local side args
  for side in managed native; do
    args=()
    for a in "$@"; do
      args+=("${a//OUT/$work/$side/$name.output}")
    done
    run "$side" "$name" "${args[@]}"
  done
  checks=$((checks + 1))
  cmp -s "$work/managed/$name.code" "$work/native/$name.code" || fail "$name: exit code $(cat "$work/managed/$name.code") vs $(cat "$work/native/$name.code")"
  cmp -s "$work/managed/$name.out" "$work/native/$name.out" || fail "$name: standard output"
  # Messages name the output path, which differs by build.
  diff -q <(sed "s#$work/managed/##g" "$work/managed/$name.err") <(sed "s#$work/native/##g" "$work/native/$name.err") > /dev/null || fail "$name: standard error"
  local m=$work/managed/$name.output n=$work/native/$name.output
  if [ -d "$m" ] || [ -d "$n" ]; then
    diff -r "$m" "$n" > /dev/null || fail "$name: output folder"
  elif [[ "$m" == *docx* ]] || [ "${name%%-*}" = docx ]; then
    mkdir -p "$m.x" "$n.x"
    (cd "$m.x" && unzip -q ../"$(basename "$m")")
    (cd "$n.x" && unzip -q ../"$(basename "$n")")
    diff -r -x core.xml "$m.x" "$n.x" > /dev/null || fail "$name: .docx parts"
  elif [ -e "$m" ] || [ -e "$n" ]; then
    cmp -s "$m" "$n" || fail "$name: output file"
  fi
}

inputs=(samples/*.md)
corpus=../shared/corpus/daily-arxiv
[ -d "$corpus" ] && inputs+=("$corpus")

i=0
for input in "${inputs[@]}"; do
  i=$((i + 1))
  for format in json jsonl markdown bibtex parquet docx; do
    same "$format-$i" convert "$input" --to "$format" -o OUT --quiet
  done
  same "json-daily-$i" convert "$input" --to jsonl --json-shape daily-arxiv --quiet
  same "bibtex-options-$i" convert "$input" --to bibtex --bib-key arxiv --bib-abstract --bib-note tldr --bib-ascii --quiet
  same "parquet-zstd-$i" convert "$input" --to parquet --parquet-compression zstd --parquet-row-group-size 1M -o OUT --quiet
  same "docx-flat-$i" convert "$input" --to docx --docx-group flat --docx-details false --docx-title "A list" -o OUT --quiet
  same "partitioned-$i" convert "$input" --to parquet --partition-by main_category -o OUT/ --quiet
  same "selection-$i" convert "$input" --to jsonl --category cs.CV --match-regex 'diffusion|transformer' --dedupe --quiet
  same "validate-$i" validate "$input"
  same "stats-$i" stats "$input" --json
done
STDIN=samples/2026-01-26.md same "stdin" convert - --to jsonl --date 2026-01-26
same "strict-error" convert samples/2026-01-26.md --to jsonl --strict --match '(' --category
same "usage-error" convert samples/2026-01-26.md --to nope
same "formats" formats
same "help" --help

# The one difference by design: the native build cannot load plug-ins, and says so (exit code 2).
run native plugin convert samples/2026-01-26.md --to tsv --plugin plugin.dll
checks=$((checks + 1))
if [ "$(cat "$work/native/plugin.code")" != 2 ] || ! grep -q "cannot load assemblies" "$work/native/plugin.err"; then
  fail "plug-in refusal: exit code $(cat "$work/native/plugin.code"), $(cat "$work/native/plugin.err")"
fi

echo "native build: $checks checks, $failures differences ($native)"
[ "$failures" -eq 0 ]
