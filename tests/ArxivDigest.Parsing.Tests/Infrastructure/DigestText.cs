using System.Text;

namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>A paper as the generator's JSON record holds it.</summary>
internal sealed record PaperSource(
    string Id,
    string Title,
    string[] Authors,
    string Category,
    string Tldr = "tldr",
    string Motivation = "motivation",
    string Method = "method",
    string Result = "result",
    string Conclusion = "conclusion",
    string Summary = "summary");

/// <summary>Writes digest Markdown exactly as the daily-arXiv-ai-enhanced generator does, for tests that need a digest with given values.</summary>
internal static class DigestText
{
    public static string Render(params PaperSource[] papers)
    {
        var categories = papers.Select(p => p.Category).Distinct().ToList();
        var sb = new StringBuilder();
        sb.Append("<div id=toc></div>\n\n# Table of Contents\n\n");
        foreach (string c in categories)
        {
            sb.Append($"- [{c}](#{c}) [Total: {papers.Count(p => p.Category == c)}]\n");
        }

        int index = 1;
        foreach (string c in categories)
        {
            sb.Append($"\n\n<div id='{c}'></div>\n\n# {c} [[Back]](#toc)\n\n");
            var blocks = papers.Where(p => p.Category == c).Select(p => Paper(index++, p));
            sb.Append(string.Join("\n\n", blocks));
        }

        return sb.ToString();
    }

    /// <summary>One paper from the canonical dialect's template (the generator's own <c>paper_template.md</c>), values inserted as the generator inserts them.</summary>
    public static string Paper(int index, PaperSource p) => TemplateRenderer.Format(DigestDialect.Canonical.PaperTemplate, new Dictionary<string, string>
    {
        ["idx"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["title"] = p.Title,
        ["url"] = "https://arxiv.org/abs/" + p.Id,
        ["authors"] = string.Join(",", p.Authors),
        ["cate"] = p.Category,
        ["tldr"] = p.Tldr,
        ["motivation"] = p.Motivation,
        ["method"] = p.Method,
        ["result"] = p.Result,
        ["conclusion"] = p.Conclusion,
        ["summary"] = p.Summary,
    });

    /// <summary>The canonical template as the generator's README gives it, kept here so the built-in dialect is checked against it.</summary>
    public const string CanonicalTemplate =
        "### [{idx}] [{title}]({url})\n*{authors}*\n\nMain category: {cate}\n\nTL;DR: {tldr}\n\n\n<details>\n  <summary>Details</summary>\n"
        + "Motivation: {motivation}\n\nMethod: {method}\n\nResult: {result}\n\nConclusion: {conclusion}\n\nAbstract: {summary}\n\n</details>\n";

    public static PaperSource Sample(string id = "2601.00001", string category = "cs.CV") =>
        new(id, "A Title", ["Ada Lovelace", "Alan Turing"], category);
}
