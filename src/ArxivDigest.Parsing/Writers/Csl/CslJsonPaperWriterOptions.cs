using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Writers.Csl;

/// <summary>Options of the <c>csl-json</c> format. Immutable: change it with <see langword="with"/>.</summary>
public sealed record CslJsonPaperWriterOptions
{
    /// <summary>The defaults: no abstract, no note.</summary>
    public static CslJsonPaperWriterOptions Default { get; } = new();

    /// <summary>Whether each item gets the paper's abstract (option <c>csl-abstract</c>). Off by default.</summary>
    public bool Abstract { get; init; }

    /// <summary>What the <c>note</c> variable holds (option <c>csl-note</c>): nothing by default.</summary>
    public CslNote Note { get; init; } = CslNote.None;

    /// <summary>
    /// Item ids that must not move (from the <c>.csl.json</c> being replaced: <see cref="CslJsonPaperWriter.ReadKeyPins(Stream)"/>):
    /// a pinned paper keeps its id, and no other paper gets any id the pins hold. None by default; the tool pins the
    /// ids of the output file it replaces.
    /// </summary>
    public BibtexKeyPins KeyPins { get; init; } = BibtexKeyPins.Empty;

    /// <summary>The options as the format advertises them (and the tool offers them).</summary>
    internal static IReadOnlyList<WriterOption<CslJsonPaperWriterOptions>> Descriptors { get; } =
    [
        WriterOption<CslJsonPaperWriterOptions>.Flag("csl-abstract", "Add each paper's abstract (abstract variable)", o => o.Abstract, (o, v) => o with { Abstract = v }),
        WriterOption<CslJsonPaperWriterOptions>.Choice(
            "csl-note",
            "What the note variable holds: none, or the digest's TL;DR",
            o => o.Note,
            (o, v) => o with { Note = v },
            ("none", CslNote.None),
            ("tldr", CslNote.Tldr)),
    ];
}

/// <summary>What the <c>csl-json</c> format writes in each item's <c>note</c> variable.</summary>
public enum CslNote
{
    /// <summary>No <c>note</c>.</summary>
    None = 0,

    /// <summary>The digest's TL;DR.</summary>
    Tldr = 1,
}
