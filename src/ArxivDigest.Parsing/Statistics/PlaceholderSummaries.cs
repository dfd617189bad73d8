namespace ArxivDigest.Parsing;

/// <summary>
/// What generators write in a summary field when the summarising call failed: the paper is real, its summary is not.
/// </summary>
public static class PlaceholderSummaries
{
    private const int MaxLength = 32;

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "Summary generation failed",
        "Motivation analysis unavailable",
        "Method extraction failed",
        "Result analysis unavailable",
        "Conclusion extraction failed",
        "N/A",
    };

    /// <summary>The placeholders known (daily-arXiv-ai-enhanced's, and <c>N/A</c> of forks).</summary>
    public static IReadOnlyCollection<string> Values => Known;

    /// <summary>Whether <paramref name="value"/> is a placeholder rather than a summary.</summary>
    public static bool IsPlaceholder(string? value) => value is { Length: <= MaxLength } && Known.Contains(value);

    /// <summary>Whether any of the paper's summary fields (TL;DR, motivation, method, result, conclusion) is a placeholder.</summary>
    public static bool HasPlaceholder(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        return IsPlaceholder(paper.Tldr) || IsPlaceholder(paper.Motivation) || IsPlaceholder(paper.Method)
            || IsPlaceholder(paper.Result) || IsPlaceholder(paper.Conclusion);
    }
}
