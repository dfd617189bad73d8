#!/usr/bin/env bash
# Measures the docx writer against pandoc on the same real day, in the same run, and writes
# benchmarks/results/docx.md (pasted into README.md between <!-- results:docx.md --> and <!-- /results -->, which a
# test checks) and the README screenshot docs/reading-list.png (page 1 of the document as LibreOffice prints it).
# Needs pandoc, and for the screenshot soffice and pdftoppm (.ci/setup.d/libreoffice.sh; apt-get install pandoc).
# The tool is packed and installed from a local feed, as a user gets it (docs/native.md); packing the native
# package takes a few minutes.
# The day is the largest digest of the shared corpus beside the repository, else samples/data/2026-03-03.md.
# With --render-only it only pastes benchmarks/results/docx.md into the README again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--render-only" ]; then
  day=$(ls -S ../shared/corpus/daily-arxiv/*.md 2>/dev/null | head -n 1 || true)
  [ -n "$day" ] || day=samples/data/2026-03-03.md
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT

  dotnet build -c Release src/ArxivDigest.Cli -nologo -v quiet
  cli=src/ArxivDigest.Cli/bin/Release/net10.0/arxiv-digest.dll

  # The tool as a user installs it from a local feed: ArxivDigest.Cli (this machine's native package) and
  # ArxivDigest.Cli.any (the framework-dependent build, which plug-ins need).
  dotnet pack src/ArxivDigest.Cli -c Release -o "$work/feed" -nologo -v quiet > /dev/null
  dotnet tool install --tool-path "$work/native" --add-source "$work/feed" ArxivDigest.Cli > /dev/null
  dotnet tool install --tool-path "$work/managed" --add-source "$work/feed" ArxivDigest.Cli.any > /dev/null

  # In-process: parse and write the day, warm (BenchmarkDotNet).
  dotnet run -c Release --project benchmarks/ArxivDigest.Parsing.Benchmarks -- --filter '*DocxWriterBenchmarks*' > "$work/bdn.log"
  cp BenchmarkDotNet.Artifacts/results/ArxivDigest.Parsing.Benchmarks.DocxWriterBenchmarks-report-github.md "$work/bdn.md"

  # Whole processes, each run 1 + 5 times (the first is a warm-up), median wall time.
  python3 - "$day" "$cli" "$work" <<'PY'
import os, re, statistics, subprocess, sys, time, zipfile, datetime
day, cli, work = sys.argv[1:]
def timed(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)
ours = os.path.join(work, "ours.docx"); md = os.path.join(work, "pandoc-markdown.docx"); gfm = os.path.join(work, "pandoc-gfm.docx")
t_ours = timed([os.path.join(work, "native", "arxiv-digest"), "convert", day, "-o", ours, "--quiet"])
t_any = timed([os.path.join(work, "managed", "arxiv-digest"), "convert", day, "-o", os.path.join(work, "any.docx"), "--quiet"])
t_md = timed(["pandoc", "-f", "markdown", "-t", "docx", day, "-o", md])
t_gfm = timed(["pandoc", "-f", "gfm", "-t", "docx", day, "-o", gfm])
pandoc_version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]

def facts(path):
    x = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", x, flags=re.S)
    text = lambda p: "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
    style = lambda p: (re.search(r'<w:pStyle w:val="([^"]+)"', p) or [None, ""])[1]
    return {
        "Paper headings (ours Heading 2, pandoc Heading 3)": sum(1 for p in paras if style(p) == "Heading2" or style(p) == "Heading3"),
        "Paragraphs starting \"Motivation:\"": sum(1 for p in paras if text(p).startswith("Motivation:")),
        "Raw `<details>` text kept": x.count("&lt;details&gt;") + x.count("&lt;/details&gt;"),
        "Stray \"Details\" paragraphs": sum(1 for p in paras if text(p).strip() == "Details"),
        "Links to an abstract page": len(set(re.findall(r'Target="(https?://arxiv\.org/abs/[^"]+)"', zipfile.ZipFile(path).read("word/_rels/document.xml.rels").decode()))),
        "PDF links": sum(1 for p in paras for _ in re.findall(r"<w:hyperlink[^>]*>(?:(?!</w:hyperlink>).)*>PDF</w:t>", p, flags=re.S)),
        "TOC field": "yes" if re.search(r"<w:instrText[^>]*>\s*TOC ", x) else "no",
        "Bookmarks per paper": len(re.findall(r'<w:bookmarkStart [^>]*w:name="arXiv_', x)),
        "Read checkboxes": x.count("<w14:checkbox"),
        "Page number in a footer": "yes" if any("PAGE" in zipfile.ZipFile(path).read(n).decode("utf-8") for n in zipfile.ZipFile(path).namelist() if "footer" in n) else "no",
        "Size (bytes)": os.path.getsize(path),
    }
f_ours, f_md, f_gfm = facts(ours), facts(md), facts(gfm)
papers = f_ours["Paper headings (ours Heading 2, pandoc Heading 3)"]
bdn = open(os.path.join(work, "bdn.md")).read()
row = [l for l in bdn.splitlines() if l.startswith("| DayToDocx")][0]
cols = [c.strip() for c in [l for l in bdn.splitlines() if l.startswith("| Method")][0].strip("|").split("|")]
cells = [c.strip() for c in row.strip("|").split("|")]
mean, alloc = cells[cols.index("Mean")], cells[cols.index("Allocated")]
def ms(s):
    v, unit = s.replace(",", "").split()
    return float(v) * {"s": 1000, "ms": 1, "μs": 0.001, "us": 0.001}[unit]
inproc = ms(mean)
with open("benchmarks/results/docx.md", "w") as out:
    p = lambda s="": print(s, file=out)
    p(f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} cores: `{os.path.basename(day)}` ({os.path.getsize(day):,} bytes, {papers} papers), {pandoc_version}.")
    p()
    p("| Conversion | Time | vs `pandoc -f markdown` |")
    p("|---|--:|--:|")
    p(f"| `arxiv-digest convert DAY -o list.docx`, the installed tool (`ArxivDigest.Cli`, native; whole process, median of 5) | {t_ours*1000:,.0f} ms | {t_md/t_ours:.1f}× faster |")
    p(f"| the same with `ArxivDigest.Cli.any` (framework-dependent, for plug-ins) | {t_any*1000:,.0f} ms | {t_md/t_any:.1f}× faster |")
    p(f"| docx writer in-process, parse + write, warm (BenchmarkDotNet mean; {alloc} allocated) | {inproc:,.0f} ms | {t_md*1000/inproc:.0f}× faster |")
    p(f"| `pandoc -f markdown -t docx DAY` (median of 5) | {t_md*1000:,.0f} ms | 1.0× |")
    p(f"| `pandoc -f gfm -t docx DAY` (median of 5) | {t_gfm*1000:,.0f} ms | {t_md/t_gfm:.1f}× |")
    p()
    p("| In the document | ours | pandoc `-f markdown` | pandoc `-f gfm` |")
    p("|---|--:|--:|--:|")
    for k in f_ours:
        p(f"| {k} | {f_ours[k]} | {f_md[k]} | {f_gfm[k]} |")
PY
  cat benchmarks/results/docx.md

  # The screenshot: page 1 of a bundled sample day, as LibreOffice prints it.
  dotnet "$cli" convert samples/data/2026-01-26.md -o "$work/reading-list.docx" --quiet
  timeout 300 soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" "$work/reading-list.docx" > /dev/null
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/reading-list.pdf" docs/reading-list
fi

eng/paste-results.sh docx.md
