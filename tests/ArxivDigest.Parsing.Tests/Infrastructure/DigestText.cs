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

    public static string Paper(int index, PaperSource p) =>
        $"### [{index}] [{p.Title}](https://arxiv.org/abs/{p.Id})\n" +
        $"*{string.Join(",", p.Authors)}*\n\n" +
        $"Main category: {p.Category}\n\n" +
        $"TL;DR: {p.Tldr}\n\n\n" +
        "<details>\n  <summary>Details</summary>\n" +
        $"Motivation: {p.Motivation}\n\n" +
        $"Method: {p.Method}\n\n" +
        $"Result: {p.Result}\n\n" +
        $"Conclusion: {p.Conclusion}\n\n" +
        $"Abstract: {p.Summary}\n\n" +
        "</details>\n";

    public static PaperSource Sample(string id = "2601.00001", string category = "cs.CV") =>
        new(id, "A Title", ["Ada Lovelace", "Alan Turing"], category);
}
