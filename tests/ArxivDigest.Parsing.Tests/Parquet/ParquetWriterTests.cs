using System.Text;
using ArxivDigest.Parsing.Tests.Corpus;
using ArxivDigest.Parsing.Tests.Infrastructure;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Parquet;
using Parquet;
using Parquet.Schema;

namespace ArxivDigest.Parsing.Tests.Parquet;

/// <summary>The <c>parquet</c> writer: schema, values, row groups, options; read back with Parquet.Net and DuckDB.</summary>
public sealed class ParquetWriterTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("arxiv-digest-parquet-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> Samples() =>
        [.. Directory.GetFiles(RepoPaths.Samples, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    private static Digest Parse(string path, string? sourceName = null) =>
        DigestParser.ParseFile(path, new DigestReaderOptions { SourceName = sourceName ?? Path.GetFileName(path) });

    private string Save(byte[] parquet, string name = "papers.parquet")
    {
        string path = Path.Combine(_temp, name);
        File.WriteAllBytes(path, parquet);
        return path;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Schema_and_first_rows_of_each_sample(string sample)
    {
        Digest digest = Parse(RepoPaths.Sample(sample + ".md"));
        byte[] parquet = await ParquetRow.WriteAsync(digest.Papers);
        string file = DuckDb.Literal(Save(parquet));

        var text = new StringBuilder();
        text.AppendLine("# Parquet schema (DuckDB parquet_schema: name, type, repetition, converted type, logical type)");
        foreach (object?[] row in DuckDb.Query($"SELECT name, type, repetition_type, converted_type, logical_type FROM parquet_schema({file})"))
        {
            text.AppendLine(string.Join(" | ", row.Select(v => v?.ToString() ?? "-")));
        }

        text.AppendLine().AppendLine("# As DuckDB reads it (DESCRIBE)");
        foreach (object?[] row in DuckDb.Query($"DESCRIBE SELECT * FROM {file}"))
        {
            text.AppendLine($"{row[0]} {row[1]}");
        }

        List<ParquetRow> rows = await ParquetRow.ReadAsync(parquet);
        text.AppendLine().AppendLine($"# {rows.Count} rows; the first 3 (text cut at 80 characters)");
        foreach (ParquetRow row in rows.Take(3))
        {
            text.AppendLine().Append(row.Describe(maxText: 80));
        }

        Snapshot.Verify(text.ToString(), sample + ".parquet");
    }

    [Theory]
    [MemberData(nameof(SharedCorpusTests.Days), MemberType = typeof(SharedCorpusTests))]
    public async Task Every_paper_reads_back_equal_with_Parquet_Net(string day)
    {
        // A shared-corpus day, or without the corpus a bundled sample with its source (both full paths).
        Digest digest = Parse(day, day);
        Assert.NotEmpty(digest.Papers);
        List<ParquetRow> rows = await ParquetRow.ReadAsync(await ParquetRow.WriteAsync(digest.Papers));
        Assert.Equal(digest.Papers.Length, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(ParquetRow.Expected(digest.Papers[i]).Describe(), rows[i].Describe());
        }
    }

    [Fact]
    public async Task Row_groups_hold_at_most_the_configured_size_and_read_back_in_order()
    {
        List<Paper> papers = [.. AllPapers()];
        long total = papers.Sum(DataSize);
        var options = new ParquetPaperWriterOptions { RowGroupSize = 64 * 1024 };

        using var output = new MemoryStream();
        int largestBuffer = 0;
        await using (var writer = new ParquetPaperWriter(output, options))
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
                largestBuffer = (int)Math.Max(largestBuffer, writer.BufferedBytes);
            }

            await writer.CompleteAsync();
        }

        // The buffer never holds a row group's worth: it is written out as soon as it reaches the size.
        Assert.True(largestBuffer < 64 * 1024, $"{largestBuffer} bytes buffered");
        await using ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(output.ToArray()));
        // Each row group but the last holds at least the size, and at most the size plus one paper.
        long largestPaper = papers.Max(DataSize);
        Assert.InRange(reader.RowGroupCount, total / ((64 * 1024) + largestPaper), (total / (64 * 1024)) + 1);
        Assert.Equal(papers.Count, reader.RowGroups.Sum(g => g.RowCount));

        List<ParquetRow> rows = await ParquetRow.ReadAsync(output.ToArray());
        Assert.Equal(papers.Select(p => ParquetRow.Expected(p).Describe()), rows.Select(r => r.Describe()));
    }

    [Theory]
    [InlineData(null, "SNAPPY")]
    [InlineData(ParquetCompression.Zstd, "ZSTD")]
    [InlineData(ParquetCompression.Snappy, "SNAPPY")]
    [InlineData(ParquetCompression.Gzip, "GZIP")]
    [InlineData(ParquetCompression.None, "UNCOMPRESSED")]
    public async Task Compression_is_the_one_asked_for(ParquetCompression? compression, string codec)
    {
        ParquetPaperWriterOptions? options = compression is ParquetCompression c ? new ParquetPaperWriterOptions { Compression = c } : null;
        Digest digest = Parse(RepoPaths.Sample("2026-01-26.md"));
        byte[] parquet = await ParquetRow.WriteAsync(digest.Papers, options);
        string file = DuckDb.Literal(Save(parquet));

        Assert.Equal([codec], DuckDb.Query($"SELECT DISTINCT compression FROM parquet_metadata({file})").Select(r => (string)r[0]!));
        Assert.Equal(digest.Papers.Length, (await ParquetRow.ReadAsync(parquet)).Count);
    }

    [Fact]
    public async Task Statistics_are_written_and_repetitive_text_is_dictionary_encoded()
    {
        Digest digest = Parse(RepoPaths.Sample("2026-01-26.md"));
        string file = DuckDb.Literal(Save(await ParquetRow.WriteAsync(digest.Papers)));
        Dictionary<string, object?[]> columns = DuckDb.Query(
                $"SELECT path_in_schema, encodings, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata({file})")
            .ToDictionary(r => (string)r[0]!, r => r);

        Assert.Contains("DICTIONARY", (string)columns["main_category"][1]!, StringComparison.Ordinal);
        Assert.Contains("DICTIONARY", (string)columns["section"][1]!, StringComparison.Ordinal);
        Assert.Equal(digest.Papers.Select(p => p.Id!.Value.Id).Min(StringComparer.Ordinal), columns["arxiv_id"][2]);
        Assert.Equal(digest.Papers.Select(p => p.Id!.Value.Id).Max(StringComparer.Ordinal), columns["arxiv_id"][3]);
        Assert.Equal("2026-01-26", columns["digest_date"][2]);
        Assert.All(columns.Values, c => Assert.NotNull(c[4])); // a null count for every column
    }

    [Theory]
    [InlineData(ParquetCompression.None)]
    [InlineData(ParquetCompression.Snappy)]
    public async Task A_long_value_is_stored_once_and_the_short_columns_keep_their_statistics(ParquetCompression codec)
    {
        // Statistics would hold a long value's minimum and maximum in the footer and in the page header (and twice
        // each, as min/max and min_value/max_value): a 10 MB abstract made a 93 MB file.
        const int Long = 10_000_000;
        var random = new Random(20260126);
        string Text(int length) => string.Create(length, random, static (span, r) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26)); // incompressible enough that the size is the data's
            }
        });

        var papers = new List<Paper>();
        for (int i = 0; i < 12; i++)
        {
            Paper paper = DigestTestPaper(i);
            papers.Add(i switch
            {
                3 => paper with { Abstract = Text(Long) },
                7 => paper with { Abstract = Text(Long / 2), Tldr = Text(Long / 4) },
                9 => paper with { MainCategory = Text(Long / 4) }, // a dictionary-encoded column
                _ => paper,
            });
        }

        var options = new ParquetPaperWriterOptions { Compression = codec, RowGroupSize = 4 << 20 };
        byte[] parquet = await ParquetRow.WriteAsync(papers, options);
        long data = papers.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Abstract ?? "") + Encoding.UTF8.GetByteCount(p.Tldr ?? "") + Encoding.UTF8.GetByteCount(p.MainCategory ?? ""));
        Assert.InRange(parquet.Length, data * 6 / 10, data + 1_000_000);

        string file = DuckDb.Literal(Save(parquet));
        Assert.True(DuckDb.Scalar($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({file})") > 1, "several row groups, so offsets after a long value matter");
        List<object?[]> back = DuckDb.Query($"SELECT abstract, tldr, main_category, arxiv_id FROM {file}");
        Assert.Equal(papers.Select(p => (object?)p.Abstract), back.Select(r => r[0]));
        Assert.Equal(papers.Select(p => (object?)p.Tldr), back.Select(r => r[1]));
        Assert.Equal(papers.Select(p => (object?)p.MainCategory), back.Select(r => r[2]));
        Assert.Equal(papers.Select(p => (object?)p.Id!.Value.Id), back.Select(r => r[3]));

        // Short columns keep exact statistics; a long value's column chunk has none (not a truncated or wrong one).
        List<object?[]> stats = DuckDb.Query($"SELECT path_in_schema, row_group_id, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata({file})");
        Assert.All(stats.Where(s => (string)s[0]! == "arxiv_id"), s => Assert.NotNull(s[2]));
        Assert.All(stats.Where(s => (string)s[0]! == "digest_date"), s => Assert.Equal("2026-01-26", s[2]));
        Assert.All(stats, s => Assert.True(s[2] is not string min || min.Length <= 4096, $"{s[0]}: a long minimum"));
        Assert.All(stats, s => Assert.NotNull(s[4]));
        Assert.Contains(stats, s => (string)s[0]! == "abstract" && s[2] is null);
        Assert.Equal(1, DuckDb.Scalar($"SELECT count(*) FROM {file} WHERE arxiv_id = '2601.00003'")); // pruning by statistics stays right
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1 << 20)]
    public async Task Statistics_are_trimmed_whatever_pieces_the_file_arrives_in(int piece)
    {
        // Parquet.Net's writes cut anywhere (a header, its long statistics, page data, the footer): the same file.
        var text = new DataField<string>("text", nullable: true);
        var number = new DataField<int>("number");
        var schema = new ParquetSchema(text, number);
        var random = new Random(7);
        string longValue = string.Concat(Enumerable.Range(0, 30_000).Select(_ => (char)('a' + random.Next(26)))); // incompressible
        using var output = new MemoryStream();
        var trimming = new StatisticsTrimmingStream(output);
        await using (var pieces = new PieceStream(trimming, piece))
        {
            ParquetWriter writer = await ParquetWriter.CreateAsync(schema, pieces);
            for (int g = 0; g < 3; g++)
            {
                using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync<ReadOnlyMemory<char>>(text, new ReadOnlyMemory<char>?[] { ("short " + g).AsMemory(), g == 1 ? longValue.AsMemory() : (ReadOnlyMemory<char>?)null, "zz".AsMemory() });
                await rowGroup.WriteAsync<int>(number, new[] { g, g + 10, g + 20 });
            }

            trimming.BeginFooter();
            await writer.DisposeAsync();
            await trimming.FinishAsync(CancellationToken.None);
        }

        byte[] parquet = output.ToArray();
        Assert.InRange(parquet.Length, longValue.Length, longValue.Length + 4000); // stored once
        string file = DuckDb.Literal(Save(parquet, $"pieces-{piece}.parquet"));
        List<object?[]> rows = DuckDb.Query($"SELECT text, number FROM {file}");
        Assert.Equal(["short 0", null, "zz", "short 1", longValue, "zz", "short 2", null, "zz"], rows.Select(r => r[0]));
        Assert.Equal([0, 10, 20, 1, 11, 21, 2, 12, 22], rows.Select(r => r[1]));
        List<object?[]> stats = DuckDb.Query($"SELECT path_in_schema, row_group_id, stats_min_value, stats_max_value FROM parquet_metadata({file}) ORDER BY row_group_id, path_in_schema");
        Assert.Equal(["number", 0L, "0", "20"], stats[0]);
        Assert.Equal(["text", 0L, "short 0", "zz"], stats[1]);
        Assert.Equal(["text", 1L, null, null], stats[3]); // its maximum would have been the long value
        Assert.Equal(1, DuckDb.Scalar($"SELECT count(*) FROM {file} WHERE number = 21"));
    }

    /// <summary>Passes writes on in pieces of at most a given size.</summary>
    private sealed class PieceStream(Stream inner, int piece) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            for (int i = 0; i < buffer.Length; i += piece)
            {
                inner.Write(buffer.Slice(i, Math.Min(piece, buffer.Length - i)));
            }

            _written += buffer.Length;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            for (int i = 0; i < buffer.Length; i += piece)
            {
                await inner.WriteAsync(buffer.Slice(i, Math.Min(piece, buffer.Length - i)), cancellationToken);
            }

            _written += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    private static Paper DigestTestPaper(int i) => new()
    {
        Index = i + 1,
        Id = ArxivId.Parse($"2601.{i:00000}"),
        Title = "Title " + i,
        Url = $"https://arxiv.org/abs/2601.{i:00000}",
        Authors = ["Ada Lovelace"],
        MainCategory = "cs.CV",
        Section = "cs.CV",
        Tldr = "Short.",
        Abstract = "An abstract " + i,
        DigestDate = new DateOnly(2026, 1, 26),
        Location = new SourceLocation("2026-01-26.md", i + 10, 1),
    };

    [Fact]
    public async Task Missing_values_are_nulls_and_empty_lists()
    {
        Paper bare = new() { Title = "No identifier", Url = "https://example.org/x" };
        Paper full = new()
        {
            Title = "Extra fields, in order, duplicates kept",
            Url = "https://arxiv.org/abs/2601.00001v3",
            Id = ArxivId.Parse("2601.00001v3"),
            Authors = ["A. Author", "B. Author"],
            ExtraFields = [new PaperField("Comment", "first", default), new PaperField("Comment", "second\nline", default)],
            DigestDate = new DateOnly(2026, 1, 2),
            Location = new SourceLocation("x.md", 7, 1),
        };
        byte[] parquet = await ParquetRow.WriteAsync([bare, full]);

        List<ParquetRow> rows = await ParquetRow.ReadAsync(parquet);
        Assert.Equal(ParquetRow.Expected(bare).Describe(), rows[0].Describe());
        Assert.Equal(ParquetRow.Expected(full).Describe(), rows[1].Describe());

        string file = DuckDb.Literal(Save(parquet));
        object?[] first = DuckDb.Query($"SELECT arxiv_id, version, arxiv_year, digest_date, len(authors), len(extra_fields), author_count FROM {file} LIMIT 1").Single();
        Assert.Equal([null, null, null, null, 0L, 0L, 0], first);
        object?[] second = DuckDb.Query($"SELECT arxiv_id, version, arxiv_year, arxiv_month, extra_fields[2].label, extra_fields[2].value, authors[2], pdf_url FROM {file} OFFSET 1").Single();
        Assert.Equal(["2601.00001", 3, 2026, 1, "Comment", "second\nline", "B. Author", "https://arxiv.org/pdf/2601.00001v3"], second);
    }

    [Fact]
    public async Task Extra_fields_carry_their_key_where_the_layout_names_one()
    {
        Paper paper = new()
        {
            Title = "A fork's fields",
            Url = "https://arxiv.org/abs/2601.00002",
            ExtraFields =
            [
                new PaperField("Keywords", "graphs, agents", default) { Key = "keywords" },
                new PaperField("Zebra", "unknown label", default),
                new PaperField("Relevance Score", "4", default) { Key = "importance_score" },
            ],
        };
        byte[] parquet = await ParquetRow.WriteAsync([paper, new Paper { Title = "None", Url = "https://arxiv.org/abs/2601.00003" }]);

        List<ParquetRow> rows = await ParquetRow.ReadAsync(parquet);
        Assert.Equal(ParquetRow.Expected(paper).Describe(), rows[0].Describe());

        string file = DuckDb.Literal(Save(parquet));
        List<object?[]> fields = DuckDb.Query($"SELECT f.label, f.key, f.value FROM (SELECT unnest(extra_fields) AS f FROM {file})");
        Assert.Equal(
            [["Keywords", "keywords", "graphs, agents"], ["Zebra", null, "unknown label"], ["Relevance Score", "importance_score", "4"]],
            fields);
        Assert.Equal(2L, DuckDb.Int64(DuckDb.Query($"SELECT count(*) FROM (SELECT unnest(extra_fields) AS f FROM {file}) WHERE f.key IS NOT NULL").Single()[0]));
    }

    [Fact]
    public async Task Text_of_any_length_reads_back_exactly_across_row_groups()
    {
        // The buffered text is packed into reused blocks: values longer than a block, values that do not fit in the
        // rest of one, empty ones, and row groups after the first (reusing the blocks) must all come back unchanged.
        var random = new Random(7);
        string Text(int length) => string.Create(length, random, static (span, r) =>
        {
            const string alphabet = "abc $x^2$ & % [] 中文 \n\t\"";
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
        List<Paper> papers = [];
        foreach (int length in new[] { 0, 1, 300_000, 65_537, 65_535, 200_000, 3, 262_144, 262_143, 1, 0, 100_000 })
        {
            papers.Add(new Paper
            {
                Title = Text(Math.Min(length, 500)),
                Url = "https://arxiv.org/abs/2601.00001",
                Abstract = Text(length),
                Authors = [Text(length / 1000), ""],
                ExtraFields = [new PaperField(Text(3), Text(length / 3), default)],
            });
        }

        var options = new ParquetPaperWriterOptions { RowGroupSize = 256 * 1024 };
        using var output = new MemoryStream();
        await using (var writer = new ParquetPaperWriter(output, options))
        {
            foreach (Paper paper in papers)
            {
                await writer.WritePaperAsync(paper);
            }

            await writer.CompleteAsync();
            Assert.True(writer.RowGroups >= 4, $"{writer.RowGroups} row groups");
        }

        List<ParquetRow> rows = await ParquetRow.ReadAsync(output.ToArray());
        Assert.Equal(papers.Select(p => ParquetRow.Expected(p).Describe()), rows.Select(r => r.Describe()));
    }

    [Fact]
    public async Task No_papers_make_a_valid_empty_file()
    {
        string file = DuckDb.Literal(Save(await ParquetRow.WriteAsync([])));
        Assert.Equal(0, DuckDb.Scalar($"SELECT count(*) FROM {file}"));
        Assert.Contains(DuckDb.Query($"DESCRIBE SELECT * FROM {file}"), r => (string)r[0]! == "authors" && (string)r[1]! == "VARCHAR[]");
    }

    [Theory]
    [InlineData("parquet-compression", "lzma")]
    [InlineData("parquet-row-group-size", "big")]
    [InlineData("parquet-row-group-size", "0")]
    [InlineData("parquet-row-group-size", "-5M")]
    public void An_option_value_the_writer_does_not_take_is_refused(string option, string value)
    {
        Assert.True(ParquetPaperWriter.Format.TryGetOption(option, out WriterOption? descriptor));
        FormatException e = Assert.Throws<FormatException>(() => descriptor.Apply(ParquetPaperWriter.Format.DefaultOptions, value));
        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_group_size_of_zero_or_less_is_refused_by_the_options()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParquetPaperWriterOptions { RowGroupSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ParquetPaperWriterOptions.Default with { RowGroupSize = -1 });
    }

    [Theory]
    [InlineData("65536", 65536L)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("64M", 64L * 1024 * 1024)]
    [InlineData("64MB", 64L * 1024 * 1024)]
    [InlineData("64 MiB", 64L * 1024 * 1024)]
    [InlineData("1g", 1024L * 1024 * 1024)]
    public void Row_group_sizes_take_binary_suffixes(string text, long bytes)
    {
        Assert.True(ParquetPaperWriter.Format.TryGetOption("parquet-row-group-size", out WriterOption? descriptor));
        var options = (ParquetPaperWriterOptions)descriptor.Apply(ParquetPaperWriter.Format.DefaultOptions, text);
        Assert.Equal(bytes, options.RowGroupSize);
    }

    [Fact]
    public void The_format_is_registered_binary_with_its_options()
    {
        Assert.True(PaperWriterRegistry.CreateDefault().Register(new ParquetWriterProvider()).TryGetByPath("out/papers.parquet", out PaperWriterFormat? format));
        Assert.Same(ParquetPaperWriter.Format, format);
        Assert.False(format.IsText);
        Assert.Equal(["parquet-compression", "parquet-row-group-size", "partition-by"], format.Options.Select(o => o.Name));
    }

    /// <summary>The papers of the shared corpus, or of the samples without it.</summary>
    internal static IEnumerable<Paper> AllPapers()
    {
        string dir = RepoPaths.SharedCorpus is string corpus ? Path.Combine(corpus, "daily-arxiv") : RepoPaths.Samples;
        foreach (string md in Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal))
        {
            foreach (Paper paper in Parse(md, md).Papers)
            {
                yield return paper;
            }
        }
    }

    private static long DataSize(Paper p)
    {
        static long S(string? s) => s is null ? 0 : Encoding.UTF8.GetByteCount(s);
        return S(p.Id?.Id) + S(p.Title) + S(p.Url) + S(p.PdfUrl) + p.Authors.Sum(a => S(a)) + S(p.MainCategory) + S(p.Section)
            + S(p.Tldr) + S(p.Motivation) + S(p.Method) + S(p.Result) + S(p.Conclusion) + S(p.Abstract)
            + p.ExtraFields.Sum(f => S(f.Label) + S(f.Value)) + S(p.Location.File) + (8 * 4);
    }
}
