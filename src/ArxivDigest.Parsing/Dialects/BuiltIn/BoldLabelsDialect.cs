namespace ArxivDigest.Parsing;

/// <summary>The <c>bold-labels</c> dialect: ZL-Asica/daily-arXiv-digest (May to September 2025): bold labels, keywords, a relevance score, a read time, key contributions and limitations.</summary>
internal static class BoldLabelsDialect
{
    /// <summary>The generator's paper template, byte for byte.</summary>
    public const string Template =
        "### [{idx}] [{title}]({url})\n"
        + "\n"
        + "*{authors}*\n"
        + "\n"
        + "**Main category:** {cate}\n"
        + "\n"
        + "**Keywords:** {keywords}\n"
        + "\n"
        + "**Relevance Score:** {relevance_score}\n"
        + "\n"
        + "**TL;DR:** {tldr}\n"
        + "\n"
        + "**Read time:** {read_time} min\n"
        + "\n"
        + "<details>\n"
        + "  <summary>Details</summary>\n"
        + "\n"
        + "**Motivation:** {motivation}\n"
        + "\n"
        + "**Method:** {method}\n"
        + "\n"
        + "**Key Contributions:**\n"
        + "\n"
        + "{key_contributions}\n"
        + "\n"
        + "**Result:** {result}\n"
        + "\n"
        + "**Limitations:** {limitations}\n"
        + "\n"
        + "**Conclusion:** {conclusion}\n"
        + "\n"
        + "**Abstract:** {summary}\n"
        + "\n"
        + "</details>\n";

    public static DigestDialect Instance { get; } = DigestDialect.CreateBuiltIn(
        "bold-labels",
        "ZL-Asica/daily-arXiv-digest (May to September 2025): bold labels, keywords, a relevance score, a read time, key contributions and limitations.",
        Template,
        ["zl-asica", "daily-arxiv-digest"],
        ", ",
        new Dictionary<string, string>
        {
            ["relevance_score"] = "importance_score",
            ["read_time"] = "read_time_minutes",
        });
}
