namespace ArxivDigest.Parsing;

/// <summary>The <c>blockquote-extended-b</c> dialect: xmkxabc/daily-arXiv-ai-enhanced, 10 to 25 June 2025: as blockquote-extended, with the main category only.</summary>
internal static class BlockquoteExtendedBDialect
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
        + "**Comment:** {comment}\n"
        + "\n"
        + "> **TL;DR:** {tldr}\n"
        + "\n"
        + "**AI_Comments:** {ai_comment}\n"
        + "\n"
        + "<details>\n"
        + "  <summary>Details</summary>\n"
        + "\n"
        + "**Motivation:** {motivation}\n"
        + "\n"
        + "**Method:** {method}\n"
        + "\n"
        + "**Result:** {results}\n"
        + "\n"
        + "**Conclusion:** {conclusion}\n"
        + "\n"
        + "> **ai_Abstract:** {ai_Abstract}\n"
        + "\n"
        + "> **摘要翻译:** {abstract_translation}\n"
        + "\n"
        + "</details>\n";

    public static DigestDialect Instance { get; } = DigestDialect.CreateBuiltIn(
        "blockquote-extended-b",
        "xmkxabc/daily-arXiv-ai-enhanced, 10 to 25 June 2025: as blockquote-extended, with the main category only.",
        Template,
        ["xmkxabc-b"],
        ", ",
        new Dictionary<string, string>
        {
            ["ai_comment"] = "comments",
            ["ai_Abstract"] = "summary",
            ["abstract_translation"] = "translation",
        });
}
