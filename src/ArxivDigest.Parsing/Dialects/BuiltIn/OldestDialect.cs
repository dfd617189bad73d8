namespace ArxivDigest.Parsing;

/// <summary>The <c>oldest</c> dialect: The first layout of daily-arXiv-ai-enhanced (March 2025): a heading without a number, the authors and the abstract in a &lt;details&gt; block.</summary>
internal static class OldestDialect
{
    /// <summary>The generator's paper template, byte for byte.</summary>
    public const string Template =
        "### [{title}]({abs})\n"
        + "*{authors}*\n"
        + "<details>\n"
        + "  <summary>Abstract</summary>\n"
        + "{summary}\n"
        + "</details>\n";

    public static DigestDialect Instance { get; } = DigestDialect.CreateBuiltIn(
        "oldest",
        "The first layout of daily-arXiv-ai-enhanced (March 2025): a heading without a number, the authors and the abstract in a <details> block.",
        Template,
        ["daily-arxiv-2025-03"],
        ",");
}
