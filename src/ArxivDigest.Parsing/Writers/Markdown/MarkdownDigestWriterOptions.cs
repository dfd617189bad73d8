namespace ArxivDigest.Parsing.Writers.Markdown;

/// <summary>Options of the <c>markdown</c> format. Immutable: change it with <see langword="with"/>.</summary>
public sealed record MarkdownDigestWriterOptions
{
    /// <summary>The defaults: the canonical layout.</summary>
    public static MarkdownDigestWriterOptions Default { get; } = new();

    /// <summary>
    /// The layout to write: <see langword="null"/> (the default) for the canonical one, or a fork's (built-in or from
    /// its template), each paper written as that fork's generator writes it. The tool sets it from <c>--dialect</c> or
    /// <c>--template</c>, the layout it reads with.
    /// </summary>
    public DigestDialect? Dialect { get; init; }
}
