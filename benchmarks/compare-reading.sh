#!/usr/bin/env bash
# Reading speed of this checkout against another commit's, run for run on this machine: each way of reading
# (parse, stream, tokens) of the largest day and of the whole corpus, alternating the two builds ROUNDS times; each
# run reports its fastest batch (benchmarks/ReadingComparison). Prints the figures and the change of the best of each.
#   benchmarks/compare-reading.sh BASE-COMMIT [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: benchmarks/compare-reading.sh BASE-COMMIT [ROUNDS]}
rounds=${2:-4}
corpus=../shared/corpus/daily-arxiv
[ -d "$corpus" ] || corpus=samples/data
day=$(ls -S "$corpus"/*.md | head -1)

work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/base" "$base" >/dev/null
for side in base head; do
  root=$PWD; [ $side = base ] && root=$work/base
  # A copy of the harness per side, so the two builds share no output folder.
  cp -r benchmarks/ReadingComparison "$work/harness-$side"
  rm -rf "$work/harness-$side/bin" "$work/harness-$side/obj"
  dotnet build "$work/harness-$side" -c Release -nologo -v quiet -p:LibraryRoot="$root" -o "$work/bin-$side" > "$work/build-$side.log" || { cat "$work/build-$side.log"; exit 1; }
done

results=$work/results.tsv
for round in $(seq "$rounds"); do
  for mode in parse stream tokens; do
    for side in base head; do
      dotnet "$work/bin-$side/ReadingComparison.dll" $mode "$day" 100 $side-day >> "$results"
      dotnet "$work/bin-$side/ReadingComparison.dll" $mode "$corpus" 5 $side-corpus >> "$results"
    done
  done
done

echo "Base $(git rev-parse --short "$base"), head $(git rev-parse --short HEAD) (plus uncommitted changes), $rounds rounds;"
echo "day: $(basename "$day"), corpus: $corpus. Microseconds per read, fastest batch of each run."
python3 - "$results" <<'PY'
import sys, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, mode, size, us, count = line.rstrip("\n").split("\t")
    side, inp = label.split("-", 1)
    runs[(inp, mode, side)].append(float(us))
print("| Input | Reading | Base | Head | Change of the best |")
print("|---|---|--:|--:|--:|")
for inp in ("day", "corpus"):
    for mode in ("parse", "stream", "tokens"):
        b, h = runs[(inp, mode, "base")], runs[(inp, mode, "head")]
        fmt = lambda v: ", ".join(f"{x:,.0f}" for x in v)
        print(f"| {inp} | {mode} | {fmt(b)} | {fmt(h)} | {100 * (min(h) / min(b) - 1):+.1f} % |")
PY
