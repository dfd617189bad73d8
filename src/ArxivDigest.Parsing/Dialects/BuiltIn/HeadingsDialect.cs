namespace ArxivDigest.Parsing;

/// <summary>The <c>headings</c> dialect: hppeace/arXiv-daily (from October 2025): headings with the TL;DR and the abstract below them, no category line, no closing markup.</summary>
internal static class HeadingsDialect
{
    /// <summary>The generator's paper template, byte for byte.</summary>
    public const string Template =
        "### [{idx}] [{title}]({url})\n"
        + "*{authors}*\n"
        + "\n"
        + "#### 🧩 TL;DR\n"
        + "{tldr}\n"
        + "\n"
        + "---\n"
        + "\n"
        + "#### 📘 Detailed Summary\n"
        + "**Motivation:** {motivation}\n"
        + "\n"
        + "**Method:** {method}\n"
        + "\n"
        + "**Result:** {result}\n"
        + "\n"
        + "**Conclusion:** {conclusion}\n"
        + "\n"
        + "---\n"
        + "\n"
        + "#### 📄 Abstract\n"
        + "{summary}\n";

    public static DigestDialect Instance { get; } = DigestDialect.CreateBuiltIn(
        "headings",
        "hppeace/arXiv-daily (from October 2025): headings with the TL;DR and the abstract below them, no category line, no closing markup.",
        Template,
        ["hppeace", "arxiv-daily"],
        ", ");
}
