using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;

namespace ArxivDigest.Parsing.Tests.Writers.Bibtex;

/// <summary>The <c>bibtex</c> format: entries in arXiv's style, its options, and its place among the formats.</summary>
public sealed class BibtexPaperWriterTests
{
    private static Paper Sample() => new()
    {
        Id = ArxivId.Parse("2602.10137v2"),
        Title = "NeRF & GANs: 100% $\\alpha$-Fun",
        Url = "https://arxiv.org/abs/2602.10137v2",
        Authors = ["Ada Lovelace", "Alan Turing"],
        MainCategory = "cs.CV",
        Tldr = "提出了一个方法",
        Abstract = "We study $x^2$.\nSecond line.",
    };

    private static Task<string> WriteAsync(Paper paper, BibtexPaperWriterOptions? options = null) =>
        CitationKeyTests.WriteAsync([paper], options);

    [Fact]
    public async Task An_entry_is_a_misc_in_arxivs_style()
    {
        string bib = await WriteAsync(Sample());
        Assert.Equal(
            """
            @misc{lovelace2026nerf,
              title = {{NeRF} \& {GANs}: 100\% {$\alpha$}-Fun},
              author = {Ada Lovelace and Alan Turing},
              year = {2026},
              month = feb,
              eprint = {2602.10137v2},
              archivePrefix = {arXiv},
              primaryClass = {cs.CV},
              url = {https://arxiv.org/abs/2602.10137v2},
              doi = {10.48550/arXiv.2602.10137}
            }

            """.ReplaceLineEndings("\n"),
            bib);
    }

    [Fact]
    public async Task Abstract_and_note_are_options()
    {
        string bib = await WriteAsync(Sample(), new BibtexPaperWriterOptions { Abstract = true, Note = BibtexNote.Tldr });
        Assert.Contains("  doi = {10.48550/arXiv.2602.10137},\n  abstract = {We study {$x^2$}. Second line.},\n  note = {提出了一个方法}\n}\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ascii_option_writes_accent_commands()
    {
        Paper paper = Sample() with { Title = "Nüwa", Authors = ["José Núñez"] };
        string bib = await WriteAsync(paper, new BibtexPaperWriterOptions { Ascii = true });
        Assert.Contains("title = {N{\\\"u}wa}", bib, StringComparison.Ordinal);
        Assert.Contains("author = {Jos{\\'e} N{\\'u}{\\~n}ez}", bib, StringComparison.Ordinal);
        Assert.All(bib, c => Assert.True(c < 128));
    }

    [Fact]
    public async Task The_doi_is_the_arxiv_doi_without_version_and_an_option_leaves_it_out()
    {
        string with = await WriteAsync(Sample());
        Assert.Contains("  doi = {10.48550/arXiv.2602.10137}\n}", with, StringComparison.Ordinal);
        string oldStyle = await WriteAsync(Sample() with { Id = ArxivId.Parse("hep-th/9901001v3") });
        Assert.Contains("  doi = {10.48550/arXiv.hep-th/9901001}\n}", oldStyle, StringComparison.Ordinal);
        string without = await WriteAsync(Sample(), new BibtexPaperWriterOptions { Doi = false });
        Assert.DoesNotContain("doi", without, StringComparison.Ordinal);
        Assert.True(BibtexPaperWriter.Format.TryGetOption("bib-doi", out WriterOption? option));
        Assert.False(((BibtexPaperWriterOptions)option.Apply(BibtexPaperWriter.Format.DefaultOptions, "false")).Doi);
    }

    [Theory]
    [InlineData(1, "jan")]
    [InlineData(6, "jun")]
    [InlineData(12, "dec")]
    public async Task Month_is_the_bibtex_macro_of_the_identifiers_month(int month, string expected)
    {
        string bib = await WriteAsync(Sample() with { Id = ArxivId.Parse($"26{month:D2}.00001") });
        Assert.Contains($"  month = {expected},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_left_out()
    {
        var paper = new Paper { Title = " ", Url = "https://example.org/a b", Authors = [] };
        string bib = await CitationKeyTests.WriteAsync([paper]);
        Assert.Equal("@misc{anon,\n}\n", bib);
    }

    [Fact]
    public async Task A_paper_without_identifier_takes_its_date_from_the_digest_and_a_plain_url()
    {
        var paper = new Paper { Title = "T", Url = "https://example.org/paper?id=1", Authors = ["Ann Lee"], DigestDate = new DateOnly(2026, 3, 3) };
        string bib = await CitationKeyTests.WriteAsync([paper]);
        Assert.Equal("@misc{lee2026t,\n  title = {T},\n  author = {Ann Lee},\n  year = {2026},\n  month = mar,\n  url = {https://example.org/paper?id=1}\n}\n", bib);
    }

    [Theory]
    [InlineData("bib-key", "doi")]
    [InlineData("bib-note", "abstract")]
    [InlineData("bib-abstract", "maybe")]
    public void A_wrong_option_value_is_refused(string name, string value)
    {
        Assert.True(BibtexPaperWriter.Format.TryGetOption(name, out WriterOption? option));
        FormatException e = Assert.Throws<FormatException>(() => option.Apply(BibtexPaperWriter.Format.DefaultOptions, value));
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_writer_does_not_dispose_the_stream_and_writes_nothing_for_no_papers()
    {
        var output = new MemoryStream();
        await using (PaperWriter writer = new BibtexPaperWriter(output))
        {
            await writer.CompleteAsync();
        }

        Assert.True(output.CanWrite);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void The_format_is_registered_by_name_and_extension_with_its_options()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();
        Assert.True(registry.TryGet("bibtex", out PaperWriterFormat? byName));
        Assert.True(registry.TryGetByPath("refs.BIB", out PaperWriterFormat? byPath));
        Assert.Same(byName, byPath);
        Assert.Equal(["bib-key", "bib-doi", "bib-hold-keys", "bib-abstract", "bib-note", "bib-ascii"], byName.Options.Select(o => o.Name));
        Assert.True(byName.Options.Single(o => o.Name == "bib-ascii").IsFlag);
        Assert.Equal(["scholar", "arxiv"], byName.Options.Single(o => o.Name == "bib-key").AllowedValues);
    }

    [Fact]
    public async Task Every_entry_of_the_corpus_has_balanced_braces_and_the_fields_in_order()
    {
        foreach (bool ascii in new[] { false, true })
        {
            List<Paper> papers = [.. CitationKeyTests.CorpusFiles().SelectMany(f => DigestParser.ParseFile(f).Papers)];
            string bib = await CitationKeyTests.WriteAsync(papers, new BibtexPaperWriterOptions { Abstract = true, Note = BibtexNote.Tldr, Ascii = ascii });
            string[] entries = bib.Split("\n\n");
            Assert.Equal(papers.Count, entries.Length);
            foreach (string entry in entries)
            {
                Assert.True(BibtexTextTests.BracesBalance(entry), entry);
                string[] fields = [.. entry.Split('\n').Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l[2..l.IndexOf(' ', 2)])];
                Assert.Equal(["title", "author", "year", "month", "eprint", "archivePrefix", "primaryClass", "url", "doi", "abstract", "note"], fields);
            }
        }
    }

    [Fact]
    public async Task Output_is_utf8_without_byte_order_mark()
    {
        using var output = new MemoryStream();
        await using (PaperWriter writer = BibtexPaperWriter.Format.Create(output))
        {
            await writer.WriteAllAsync(DigestParser.Parse(DigestText.Render(DigestText.Sample() with { Title = "Nüwa" })));
            await writer.CompleteAsync();
        }

        byte[] bytes = output.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("Nüwa", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
