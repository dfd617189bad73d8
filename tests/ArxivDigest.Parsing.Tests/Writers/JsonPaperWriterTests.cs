using System.Text;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Writers;

public sealed class JsonPaperWriterTests
{
    private static async Task<string> WriteAsync(PaperWriterFormat<JsonPaperWriterOptions> format, Digest digest, JsonPaperWriterOptions? options = null)
    {
        using var output = new MemoryStream();
        await using (PaperWriter writer = format.Create(output, options ?? JsonPaperWriterOptions.Default))
        {
            await writer.WriteAllAsync(digest);
            await writer.CompleteAsync();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static Digest Sample() => DigestParser.Parse(
        DigestText.Render(DigestText.Sample("2601.00001") with { Title = "Ünïcode \"quoted\" 标题", Summary = "line\nbreak" }, DigestText.Sample("2601.00002v3", "cs.AI")),
        new DigestReaderOptions { SourceName = "2026-01-26.md", DigestDate = new DateOnly(2026, 1, 26) });

    [Fact]
    public async Task Json_lines_writes_one_native_object_a_line_with_every_field()
    {
        string text = await WriteAsync(JsonPaperWriter.JsonLinesFormat, Sample());
        string[] lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);

        using JsonDocument first = JsonDocument.Parse(lines[0]);
        JsonElement p = first.RootElement;
        Assert.Equal(
            ["arxivId", "version", "title", "url", "authors", "mainCategory", "categories", "section", "index", "tldr", "motivation", "method",
             "result", "conclusion", "abstract", "comment", "extraFields", "digestDate", "source"],
            p.EnumerateObject().Select(o => o.Name));
        Assert.Equal("2601.00001", p.GetProperty("arxivId").GetString());
        Assert.Equal(JsonValueKind.Null, p.GetProperty("version").ValueKind);
        Assert.Equal("Ünïcode \"quoted\" 标题", p.GetProperty("title").GetString());
        Assert.Equal("line\nbreak", p.GetProperty("abstract").GetString());
        Assert.Equal("2026-01-26", p.GetProperty("digestDate").GetString());
        Assert.Equal("2026-01-26.md", p.GetProperty("source").GetProperty("file").GetString());
        Assert.Equal(13, p.GetProperty("source").GetProperty("line").GetInt32());
        Assert.Contains("标题", lines[0], StringComparison.Ordinal); // non-ASCII stays readable

        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.Equal(3, second.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(2, second.RootElement.GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task Daily_arxiv_shape_matches_the_generator_record()
    {
        string text = await WriteAsync(JsonPaperWriter.JsonLinesFormat, Sample(), new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv });
        using JsonDocument doc = JsonDocument.Parse(text.Split('\n')[0]);
        JsonElement p = doc.RootElement;
        Assert.Equal(["id", "categories", "pdf", "abs", "authors", "title", "comment", "summary", "AI"], p.EnumerateObject().Select(o => o.Name));
        Assert.Equal(JsonValueKind.Null, p.GetProperty("comment").ValueKind); // the digest does not carry it
        Assert.Equal("2601.00001", p.GetProperty("id").GetString());
        Assert.Equal(["cs.CV"], p.GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://arxiv.org/pdf/2601.00001", p.GetProperty("pdf").GetString());
        Assert.Equal("https://arxiv.org/abs/2601.00001", p.GetProperty("abs").GetString());
        Assert.Equal(["tldr", "motivation", "method", "result", "conclusion"], p.GetProperty("AI").EnumerateObject().Select(o => o.Name));
    }

    [Fact]
    public async Task Json_writes_one_array_and_an_empty_array_for_no_papers()
    {
        using JsonDocument doc = JsonDocument.Parse(await WriteAsync(JsonPaperWriter.JsonFormat, Sample()));
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Digest empty = DigestParser.Parse(DigestText.Render());
        Assert.Equal("[]\n", await WriteAsync(JsonPaperWriter.JsonFormat, empty));
        Assert.Equal(string.Empty, await WriteAsync(JsonPaperWriter.JsonLinesFormat, empty));
    }

    [Fact]
    public async Task Extra_fields_are_written_in_both_shapes_keyed_ones_where_the_record_keeps_them()
    {
        string markdown = DigestText.Paper(1, DigestText.Sample()).Replace("Main category: cs.CV\n", "Main category: cs.CV\n\nZebra: z\n", StringComparison.Ordinal);
        Digest digest = DigestParser.Parse(markdown);
        Paper read = Assert.Single(digest.Papers);
        Paper keyed = read with
        {
            ExtraFields =
            [
                .. read.ExtraFields,
                new PaperField("Keywords", "a, b", new SourceLocation(null, 9, 1)) { Key = "keywords" },
                new PaperField("Stars", "12", new SourceLocation(null, 10, 1)) { Key = "code_stars", Scope = PaperFieldScope.Record, Json = "12" },
            ],
        };
        digest = digest with { Papers = [keyed] };
        string native = await WriteAsync(JsonPaperWriter.JsonLinesFormat, digest);
        string daily = await WriteAsync(JsonPaperWriter.JsonLinesFormat, digest, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv });
        Assert.Contains("\"extraFields\":[{\"label\":\"Zebra\",\"key\":null,\"value\":\"z\",\"line\":6},{\"label\":\"Keywords\",\"key\":\"keywords\",\"value\":\"a, b\",\"line\":9},", native, StringComparison.Ordinal);

        // A field with a key goes where the generator's record keeps it, with its JSON type; one without stays aside.
        using JsonDocument record = JsonDocument.Parse(daily);
        Assert.Equal("a, b", record.RootElement.GetProperty("AI").GetProperty("keywords").GetString());
        Assert.Equal(12, record.RootElement.GetProperty("code_stars").GetInt32());
        Assert.Equal("[{\"label\":\"Zebra\",\"value\":\"z\"}]", record.RootElement.GetProperty("extra_fields").GetRawText());
    }

    [Fact]
    public void The_registry_finds_formats_by_name_and_extension_and_takes_new_ones()
    {
        PaperWriterRegistry registry = PaperWriterRegistry.CreateDefault();
        Assert.True(registry.TryGet("JSONL", out PaperWriterFormat? byName));
        Assert.Same(JsonPaperWriter.JsonLinesFormat, byName);
        Assert.True(registry.TryGetByPath("out/papers.ndjson", out PaperWriterFormat? byExtension));
        Assert.Same(JsonPaperWriter.JsonLinesFormat, byExtension);
        Assert.False(registry.TryGetByPath("papers.csv", out _));

        var csv = new PaperWriterFormat<JsonPaperWriterOptions>("csv", [".csv"], "test", JsonPaperWriterOptions.Default, (s, o) => new JsonPaperWriter(s, true, o));
        registry.Register(csv);
        Assert.True(registry.TryGetByPath("papers.CSV", out PaperWriterFormat? custom));
        Assert.Same(csv, custom);
        Assert.Throws<ArgumentException>(() => new PaperWriterFormat<JsonPaperWriterOptions>("x", ["csv"], "no dot", JsonPaperWriterOptions.Default, (s, o) => new JsonPaperWriter(s, true, o)));
    }

    [Fact]
    public async Task A_value_longer_than_one_json_token_may_be_is_written_whole()
    {
        // System.Text.Json takes at most 166,666,666 characters in one token; the writer writes longer values in segments.
        const int Length = 170_000_000;
        Paper shortPaper = Docx.DocxTestDocument.Paper(abstractText: "X");
        using var expected = new MemoryStream();
        await using (var writer = new JsonPaperWriter(expected, jsonLines: true))
        {
            await writer.WritePaperAsync(shortPaper);
            await writer.CompleteAsync();
        }

        byte[] template = expected.ToArray();
        int at = template.AsSpan().IndexOf("\"abstract\":\"X\""u8) + "\"abstract\":\"".Length;
        var output = new HeadAndTailStream(at + 16, template.Length - (at + 1) + 16);
        await using (var writer = new JsonPaperWriter(output, jsonLines: true))
        {
            await writer.WritePaperAsync(shortPaper with { Abstract = new string('a', Length) });
            await writer.CompleteAsync();
        }

        Assert.Equal(template.Length - 1 + Length, output.Length);
        Assert.Equal([.. template.AsSpan(0, at), .. "aaaaaaaaaaaaaaaa"u8], output.Head);
        Assert.Equal([.. "aaaaaaaaaaaaaaaa"u8, .. template.AsSpan(at + 1)], output.Tail);
        Assert.True(output.LargestWrite < 8 * 1024 * 1024, "the value goes out in segments, not as one buffer");
    }

    /// <summary>Keeps the first and last bytes written and counts the rest.</summary>
    private sealed class HeadAndTailStream(int headLength, int tailLength) : Stream
    {
        private readonly List<byte> _head = [];
        private readonly Queue<byte> _tail = new();
        private long _length;

        public byte[] Head => [.. _head];

        public byte[] Tail => [.. _tail];

        public long LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _length += buffer.Length;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            for (int i = 0; i < buffer.Length && _head.Count < headLength; i++)
            {
                _head.Add(buffer[i]);
            }

            foreach (byte b in buffer.Length > tailLength ? buffer[^tailLength..] : buffer)
            {
                _tail.Enqueue(b);
                if (_tail.Count > tailLength)
                {
                    _tail.Dequeue();
                }
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return default;
        }
    }
}
