namespace ArxivDigest.Parsing;

/// <summary>The <c>blockquote-extended-a</c> dialect: xmkxabc/daily-arXiv-ai-enhanced, 8 June 2025: as blockquote-extended-b, without the comment and AI comments.</summary>
internal static class BlockquoteExtendedADialect
{
    /// <summary>The generator's paper template, byte for byte.</summary>
    public const string Template =
        "### [{idx}] [{title}]({url})\n"
        + "> *{title_translation}*\n"
        + "\n"
        + "*{authors}* | **Main category: {cate}**\n"
        + "\n"
        + "**Keywords:** {keywords}\n"
        + "\n"
        + "> **TL;DR:** {tldr}\n"
        + "\n"
        + "<details>\n"
        + "  <summary>Details</summary>\n"
        + "\n"
        + "**Motivation:** {motivation}\n"
        + "\n"
        + "**Method:** {method}\n"
        + "\n"
        + "**Result:** {result}\n"
        + "\n"
        + "**Conclusion:** {conclusion}\n"
        + "\n"
        + "> **ai_Abstract:** {ai_summary}\n"
        + "\n"
        + "> **摘要翻译:** {translation}\n"
        + "\n"
        + "</details>\n";

    public static DigestDialect Instance { get; } = DigestDialect.CreateBuiltIn(
        "blockquote-extended-a",
        "xmkxabc/daily-arXiv-ai-enhanced, 8 June 2025: as blockquote-extended-b, without the comment and AI comments.",
        Template,
        ["xmkxabc-a"],
        ", ",
        new Dictionary<string, string>
        {
            ["ai_summary"] = "summary",
        });
}
