#!/usr/bin/env bash
# CI smoke test of the fuzzing harness: every seed passes every target (replayed without afl-fuzz), then each
# target runs under afl-fuzz for a few seconds. Fails, naming the reproducer, if a seed fails or afl-fuzz finds a
# crash or a hang. Needs AFL++ (.ci/setup.d/fuzz.sh installs it).
#
# Environment: ARXIV_FUZZ_SMOKE_SECONDS (per target, default 8), ARXIV_FUZZ_SMOKE_TARGETS (default: all five),
# ARXIV_FUZZ_IGNORE (invariants not to check; see fuzz/README.md). Findings go to artifacts/fuzz-smoke/ (git-ignored).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
seconds=${ARXIV_FUZZ_SMOKE_SECONDS:-8}
targets=${ARXIV_FUZZ_SMOKE_TARGETS:-parser writers docx roundtrip jsonl}
export ARXIV_FUZZ_OUT=$repo/artifacts/fuzz-smoke
# A fixed random seed: a run is as repeatable as afl-fuzz allows (its timing still varies).
export AFL_FUZZ_ARGS=${AFL_FUZZ_ARGS:--s 1}
rm -rf "$ARXIV_FUZZ_OUT"
mkdir -p "$ARXIV_FUZZ_OUT"
harness=$ARXIV_FUZZ_OUT/bin/ArxivDigest.Parsing.Fuzz
start=$SECONDS
failed=()

build=0
for target in $targets; do
  findings=$ARXIV_FUZZ_OUT/$target
  if ! ARXIV_FUZZ_SKIP_BUILD=$build ARXIV_FUZZ_FINDINGS=$findings "$repo/fuzz/run-afl.sh" "$target" "$seconds"; then
    failed+=("$target: afl-fuzz failed (log: $findings/afl-fuzz.log)")
    build=1
    continue
  fi

  if [ "$build" = 0 ]; then
    build=1
    echo "== Replaying the seeds on every target"
    if ! "$harness" replay all "$repo/fuzz/seeds" > "$ARXIV_FUZZ_OUT/seeds.log" 2>&1; then
      cat "$ARXIV_FUZZ_OUT/seeds.log"
      failed+=("seeds: a seed fails (see above; reproduce: $harness replay all $repo/fuzz/seeds)")
    else
      tail -1 "$ARXIV_FUZZ_OUT/seeds.log"
    fi
  fi

  for kind in crashes hangs; do
    first=$(find "$findings/default/$kind" -type f -name 'id:*' 2> /dev/null | sort | head -1)
    if [ -n "$first" ]; then
      count=$(find "$findings/default/$kind" -type f -name 'id:*' | wc -l)
      failed+=("$target: $count ${kind} found; first reproducer: $first")
      echo "== $target: first of the $kind, replayed:"
      ARXIV_FUZZ_REPLAY_TIMEOUT=10 "$harness" replay "$target" "$first" | head -40 || true
    fi
  done
done

echo "== Fuzzing smoke test: $((SECONDS - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FUZZING SMOKE TEST FAILED:"
  printf '  %s\n' "${failed[@]}"
  echo "  Replay a reproducer with: $harness replay TARGET FILE (fuzz/README.md: turning a crash into a regression test)"
  exit 1
fi
echo "Fuzzing smoke test passed: no crash, no hang."
