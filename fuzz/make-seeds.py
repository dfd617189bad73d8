#!/usr/bin/env python3
"""Cuts the seed corpus (fuzz/seeds/) out of the bundled sample digests.

Each seed is small (a fuzzer mutates small inputs faster and better) and shows one thing the parser or a writer
handles: the table of contents alone, a section, papers with shortened values, CRLF, a BOM, cut-short papers, the
oldest heading, extra and duplicate fields, placeholders, control characters, invalid UTF-8, old-style and
versioned identifiers, markup in titles and values, other generators' layouts. Run it from anywhere; it rewrites
the *.md files of fuzz/seeds/ and prints their sizes.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "data"
SEEDS = ROOT / "fuzz" / "seeds"

HEADING = re.compile(r"^### \[\d+\] \[(.*)\]\((.*)\)$")


def papers(name):
    """The paper blocks of a sample, each from its heading to its </details> line (inclusive, with the newline)."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=### \[)", text)[1:]
    return [b[: b.index("</details>\n") + len("</details>\n")] for b in blocks]


def cut(text, size):
    """At most `size` UTF-8 bytes of `text`, cut at a character boundary."""
    data = text.encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore").rstrip()


def shorten(block, size=80):
    """Values cut to at most `size` bytes a line, authors to three: the layout stays, the values shrink."""
    out = []
    for line in block.split("\n")[:-1]:
        if line.startswith("### ["):
            out.append(line)
        elif line.startswith("*") and line.endswith("*") and len(line) > 1:
            out.append("*" + ",".join(line[1:-1].split(",")[:3]) + "*")
        else:
            out.append(cut(line, size) if line.strip() else line)
    return "\n".join(out) + "\n"


def renumber(block, index):
    return re.sub(r"^### \[\d+\]", f"### [{index}]", block, count=1)


def category(block):
    return re.search(r"(?m)^Main category: (.*)$", block).group(1)


def digest(blocks):
    """A digest in the generator's layout: totals, one section per category in order of appearance, numbering."""
    sections = {}
    for b in blocks:
        sections.setdefault(category(b), []).append(b)
    out = "<div id=toc></div>\n\n# Table of Contents\n\n"
    out += "".join(f"- [{c}](#{c}) [Total: {len(ps)}]\n" for c, ps in sections.items())
    index = 0
    for c, ps in sections.items():
        out += f"\n\n<div id='{c}'></div>\n\n# {c} [[Back]](#toc)\n\n"
        rendered = []
        for p in ps:
            index += 1
            rendered.append(renumber(p, index))
        out += "\n\n".join(rendered)
    return out


def field(block, label, value):
    """The block with one field's value replaced (single-line value)."""
    return re.sub(rf"(?m)^{re.escape(label)}: .*$", lambda _: f"{label}: {value}", block, count=1)


def main():
    a = papers("2026-01-26.md")
    b = papers("000_c84bd109740d103c.md")
    c = papers("001_92646d984e50acb4.md")
    d = papers("2026-03-03.md")
    small = sorted(a, key=len)
    short = [shorten(p) for p in a[:40:4]]  # ten papers of different sections, values cut
    first = short[0]
    seeds = {}

    toc_end = (SAMPLES / "2026-01-26.md").read_text(encoding="utf-8").index("\n\n\n<div id='")
    seeds["toc.md"] = (SAMPLES / "2026-01-26.md").read_text(encoding="utf-8")[: toc_end + 1]
    seeds["section.md"] = "<div id='cs.CV'></div>\n\n# cs.CV [[Back]](#toc)\n"
    seeds["paper-whole.md"] = small[0]
    seeds["digest-small.md"] = digest(short[:5])
    seeds["digest-two-sections.md"] = digest([shorten(p) for p in (a[0], a[1], a[40], a[41])])
    seeds["digest-other-sample.md"] = digest([shorten(p) for p in b[:3]])
    seeds["digest-2026-03-03.md"] = digest([shorten(p) for p in d[:3]])
    seeds["digest-crlf.md"] = digest(short[:3]).replace("\n", "\r\n")
    seeds["paper-bom.md"] = "\ufeff" + first
    seeds["paper-bom-crlf.md"] = ("\ufeff" + first).replace("\n", "\r\n")
    seeds["paper-multiline.md"] = shorten(min(c, key=len))
    seeds["paper-unclosed.md"] = digest(short[:2]).replace("\n</details>\n", "\n", 1)
    seeds["paper-truncated.md"] = digest(short[:2])[: len(digest(short[:2])) * 3 // 4]
    seeds["heading-oldest.md"] = re.sub(r"^### \[\d+\] ", "### ", first, count=1)
    seeds["heading-malformed.md"] = re.sub(r"^### \[\d+\] \[(.*)\]\((.*)\)", r"### [1] \1 (\2", first, count=1)
    seeds["extra-fields.md"] = first.replace(
        "\n\nMain category:", "\n\nKeywords: diffusion, 3D, relighting\n\nunlabelled note\n\nMain category:", 1).replace(
        "  <summary>Details</summary>\n", "  <summary>Details</summary>\nComment: 12 pages, 4 figures\n", 1)
    seeds["duplicate-fields.md"] = first.replace("\nTL;DR:", "\nMain category: cs.AI\n\nTL;DR:", 1).replace(
        "\n\n</details>", "\n\nAbstract: a second abstract\n\n</details>", 1)
    seeds["fields-out-of-order.md"] = re.sub(
        r"(?s)(Motivation: .*?\n\n)(Method: .*?\n\n)(Result: .*?\n\n)(Conclusion: .*?\n\n)(Abstract: .*?\n\n)",
        r"\5\3\1\4\2", first, count=1)
    placeholder = first
    for label, value in [("TL;DR", "Summary generation failed"), ("Motivation", "Motivation analysis unavailable"),
                         ("Method", "Method extraction failed"), ("Result", "N/A")]:
        placeholder = field(placeholder, label, value)
    seeds["placeholders.md"] = placeholder
    seeds["empty-values.md"] = re.sub(r"(?m)^(TL;DR|Motivation|Method|Result|Conclusion):.*$", r"\1:", first)
    seeds["control-chars.md"] = field(field(first, "Method", "we use \x0crac{1}{2}, \x08ar{x}, \rho and a\ttab \x1b[0m"),
                                      "Result", "nul \x00 del \x7f bell \x07 vt \x0b")
    seeds["invalid-utf8.md"] = first  # bytes patched below
    seeds["id-old-style.md"] = re.sub(r"\]\(https://arxiv\.org/abs/[^)]*\)", "](https://arxiv.org/abs/hep-th/9901001v2)", first, count=1)
    seeds["id-versioned.md"] = digest([
        re.sub(r"\]\((https://arxiv\.org/abs/[^)]*)\)", r"](\1v3)", short[1], count=1),
        re.sub(r"\]\(https://arxiv\.org/abs/([^)]*)\)", r"](http://arxiv.org/pdf/\1.pdf)", short[2], count=1),
        re.sub(r"\]\(https://arxiv\.org/abs/[^)]*\)", "](https://example.org/paper)", short[3], count=1),
    ])
    seeds["title-markup.md"] = re.sub(
        r"^### \[1\] \[.*\]\(", lambda _: "### [1] [$O(n^2)$ & 50% [sic] of \\alpha_{i}](x) {braces} # ~tilde](", first, count=1)
    seeds["values-markup.md"] = field(field(field(first, "TL;DR", "**bold** _em_ `code` [link](https://example.org) $\\frac{a}{b}$ <b>html</b> &amp; <br/>"),
                                            "Method", "- item one\n- item two\n  1. nested\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
                                      "Result", "<sup>2</sup> H<sub>2</sub>O <a href=\"javascript:x\">x</a> <script>1</script> &#x1F600; &bogus;")
    seeds["toc-mismatch.md"] = digest(short[:3]).replace("[Total: ", "[Total: 9", 1).replace(
        "# Table of Contents\n\n", "# Table of Contents\n\n- [q-bio.NC](#q-bio.NC) [Total: 1]\n", 1)
    seeds["text-outside.md"] = "Daily digest, generated automatically.\nSecond line.\n\n" + digest(short[:2]).replace(
        "\n\n<div id='", "\n\nstray text between sections\n\n<div id='", 1)
    seeds["authors-odd.md"] = re.sub(r"(?m)^\*.*\*$", lambda _: "* Mariia Gladkova*,  A. B. Cé ,,Zoë O'Brien-Smith , 王小明 ,*", first, count=1)
    seeds["authors-missing.md"] = re.sub(r"(?m)^\*.*\*\n", "", first, count=1)
    seeds["unicode.md"] = field(field(first, "TL;DR", "emoji 😀🧩, combining e\u0301, RTL \u05e9\u05dc\u05d5\u05dd, zero width \u200b\u200d, LS\u2028PS\u2029, NEL\u0085, BOM \ufeff"),
                                "Main category", "cs.CV\u00a0")
    seeds["long-line.md"] = field(first, "Abstract", " ".join(["word"] * 600))
    seeds["many-papers.md"] = digest([
        f"### [{i}] [T{i}](https://arxiv.org/abs/2601.{10000 + i})\n*A{i}*\n\nMain category: {'cs.CV' if i % 3 else 'cs.CL'}\n\n"
        f"TL;DR: t\n\n\n<details>\n  <summary>Details</summary>\nMotivation: m\n\nMethod: m\n\nResult: r\n\nConclusion: c\n\nAbstract: a\n\n</details>\n"
        for i in range(1, 17)])
    seeds["blank-variations.md"] = first.replace("\n\nMain category:", "\n \t\nMain category:", 1).replace(
        "\n\n\n<details>", "\n\t\n  \n<details>", 1).replace("\n\n</details>", "\n\n\n\n</details>", 1)
    twin = short[4]
    seeds["same-paper-twice.md"] = digest([twin, twin, re.sub(r"^### \[\d+\] \[", "### [1] [The ", twin, count=1)])
    seeds["anchors-variants.md"] = digest(short[:2]).replace("<div id=toc></div>", "<div id='toc'></div>", 1).replace(
        "<div id='", "<div id=", 1).replace("'></div>", "></div>", 1)
    seeds["dialect-bold-labels.md"] = (
        "### [1] [GR3EN: Generative Relighting](https://arxiv.org/abs/2601.16272)\n\n*Xiaoyan Xing,Dor Verbin*\n\n"
        "**Main category:** cs.CV\n\n**Keywords:** relighting, diffusion\n\n**Relevance Score:** 8\n\n**TL;DR:** Distil a relighting model.\n\n"
        "**Read time:** 4 min\n\n<details>\n  <summary>Details</summary>\n\n**Motivation:** Inverse rendering is ill-posed.\n\n"
        "**Method:** Distillation into 3D.\n\n**Key Contributions:**\n\n- one\n- two\n\n**Result:** Works.\n\n**Limitations:** Rooms only.\n\n"
        "**Conclusion:** Good.\n\n</details>\n")
    seeds["dialect-blockquote.md"] = (
        "### [1] [GR3EN: Generative Relighting](https://arxiv.org/abs/2601.16272)\n> *3D 环境的生成式重光照*\n\n"
        "*Xiaoyan Xing,Dor Verbin* | **Main category: cs.CV**\n\n**Keywords:** relighting\n\n> **TL;DR:** Distil.\n\n"
        "<details>\n  <summary>Details</summary>\n\n**Motivation:** M.\n\n**Method:** M.\n\n**Result:** R.\n\n**Conclusion:** C.\n\n"
        "> **ai_Abstract:** A.\n\n> **摘要翻译:** 摘要。\n\n</details>\n")
    seeds["dialect-headings.md"] = (
        "### [1] [GR3EN: Generative Relighting](https://arxiv.org/abs/2601.16272)\n*Xiaoyan Xing,Dor Verbin*\n\n"
        "#### 🧩 TL;DR\nDistil a relighting model.\n\n---\n\n#### 📘 Detailed Summary\n**Motivation:** M.\n\n**Method:** M.\n\n"
        "**Result:** R.\n\n**Conclusion:** C.\n\n---\n\n#### 📄 Abstract\nThe abstract.\n")

    SEEDS.mkdir(parents=True, exist_ok=True)
    for old in SEEDS.glob("*.md"):
        if not old.name.startswith("regression-"):  # findings kept as seeds are not made here
            old.unlink()
    for name, text in seeds.items():
        data = text.encode("utf-8")
        if name == "invalid-utf8.md":
            data = data.replace(b"Main category: ", b"Main category: \xff\xfe", 1).replace(b"TL;DR: ", b"TL;DR: \xe6\x8f\xc0\xed\xa0\x80 ", 1) + b"\xe6\x8f"
        (SEEDS / name).write_bytes(data)
        print(f"{len(data):6d} {name}")


if __name__ == "__main__":
    main()
