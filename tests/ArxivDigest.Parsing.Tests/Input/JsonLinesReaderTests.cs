using System.Text;
using System.Text.Json;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Tests.Input;

/// <summary>
/// The generator's JSON lines read into the model: what each key becomes, what is kept of the others, and what a
/// line that is not a record gives (a diagnostic at its line and column, the line kept, the other lines read).
/// </summary>
public sealed class JsonLinesReaderTests
{
    private const string Record = """{"id": "2601.00001v2", "categories": ["cs.CV", "cs.AI"], "pdf": "https://arxiv.org/pdf/2601.00001v2", "abs": "https://arxiv.org/abs/2601.00001v2", "authors": ["Ada Lovelace", "Alan Turing"], "title": "A $\\beta$ Title", "comment": "12 pages", "summary": "The abstract.\nSecond line.", "code_url": "https://github.com/x/y", "code_stars": 12, "AI": {"tldr": "Short.", "motivation": "M", "method": "Me", "result": "R", "conclusion": "C", "keywords": ["a", "b"], "importance_score": 8}}""";

    private static Digest Parse(string jsonl, DigestReaderOptions? options = null)
        => DigestParser.Parse(Encoding.UTF8.GetBytes(jsonl), (options ?? new DigestReaderOptions()) with { InputFormat = PaperInputFormat.JsonLines });

    [Fact]
    public void Each_key_of_the_record_becomes_its_property()
    {
        Paper p = Assert.Single(Parse(Record + "\n").Papers);
        Assert.Equal(ArxivId.Parse("2601.00001v2"), p.Id);
        Assert.Equal("https://arxiv.org/abs/2601.00001v2", p.Url);
        Assert.Equal("A $\\beta$ Title", p.Title);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], p.Authors.AsEnumerable());
        Assert.Equal("cs.CV", p.MainCategory);
        Assert.Equal(["cs.CV", "cs.AI"], p.Categories.AsEnumerable());
        Assert.Equal("12 pages", p.Comment);
        Assert.Equal("The abstract.\nSecond line.", p.Abstract);
        Assert.Equal(("Short.", "M", "Me", "R", "C"), (p.Tldr, p.Motivation, p.Method, p.Result, p.Conclusion));
        Assert.Null(p.Section);
        Assert.Equal(new SourceLocation(null, 1, 1), p.Location);
    }

    [Fact]
    public void Every_other_key_is_kept_with_its_key_scope_and_json_type()
    {
        Paper p = Assert.Single(Parse(Record).Papers);
        Assert.Collection(
            p.ExtraFields,
            f => Assert.Equal(("code_url", "code_url", PaperFieldScope.Record, "https://github.com/x/y", (string?)null), (f.Label, f.Key, f.Scope, f.Value, f.Json)),
            f => Assert.Equal(("code_stars", "code_stars", PaperFieldScope.Record, "12", "12"), (f.Label, f.Key, f.Scope, f.Value, f.Json)),
            f => Assert.Equal(("keywords", "keywords", PaperFieldScope.AI, "a, b", "[\"a\", \"b\"]"), (f.Label, f.Key, f.Scope, f.Value, f.Json)),
            f => Assert.Equal(("importance_score", "importance_score", PaperFieldScope.AI, "8", "8"), (f.Label, f.Key, f.Scope, f.Value, f.Json)));
        Assert.Equal(
            ["id", "categories", "pdf", "abs", "authors", "title", "comment", "summary", "code_url", "code_stars", "AI", "AI.tldr", "AI.motivation", "AI.method", "AI.result", "AI.conclusion", "AI.keywords", "AI.importance_score"],
            p.RecordKeys.Select(k => k.Scope == PaperFieldScope.AI ? "AI." + k.Name : k.Name));
        Assert.All(p.RecordKeys, k => Assert.Null(k.Json));

        // Columns count characters: the field starts at its key.
        Assert.Equal(Record.IndexOf("\"code_stars\"", StringComparison.Ordinal) + 1, p.ExtraFields[1].Location.Column);
    }

    [Fact]
    public async Task A_record_without_abs_gets_the_abstract_page_of_its_id_and_is_written_back_without_it()
    {
        const string line = """{"id": "2601.00002", "title": "T", "authors": []}""";
        Paper p = Assert.Single(Parse(line).Papers);
        Assert.Equal("https://arxiv.org/abs/2601.00002", p.Url);
        Assert.Equal(line.Replace(" ", string.Empty, StringComparison.Ordinal), await WriteDailyArxivAsync(p));
    }

    [Fact]
    public void The_digest_date_comes_from_the_file_name()
    {
        string dir = Directory.CreateTempSubdirectory("arxiv-digest-jsonl-").FullName;
        try
        {
            string path = Path.Combine(dir, "2026-01-26_AI_enhanced_Chinese.jsonl");
            File.WriteAllText(path, Record + "\n");
            Digest digest = DigestParser.ParseFile(path);
            Assert.Equal(new DateOnly(2026, 1, 26), digest.Date);
            Assert.Equal(new DateOnly(2026, 1, 26), Assert.Single(digest.Papers).DigestDate);
            Assert.Equal(path, digest.Papers[0].Location.File);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Absent_and_null_keys_an_absent_or_null_AI_and_a_pdf_of_its_own_are_written_back_as_they_were()
    {
        string[] lines =
        [
            """{"id":"2601.00003","title":"No AI, no pdf, no abs"}""",
            """{"id":"2601.00004","title":"Null AI","comment":null,"summary":null,"AI":null}""",
            """{"id":"2601.00005","pdf":"https://arxiv.org/pdf/2601.00005.pdf","title":"Own pdf","AI":{}}""",
            """{"id":"2601.00006","title":"Null fields","AI":{"tldr":null,"method":"x","error":null}}""",
            """{"AI":{"tldr":"first"},"title":"AI first","id":"2601.00007","abs":"http://arxiv.org/abs/2601.00007v1"}""",
            """{"id":"2601.00008","title":"AI as a message","AI":"Summary generation failed"}""",
        ];
        Digest digest = Parse(string.Join("\n", lines) + "\n");
        Assert.Equal(lines.Length, digest.Papers.Length);
        Assert.Equal(lines, await WriteDailyArxivAsync(digest.Papers));

        Paper ownPdf = digest.Papers[2];
        PaperField pdf = Assert.Single(ownPdf.ExtraFields);
        Assert.Equal(("pdf", PaperFieldScope.Record, "https://arxiv.org/pdf/2601.00005.pdf"), (pdf.Key, pdf.Scope, pdf.Value));
        Assert.Null(digest.Papers[3].Tldr);
        Assert.Equal("x", digest.Papers[3].Method);
        Assert.Equal("http://arxiv.org/abs/2601.00007v1", digest.Papers[4].Url);
    }

    [Fact]
    public async Task Values_of_another_type_than_the_generator_writes_are_warned_about_held_as_text_and_written_back_as_they_were()
    {
        string[] lines =
        [
            """{"id":"2601.00009","title":42,"authors":"Ada Lovelace and Alan Turing","categories":null,"comment":["a","b"],"abs":null,"AI":{"tldr":3.5,"motivation":{"x":1}}}""",
            """{"id":"not-an-id","pdf":false,"title":"T","authors":["A",null,7],"categories":["cs.CV",1]}""",
            """{"id":"2601.00010v02","title":"A version written with a leading zero"}""",
        ];
        Digest digest = Parse(string.Join("\n", lines));
        Assert.Equal(lines, await WriteDailyArxivAsync(digest.Papers));

        Paper p = digest.Papers[0];
        Assert.Equal("42", p.Title);
        Assert.Equal(["Ada Lovelace and Alan Turing"], p.Authors.AsEnumerable());
        Assert.Empty(p.Categories);
        Assert.Null(p.MainCategory);
        Assert.Equal("a, b", p.Comment);
        Assert.Equal("https://arxiv.org/abs/2601.00009", p.Url);
        Assert.Equal("3.5", p.Tldr);
        Assert.Equal("{\"x\":1}", p.Motivation);
        Assert.Equal(["A", string.Empty, "7"], digest.Papers[1].Authors.AsEnumerable());
        Assert.Null(digest.Papers[1].Id);
        Assert.Equal(ArxivId.Parse("2601.00010v2"), digest.Papers[2].Id);

        // Each at its key.
        string At(int line, string key, string code) => $"{line + 1}:{lines[line].IndexOf($"\"{key}\"", StringComparison.Ordinal) + 1} {code} {key}";
        string[] expected =
            [At(0, "title", "AXD031"), At(0, "authors", "AXD031"), At(0, "categories", "AXD031"), At(0, "comment", "AXD031"), At(0, "abs", "AXD031"), At(0, "tldr", "AXD031"), At(0, "motivation", "AXD031"),
             At(1, "authors", "AXD031"), At(1, "categories", "AXD031"), At(1, "id", "AXD012"), At(1, "pdf", "AXD031")];
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            digest.Diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code} {(d.Code == DiagnosticCodes.NoArxivId ? "id" : d.Message.Split('"')[1])}").Order(StringComparer.Ordinal),
            StringComparer.Ordinal);
        Assert.All(digest.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task A_key_given_twice_is_warned_about_and_both_are_written_back()
    {
        const string line = """{"id":"2601.00011","title":"First","title":"Second","x":1,"x":2,"AI":{"tldr":"a"},"AI":{"tldr":"b"}}""";
        Digest digest = Parse(line);
        Paper p = Assert.Single(digest.Papers);
        Assert.Equal("First", p.Title);
        Assert.Equal("a", p.Tldr);
        Assert.Equal(3, digest.Diagnostics.Count(d => d.Code == DiagnosticCodes.DuplicateField));
        Assert.Equal(line, await WriteDailyArxivAsync(p));
    }

    [Fact]
    public void A_line_that_is_not_a_record_is_an_error_at_its_line_and_column_kept_as_text_and_the_others_are_read()
    {
        string jsonl = string.Join("\n",
            Record,
            "",
            "   ",
            "not json at all",
            "[1, 2, 3]",
            "{\"id\": \"2601.00012\", \"title\": \"cut short",
            "{\"title\": \"no id\"}",
            "{\"id\": 2601.00013}",
            "{\"id\": \"2601.00014\"} trailing",
            "\"just a string\"",
            "{\"id\": \"2601.00015\", \"title\": \"Ünïcode ok\", \"x\": tru}",
            Record.Replace("2601.00001v2", "2601.00016", StringComparison.Ordinal)) + "\r\n";
        Digest digest = DigestParser.Parse(Encoding.UTF8.GetBytes(jsonl), new DigestReaderOptions { SourceName = "day.jsonl" });

        Assert.Equal(["2601.00001v2", "2601.00016"], digest.Papers.Select(p => p.Id.ToString()));
        Assert.Equal([1, 12], digest.Papers.Select(p => p.Location.Line));
        // A line that is not JSON: where the JSON reader finds it invalid (the 'o' of "not", which starts like null; the '}' that ends "tru").
        string[] lines = jsonl.Split('\n');
        Assert.Equal(
            [(4, 2), (5, 1), (6, lines[5].Length + 1), (7, 1), (8, lines[7].IndexOf("\"id\"", StringComparison.Ordinal) + 1), (9, lines[8].IndexOf("trailing", StringComparison.Ordinal) + 1), (10, 1), (11, lines[10].LastIndexOf('}') + 1)],
            digest.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)));
        Assert.All(digest.Diagnostics, d => Assert.Equal("day.jsonl", d.Location.File));
        Assert.All(digest.Diagnostics, d => Assert.Equal((DiagnosticCodes.InvalidRecord, DiagnosticSeverity.Error), (d.Code, d.Severity)));
        Assert.Contains("it is a list, not an object", digest.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("it has no \"id\" key", digest.Diagnostics[3].Message, StringComparison.Ordinal);
        Assert.Contains("its \"id\" is a number, not a string", digest.Diagnostics[4].Message, StringComparison.Ordinal);

        // Nothing is lost: every bad line is kept as it was, where it was.
        Assert.Equal([4, 5, 6, 7, 8, 9, 10, 11], digest.UnrecognizedText.Select(u => u.Location.Line));
        Assert.Equal("not json at all", digest.UnrecognizedText[0].Text);
        Assert.Equal("{\"id\": \"2601.00015\", \"title\": \"Ünïcode ok\", \"x\": tru}", digest.UnrecognizedText[7].Text);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_error_at_their_column_and_read_as_replacement_characters()
    {
        byte[] line = [.. "{\"id\": \"2601.00017\", \"title\": \"ab"u8, 0xFF, .. "c\"}\n"u8];
        Digest digest = DigestParser.Parse(line);
        Paper p = Assert.Single(digest.Papers);
        Assert.Equal("ab\uFFFDc", p.Title);
        DigestDiagnostic d = Assert.Single(digest.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidUtf8, 1, "{\"id\": \"2601.00017\", \"title\": \"ab".Length + 1), (d.Code, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_a_value_or_a_key_is_read_as_it_is_not_a_crash()
    {
        // Valid JSON (an escape of half a UTF-16 pair), which System.Text.Json will not decode into a string.
        const string line = """{"id":"2601.00020","title":"half \ud800 pair","AI":{"tldr":"\udfff","odd\ud800key":["\ud83d"]}}""";
        Digest digest = Parse(line + "\n" + Record);
        Assert.Equal(2, digest.Papers.Length);
        Paper p = digest.Papers[0];
        Assert.Equal("half \ud800 pair", p.Title);
        Assert.Equal("\udfff", p.Tldr);
        PaperField odd = Assert.Single(p.ExtraFields);
        Assert.Equal(("odd\ud800key", "\ud83d"), (odd.Key, odd.Value));
        Assert.Empty(digest.Diagnostics);

        // JSON cannot be written with half a pair in UTF-8: the writer says so.
        using var output = new MemoryStream();
        await using (var writer = new JsonPaperWriter(output, jsonLines: true, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }))
        {
            await writer.WritePaperAsync(p);
            await writer.CompleteAsync();
            Assert.Contains(writer.Diagnostics, d => d.Code == DiagnosticCodes.CharacterReplaced);
        }

        using JsonDocument written = JsonDocument.Parse(output.ToArray());
        Assert.Equal("half \uFFFD pair", written.RootElement.GetProperty("title").GetString());
        Assert.Equal(["tldr", "odd\uFFFDkey"], written.RootElement.GetProperty("AI").EnumerateObject().Select(k => k.Name));
    }

    [Fact]
    public void The_model_of_json_lines_serialises_and_comes_back_with_its_record_keys()
    {
        Digest digest = DigestParser.ParseFile(JsonRecords.ForksFixture);
        string json = JsonSerializer.Serialize(digest, DigestJson.Digest);
        Digest back = JsonSerializer.Deserialize(json, DigestJson.Digest)!;
        Assert.Equal(digest.Papers.Length, back.Papers.Length);
        for (int i = 0; i < digest.Papers.Length; i++)
        {
            Assert.Equal(digest.Papers[i].RecordKeys.AsEnumerable(), back.Papers[i].RecordKeys.AsEnumerable());
            Assert.Equal(digest.Papers[i].ExtraFields.Select(f => (f.Key, f.Scope, f.Json, f.Value)), back.Papers[i].ExtraFields.Select(f => (f.Key, f.Scope, f.Json, f.Value)));
            Assert.Equal(digest.Papers[i].Categories.AsEnumerable(), back.Papers[i].Categories.AsEnumerable());
        }
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_bad_line()
    {
        string jsonl = Record + "\n{\"title\": \"no id\"}\n" + Record + "\n";
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => Parse(jsonl, new DigestReaderOptions { Strict = true }));
        Assert.Equal((DiagnosticCodes.InvalidRecord, 2), (e.Code, e.Location.Line));
    }

    [Fact]
    public void A_line_larger_than_MaxFieldSize_stops_reading_with_AXD016()
    {
        string jsonl = Record + "\n{\"id\": \"2601.00018\", \"summary\": \"" + new string('x', 5000) + "\"}\n";
        var options = new DigestReaderOptions { MaxFieldSize = 4096, BufferSize = 512 };
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(new ChunkedStream(Encoding.UTF8.GetBytes(jsonl), 512), options));
        Assert.Equal((DiagnosticCodes.FieldTooLarge, 2), (e.Code, e.Location.Line));
        Assert.Equal(2, Parse(jsonl, new DigestReaderOptions { MaxFieldSize = 8192 }).Papers.Length);
    }

    [Fact]
    public void An_empty_file_named_jsonl_is_a_day_without_papers()
    {
        string dir = Directory.CreateTempSubdirectory("arxiv-digest-jsonl-").FullName;
        try
        {
            string path = Path.Combine(dir, "2025-06-18.jsonl");
            File.WriteAllBytes(path, []);
            Digest digest = DigestParser.ParseFile(path);
            Assert.Empty(digest.Papers);
            Assert.Empty(digest.Diagnostics);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_stream_of_json_lines_is_recognised_by_its_content_whatever_its_name()
    {
        byte[] bytes = await File.ReadAllBytesAsync(JsonRecords.ForksFixture);
        foreach (string? name in (string?[])[null, "<stdin>", "papers.md", "papers.txt"])
        {
            await using PaperReader reader = PaperReader.Create(new ChunkedStream(bytes, 100), new DigestReaderOptions { SourceName = name });
            int papers = 0;
            while (await reader.ReadAsync())
            {
                papers++;
            }

            Assert.Equal(PaperInputFormat.JsonLines, reader.InputFormat);
            Assert.Equal(JsonRecords.Lines(bytes).Count, papers);
            Assert.Empty(reader.Diagnostics);
        }
    }

    [Fact]
    public async Task Json_lines_from_a_pipe_are_read_as_from_a_stream()
    {
        byte[] bytes = await File.ReadAllBytesAsync(JsonRecords.ForksFixture);
        var pipe = System.IO.Pipelines.PipeReader.Create(new ChunkedStream(bytes, 333), new System.IO.Pipelines.StreamPipeReaderOptions(bufferSize: 512, minimumReadSize: 512));
        var titles = new List<string>();
        await foreach (Paper paper in DigestParser.ReadPapersAsync(pipe))
        {
            titles.Add(paper.Title);
        }

        Assert.Equal(DigestParser.Parse(bytes).Papers.Select(p => p.Title), titles);
        Assert.Equal(JsonRecords.Lines(bytes).Count, titles.Count);
    }

    [Fact]
    public void A_file_named_jsonl_is_read_as_json_lines_even_when_its_first_line_is_not_a_record()
    {
        string dir = Directory.CreateTempSubdirectory("arxiv-digest-jsonl-").FullName;
        try
        {
            string path = Path.Combine(dir, "papers.jsonl");
            File.WriteAllText(path, "garbage first\n" + Record + "\n");
            Digest digest = DigestParser.ParseFile(path);
            Assert.Single(digest.Papers);
            Assert.Equal((DiagnosticCodes.InvalidRecord, 1), (digest.Diagnostics[0].Code, digest.Diagnostics[0].Location.Line));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_markdown_digest_is_still_read_as_markdown()
    {
        using PaperReader reader = PaperReader.Open(RepoPaths.Sample("2026-01-26.md"));
        Assert.True(reader.Read());
        Assert.Equal(PaperInputFormat.Markdown, reader.InputFormat);
    }

    [Fact]
    public void The_registry_finds_formats_by_name_extension_and_content_and_takes_a_third_party_one()
    {
        PaperInputRegistry registry = PaperInputRegistry.CreateDefault();
        Assert.Equal(["markdown", "jsonl"], registry.Formats.Select(f => f.Name));
        Assert.True(registry.TryGet("JSONL", out PaperInputFormat? byName));
        Assert.Same(PaperInputFormat.JsonLines, byName);
        Assert.True(registry.TryGetByPath("data/2026-01-26_AI_enhanced_Chinese.jsonl", out PaperInputFormat? byPath));
        Assert.Same(PaperInputFormat.JsonLines, byPath);
        Assert.Same(PaperInputFormat.JsonLines, registry.Detect(Encoding.UTF8.GetBytes(Record), name: "x.md"));
        Assert.Same(PaperInputFormat.Markdown, registry.Detect("### [1] [T](https://arxiv.org/abs/2601.00001)\n"u8.ToArray(), name: null));

        // A format of one's own: one title a line.
        var titles = new PaperInputFormat("titles", [".titles"], "One title a line", static (stream, options) => new TitlesReader(stream, options), static head => head.Span.StartsWith("TITLES\n"u8));
        registry.Register(titles);
        var options = new DigestReaderOptions { InputFormats = registry, SourceName = "list.titles" };
        Digest byExtension = DigestParser.Parse("First\nSecond\n"u8.ToArray(), options);
        Assert.Equal(["First", "Second"], byExtension.Papers.Select(p => p.Title));
        Digest byContent = DigestParser.Parse("TITLES\nThird\n"u8.ToArray(), options with { SourceName = null });
        Assert.Equal(["TITLES", "Third"], byContent.Papers.Select(p => p.Title));
        Assert.Throws<ArgumentException>(() => new PaperInputFormat("x", ["titles"], "no dot", static (s, o) => new TitlesReader(s, o)));
    }

    [Fact]
    public void The_format_the_options_name_is_read_whatever_the_input_looks_like()
    {
        DigestFormatException e = Assert.Throws<DigestFormatException>(() => DigestParser.Parse(Encoding.UTF8.GetBytes(Record), new DigestReaderOptions { InputFormat = PaperInputFormat.Markdown }));
        Assert.Equal(DiagnosticCodes.NotADigest, e.Code);
        Digest digest = DigestParser.Parse("### [1] [T](https://arxiv.org/abs/2601.00001)\n"u8.ToArray(), new DigestReaderOptions { InputFormat = PaperInputFormat.JsonLines });
        Assert.Empty(digest.Papers);
        Assert.Equal(DiagnosticCodes.InvalidRecord, Assert.Single(digest.Diagnostics).Code);
    }

    [Fact]
    public async Task A_paper_changed_after_reading_is_written_with_its_new_values()
    {
        const string line = """{"id":"2601.00019","title":42,"authors":"A","AI":null,"x":1}""";
        Paper p = Assert.Single(Parse(line).Papers);
        Paper changed = p with
        {
            Title = "New",
            Authors = ["B", "C"],
            Comment = "added",
            Tldr = "now there is one",
            ExtraFields = [p.ExtraFields[0] with { Value = "2", Json = "2" }, new PaperField("Note", "unkeyed", default)],
        };
        using JsonDocument written = JsonDocument.Parse(await WriteDailyArxivAsync(changed));
        Assert.Equal(
            """{"id":"2601.00019","title":"New","authors":["B","C"],"AI":{"tldr":"now there is one"},"x":2,"comment":"added","extra_fields":[{"label":"Note","value":"unkeyed"}]}""",
            written.RootElement.GetRawText());
    }

    /// <summary>Each paper as one record of the <c>daily-arxiv</c> shape.</summary>
    private static async Task<List<string>> WriteDailyArxivAsync(IEnumerable<Paper> papers)
    {
        using var output = new MemoryStream();
        await using (var writer = new JsonPaperWriter(output, jsonLines: true, new JsonPaperWriterOptions { Shape = JsonShape.DailyArxiv }))
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
            Assert.Empty(writer.Diagnostics);
        }

        return [.. Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static async Task<string> WriteDailyArxivAsync(Paper paper) => Assert.Single(await WriteDailyArxivAsync([paper]));

    /// <summary>A third-party reader: every line is a paper's title.</summary>
    private sealed class TitlesReader(Stream stream, DigestReaderOptions options) : PaperInputReader(options)
    {
        private readonly StreamReader _text = new(stream, leaveOpen: true);
        private int _line;

        public override Paper? Read()
        {
            string? line = _text.ReadLine();
            _line++;
            return line is null ? null : new Paper { Title = line, Url = string.Empty, Location = new SourceLocation(Options.SourceName, _line, 1) };
        }

        public override ValueTask<Paper?> ReadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Read());

        protected override void Dispose(bool disposing)
        {
            _text.Dispose();
            base.Dispose(disposing);
        }
    }
}
