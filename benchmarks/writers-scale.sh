#!/usr/bin/env bash
# Whole-process scaling of the writers (wall time and peak RSS with /usr/bin/time -v), on generated digests:
#   docx-same-id-N   N papers that share one arXiv identifier (bookmark naming: was quadratic)
#   docx-many-N      N distinct papers (memory: the Word writer once kept every paper and the whole package)
#   parquet-long-M   one paper with an M-character abstract among ordinary ones (file size: statistics)
#   jsonl-long-M     the same to JSON Lines (one JSON token holds at most ~166 million characters)
#
# Usage: benchmarks/writers-scale.sh [CLI.dll] [quick]
#   CLI.dll  an arxiv-digest.dll to measure (default: this repository's CLI, built in Release); give an older
#            build's to compare.
#   quick    smaller sizes, for a smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/ensure-time.sh

cli=${1:-}
if [ -z "$cli" ]; then
  echo "Building the CLI (Release)..." >&2
  dotnet build src/ArxivDigest.Cli -c Release -v quiet -nologo > /dev/null
  cli=src/ArxivDigest.Cli/bin/Release/net10.0/arxiv-digest.dll
fi
quick=${2:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# gen KIND COUNT LONG > file: a digest in the generator's layout, made of the bundled sample's papers.
gen() {
  python3 - "$1" "$2" "$3" samples/data/2026-01-26.md <<'PY'
import random, re, sys
kind, count, long_chars, sample = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
text = open(sample, encoding="utf-8").read()
papers = re.split(r"\n(?=### \[)", text.split("\n\n\n<div id='cs.CV'></div>", 1)[1])
papers = [p.strip("\n") for p in papers if p.startswith("### [")]
bodies = [p.split("\n", 1)[1].split("\n\n\n<div id=", 1)[0].rstrip("\n") for p in papers]
sections = ["cs.CV", "cs.CL", "cs.AI", "cs.LG", "cs.RO"]
per = [count // len(sections) + (1 if i < count % len(sections) else 0) for i in range(len(sections))]
out = ["<div id=toc></div>\n\n# Table of Contents\n\n"]
out += [f"- [{s}](#{s}) [Total: {n}]\n" for s, n in zip(sections, per)]
rng = random.Random(1)
number = 0
for s, n in zip(sections, per):
    out.append(f"\n\n<div id='{s}'></div>\n\n# {s} [[Back]](#toc)\n\n")
    for i in range(n):
        number += 1
        ident = "2601.00001" if kind == "same-id" else f"26{number // 100000 % 100:02d}.{number % 100000:05d}"
        body = bodies[number % len(bodies)].replace("Main category: cs.CV", f"Main category: {s}")
        if long_chars and number == 2:
            letters = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(1 << 16))
            huge = (letters * (long_chars // len(letters) + 1))[:long_chars]
            body = re.sub(r"\nAbstract: .*", lambda m: "\nAbstract: " + huge, body, count=1)
        if i > 0:
            out.append("\n\n")
        out.append(f"### [{number}] [Paper {number} title](https://arxiv.org/abs/{ident})\n{body}\n")
sys.stdout.write("".join(out))
PY
}

# run LABEL FORMAT INPUT [OPTION...]: converts INPUT and prints seconds, peak RSS and output size.
run() {
  local label=$1 format=$2 input=$3 out="$work/out.$2"
  shift 3
  rm -rf "$out"
  if /usr/bin/time -v -o "$work/time.txt" dotnet "$cli" convert "$input" --to "$format" -o "$out" --quiet "$@" 2> "$work/err.txt"; then
    status=ok
  else
    status="FAILED: $(grep -m1 -iE 'error|exception' "$work/err.txt" | cut -c1-120)"
  fi
  wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  size=$( [ -e "$out" ] && du -b "$out" | cut -f1 || echo 0)
  printf '%-24s %-8s wall %-9s peak RSS %6d MB  output %7.1f MB  %s\n' "$label" "$format" "$wall" $((rss / 1024)) "$(echo "$size / 1000000" | bc -l)" "$status"
}

if [ -n "$quick" ]; then same=(2000 5000); many=5000; longs=(10000000); else same=(5000 10000 20000); many=33000; longs=(10000000 200000000); fi

for n in "${same[@]}"; do
  gen same-id "$n" 0 > "$work/same.md"
  run "docx-same-id-$n" docx "$work/same.md"
done

gen many "$many" 0 > "$work/many.md"
run "docx-many-$many" docx "$work/many.md"

for m in "${longs[@]}"; do
  gen many 50 "$m" > "$work/long.md"
  run "parquet-long-$m" parquet "$work/long.md"
  run "jsonl-long-$m" jsonl "$work/long.md"
  run "docx-long-$m" docx "$work/long.md"
  run "bibtex-long-$m" bibtex "$work/long.md" --bib-abstract
  run "markdown-long-$m" markdown "$work/long.md"
done
