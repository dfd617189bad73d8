#!/usr/bin/env bash
# Fuzzes one target of the harness with AFL++: publishes the harness (Release), instruments the library's assemblies
# (the core's and the writer packages') with sharpfuzz, runs afl-fuzz on the seeds with the dictionary, then prints
# executions, time, crashes and hangs.
#
# Usage: fuzz/run-afl.sh TARGET [SECONDS]     TARGET: parser | writers | docx | roundtrip; SECONDS: 0 = until Ctrl-C
#
# Findings go to artifacts/fuzz/TARGET/ (git-ignored): crashes in default/crashes/, hangs in default/hangs/, the
# grown corpus in default/queue/. A second run on the same target resumes from there. Environment:
#   ARXIV_FUZZ_OUT          where the harness and the findings go (default: artifacts/fuzz in the repository)
#   ARXIV_FUZZ_FINDINGS     the findings folder of this run (default: $ARXIV_FUZZ_OUT/TARGET)
#   ARXIV_FUZZ_SKIP_BUILD=1 reuse the instrumented harness from an earlier run
#   ARXIV_FUZZ_TIMEOUT_MS   afl-fuzz -t, per input (default 2000; 5000 for docx)
#   ARXIV_FUZZ_MEMORY_MB    afl-fuzz -m, the address-space limit (default 8192: .NET reserves more than it uses)
#   ARXIV_FUZZ_HEAP_MB      the .NET GC heap limit (default 1024): an input that allocates more is an OutOfMemory crash
#   ARXIV_FUZZ_IGNORE       invariants not to check (comma-separated; see fuzz/README.md)
#   AFL_FUZZ_ARGS           more afl-fuzz options (e.g. "-s 1" for a fixed random seed)
set -euo pipefail

target=${1:?usage: fuzz/run-afl.sh TARGET [SECONDS]}
seconds=${2:-0}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${ARXIV_FUZZ_OUT:-$repo/artifacts/fuzz}
bin=$out/bin
findings=${ARXIV_FUZZ_FINDINGS:-$out/$target}
harness=$bin/ArxivDigest.Parsing.Fuzz

case $target in
  parser | writers | roundtrip | jsonl) timeout_ms=${ARXIV_FUZZ_TIMEOUT_MS:-2000} ;;
  docx) timeout_ms=${ARXIV_FUZZ_TIMEOUT_MS:-5000} ;;
  *) echo "run-afl.sh: unknown target '$target' (parser, writers, docx, roundtrip, jsonl)" >&2; exit 2 ;;
esac

if ! command -v afl-fuzz > /dev/null; then
  echo "run-afl.sh: afl-fuzz not found; install AFL++ (Debian: apt-get install --no-install-recommends afl++, or .ci/setup.d/fuzz.sh)" >&2
  exit 2
fi

if [ "${ARXIV_FUZZ_SKIP_BUILD:-}" != 1 ] || [ ! -x "$harness" ]; then
  echo "== Publishing the harness (Release) to $bin"
  start=$SECONDS
  mkdir -p "$out"
  rm -rf "$bin"   # sharpfuzz instruments in place: always start from a fresh copy of the library
  dotnet publish "$repo/fuzz/ArxivDigest.Parsing.Fuzz" -c Release -o "$bin" -nologo -v quiet -p:UseAppHost=true > "$out/publish.log" 2>&1 \
    || { cat "$out/publish.log" >&2; exit 1; }
  # The library and the writer packages' assemblies: the writers' code is guided by coverage too.
  echo "== Instrumenting ArxivDigest.Parsing.dll, ArxivDigest.Parsing.Parquet.dll, ArxivDigest.Parsing.Docx.dll"
  (cd "$repo" && dotnet tool restore > /dev/null \
    && for assembly in ArxivDigest.Parsing ArxivDigest.Parsing.Parquet ArxivDigest.Parsing.Docx; do
      dotnet tool run sharpfuzz "$bin/$assembly.dll" > /dev/null || exit 1
    done)
  echo "   ready in $((SECONDS - start)) s"
fi

mkdir -p "$findings" "$out/tmp"
stats=$findings/default/fuzzer_stats
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
input=$repo/fuzz/seeds
execs_before=0 time_before=0
if [ -f "$stats" ]; then
  # Resume the earlier run's queue; afl-fuzz moves its crashes and hangs to crashes.DATE/ and hangs.DATE/.
  input=-
  execs_before=$(stat execs_done) time_before=$(stat run_time)
fi

# The container needs these: no CPU frequency scaling to check, a core_pattern that may pipe to a handler, no
# terminal for the status screen, and no free core to pin to when another job has one.
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
# The target is a .NET program: afl-fuzz cannot see the instrumentation in the binary itself.
export AFL_SKIP_BIN_CHECK=1
# .NET JIT-compiles the harness on the first input: give the fork server time to start.
export AFL_FORKSRV_INIT_TMOUT=${AFL_FORKSRV_INIT_TMOUT:-30000}
export DOTNET_GCHeapHardLimit=$(printf '0x%x' $(( ${ARXIV_FUZZ_HEAP_MB:-1024} * 1024 * 1024 )))
export DOTNET_gcServer=0 DOTNET_TieredPGO=0 DOTNET_CLI_TELEMETRY_OPTOUT=1
export ARXIV_FUZZ_TMP=$out/tmp

args=(-i "$input" -o "$findings" -x "$repo/fuzz/digest.dict" -t "$timeout_ms" -m "${ARXIV_FUZZ_MEMORY_MB:-8192}")
if [ "$seconds" -gt 0 ]; then
  args+=(-V "$seconds")
fi
# shellcheck disable=SC2206
args+=(${AFL_FUZZ_ARGS:-})

echo "== afl-fuzz $target for ${seconds}s (0: until interrupted); findings in $findings"
set +e
afl-fuzz "${args[@]}" -- "$harness" "$target" > "$findings/afl-fuzz.log" 2>&1
status=$?
set -e

if [ ! -f "$stats" ]; then
  echo "run-afl.sh: afl-fuzz did not start (exit $status); its log:" >&2
  tail -40 "$findings/afl-fuzz.log" >&2
  exit 1
fi

crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2> /dev/null | wc -l)
hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2> /dev/null | wc -l)
execs=$(( $(stat execs_done) - execs_before ))
time=$(( $(stat run_time) - time_before ))
echo "== $target: $execs executions in $time s ($(( execs / (time > 0 ? time : 1) )) exec/s), corpus $(stat corpus_count)," \
  "coverage $(stat bitmap_cvg), crashes $crashes, hangs $hangs"
earlier=$(find "$findings/default" -type f \( -path '*/crashes.*/id:*' -o -path '*/hangs.*/id:*' \) | wc -l)
if [ "$earlier" -gt 0 ]; then
  echo "   (and $earlier crashes or hangs of earlier runs, in $findings/default/crashes.*/ and hangs.*/)"
fi
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
  echo "   reproducers: $findings/default/crashes/ and $findings/default/hangs/"
  echo "   replay them: $harness replay $target $findings/default/crashes"
fi
exit "$status"
