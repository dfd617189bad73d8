using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>
/// Lines the reader reads without a token (markup, anchors) or takes apart (headings, table-of-contents entries):
/// when they are not exactly as the generator writes them, nothing on them is lost, and the difference is reported
/// at its line and column.
/// </summary>
public sealed class MarkupLineTests
{
    /// <summary>A line of the rendered sample digest, what replaces it, the text that must be kept, and the column reported.</summary>
    public static TheoryData<string, string, string, int> Changes() => new()
    {
        { "</details>", "</details>TRAILING", "TRAILING", 11 },
        { "</details>", "</details> ", " ", 11 },
        { "<details>", "<details>X", "X", 10 },
        { "  <summary>Details</summary>", "  <summary>Details</summary>X", "X", 29 },
        { "  <summary>Details</summary>", "  <summary>Other</summary>", "  <summary>Other</summary>", 1 },
        { "  <summary>Details</summary>", "  <summary>", "  <summary>", 1 },
        { "<div id='cs.CV'></div>", "<div id='cs.CV'>a note</div>", "a note", 1 },
        { "<div id=toc></div>", "<div id=toc>contents</div>", "contents", 1 },
        { "### [1] [A Title](https://arxiv.org/abs/2601.00001)", "### [1] [A Title](https://arxiv.org/abs/2601.00001) ", "[1] [A Title](https://arxiv.org/abs/2601.00001) ", 1 },
    };

    /// <summary>Shapes of the layout lines that forks write (other quotes, another anchor, trailing spaces): recognised, as the generator's own.</summary>
    public static TheoryData<string, string> Variants() => new()
    {
        { "<div id='cs.CV'></div>", "<div id='cs.LG'></div>" },
        { "<div id='cs.CV'></div>", "<div id=\"cs.CV\"></div>" },
        { "<div id='cs.CV'></div>", "<a id='cscv'></a>" },
        { "<div id='cs.CV'></div>", "<div id='cs.CV'></div> " },
        { "<div id=toc></div>", "<div id='toc'></div>" },
        { "<div id=toc></div>", "<a id='toc'></a>" },
        { "# Table of Contents", "### 目录" },
        { "- [cs.CV](#cs.CV) [Total: 1]", "- [cs.CV](#elsewhere) [Total: 1]" },
        { "- [cs.CV](#cs.CV) [Total: 1]", "- [cs.CV](#cscv) (1 篇)" },
        { "- [cs.CV](#cs.CV) [Total: 1]", "- [cs.CV](#cs.CV) [Total: 1] " },
        { "# cs.CV [[Back]](#toc)", "# cs.CV [[Back]](#toc) " },
        { "# cs.CV [[Back]](#toc)", "## cs.CV " },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_common_variant_of_a_layout_line_is_recognised_as_the_generators_own(string line, string replacement)
    {
        (string markdown, _) = Change(line, replacement);
        Digest expected = DigestParser.Parse(DigestText.Render(DigestText.Sample()));
        Digest digest = DigestParser.Parse(markdown);

        Assert.Empty(digest.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(digest.UnrecognizedText);
        Assert.Equal(expected.Sections.Select(s => s.Category), digest.Sections.Select(s => s.Category));
        Assert.Equal(expected.TableOfContents.Select(e => (e.Category, e.Total)), digest.TableOfContents.Select(e => (e.Category, e.Total)));
        Assert.Equal(ModelText.Describe(expected), ModelText.Describe(digest));
    }

    private static (string Markdown, int Line) Change(string line, string replacement)
    {
        List<string> lines = [.. DigestText.Render(DigestText.Sample()).Split('\n')];
        int at = lines.IndexOf(line);
        Assert.True(at >= 0, $"'{line}' is not a line of the sample");
        lines[at] = replacement;
        return (string.Join('\n', lines), at + 1);
    }

    /// <summary>Every text the model holds, so a test can tell whether some text was kept anywhere.</summary>
    private static IEnumerable<string> Texts(Digest digest) =>
        digest.UnrecognizedText.Select(t => t.Text)
            .Concat(digest.TableOfContents.Select(e => e.Category))
            .Concat(digest.Sections.Select(s => s.Category))
            .Concat(digest.Papers.SelectMany(p => new[] { p.Title, p.Url, p.MainCategory, p.Tldr, p.Motivation, p.Method, p.Result, p.Conclusion, p.Abstract }
                .Concat(p.Authors).Concat(p.ExtraFields.SelectMany(f => new[] { f.Label, f.Value }))).OfType<string>());

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_line_unlike_the_template_keeps_its_text_and_is_reported_at_its_column(string line, string replacement, string kept, int column)
    {
        (string markdown, int lineNumber) = Change(line, replacement);
        Digest digest = DigestParser.Parse(markdown, new DigestReaderOptions { SourceName = "x.md" });

        Assert.Contains(Texts(digest), t => t.Contains(kept, StringComparison.Ordinal));
        var at = new SourceLocation("x.md", lineNumber, column);
        Assert.Contains(digest.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning && d.Location == at);
        Assert.Single(digest.Papers);

        // Strict mode stops at the first of them (a section heading unlike the template leaves its anchor unmatched above it).
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(markdown, new DigestReaderOptions { SourceName = "x.md", Strict = true }));
        Assert.Equal(digest.Diagnostics.First(d => d.Severity >= DiagnosticSeverity.Warning).Location, e.Location);
        Assert.True(e.Location.Line <= lineNumber);
    }

    [Fact]
    public void Text_after_the_closing_details_closes_the_paper_and_stays_outside_it()
    {
        (string markdown, int line) = Change("</details>", "</details>TRAILING");
        Digest digest = DigestParser.Parse(markdown);

        Paper paper = Assert.Single(digest.Papers);
        Assert.Equal("summary", paper.Abstract);
        Assert.Empty(paper.ExtraFields);
        UnrecognizedText text = Assert.Single(digest.UnrecognizedText);
        Assert.Equal("TRAILING", text.Text);
        Assert.Equal(new SourceLocation(null, line, 11), text.Location);
        Assert.DoesNotContain(digest.Diagnostics, d => d.Code == DiagnosticCodes.UnclosedPaper);
    }

    [Fact]
    public void Text_after_the_opening_details_is_an_unlabelled_extra_field_and_the_template_fields_stay_exact()
    {
        (string markdown, int line) = Change("<details>", "<details>X");
        Paper paper = Assert.Single(DigestParser.Parse(markdown).Papers);

        PaperField extra = Assert.Single(paper.ExtraFields);
        Assert.Equal(string.Empty, extra.Label);
        Assert.Equal("X", extra.Value);
        Assert.Equal(new SourceLocation(null, line, 10), extra.Location);
        Assert.Equal("tldr", paper.Tldr);
        Assert.Equal("motivation", paper.Motivation);
    }

    [Fact]
    public void Text_after_markup_is_kept_however_the_input_is_split()
    {
        string markdown = Change("  <summary>Details</summary>", "  <summary>Details</summary>X").Markdown
            .Replace("</details>", "</details>T", StringComparison.Ordinal)
            .Replace("<details>", "<details>D", StringComparison.Ordinal);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(markdown);
        string whole = ModelText.Describe(DigestParser.Parse(bytes));
        for (int size = 1; size <= 8; size++)
        {
            Digest split = DigestParser.Parse(new ChunkedStream(bytes, size), new DigestReaderOptions { BufferSize = size });
            Assert.Equal(whole, ModelText.Describe(split));
        }
    }
}
