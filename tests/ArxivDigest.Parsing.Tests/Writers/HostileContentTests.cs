using System.Text;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Tests.Writers.Docx;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Bibtex;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Feeds;
using ArxivDigest.Parsing.Writers.Json;
using ArxivDigest.Parsing.Writers.Markdown;
using ArxivDigest.Parsing.Writers.Parquet;
using DocumentFormat.OpenXml.Packaging;

namespace ArxivDigest.Parsing.Tests.Writers;

/// <summary>
/// Characters no format (or not every format) can hold, in every text field of a paper, through every writer: no
/// exception, output that its readers take, and a diagnostic wherever a value was changed.
/// </summary>
public sealed class HostileContentTests : IDisposable
{
    /// <summary>Every C0 control character, the two noncharacters XML refuses, and both halves of a surrogate pair alone.</summary>
    private static readonly string[] BadCharacters =
        [.. Enumerable.Range(0, 0x20).Select(c => ((char)c).ToString()), "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uDBFF", "\uDFFF"];

    private static readonly string AllBad = string.Join("·", BadCharacters); // separated, so that no two halves make a pair

    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-hostile-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> Formats() => ["json", "jsonl", "markdown", "bibtex", "parquet", "docx", "docx-flat", "atom", "rss", "dataset-main_category", "dataset-digest_date", "dataset-arxiv_year"];

    /// <summary>A paper with <paramref name="bad"/> in every text field, around ordinary text.</summary>
    internal static Paper PaperWith(string bad, int n) => new()
    {
        Index = n,
        Id = ArxivId.Parse($"2601.{n:00000}"),
        Title = "Title " + bad + " end",
        Url = $"https://arxiv.org/abs/2601.{n:00000}" + bad,
        Authors = ["Ada " + bad + "Lovelace", bad, "Alan Turing"],
        MainCategory = "cs." + bad,
        Section = "cs." + bad + "sec",
        Tldr = "TL" + bad + "DR",
        Motivation = "M" + bad,
        Method = bad + "method",
        Result = "R" + bad,
        Conclusion = "C" + bad,
        Abstract = "Abstract " + bad + " $x" + bad + "$",
        ExtraFields = [new PaperField("Label" + bad, "Value " + bad, new SourceLocation(null, 9, 1))],
        DigestDate = new DateOnly(2026, 1, 26),
        Location = new SourceLocation("day" + bad + ".md", 7, 1),
    };

    private static List<Paper> HostilePapers() => [PaperWith(AllBad, 0), .. BadCharacters.Select((c, i) => PaperWith("x" + c + "y", i + 1))];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_bad_character_in_every_field_makes_valid_output_and_a_diagnostic(string format)
    {
        List<Paper> papers = HostilePapers();
        string output = Path.Combine(_temp, "out");
        PaperWriter writer = Create(format, output, out Stream? stream);
        await using (writer)
        {
            await writer.BeginDigestAsync(new DigestInfo("day.md", new DateOnly(2026, 1, 26), []));
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
        }

        byte[] bytes = stream is null ? [] : ((MemoryStream)stream).ToArray();
        switch (format)
        {
            case "json":
                Assert.Equal(papers.Count, JsonDocument.Parse(bytes).RootElement.GetArrayLength());
                break;
            case "jsonl":
                Assert.Equal(papers.Count, Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).Count());
                break;
            case "markdown":
                Assert.Equal(papers.Count, DigestParser.Parse(bytes).Papers.Length);
                break;
            case "bibtex":
                string bib = Encoding.UTF8.GetString(bytes);
                Assert.Equal(papers.Count, bib.Split("@misc{").Length - 1);
                Assert.Equal(bib.Count(c => c == '{'), bib.Count(c => c == '}'));
                Assert.DoesNotContain(bib, c => char.IsControl(c) && c != '\n');
                Assert.DoesNotContain(bib, char.IsSurrogate);
                break;
            case "parquet":
                List<ParquetRow> rows = await ParquetRow.ReadAsync(bytes);
                Assert.Equal(papers.Count, rows.Count);
                // Control characters are text to Parquet; only what UTF-8 cannot encode changed.
                Assert.Equal("Title x\u0001y end", rows[2].Title);
                Assert.Equal("Title x\uFFFDy end", rows[papers.Count - 1].Title);
                break;
            case "atom" or "rss":
                // Well-formed XML (a strict reader throws otherwise), one entry per paper: each has its own identifier.
                using (var reader = System.Xml.XmlReader.Create(new MemoryStream(bytes), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit }))
                {
                    System.Xml.Linq.XDocument feed = System.Xml.Linq.XDocument.Load(reader);
                    Assert.Equal(papers.Count, feed.Descendants().Count(e => e.Name.LocalName == (format == "atom" ? "entry" : "item")));
                }

                break;
            case "docx" or "docx-flat":
                Assert.Empty(DocxTestDocument.Validate(bytes));
                using (WordprocessingDocument document = DocxTestDocument.Open(bytes))
                {
                    Assert.Equal(papers.Count, document.MainDocumentPart!.HyperlinkRelationships.Count(r => r.Uri.AbsolutePath.StartsWith("/abs/", StringComparison.Ordinal)));
                }

                break;
            default:
                long count = DuckDb.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(output + "/**/*.parquet")}, hive_partitioning = true)");
                Assert.Equal(papers.Count, count);
                break;
        }

        Assert.Contains(writer.Diagnostics, d => d.Code == DiagnosticCodes.CharacterReplaced && d.Severity == DiagnosticSeverity.Warning && d.Location.Line == 7);
        Assert.True(writer.DiagnosticCount >= writer.Diagnostics.Count(d => d.Code != DiagnosticCodes.TooManyWriterDiagnostics));
    }

    private PaperWriter Create(string format, string output, out Stream? stream)
    {
        var docx = new DocxPaperWriterOptions { Title = "Reading " + AllBad, Grouping = format == "docx-flat" ? DocxGrouping.Flat : DocxGrouping.Section };
        if (format.StartsWith("dataset-", StringComparison.Ordinal))
        {
            stream = null;
            ParquetPartitionColumn column = format["dataset-".Length..] switch
            {
                "main_category" => ParquetPartitionColumn.MainCategory,
                "digest_date" => ParquetPartitionColumn.DigestDate,
                _ => ParquetPartitionColumn.ArxivYear,
            };
            return new ParquetDatasetWriter(output, column);
        }

        stream = new MemoryStream();
        return format switch
        {
            "json" => new JsonPaperWriter(stream, jsonLines: false),
            "jsonl" => new JsonPaperWriter(stream, jsonLines: true),
            "markdown" => new MarkdownDigestWriter(stream),
            "bibtex" => new BibtexPaperWriter(stream, new BibtexPaperWriterOptions { Abstract = true, Note = BibtexNote.Tldr }),
            "parquet" => new ParquetPaperWriter(stream),
            "atom" => new AtomFeedWriter(stream, new FeedWriterOptions { Title = "Feed " + AllBad }),
            "rss" => new RssFeedWriter(stream, new FeedWriterOptions { Title = "Feed " + AllBad }),
            _ => new DocxPaperWriter(stream, docx) { TemporaryDirectory = _temp, MemoryLimit = format == "docx-flat" ? 0 : 16 << 20 },
        };
    }

    [Fact]
    public async Task A_control_character_in_a_url_becomes_a_percent_escape_in_the_docx_link()
    {
        Paper paper = DocxTestDocument.Paper() with { Url = "https://arxiv.org/abs/2601.00001\b" };
        using var output = new MemoryStream();
        await using var writer = new DocxPaperWriter(output, null, DocxTestDocument.Generated);
        await writer.WritePaperAsync(paper);
        await writer.CompleteAsync();

        byte[] docx = output.ToArray();
        Assert.Empty(DocxTestDocument.Validate(docx));
        using WordprocessingDocument document = DocxTestDocument.Open(docx);
        Assert.Contains(document.MainDocumentPart!.HyperlinkRelationships, r => r.Uri.OriginalString == "https://arxiv.org/abs/2601.00001%08");
        DigestDiagnostic diagnostic = Assert.Single(writer.Diagnostics);
        Assert.Equal(DiagnosticCodes.CharacterReplaced, diagnostic.Code);
        Assert.Contains("url", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_surrogate_is_written_to_json_as_a_replacement_character_and_reported()
    {
        using var output = new MemoryStream();
        await using var writer = new JsonPaperWriter(output, jsonLines: true);
        await writer.WritePaperAsync(DocxTestDocument.Paper(title: "half \uD83D pair"));
        await writer.CompleteAsync();

        using JsonDocument json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("half \uFFFD pair", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(DiagnosticCodes.CharacterReplaced, Assert.Single(writer.Diagnostics).Code);
    }

    [Fact]
    public async Task A_line_break_in_a_title_does_not_start_a_new_markdown_paper()
    {
        using var output = new MemoryStream();
        await using var writer = new MarkdownDigestWriter(output);
        await writer.WritePaperAsync(DocxTestDocument.Paper(title: "One\n### [2] [Injected](https://arxiv.org/abs/2601.99999)\r\nTwo\rThree"));
        await writer.CompleteAsync();

        Paper read = Assert.Single(DigestParser.Parse(output.ToArray()).Papers);
        Assert.Equal("One ### [2] [Injected](https://arxiv.org/abs/2601.99999)\r Two\rThree", read.Title);
        Assert.Equal(DiagnosticCodes.ValueNotExact, Assert.Single(writer.Diagnostics).Code);
    }

    [Fact]
    public async Task Diagnostics_are_kept_up_to_the_limit_and_counted_beyond_it()
    {
        await using var writer = new JsonPaperWriter(Stream.Null, jsonLines: true);
        for (int i = 0; i < 150; i++)
        {
            await writer.WritePaperAsync(DocxTestDocument.Paper(title: "bad \uDC00"));
        }

        await writer.CompleteAsync();
        Assert.Equal(PaperWriter.MaxDiagnostics + 1, writer.Diagnostics.Count);
        Assert.Equal(DiagnosticCodes.TooManyWriterDiagnostics, writer.Diagnostics[^1].Code);
        Assert.Equal(150, writer.DiagnosticCount);
        Assert.IsNotType<List<DigestDiagnostic>>(writer.Diagnostics); // a read-only view, not the list itself
    }

    [Fact]
    public async Task Hostile_but_valid_content_goes_through_every_writer()
    {
        // Empty strings, null optional fields, a huge author list, carriage returns alone, brace storms,
        // text that looks like the formats' own markup, and a million-character title.
        var papers = new List<Paper>
        {
            new() { Title = "", Url = "", Authors = [""], ExtraFields = [new PaperField("", "", default)] },
            new() { Title = "t", Url = "u", Authors = default, ExtraFields = default },
            DocxTestDocument.Paper(title: string.Concat(Enumerable.Repeat("}{", 5000)), tldr: "</w:t></w:r><w:r><w:t>x</w:t>]]><!--", abstractText: "\\end{document} \\input{/etc/passwd} }}}}} {{{{ %"),
            DocxTestDocument.Paper(id: "2601.00002", title: "a\rb\rc", tldr: "l1\rl2\r\rl3", authors: [.. Enumerable.Range(0, 20_000).Select(i => "Author " + i)]),
            DocxTestDocument.Paper(id: "2601.00003", title: new string('t', 1_000_000)),
        };

        foreach (string format in new[] { "json", "jsonl", "markdown", "bibtex", "parquet", "docx", "atom", "rss" })
        {
            PaperWriter writer = Create(format, Path.Combine(_temp, format), out Stream? stream);
            await using (writer)
            {
                foreach (Paper paper in papers)
                {
                    await writer.WritePaperAsync(paper);
                }

                await writer.CompleteAsync();
            }

            Assert.True(((MemoryStream)stream!).Length > 0, format);
            if (format == "docx")
            {
                Assert.Empty(DocxTestDocument.Validate(((MemoryStream)stream).ToArray()));
            }
        }
    }
}
