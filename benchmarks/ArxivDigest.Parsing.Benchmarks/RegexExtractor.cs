using System.Text.RegularExpressions;

namespace ArxivDigest.Parsing.Benchmarks;

/// <summary>One paper as the regular-expression extractor sees it.</summary>
public sealed record RegexPaper(
    string Title,
    string Url,
    string[] Authors,
    string? MainCategory,
    string? Tldr,
    string? Motivation,
    string? Method,
    string? Result,
    string? Conclusion,
    string? Abstract);

/// <summary>
/// The extractor one would write by hand: decode the whole digest to a string, split it into papers at each
/// <c>### [</c> heading, and pull every field out of a paper with its own regular expression. Deliberately
/// straightforward and left unoptimised: it is the comparison point, not a second implementation.
/// </summary>
public static class RegexExtractor
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.Multiline;

    private static readonly Regex PaperStart = new(@"^### \[", Options);

    // Split removes the "### [" the chunk started with, so a paper chunk starts at its number.
    private static readonly Regex Heading = new(@"\A\d+\] \[(.*)\]\((\S*)\)[ \t]*$", Options);
    private static readonly Regex AuthorsLine = new(@"^\*(.*)\*$", Options);
    private static readonly Regex MainCategory = new(@"^Main category: (.*)$", Options);
    private static readonly Regex Tldr = new(@"^TL;DR: ([\s\S]*?)\n\n\n<details>", Options);
    private static readonly Regex Motivation = new(@"^Motivation: ([\s\S]*?)\n\nMethod: ", Options);
    private static readonly Regex Method = new(@"^Method: ([\s\S]*?)\n\nResult: ", Options);
    private static readonly Regex Result = new(@"^Result: ([\s\S]*?)\n\nConclusion: ", Options);
    private static readonly Regex Conclusion = new(@"^Conclusion: ([\s\S]*?)\n\nAbstract: ", Options);
    private static readonly Regex Abstract = new(@"^Abstract: ([\s\S]*?)\n\n</details>", Options);

    public static List<RegexPaper> Extract(string markdown)
    {
        var papers = new List<RegexPaper>();
        foreach (string chunk in PaperStart.Split(markdown))
        {
            Match heading = Heading.Match(chunk);
            if (!heading.Success)
            {
                continue; // the table of contents before the first paper
            }

            string? authors = Capture(AuthorsLine, chunk);
            papers.Add(new RegexPaper(
                heading.Groups[1].Value,
                heading.Groups[2].Value,
                authors is null ? [] : authors.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Capture(MainCategory, chunk),
                Capture(Tldr, chunk),
                Capture(Motivation, chunk),
                Capture(Method, chunk),
                Capture(Result, chunk),
                Capture(Conclusion, chunk),
                Capture(Abstract, chunk)));
        }

        return papers;
    }

    private static string? Capture(Regex regex, string text)
    {
        Match match = regex.Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }
}
