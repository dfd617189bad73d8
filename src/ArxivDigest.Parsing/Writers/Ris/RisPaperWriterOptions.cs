namespace ArxivDigest.Parsing.Writers.Ris;

/// <summary>Options of the <c>ris</c> format. Immutable: change it with <see langword="with"/>.</summary>
public sealed record RisPaperWriterOptions
{
    /// <summary>The defaults: no abstract, no note.</summary>
    public static RisPaperWriterOptions Default { get; } = new();

    /// <summary>Whether each record gets the paper's abstract (option <c>ris-abstract</c>). Off by default.</summary>
    public bool Abstract { get; init; }

    /// <summary>What the <c>N1</c> tag holds (option <c>ris-note</c>): nothing by default.</summary>
    public RisNote Note { get; init; } = RisNote.None;

    /// <summary>The options as the format advertises them (and the tool offers them).</summary>
    internal static IReadOnlyList<WriterOption<RisPaperWriterOptions>> Descriptors { get; } =
    [
        WriterOption<RisPaperWriterOptions>.Flag("ris-abstract", "Add each paper's abstract (AB tag)", o => o.Abstract, (o, v) => o with { Abstract = v }),
        WriterOption<RisPaperWriterOptions>.Choice(
            "ris-note",
            "What the N1 tag holds: none, or the digest's TL;DR",
            o => o.Note,
            (o, v) => o with { Note = v },
            ("none", RisNote.None),
            ("tldr", RisNote.Tldr)),
    ];
}

/// <summary>What the <c>ris</c> format writes in each record's <c>N1</c> (notes) tag.</summary>
public enum RisNote
{
    /// <summary>No <c>N1</c> tag.</summary>
    None = 0,

    /// <summary>The digest's TL;DR.</summary>
    Tldr = 1,
}
