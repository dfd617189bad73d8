namespace ArxivDigest.Parsing;

/// <summary>The <c>chinese-labels</c> dialect: dkhonker/daily-arXiv-ai-enhanced (from June 2025): bold Chinese labels and a link to discuss the paper with Kimi.</summary>
internal static class ChineseLabelsDialect
{
    /// <summary>The generator's paper template, byte for byte.</summary>
    public const string Template =
        "### [{idx}] [{title}]({url})\n"
        + "*{authors}*\n"
        + "\n"
        + "**主要类别:** {cate}\n"
        + "\n"
        + "**AI概要:** {tldr}\n"
        + "\n"
        + "\n"
        + "<details>\n"
        + "  <summary>更多</summary>\n"
        + "  \n"
        + "**动机:** {motivation}\n"
        + "\n"
        + "**方法:** {method}\n"
        + "\n"
        + "**结果:** {result}\n"
        + "\n"
        + "**结论:** {conclusion}\n"
        + "\n"
        + "**与AI讨论:** {assistant_link_markdown}\n"
        + "\n"
        + "**原文摘要:** {summary}\n"
        + "\n"
        + "</details>\n";

    public static DigestDialect Instance { get; } = DigestDialect.CreateBuiltIn(
        "chinese-labels",
        "dkhonker/daily-arXiv-ai-enhanced (from June 2025): bold Chinese labels and a link to discuss the paper with Kimi.",
        Template,
        ["dkhonker"],
        ", ");
}
