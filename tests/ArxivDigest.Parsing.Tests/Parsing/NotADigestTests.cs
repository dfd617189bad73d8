using System.IO.Compression;
using System.Text;
using ArxivDigest.Parsing.Tests.Infrastructure;

namespace ArxivDigest.Parsing.Tests.Parsing;

/// <summary>
/// Input that is not a digest (JSON other than the generator's records, a web page, compressed or binary data, an empty file, other Markdown) is
/// an error saying what it looks like, in lenient mode too, never "0 papers".
/// </summary>
public sealed class NotADigestTests
{
    public static TheoryData<string, byte[], string> Inputs()
    {
        byte[] digest = Encoding.UTF8.GetBytes(DigestText.Render(DigestText.Sample()));
        byte[] binary = new byte[4000];
        new Random(7).NextBytes(binary);
        binary.AsSpan(0, 1000).Clear();
        return new()
        {
            { "empty", [], "empty input" },
            { "byte-order mark only", [0xEF, 0xBB, 0xBF], "empty input" },
            { "blank lines", "\n  \n\n"u8.ToArray(), "only blank lines" },
            { "other json lines", "{\"name\": \"T\", \"size\": 3}\n{\"name\": \"U\", \"size\": 4}\n"u8.ToArray(), "looks like JSON lines, but not the generator's records" },
            { "indented json object", "{\n  \"id\": \"2601.00001\"\n}\n"u8.ToArray(), "looks like JSON (an object)" },
            { "json array", "[\n  {\"id\": \"2601.00001\"}\n]\n"u8.ToArray(), "looks like JSON (an array)" },
            { "html", "<!DOCTYPE html>\n<html><head><title>2026-01-26</title></head><body><h3>[1] A Title</h3></body></html>\n"u8.ToArray(), "looks like an HTML page" },
            { "gzip", Gzip(digest), "gzip-compressed data: decompress it first" },
            { "zip", Zip(digest), "zip archive" },
            { "pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"u8.ToArray(), "PDF document" },
            { "utf-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(DigestText.Render(DigestText.Sample()))).ToArray(), "UTF-16" },
            { "binary", binary, "NUL bytes" },
            { "readme", "# ArxivDigest\n\nRead the daily digests.\n\n## Use\n\n- one\n- two\n"u8.ToArray(), "no paper heading '### [N] [Title](URL)' was found" },
        };
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Zip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            using Stream entry = zip.CreateEntry("2026-01-26.md").Open();
            entry.Write(data);
        }

        return output.ToArray();
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_that_is_not_a_digest_is_an_error_saying_what_it_looks_like(string kind, byte[] input, string says)
    {
        var options = new DigestReaderOptions { SourceName = kind + ".md" };
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(input, options));
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);
        Assert.Equal(DiagnosticSeverity.Error, e.Diagnostic.Severity);
        Assert.Equal(new SourceLocation(kind + ".md", 1, 1), e.Location);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{kind}.md:1:1: error AXD017: Not a digest: ", e.Message, StringComparison.Ordinal);

        // The same however the input is read.
        foreach (int size in new[] { 1, 7, 4096 })
        {
            DigestFormatException split = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(new ChunkedStream(input, size), options with { BufferSize = size }));
            Assert.Equal(e.Message, split.Message);
        }
    }

    [Fact]
    public void A_forks_page_for_a_day_without_papers_is_an_empty_digest()
    {
        Digest digest = DigestParser.Parse("# AI-Enhanced arXiv Daily 2025-06-18\n\n### 今日没有找到新论文。\n");
        Assert.Empty(digest.Papers);
        Assert.DoesNotContain(digest.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Equal(2, digest.UnrecognizedText.Length);
    }

    [Theory]
    [InlineData("# Notes 2025-06-18\n\nWhat I read today.\n")]
    [InlineData("# Notes\n\n## Later\n")]
    public void A_page_of_headings_and_text_is_still_not_a_digest(string text)
    {
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(text));
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);
    }

    [Fact]
    public void In_strict_mode_text_without_a_paper_is_refused_as_not_a_digest_rather_than_for_its_first_line()
    {
        byte[] readme = "# ArxivDigest\n\nRead the daily digests.\n"u8.ToArray();
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(readme, new DigestReaderOptions { Strict = true }));
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);

        // With a paper after it, the first problem is still the one strict mode reports.
        string digest = "A note.\n\n" + DigestText.Render(DigestText.Sample());
        DigestFormatException first = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(digest, new DigestReaderOptions { Strict = true }));
        Assert.Equal(DiagnosticCodes.UnrecognizedText, first.Code);
        Assert.Equal(1, first.Location.Line);
    }

    [Fact]
    public void Other_json_lines_longer_than_MaxFieldSize_are_refused_as_json_lines_not_as_a_long_field()
    {
        string jsonl = string.Concat(Enumerable.Range(0, 200).Select(i => $"{{\"name\": \"2601.{i:00000}\", \"text\": \"{new string('x', 100)}\"}}\n"));
        var options = new DigestReaderOptions { MaxFieldSize = 4096, BufferSize = 512 };
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(new ChunkedStream(Encoding.UTF8.GetBytes(jsonl), 512), options));
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);
        Assert.Contains("looks like JSON lines", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_strict_mode_an_empty_digest_still_stops_at_its_first_warning()
    {
        string markdown = "<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 0]\n";
        Assert.Contains(DigestParser.Parse(markdown).Diagnostics, d => d.Code == DiagnosticCodes.TocSectionMismatch);
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(markdown, new DigestReaderOptions { Strict = true }));
        Assert.Equal(DiagnosticCodes.TocSectionMismatch, e.Code);
    }

    [Fact]
    public void A_generator_json_lines_file_is_not_refused_but_read_as_its_records()
    {
        string jsonl = CorpusFiles.SourceOf(CorpusFiles.DaysWithSource[0]);
        Digest digest = DigestParser.ParseFile(jsonl);
        Assert.Equal(File.ReadLines(jsonl).Count(l => l.Length > 0), digest.Papers.Length);
        Assert.DoesNotContain(digest.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DigestParser.DateFromFileName(jsonl), digest.Date);
    }

    [Fact]
    public void Compressed_input_is_refused_from_its_first_bytes_without_reading_it_all()
    {
        var random = new Random(3);
        byte[] gzip = Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 500).Select(i =>
            DigestText.Paper(i + 1, DigestText.Sample($"2601.{i:00000}") with { Summary = Convert.ToHexString(random.GetItems<byte>([1, 2, 3, 4, 5, 6, 7, 8, 9], 200)) })))));
        var input = new CountingStream(new ChunkedStream(gzip, 4096));
        Assert.Throws<DigestFormatException>(() => DigestParser.Parse(input));
        Assert.InRange(input.BytesRead, 1, 4096);
        Assert.True(gzip.Length > 10 * 4096);
    }

    [Fact]
    public void A_table_of_contents_that_lists_papers_but_has_none_is_not_an_empty_digest()
    {
        string markdown = "<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 0]\n- [cs.AI](#cs.AI) [Total: 3]\n";
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(markdown));
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);
        Assert.Equal(new SourceLocation(null, 6, 1), e.Location);
        Assert.Contains("lists 3 papers for 'cs.AI'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_digest_written_by_the_markdown_writer_reads_back_with_no_diagnostic()
    {
        byte[] empty = await Writers.MarkdownDigestWriterTests.WriteAsync([]);
        Digest digest = DigestParser.Parse(empty);
        Assert.Empty(digest.Papers);
        Assert.Empty(digest.Diagnostics);
    }

    [Fact]
    public void A_few_nul_bytes_inside_a_digest_are_content()
    {
        Paper paper = Assert.Single(DigestParser.Parse(DigestText.Render(DigestText.Sample() with { Method = "a\0b", Title = "T\0" })).Papers);
        Assert.Equal("a\0b", paper.Method);
    }

    [Fact]
    public void A_single_malformed_heading_is_a_digest_with_an_error_not_a_refusal()
    {
        Digest digest = DigestParser.Parse("### [1] not a heading\n*A*\n");
        Assert.Single(digest.Papers);
        Assert.Contains(digest.Diagnostics, d => d.Code == DiagnosticCodes.MalformedHeading);
    }

    private sealed class CountingStream(Stream inner) : ReadOnlyTestStream
    {
        public long BytesRead { get; private set; }

        public override long Length => inner.Length;

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            BytesRead += n;
            return n;
        }
    }

    [Fact]
    public void A_digest_whose_fields_are_mostly_nul_bytes_is_still_read_as_one()
    {
        // What the Markdown writer makes of papers whose values hold NUL bytes: its own lines show it is a digest.
        string nul = new('\0', 600);
        string digest = $"<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 1]\n\n\n<div id='cs.CV'></div>\n\n# cs.CV [[Back]](#toc)\n\n"
            + $"### [1] [{nul}](https://arxiv.org/abs/2601.00001)\n*A*\n\nMain category: cs.CV\n\nTL;DR: {nul}\n\n\n<details>\n  <summary>Details</summary>\n"
            + "Motivation: m\n\nMethod: m\n\nResult: r\n\nConclusion: c\n\nAbstract: a\n\n</details>\n";
        Paper paper = Assert.Single(DigestParser.Parse(System.Text.Encoding.UTF8.GetBytes(digest)).Papers);
        Assert.Equal(nul, paper.Title);

        // The same density of NUL bytes without a digest's lines is binary data.
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(System.Text.Encoding.UTF8.GetBytes("some text\n" + nul)));
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);
    }
}
