using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers.Markdown;

namespace ArxivDigest.Parsing.Tests.Writers.Markdown;

/// <summary>
/// The Markdown writer in a fork's dialect: every paper of a dialect digest, read and written again in that dialect,
/// comes back byte for byte (the number in its heading aside, as papers are renumbered), with nothing reported.
/// </summary>
public sealed class DialectMarkdownWriterTests
{
    public static TheoryData<string> Digests() => CorpusFiles.AsTheoryData(CorpusFiles.DialectDigests);

    [Theory]
    [MemberData(nameof(Digests))]
    public async Task Written_in_its_own_dialect_every_paper_block_comes_back_byte_for_byte(string md)
    {
        (DigestDialect dialect, _) = DialectTruth.DialectOf(Path.GetFileName(Path.GetDirectoryName(md)!), Path.GetFileNameWithoutExtension(md));
        Digest digest = DigestParser.ParseFile(md, new DigestReaderOptions { Dialect = dialect });

        using var output = new MemoryStream();
        await using (var writer = new MarkdownDigestWriter(output, dialect))
        {
            foreach (Paper paper in digest.Papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
            Assert.Empty(writer.Diagnostics);
        }

        string written = Encoding.UTF8.GetString(output.ToArray());
        List<string> before = Blocks(File.ReadAllText(md), dialect);
        List<string> after = Blocks(written, dialect);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before.Order(StringComparer.Ordinal), after.Order(StringComparer.Ordinal));

        // And read again, in the same dialect, the papers are the same.
        Digest again = DigestParser.Parse(written, new DigestReaderOptions { Dialect = dialect });
        Assert.Empty(again.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(digest.Papers.Length, again.Papers.Length);
        foreach ((string expected, string actual) in digest.Papers.Select(Describe).Order(StringComparer.Ordinal).Zip(again.Papers.Select(Describe).Order(StringComparer.Ordinal)))
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task A_paper_of_another_dialect_keeps_every_field_the_target_has_no_place_for()
    {
        Paper paper = new()
        {
            Title = "A Title",
            Url = "https://arxiv.org/abs/2601.00001",
            Authors = ["Ada Lovelace", "Alan Turing"],
            MainCategory = "cs.CV",
            Tldr = "tldr",
            Abstract = "abstract",
            ExtraFields = [new PaperField("Keywords", "a, b", default) { Key = "keywords" }, new PaperField("Mood", "calm", default)],
        };
        DigestDialect.TryGetBuiltIn("headings", out DigestDialect? headings);

        using var output = new MemoryStream();
        await using (var writer = new MarkdownDigestWriter(output, headings))
        {
            await writer.WritePaperAsync(paper);
            await writer.CompleteAsync();
            Assert.Empty(writer.Diagnostics);
        }

        Paper back = Assert.Single(DigestParser.Parse(output.ToArray(), new DigestReaderOptions { Dialect = headings }).Papers);
        Assert.Equal("tldr", back.Tldr);
        Assert.Equal("abstract", back.Abstract);
        Assert.Equal("cs.CV", back.Section);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], back.Authors.ToArray());
        Assert.Equal([("Keywords", "a, b"), ("Mood", "calm")], back.ExtraFields.Select(f => (f.Label, f.Value)));
    }

    // Papers are renumbered, and a paper outside any section is written under "Uncategorized".
    private static string Describe(Paper p) => ModelText.Describe(new Digest { Papers = [p with { Index = null, Location = default, DigestDate = null, Section = p.Section is "Uncategorized" ? null : p.Section, ExtraFields = [.. p.ExtraFields.Select(f => f with { Location = default })] }] });

    /// <summary>Each paper's block as written: from its heading to its closing line (or, without one, to the blank lines before the next paper or section), the number in the heading left out.</summary>
    private static List<string> Blocks(string text, DigestDialect dialect)
    {
        string closer = dialect.PaperTemplate.TrimEnd('\n');
        closer = closer[(closer.LastIndexOf('\n') + 1)..];
        bool hasCloser = !closer.Contains('{', StringComparison.Ordinal) && closer.TrimStart().StartsWith('<');
        var blocks = new List<string>();
        StringBuilder? current = null;
        foreach (string line in text.Split('\n'))
        {
            bool boundary = line.StartsWith("### [", StringComparison.Ordinal) || line.StartsWith("<div id=", StringComparison.Ordinal) || line.StartsWith("<a id=", StringComparison.Ordinal);
            if (current is not null && boundary)
            {
                blocks.Add(current.ToString().TrimEnd('\n'));
                current = null;
            }

            if (line.StartsWith("### [", StringComparison.Ordinal))
            {
                current = new StringBuilder(System.Text.RegularExpressions.Regex.Replace(line, @"^### \[\d+\] ", "### [#] ")).Append('\n');
                continue;
            }

            if (current is null)
            {
                continue;
            }

            current.Append(line).Append('\n');
            if (hasCloser && line == closer)
            {
                blocks.Add(current.ToString().TrimEnd('\n'));
                current = null;
            }
        }

        if (current is not null)
        {
            blocks.Add(current.ToString().TrimEnd('\n'));
        }

        return blocks;
    }
}
