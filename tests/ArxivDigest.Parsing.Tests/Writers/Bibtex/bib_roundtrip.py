"""Reads a .bib file with pybtex (an independent BibTeX parser) and prints one JSON object a line per entry:
key, title, authors and eprint, with the LaTeX decoded to plain text by the small decoder below, which follows
LaTeX's own meaning of the commands (not the writer's tables). $...$ spans are kept as they are written.
Used by BibtexToolTests: python3 bib_roundtrip.py FILE.bib > entries.jsonl"""
import json
import re
import sys
import unicodedata

from pybtex.database import parse_file

ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304", ".": "\u0307",
           "u": "\u0306", "v": "\u030c", "H": "\u030b", "r": "\u030a", "c": "\u0327", "k": "\u0328", "d": "\u0323",
           "b": "\u0331"}
WORDS = {
    "textbackslash": "\\", "textbraceleft": "{", "textbraceright": "}", "textasciitilde": "~",
    "textasciicircum": "^", "textless": "<", "textgreater": ">", "textbar": "|", "textunderscore": "_",
    "i": "\u0131", "j": "\u0237", "ss": "\u00df", "ae": "\u00e6", "AE": "\u00c6", "oe": "\u0153", "OE": "\u0152",
    "o": "\u00f8", "O": "\u00d8", "l": "\u0142", "L": "\u0141", "aa": "\u00e5", "AA": "\u00c5", "dj": "\u0111",
    "DJ": "\u0110", "dh": "\u00f0", "DH": "\u00d0", "th": "\u00fe", "TH": "\u00de", "ng": "\u014b", "NG": "\u014a",
    "textendash": "\u2013", "textemdash": "\u2014", "textquoteleft": "\u2018", "textquoteright": "\u2019",
    "textquotedblleft": "\u201c", "textquotedblright": "\u201d", "quotesinglbase": "\u201a", "quotedblbase": "\u201e",
    "guilsinglleft": "\u2039", "guilsinglright": "\u203a", "guillemotleft": "\u00ab", "guillemotright": "\u00bb",
    "textellipsis": "\u2026", "textbullet": "\u2022", "textdagger": "\u2020", "textdaggerdbl": "\u2021",
    "textsection": "\u00a7", "textparagraph": "\u00b6", "textcopyright": "\u00a9", "textregistered": "\u00ae",
    "texttrademark": "\u2122", "textdegree": "\u00b0", "textpm": "\u00b1", "texttimes": "\u00d7", "textdiv": "\u00f7",
    "textperiodcentered": "\u00b7", "textmu": "\u00b5", "textonesuperior": "\u00b9", "texttwosuperior": "\u00b2",
    "textthreesuperior": "\u00b3", "textonequarter": "\u00bc", "textonehalf": "\u00bd", "textthreequarters": "\u00be",
    "textsterling": "\u00a3", "texteuro": "\u20ac", "textyen": "\u00a5", "textcent": "\u00a2",
    "textcurrency": "\u00a4", "textbrokenbar": "\u00a6", "textlnot": "\u00ac", "textordfeminine": "\u00aa",
    "textordmasculine": "\u00ba", "textexclamdown": "\u00a1", "textquestiondown": "\u00bf",
    "textperthousand": "\u2030", "textleftarrow": "\u2190", "textrightarrow": "\u2192", "textuparrow": "\u2191",
    "textdownarrow": "\u2193", "textminus": "\u2212", "textasciimacron": "\u00af", "textasciiacute": "\u00b4",
    "textasciidieresis": "\u00a8",
}
SYMBOLS = {"&": "&", "%": "%", "#": "#", "$": "$", "_": "_", "{": "{", "}": "}", ",": "\u2009", "-": "\u00ad", " ": " "}


def decode(s):
    out, _ = _decode(s, 0, False)
    return re.sub(r"[ \t\r\n]+", " ", out).strip()


def _decode(s, i, group):
    out = []
    while i < len(s):
        c = s[i]
        if c == "}":
            if group:
                return "".join(out), i + 1
            raise ValueError("unbalanced } in " + s)
        if c == "{":
            inner, i = _decode(s, i + 1, True)
            out.append(inner)
        elif c == "$":
            j = s.index("$", i + 1)
            out.append(s[i:j + 1])
            i = j + 1
        elif c == "~":
            out.append("\u00a0")
            i += 1
        elif c == "\\":
            i = _command(s, i, out)
        else:
            out.append(c)
            i += 1
    if group:
        raise ValueError("unbalanced { in " + s)
    return "".join(out), i


def _command(s, i, out):
    j = i + 1
    while j < len(s) and s[j].isascii() and s[j].isalpha():
        j += 1
    name = s[i + 1:j] if j > i + 1 else s[i + 1]
    if j == i + 1:
        j = i + 2
    elif j < len(s) and s[j] == " ":
        j += 1  # the space that ends a control word
    if name in ACCENTS:
        arg, j = _argument(s, j)
        arg = _decode(arg, 0, False)[0]
        base = {"\u0131": "i", "\u0237": "j"}.get(arg[:1], arg[:1])
        out.append(unicodedata.normalize("NFC", base + arg[1:] + ACCENTS[name]))
    elif name == "symbol":
        arg, j = _argument(s, j)
        out.append(chr(int(arg)))
    elif name == "ensuremath":
        arg, j = _argument(s, j)
        out.append(unicodedata.lookup(("GREEK CAPITAL LETTER " if arg[1].isupper() else "GREEK SMALL LETTER ") + arg[1:].upper()))
    elif name in WORDS:
        out.append(WORDS[name])
    elif name in SYMBOLS:
        out.append(SYMBOLS[name])
    else:
        raise ValueError(f"unknown command \\{name} in {s}")
    if s.startswith("{}", j) and name not in SYMBOLS:
        j += 2
    return j


def _argument(s, j):
    if s[j] == "{":
        inner, k = _decode_raw_group(s, j)
        return inner, k
    if s[j] == "\\":
        k = j + 1
        while k < len(s) and s[k].isascii() and s[k].isalpha():
            k += 1
        return s[j:max(k, j + 2)], max(k, j + 2)
    return s[j], j + 1


def _decode_raw_group(s, j):
    depth = 0
    k = j
    while True:
        if s[k] == "{":
            depth += 1
        elif s[k] == "}":
            depth -= 1
            if depth == 0:
                break
        k += 1
    return s[j + 1:k], k + 1


def main():
    data = parse_file(sys.argv[1], bib_format="bibtex")
    for key, entry in data.entries.items():
        persons = entry.persons.get("author", [])
        authors = []
        for p in persons:
            parts = p.first_names + p.middle_names + p.prelast_names + p.last_names
            name = " ".join(parts)
            if p.lineage_names:
                name += ", " + " ".join(p.lineage_names)
            authors.append(decode(name))
        print(json.dumps({
            "key": key,
            "title": decode(entry.fields.get("title", "")),
            "authors": authors,
            "eprint": entry.fields.get("eprint"),
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
