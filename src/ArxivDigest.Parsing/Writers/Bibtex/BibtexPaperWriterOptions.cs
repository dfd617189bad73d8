namespace ArxivDigest.Parsing.Writers.Bibtex;

/// <summary>Options of the <c>bibtex</c> format. Immutable: change it with <see langword="with"/>.</summary>
public sealed record BibtexPaperWriterOptions
{
    /// <summary>The defaults: Scholar-style keys, the arXiv DOI, no abstract, no note, UTF-8, no pinned keys.</summary>
    public static BibtexPaperWriterOptions Default { get; } = new();

    /// <summary>How citation keys are made (option <c>bib-key</c>): <see cref="BibtexKeyStyle.Scholar"/> by default.</summary>
    public BibtexKeyStyle KeyStyle { get; init; } = BibtexKeyStyle.Scholar;

    /// <summary>
    /// Keys that must not move (from the <c>.bib</c> being replaced: <see cref="BibtexKeyPins.Read(Stream)"/>): a
    /// pinned paper keeps its key, and no other paper gets any key the pins hold. None by default; the tool pins the
    /// keys of the output file it replaces.
    /// </summary>
    public BibtexKeyPins KeyPins { get; init; } = BibtexKeyPins.Empty;

    /// <summary>
    /// Whether the keys of pinned papers that are not written (no longer in the input) are kept in an
    /// <c>@comment</c> at the end, so that the next regeneration still gives them to no other paper (option
    /// <c>bib-hold-keys</c>). On by default.
    /// </summary>
    public bool HoldKeys { get; init; } = true;

    /// <summary>Whether each entry gets the arXiv DOI, <c>10.48550/arXiv.ID</c> (option <c>bib-doi</c>). On by default.</summary>
    public bool Doi { get; init; } = true;

    /// <summary>Whether each entry gets the paper's abstract (option <c>bib-abstract</c>). Off by default.</summary>
    public bool Abstract { get; init; }

    /// <summary>What the <c>note</c> field holds (option <c>bib-note</c>): nothing by default.</summary>
    public BibtexNote Note { get; init; } = BibtexNote.None;

    /// <summary>Whether non-ASCII letters are written as LaTeX accent commands, for classic 8-bit bibtex, rather than as UTF-8 (option <c>bib-ascii</c>). Off by default.</summary>
    public bool Ascii { get; init; }

    /// <summary>The options as the format advertises them (and the tool offers them).</summary>
    internal static IReadOnlyList<WriterOption<BibtexPaperWriterOptions>> Descriptors { get; } =
    [
        WriterOption<BibtexPaperWriterOptions>.Choice(
            "bib-key",
            "Citation keys: scholar (lastname2026firstword) or arxiv (arXiv:2602.10137)",
            o => o.KeyStyle,
            (o, v) => o with { KeyStyle = v },
            ("scholar", BibtexKeyStyle.Scholar),
            ("arxiv", BibtexKeyStyle.Arxiv)),
        WriterOption<BibtexPaperWriterOptions>.Flag(
            "bib-doi", "Add the arXiv DOI, 10.48550/arXiv.ID (doi field); on by default", o => o.Doi, (o, v) => o with { Doi = v }),
        WriterOption<BibtexPaperWriterOptions>.Flag(
            "bib-hold-keys",
            "Keep the keys of papers no longer in a replaced .bib in a @comment, so no other paper takes them; on by default",
            o => o.HoldKeys,
            (o, v) => o with { HoldKeys = v }),
        WriterOption<BibtexPaperWriterOptions>.Flag("bib-abstract", "Add each paper's abstract (abstract field)", o => o.Abstract, (o, v) => o with { Abstract = v }),
        WriterOption<BibtexPaperWriterOptions>.Choice(
            "bib-note",
            "What the note field holds: none, or the digest's TL;DR (UTF-8: Chinese text needs biber with xelatex/lualatex, or a CJK package, even with --bib-ascii)",
            o => o.Note,
            (o, v) => o with { Note = v },
            ("none", BibtexNote.None),
            ("tldr", BibtexNote.Tldr)),
        WriterOption<BibtexPaperWriterOptions>.Flag(
            "bib-ascii", "Write non-ASCII letters as LaTeX accent commands (classic bibtex) rather than UTF-8", o => o.Ascii, (o, v) => o with { Ascii = v }),
    ];
}

/// <summary>How the <c>bibtex</c> format makes citation keys.</summary>
public enum BibtexKeyStyle
{
    /// <summary>Google Scholar's: the first author's family name, the year, the first word of the title (<c>lastname2026firstword</c>); colliding keys get letters.</summary>
    Scholar = 0,

    /// <summary><c>arXiv:</c> and the identifier without its version (<c>arXiv:2602.10137</c>); a paper without one falls back to <see cref="Scholar"/>.</summary>
    Arxiv = 1,
}

/// <summary>What the <c>bibtex</c> format writes in each entry's <c>note</c> field.</summary>
public enum BibtexNote
{
    /// <summary>No <c>note</c> field.</summary>
    None = 0,

    /// <summary>The digest's TL;DR.</summary>
    Tldr = 1,
}
