using System.Collections.Immutable;

namespace ArxivDigest.Parsing;

/// <summary>A whole digest: its table of contents, its sections and their papers, and what the parser noticed.</summary>
public sealed record Digest
{
    /// <summary>The digest's date: from a <c>YYYY-MM-DD</c> file name or given by the caller; otherwise <see langword="null"/>.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The file name or path the digest was read from, when known.</summary>
    public string? Source { get; init; }

    /// <summary>The layout the digest was read in: given in <see cref="DigestReaderOptions.Dialect"/>, or detected.</summary>
    public DigestDialect Dialect { get; init; } = DigestDialect.Canonical;

    /// <summary>The table of contents, with the totals it states.</summary>
    public ImmutableArray<TocEntry> TableOfContents { get; init; } = [];

    /// <summary>The sections, in order.</summary>
    public ImmutableArray<DigestSection> Sections { get; init; } = [];

    /// <summary>Every paper, in order (papers before the first section heading included).</summary>
    public ImmutableArray<Paper> Papers { get; init; } = [];

    /// <summary>Text outside papers that the parser did not recognise, kept as written.</summary>
    public ImmutableArray<UnrecognizedText> UnrecognizedText { get; init; } = [];

    /// <summary>Warnings and errors met while reading.</summary>
    public ImmutableArray<DigestDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error);
}
