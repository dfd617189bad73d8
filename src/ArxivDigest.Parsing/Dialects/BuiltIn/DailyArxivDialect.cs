namespace ArxivDigest.Parsing;

/// <summary>The <c>daily-arxiv</c> dialect: The canonical layout of dw-dengwei/daily-arXiv-ai-enhanced: plain labels, the details in a &lt;details&gt; block.</summary>
internal static class DailyArxivDialect
{
    /// <summary>The generator's paper template, byte for byte.</summary>
    public const string Template =
        "### [{idx}] [{title}]({url})\n"
        + "*{authors}*\n"
        + "\n"
        + "Main category: {cate}\n"
        + "\n"
        + "TL;DR: {tldr}\n"
        + "\n"
        + "\n"
        + "<details>\n"
        + "  <summary>Details</summary>\n"
        + "Motivation: {motivation}\n"
        + "\n"
        + "Method: {method}\n"
        + "\n"
        + "Result: {result}\n"
        + "\n"
        + "Conclusion: {conclusion}\n"
        + "\n"
        + "Abstract: {summary}\n"
        + "\n"
        + "</details>\n";

    public static DigestDialect Instance { get; } = DigestDialect.CreateBuiltIn(
        "daily-arxiv",
        "The canonical layout of dw-dengwei/daily-arXiv-ai-enhanced: plain labels, the details in a <details> block.",
        Template,
        ["canonical", "dw-dengwei"],
        ",");
}
