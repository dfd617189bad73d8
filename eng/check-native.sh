#!/usr/bin/env bash
# Checks the native executable (eng/publish-native.sh) against the .NET tool: every format, option and command on
# the bundled samples and, when it is beside the repository, the whole shared corpus must give the same output and
# the same exit code. Parquet, JSON, JSON Lines, Markdown, BibTeX, Atom and RSS are compared byte for byte; a .docx by its XML
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

inputs=(samples/data/*.md)
corpus=../shared/corpus/daily-arxiv
[ -d "$corpus" ] && inputs+=("$corpus")

i=0
for input in "${inputs[@]}"; do
  i=$((i + 1))
  for format in json jsonl markdown bibtex csl-json ris parquet docx atom rss; do
    same "$format-$i" convert "$input" --to "$format" -o OUT --quiet
  done
  same "json-daily-$i" convert "$input" --to jsonl --json-shape daily-arxiv --quiet
  same "bibtex-options-$i" convert "$input" --to bibtex --bib-key arxiv --bib-abstract --bib-note tldr --bib-ascii --quiet
  same "parquet-zstd-$i" convert "$input" --to parquet --parquet-compression zstd --parquet-row-group-size 1M -o OUT --quiet
  same "feed-options-$i" convert "$input" --to rss --feed-title "A feed" --feed-link https://example.org/ --feed-self https://example.org/f.rss --feed-content false --quiet
  same "docx-flat-$i" convert "$input" --to docx --docx-group flat --docx-details false --docx-title "A list" -o OUT --quiet
  same "partitioned-$i" convert "$input" --to parquet --partition-by main_category -o OUT/ --quiet
  same "selection-$i" convert "$input" --to jsonl --category cs.CV --match-regex 'diffusion|transformer' --dedupe --quiet
  same "exclude-$i" convert "$input" --to jsonl --exclude-match diffusion --exclude-category cs.CL --quiet
  same "validate-$i" validate "$input"
  same "stats-$i" stats "$input" --json
done
STDIN=samples/data/2026-01-26.md same "stdin" convert - --to jsonl --date 2026-01-26
same "strict-error" convert samples/data/2026-01-26.md --to jsonl --strict --match '(' --category
same "usage-error" convert samples/data/2026-01-26.md --to nope
same "wrong-format-option" convert samples/data/2026-01-26.md --to jsonl --bib-abstract
same "unknown-option" convert samples/data/2026-01-26.md --to jsonl --option typo=1
same "formats" formats
same "help" --help

same "flag-values" convert samples/data/2026-01-26.md --to bibtex --bib-abstract no --bib-ascii yes --quiet
for side in managed native; do cp samples/data/2026-01-26.md "$work/$side/output-is-input.output"; done
same "output-is-input" convert OUT --to jsonl -o OUT
cmp -s samples/data/2026-01-26.md "$work/native/output-is-input.output" || fail "output-is-input: the input was overwritten"

# What needs a real process, checked on each build against what it must do: special files as outputs, a closed
# output pipe, signals. Standard input is a FIFO held open here, so that a conversion is under way when signalled.
# behave SIDE: the checks for one build.
behave() {
  local side=$1 d=$work/$1/process tool status sig format output
  if [ "$side" = managed ]; then tool=("${managed[@]}"); else tool=("$native"); fi
  mkdir -p "$d"
  checks=$((checks + 1))
  # Job control on: without it, a shell starts background commands with SIGINT ignored, and they keep it so.
  set -m

  # A FIFO is written through, not replaced.
  mkfifo "$d/fifo"
  cat "$d/fifo" > "$d/fifo.out" &
  "${tool[@]}" convert samples/data/2026-01-26.md --to jsonl -o "$d/fifo" --quiet || fail "$side: writing through a FIFO failed"
  wait
  [ -p "$d/fifo" ] && [ "$(wc -l < "$d/fifo.out")" -eq 106 ] || fail "$side: the FIFO output was replaced or is incomplete"

  # As root, a private /dev/full: written through, and the failure says why.
  if [ "$(id -u)" = 0 ] && mknod "$d/full" c 1 7 2> /dev/null; then
    status=0
    "${tool[@]}" convert samples/data/2026-01-26.md --to jsonl -o "$d/full" 2> "$d/full.err" || status=$?
    [ "$status" = 1 ] && grep -q "No space left on device" "$d/full.err" && [ -c "$d/full" ] || fail "$side: -o onto a full device: exit code $status, $(cat "$d/full.err")"
  fi

  # A reader that stops reading: exit code 141, no claim of success.
  set +o pipefail
  "${tool[@]}" convert samples/data --to jsonl 2> "$d/pipe.err" | head -c 100 > /dev/null
  status=${PIPESTATUS[0]}
  set -o pipefail
  [ "$status" = 141 ] && ! grep -q "papers to standard output" "$d/pipe.err" || fail "$side: closed pipe: exit code $status, $(cat "$d/pipe.err")"

  # Ctrl+C and SIGTERM during a conversion: exit code 130, one line, no temporary left, the previous output intact.
  for sig in INT TERM; do
    for format in jsonl json markdown bibtex parquet docx dataset; do
      output=$d/out-$sig.$format
      args=(--to "$format" -o "$output")
      if [ "$format" = dataset ]; then args=(-o "$output" --partition-by main_category); mkdir -p "$output/main_category=x"; printf 'previous\n' > "$output/main_category=x/part-00000.parquet"; else printf 'previous\n' > "$output"; fi
      # This shell holds the FIFO open (fd 3), so no open blocks and the tool never sees its end; a writer of its own
      # (fd 5, opened here so that it cannot block) feeds it part of a day, less than a pipe holds.
      rm -f "$d/stdin" && mkfifo "$d/stdin"
      exec 3<> "$d/stdin" 5> "$d/stdin"
      head -c 60000 samples/data/2026-01-26.md >&5 3>&- 5>&- &
      exec 5>&-
      "${tool[@]}" convert - --date 2026-01-26 "${args[@]}" < "$d/stdin" 2> "$d/signal.err" 3>&- &
      local pid=$! i
      for i in $(seq 1 1000); do compgen -G "$d/.out-$sig.$format.*.tmp" > /dev/null && break; sleep 0.01; done
      kill -s "$sig" "$pid" || true
      status=0
      wait "$pid" || status=$?
      exec 3>&-
      wait
      [ "$status" = 130 ] && [ "$(cat "$d/signal.err")" = "Cancelled; no partial output was left behind." ] || fail "$side: SIG$sig ($format): exit code $status, $(cat "$d/signal.err")"
      ! compgen -G "$d/.*.tmp" > /dev/null || fail "$side: SIG$sig ($format) left $(compgen -G "$d/.*.tmp")"
      if [ "$format" = dataset ]; then [ "$(cat "$output/main_category=x/part-00000.parquet")" = previous ]; else [ "$(cat "$output")" = previous ]; fi || fail "$side: SIG$sig ($format): the previous output changed"
    done
  done

  # Output stalled in the kernel (a FIFO nobody reads): a second Ctrl+C ends the run at once.
  mkfifo "$d/stall"
  exec 4<> "$d/stall"
  "${tool[@]}" convert samples/data --to jsonl -o "$d/stall" --quiet 2> "$d/stall.err" 4<&- &
  local stalled=$!
  # Once it has the FIFO open, its signal handlers are in place (without /proc, a second is plenty).
  if [ -d /proc/self/fd ]; then
    for i in $(seq 1 1000); do
      [ "$(cat "/proc/$stalled/comm" 2> /dev/null)" != bash ] && ls -l "/proc/$stalled/fd" 2> /dev/null | grep -q -- "-> $d/stall\$" && break
      sleep 0.01
    done
  else
    sleep 1
  fi
  kill -s INT "$stalled" || true
  kill -s INT "$stalled" || true
  status=0
  wait "$stalled" || status=$?
  exec 4<&-
  [ "$status" = 130 ] && [ "$(cat "$d/stall.err")" = "Cancelled; no partial output was left behind." ] || fail "$side: stalled output: exit code $status, $(cat "$d/stall.err")"
  set +m
}
behave managed
behave native

# The one difference by design: the native build cannot load plug-ins, and says so (exit code 2).
run native plugin convert samples/data/2026-01-26.md --to tsv --plugin plugin.dll
checks=$((checks + 1))
if [ "$(cat "$work/native/plugin.code")" != 2 ] || ! grep -q "cannot load assemblies" "$work/native/plugin.err"; then
  fail "plug-in refusal: exit code $(cat "$work/native/plugin.code"), $(cat "$work/native/plugin.err")"
fi

echo "native build: $checks checks, $failures differences ($native)"
[ "$failures" -eq 0 ]
