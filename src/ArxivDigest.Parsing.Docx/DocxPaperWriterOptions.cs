namespace ArxivDigest.Parsing.Writers.Docx;

/// <summary>Options of the <c>docx</c> format. Immutable: change it with <see langword="with"/>.</summary>
public sealed record DocxPaperWriterOptions
{
    /// <summary>The defaults: the date-stamped title, abstracts and details, papers grouped by category.</summary>
    public static DocxPaperWriterOptions Default { get; } = new();

    /// <summary>The document's title (option <c>docx-title</c>), or <see langword="null"/> (the default) for "arXiv reading list" and the digest dates.</summary>
    public string? Title { get; init; }

    /// <summary>Whether each paper's abstract is included (option <c>docx-abstracts</c>). On by default.</summary>
    public bool Abstracts { get; init; } = true;

    /// <summary>Whether Motivation, Method, Result, Conclusion and extra fields are included (option <c>docx-details</c>); off leaves the TL;DR. On by default.</summary>
    public bool Details { get; init; } = true;

    /// <summary>How papers are arranged (option <c>docx-group</c>): under a heading per category (the default), or flat in input order.</summary>
    public DocxGrouping Grouping { get; init; } = DocxGrouping.Section;

    /// <summary>The options as the format advertises them (and the tool offers them).</summary>
    internal static IReadOnlyList<WriterOption<DocxPaperWriterOptions>> Descriptors { get; } =
    [
        WriterOption<DocxPaperWriterOptions>.Text("docx-title", "The document's title (default: \"arXiv reading list\" and the digest date)", o => o.Title, (o, v) => o with { Title = v }),
        WriterOption<DocxPaperWriterOptions>.Flag("docx-abstracts", "Include each paper's abstract", o => o.Abstracts, (o, v) => o with { Abstracts = v }),
        WriterOption<DocxPaperWriterOptions>.Flag(
            "docx-details", "Include Motivation, Method, Result and Conclusion (false: the TL;DR only)", o => o.Details, (o, v) => o with { Details = v }),
        WriterOption<DocxPaperWriterOptions>.Choice(
            "docx-group",
            "Group papers under a heading per category, or list them flat in input order",
            o => o.Grouping,
            (o, v) => o with { Grouping = v },
            ("section", DocxGrouping.Section),
            ("flat", DocxGrouping.Flat)),
    ];
}

/// <summary>How the <c>docx</c> format arranges papers.</summary>
public enum DocxGrouping
{
    /// <summary>A heading per category, in the order categories first appear; the contents list the categories.</summary>
    Section = 0,

    /// <summary>Papers in input order, no category headings; the contents list the papers.</summary>
    Flat = 1,
}
