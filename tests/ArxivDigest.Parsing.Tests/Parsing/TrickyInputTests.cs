using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>The cases real digests throw at a parser, each pinned on its own.</summary>
public sealed class TrickyInputTests
{
    private static Paper Single(string markdown, DigestReaderOptions? options = null)
    {
        Digest digest = DigestParser.Parse(markdown, options);
        return Assert.Single(digest.Papers);
    }

    private static Paper RoundTrip(PaperSource source)
    {
        Digest digest = DigestParser.Parse(DigestText.Render(source));
        Assert.Empty(digest.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Paper paper = Assert.Single(digest.Papers);
        Assert.Equal(source.Title, paper.Title);
        Assert.Equal(source.Authors, paper.Authors);
        Assert.Equal(source.Category, paper.MainCategory);
        Assert.Equal(source.Tldr, paper.Tldr);
        Assert.Equal(source.Motivation, paper.Motivation);
        Assert.Equal(source.Method, paper.Method);
        Assert.Equal(source.Result, paper.Result);
        Assert.Equal(source.Conclusion, paper.Conclusion);
        Assert.Equal(source.Summary, paper.Abstract);
        return paper;
    }

    [Fact]
    public void Multi_line_abstract_keeps_every_line_break()
    {
        RoundTrip(DigestText.Sample() with { Summary = "First line.\n  Indented second line.\nThird line." });
    }

    [Fact]
    public void Blank_lines_inside_a_field_are_part_of_it()
    {
        RoundTrip(DigestText.Sample() with
        {
            Method = "1. Step one\n\n2. Step two\n\n\n3. After two blank lines",
            Result = "- bullet\n- bullet\n\nMethod: a label word inside the result stays content",
        });
    }

    [Fact]
    public void Spaces_and_line_breaks_at_field_edges_are_kept()
    {
        RoundTrip(DigestText.Sample() with
        {
            Tldr = "  leading spaces",
            Motivation = "trailing spaces  ",
            Method = "\nstarts with a line break",
            Result = "ends with a line break\n",
            Conclusion = "",
            Summary = " both \n",
        });
    }

    [Theory]
    [InlineData("Brackets [in] the [title]")]
    [InlineData("A ](tricky) [title](with links) inside")]
    [InlineData("$\\mathcal{O}(n)$ & 100% of [0,1]")]
    [InlineData("]")]
    public void Brackets_math_and_symbols_in_titles_are_kept(string title)
    {
        RoundTrip(DigestText.Sample() with { Title = title });
    }

    [Fact]
    public void Asterisks_inside_the_author_line_are_names_not_markup()
    {
        Paper paper = RoundTrip(DigestText.Sample() with { Authors = ["Mariia Gladkova*", "Tarun Yenamandra*", "Edmond Boyer"] });
        Assert.Equal(3, paper.Authors.Length);
    }

    [Fact]
    public void Control_characters_inside_fields_are_content_not_line_breaks()
    {
        // A bare carriage return, backspace, form feed and tab come from LaTeX (\rho, \bar, \frac, \times) mis-read as JSON escapes.
        RoundTrip(DigestText.Sample() with
        {
            Tldr = "uses \rho and \bar{x}",
            Method = "\frac{a}{b} \times c",
            Result = "ends with a bare CR\r",
        });
    }

    [Fact]
    public void Crlf_input_gives_the_same_values_as_lf_input()
    {
        PaperSource source = DigestText.Sample() with { Summary = "Line one.\nLine two.", Method = "a\n\nb" };
        string lf = DigestText.Render(source);
        Digest fromLf = DigestParser.Parse(lf);
        Digest fromCrLf = DigestParser.Parse(lf.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(ModelText.Describe(fromLf), ModelText.Describe(fromCrLf));
        Assert.Equal("Line one.\nLine two.", fromCrLf.Papers[0].Abstract);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(DigestText.Render(DigestText.Sample()));
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. text];
        Digest digest = DigestParser.Parse(withBom);
        Assert.Empty(digest.Diagnostics);
        Assert.Equal("A Title", Assert.Single(digest.Papers).Title);
        Assert.Single(digest.TableOfContents);
    }

    [Theory]
    [InlineData("<div id=toc></div>\n\n# Table of Contents\n\n")]
    [InlineData("<div id=toc></div>\n")]
    [InlineData("# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 0]\n\n\n<div id='cs.CV'></div>\n\n# cs.CV [[Back]](#toc)\n")]
    public void An_empty_digest_has_no_papers_and_no_diagnostics(string markdown)
    {
        Digest digest = DigestParser.Parse(markdown);
        Assert.Empty(digest.Papers);
        Assert.Empty(digest.Diagnostics);
    }

    [Fact]
    public void A_truncated_last_paper_keeps_what_it_has_and_reports_where_it_ends()
    {
        string full = DigestText.Render(DigestText.Sample("2601.00001"), DigestText.Sample("2601.00002"));
        string truncated = full[..full.LastIndexOf("Result:", StringComparison.Ordinal)] + "Result: cut here";
        Digest digest = DigestParser.Parse(truncated, new DigestReaderOptions { SourceName = "cut.md" });

        Assert.Equal(2, digest.Papers.Length);
        Paper last = digest.Papers[1];
        Assert.Equal("method", last.Method);
        Assert.Equal("cut here", last.Result);
        Assert.Null(last.Abstract);

        DigestDiagnostic unclosed = Assert.Single(digest.Diagnostics, d => d.Code == DiagnosticCodes.UnclosedPaper);
        Assert.Equal(DiagnosticSeverity.Error, unclosed.Severity);
        Assert.Equal("cut.md", unclosed.Location.File);
        DigestDiagnostic noAbstract = Assert.Single(digest.Diagnostics, d => d.Code == DiagnosticCodes.MissingAbstract);
        Assert.Equal(last.Location, noAbstract.Location);
        Assert.Equal(truncated.Split('\n').ToList().FindIndex(l => l.Contains("2601.00002", StringComparison.Ordinal)) + 1, last.Location.Line);
    }

    [Fact]
    public void A_paper_cut_short_before_the_next_heading_is_reported_at_that_heading()
    {
        string first = DigestText.Paper(1, DigestText.Sample("2601.00001"));
        string broken = first[..first.IndexOf("<details>", StringComparison.Ordinal)];
        string markdown = broken + "\n\n" + DigestText.Paper(2, DigestText.Sample("2601.00002"));
        Digest digest = DigestParser.Parse(markdown);

        Assert.Equal(2, digest.Papers.Length);
        Assert.Equal("tldr", digest.Papers[0].Tldr);
        Assert.Equal("summary", digest.Papers[1].Abstract);
        int secondHeading = markdown.Split('\n').ToList().FindIndex(l => l.StartsWith("### [2]", StringComparison.Ordinal)) + 1;
        DigestDiagnostic unclosed = Assert.Single(digest.Diagnostics, d => d.Code == DiagnosticCodes.UnclosedPaper);
        Assert.Equal(new SourceLocation(null, secondHeading, 1), unclosed.Location);
    }

    [Fact]
    public void Placeholder_summaries_are_read_as_values_and_noted()
    {
        Digest digest = DigestParser.Parse(DigestText.Render(DigestText.Sample() with
        {
            Tldr = "Summary generation failed",
            Motivation = "Motivation analysis unavailable",
        }));
        Assert.Equal("Summary generation failed", digest.Papers[0].Tldr);
        Assert.Equal(2, digest.Diagnostics.Count(d => d.Code == DiagnosticCodes.PlaceholderSummary && d.Severity == DiagnosticSeverity.Info));
        Assert.False(digest.HasErrors);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column_and_read_as_replacement_character()
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(DigestText.Render(DigestText.Sample() with { Method = "ab\nc\u00e9X" }));
        int x = Array.IndexOf(text, (byte)'X');
        text[x] = 0xFF; // a byte that never starts a UTF-8 sequence

        Digest digest = DigestParser.Parse(text, new DigestReaderOptions { SourceName = "bad.md" });
        DigestDiagnostic bad = Assert.Single(digest.Diagnostics, d => d.Code == DiagnosticCodes.InvalidUtf8);
        int methodLine = System.Text.Encoding.UTF8.GetString(text).Split('\n').ToList().FindIndex(l => l.StartsWith("Method:", StringComparison.Ordinal)) + 1;
        Assert.Equal(new SourceLocation("bad.md", methodLine + 1, 3), bad.Location); // "cé" then the bad byte
        Assert.Equal("ab\nc\u00e9\uFFFD", digest.Papers[0].Method);
    }

    [Fact]
    public void A_malformed_heading_is_an_error_and_its_paper_is_kept()
    {
        string paper = DigestText.Paper(1, DigestText.Sample());
        string markdown = paper.Replace("### [1] [A Title](https://arxiv.org/abs/2601.00001)", "### [1] A Title without a link", StringComparison.Ordinal);
        Digest digest = DigestParser.Parse(markdown, new DigestReaderOptions { SourceName = "x.md" });

        DigestDiagnostic error = Assert.Single(digest.Diagnostics, d => d.Code == DiagnosticCodes.MalformedHeading);
        Assert.Equal(new SourceLocation("x.md", 1, 1), error.Location);
        Paper kept = Assert.Single(digest.Papers);
        Assert.Equal("[1] A Title without a link", kept.Title);
        Assert.Equal("summary", kept.Abstract);
    }

    [Fact]
    public void An_unknown_label_becomes_an_extra_field_and_the_known_ones_stay_exact()
    {
        string paper = DigestText.Paper(1, DigestText.Sample());
        string markdown = paper.Replace("Main category: cs.CV\n", "Main category: cs.CV\n\nKeywords: diffusion, 3D\nsecond line\n", StringComparison.Ordinal);
        Digest digest = DigestParser.Parse(markdown);

        Paper p = Assert.Single(digest.Papers);
        PaperField extra = Assert.Single(p.ExtraFields);
        Assert.Equal("Keywords", extra.Label);
        Assert.Equal("diffusion, 3D\nsecond line", extra.Value);
        Assert.Equal(6, extra.Location.Line);
        Assert.Equal("cs.CV", p.MainCategory);
        Assert.Equal("tldr", p.Tldr);
        Assert.Contains(digest.Diagnostics, d => d.Code == DiagnosticCodes.UnknownLabel && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Unrecognised_text_between_papers_is_kept_and_reported()
    {
        string markdown = DigestText.Paper(1, DigestText.Sample("2601.00001")) + "\nSome note a human added.\nSecond line.\n\n" + DigestText.Paper(2, DigestText.Sample("2601.00002"));
        Digest digest = DigestParser.Parse(markdown);

        Assert.Equal(2, digest.Papers.Length);
        UnrecognizedText text = Assert.Single(digest.UnrecognizedText);
        Assert.Equal("Some note a human added.\nSecond line.", text.Text);
        Assert.Contains(digest.Diagnostics, d => d.Code == DiagnosticCodes.UnrecognizedText && d.Location.Line == text.Location.Line);
    }

    [Fact]
    public void A_table_of_contents_total_that_disagrees_with_the_section_is_a_warning_at_the_entry()
    {
        string markdown = DigestText.Render(DigestText.Sample("2601.00001"), DigestText.Sample("2601.00002"))
            .Replace("[Total: 2]", "[Total: 3]", StringComparison.Ordinal);
        Digest digest = DigestParser.Parse(markdown);
        DigestDiagnostic mismatch = Assert.Single(digest.Diagnostics);
        Assert.Equal(DiagnosticCodes.TocTotalMismatch, mismatch.Code);
        Assert.Equal(5, mismatch.Location.Line);
        Assert.Equal(2, digest.Sections[0].Papers.Length);
    }

    [Fact]
    public void Strict_mode_throws_at_the_first_problem_with_its_position()
    {
        string markdown = DigestText.Render(DigestText.Sample()).Replace("[Total: 1]", "[Total: 9]", StringComparison.Ordinal);
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(markdown, new DigestReaderOptions { Strict = true, SourceName = "s.md" }));
        Assert.Equal(DiagnosticCodes.TocTotalMismatch, e.Code);
        Assert.Equal(new SourceLocation("s.md", 5, 1), e.Location);
        Assert.StartsWith("s.md:5:1: warning AXD003:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_without_a_number_is_read_with_no_index()
    {
        Paper paper = Single("### [Old Layout Title](https://arxiv.org/abs/2503.11731)\n*A,B*\n<details>\n  <summary>Abstract</summary>\ntext\n</details>");
        Assert.Null(paper.Index);
        Assert.Equal("Old Layout Title", paper.Title);
        Assert.Equal(ArxivId.Parse("2503.11731"), paper.Id);
        Assert.Equal(new[] { "A", "B" }, paper.Authors.ToArray());
    }

    [Fact]
    public void The_digest_date_comes_from_the_file_name_or_the_options()
    {
        Assert.Equal(new DateOnly(2026, 1, 26), DigestParser.DateFromFileName("data/2026-01-26.md"));
        Assert.Null(DigestParser.DateFromFileName("000_c84bd109740d103c.md"));
        Digest digest = DigestParser.Parse(DigestText.Render(DigestText.Sample()), new DigestReaderOptions { DigestDate = new DateOnly(2026, 2, 12) });
        Assert.Equal(new DateOnly(2026, 2, 12), digest.Date);
        Assert.Equal(new DateOnly(2026, 2, 12), digest.Papers[0].DigestDate);
    }

    [Fact]
    public void Every_paper_knows_where_its_heading_is()
    {
        string markdown = DigestText.Render(DigestText.Sample("2601.00001"), DigestText.Sample("2601.00002", "cs.AI"));
        string[] lines = markdown.Split('\n');
        Digest digest = DigestParser.Parse(markdown);
        foreach (Paper paper in digest.Papers)
        {
            Assert.StartsWith($"### [{paper.Index}]", lines[paper.Location.Line - 1], StringComparison.Ordinal);
            Assert.Equal(1, paper.Location.Column);
        }

        Assert.Equal(["cs.CV", "cs.AI"], digest.Papers.Select(p => p.Section));
    }
}
