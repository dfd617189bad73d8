using System.Collections.Immutable;

namespace ArxivDigest.Parsing;

/// <summary>One paper of a digest, with every field exactly as the digest wrote it.</summary>
/// <remarks>
/// Field values are kept verbatim: inner line breaks (as <c>\n</c>), blank lines and leading or trailing spaces are
/// part of the value. A field the digest does not have is <see langword="null"/>; an empty one is <c>""</c>.
/// </remarks>
public sealed record Paper
{
    /// <summary>The paper's number in the digest (<c>### [12] …</c>), or <see langword="null"/> when the heading has none.</summary>
    public int? Index { get; init; }

    /// <summary>The arXiv identifier taken from <see cref="Url"/>, or <see langword="null"/> when the URL names none.</summary>
    public ArxivId? Id { get; init; }

    /// <summary>The title as written in the heading (it may hold <c>$math$</c>, brackets and other Markdown).</summary>
    public required string Title { get; init; }

    /// <summary>The link of the heading, normally the abstract page <c>https://arxiv.org/abs/ID</c>.</summary>
    public required string Url { get; init; }

    /// <summary>The authors, in order.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>The <c>Main category:</c> value, e.g. <c>cs.CV</c>.</summary>
    public string? MainCategory { get; init; }

    /// <summary>
    /// Every arXiv category of the paper, the main one first, when the source lists them (the generator's JSON lines,
    /// a dialect that writes them all); empty when it does not.
    /// </summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>The authors' comment from arXiv (<c>12 pages, 5 figures</c>), when the source carries it.</summary>
    public string? Comment { get; init; }

    /// <summary>The category of the section the paper is listed under, or <see langword="null"/> outside any section.</summary>
    public string? Section { get; init; }

    /// <summary>The <c>TL;DR:</c> summary.</summary>
    public string? Tldr { get; init; }

    /// <summary>The <c>Motivation:</c> field.</summary>
    public string? Motivation { get; init; }

    /// <summary>The <c>Method:</c> field.</summary>
    public string? Method { get; init; }

    /// <summary>The <c>Result:</c> field.</summary>
    public string? Result { get; init; }

    /// <summary>The <c>Conclusion:</c> field.</summary>
    public string? Conclusion { get; init; }

    /// <summary>The <c>Abstract:</c>, the paper's own abstract from arXiv.</summary>
    public string? Abstract { get; init; }

    /// <summary>Any other labelled fields (or unlabelled text) met inside the paper, in input order.</summary>
    public ImmutableArray<PaperField> ExtraFields { get; init; } = [];

    /// <summary>
    /// The keys of the JSON record the paper was read from (the generator's JSON lines), in the record's order: the
    /// top-level ones and those of its <c>AI</c> object. Empty for a paper read from Markdown. The <c>daily-arxiv</c>
    /// JSON shape writes these keys, in this order, so that a record read and written again is the same record.
    /// </summary>
    public ImmutableArray<PaperRecordKey> RecordKeys { get; init; } = [];

    /// <summary>The date of the digest the paper was read from, when known.</summary>
    public DateOnly? DigestDate { get; init; }

    /// <summary>Where the paper's heading is.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The PDF link derived from <see cref="Id"/>, or <see langword="null"/> without one.</summary>
    public string? PdfUrl => Id?.PdfUrl;

    /// <summary>The value of a field of the template.</summary>
    public string? GetField(PaperFieldKind kind) => kind switch
    {
        PaperFieldKind.MainCategory => MainCategory,
        PaperFieldKind.Tldr => Tldr,
        PaperFieldKind.Motivation => Motivation,
        PaperFieldKind.Method => Method,
        PaperFieldKind.Result => Result,
        PaperFieldKind.Conclusion => Conclusion,
        PaperFieldKind.Abstract => Abstract,
        PaperFieldKind.Comment => Comment,
        PaperFieldKind.Categories => Categories.IsDefaultOrEmpty ? null : string.Join(", ", Categories),
        _ => null,
    };
}
