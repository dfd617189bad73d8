using System.Collections.Immutable;
using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers.Markdown;
using FsCheck.Fluent;

namespace ArxivDigest.Parsing.Tests.Writers.Markdown;

public sealed class MarkdownRoundTripPropertyTests
{
    private static async Task<byte[]> WriteAsync(ImmutableArray<Paper> papers)
    {
        var output = new MemoryStream();
        await using (var writer = new MarkdownDigestWriter(output))
        {
            foreach (Paper p in papers)
            {
                await writer.WritePaperAsync(p);
            }

            await writer.CompleteAsync();
        }

        return output.ToArray();
    }

    internal static IEnumerable<string> Differences(Paper expected, Paper actual)
    {
        if (expected.Title != actual.Title) yield return "title";
        if (expected.Url != actual.Url) yield return "url";
        if (!expected.Authors.SequenceEqual(actual.Authors)) yield return "authors";
        if (expected.MainCategory != actual.MainCategory) yield return "main category";
        if (expected.Tldr != actual.Tldr) yield return "tldr";
        if (expected.Motivation != actual.Motivation) yield return "motivation";
        if (expected.Method != actual.Method) yield return "method";
        if (expected.Result != actual.Result) yield return "result";
        if (expected.Conclusion != actual.Conclusion) yield return "conclusion";
        if (expected.Abstract != actual.Abstract) yield return "abstract";
        if (!expected.ExtraFields.Select(f => (f.Label, f.Value)).SequenceEqual(actual.ExtraFields.Select(f => (f.Label, f.Value)))) yield return "extra fields";
    }

    [Fact]
    public async Task Explore()
    {
        var sb = new StringBuilder();
        int differing = 0, total = 0;
        foreach (ImmutableArray<Paper> papers in PaperGenerators.Papers.Sample(300, 30))
        {
            byte[] md = await WriteAsync(papers);
            Digest digest = DigestParser.Parse(md);
            total++;
            if (digest.Papers.Length != papers.Length)
            {
                differing++;
                sb.Append($"count {papers.Length} -> {digest.Papers.Length}\n");
                continue;
            }

            var diffs = papers.Zip(digest.Papers).SelectMany(t => Differences(t.First, t.Second)).Distinct().ToList();
            if (diffs.Count > 0)
            {
                differing++;
                sb.Append(string.Join(",", diffs)).Append('\n');
            }
        }

        File.WriteAllText("/tmp/explore.txt", $"{differing}/{total}\n" + sb);
    }
}
