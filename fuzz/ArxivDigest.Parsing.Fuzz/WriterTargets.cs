using System.Text;
using System.Text.Json;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;
using ArxivDigest.Parsing.Writers.Docx;
using ArxivDigest.Parsing.Writers.Parquet;
using Parquet;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// The <c>writers</c> and <c>docx</c> targets: the input is parsed leniently and the papers are written with each
/// built-in writer, options drawn from the input. No writer may throw, whatever the papers hold; the outputs that can
/// be read back cheaply are (JSON, JSON Lines, Markdown, Parquet), and the Markdown round trip is checked as in the
/// <c>roundtrip</c> target.
/// </summary>
internal static class WriterTargets
{
    private static readonly PaperWriterRegistry Registry = PaperWriterRegistry.CreateDefault()
        .Register(new ParquetWriterProvider())
        .Register(new DocxWriterProvider());

    private static readonly string[] RowGroupSizes = ["1", "1K", "64K"];

    private static readonly string DatasetRoot = Path.Combine(
        Environment.GetEnvironmentVariable("ARXIV_FUZZ_TMP") is { Length: > 0 } tmp ? tmp : Path.GetTempPath(),
        $"arxiv-digest-fuzz-{Environment.ProcessId}");

    public static void RunWriters(byte[] data)
    {
        if (Parse(data, out Splits pick) is not Digest digest)
        {
            return;
        }

        foreach (PaperWriterFormat format in Registry.Formats)
        {
            if (format.Name == "docx")
            {
                continue; // its own target: building a Word package costs more than all the others together
            }

            object options = OptionsFor(format, data, ref pick);
            switch (format.Name)
            {
                case "json":
                    CheckJson(digest, Write(format, options, digest));
                    break;
                case "jsonl":
                    CheckJsonLines(digest, Write(format, options, digest));
                    break;
                case "markdown":
                    CheckMarkdown(digest, Write(format, options, digest));
                    break;
                case "parquet":
                    CheckParquet(digest, Write(format, options, digest));
                    break;
                default:
                    WriteTo(new DiscardStream(), format, options, digest);
                    break;
            }
        }

        WriteDataset(digest, data, ref pick);
        RoundTripTarget.Check(digest);
    }

    public static void RunDocx(byte[] data)
    {
        if (Parse(data, out Splits pick) is not Digest digest || !Registry.TryGet("docx", out PaperWriterFormat? docx))
        {
            return;
        }

        WriteTo(new DiscardStream(), docx, OptionsFor(docx, data, ref pick), digest);
    }

    /// <summary>The lenient parse the writers get; <see langword="null"/> when the reader rejects the input as a whole (a fatal error).</summary>
    internal static Digest? Parse(byte[] data, out Splits pick)
    {
        pick = new Splits(data, salt: 100);
        // A dated file name gives every paper a digest date; an undated one leaves it null. Both are written.
        string name = pick.Next(4) == 0 ? "fuzz.md" : "2026-01-26.md";
        try
        {
            return DigestParser.Parse(data, new DigestReaderOptions { SourceName = name, MaxDiagnostics = 64 });
        }
        catch (DigestFormatException)
        {
            return null; // the parser target checks when that is allowed
        }
    }

    /// <summary>
    /// Options drawn from the input, set through the format's option descriptors: each choice or flag, a small row
    /// group, the title from the input's first line, the JSON indentation. A dataset's partition column is left to
    /// <see cref="WriteDataset"/>.
    /// </summary>
    private static object OptionsFor(PaperWriterFormat format, byte[] data, ref Splits pick)
    {
        object options = format.DefaultOptions;
        foreach (WriterOption option in format.Options)
        {
            if (option.Name == "partition-by")
            {
                continue;
            }

            if (option.AllowedValues.Count > 0)
            {
                options = option.Apply(options, option.AllowedValues[pick.Next(option.AllowedValues.Count)]);
            }
            else if (option.Name == "parquet-row-group-size" && pick.Next(2) == 0)
            {
                options = option.Apply(options, RowGroupSizes[pick.Next(RowGroupSizes.Length)]);
            }
            else if (option.Name == "docx-title" && pick.Next(2) == 0)
            {
                int nl = data.AsSpan().IndexOf((byte)'\n');
                options = option.Apply(options, Encoding.UTF8.GetString(data.AsSpan(0, nl < 0 ? Math.Min(data.Length, 200) : Math.Min(nl, 200))));
            }
        }

        return options is JsonPaperWriterOptions json ? json with { Indented = pick.Next(2) == 0 } : options;
    }

    private static byte[] Write(PaperWriterFormat format, object options, Digest digest)
    {
        var output = new MemoryStream();
        WriteTo(output, format, options, digest);
        return output.ToArray();
    }

    private static void WriteTo(Stream output, PaperWriterFormat format, object options, Digest digest)
    {
        PaperWriter writer = format.Create(output, options);
        try
        {
            writer.WriteAllAsync(digest).GetAwaiter().GetResult();
            writer.CompleteAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void CheckJson(Digest digest, byte[] json)
    {
        int count;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            count = document.RootElement.GetArrayLength();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            Invariant.Fail("output", $"the json writer wrote something that is not a JSON array: {e.Message}");
            return;
        }

        if (count != digest.Papers.Length)
        {
            Invariant.Fail("output", $"the json writer wrote {count} papers of {digest.Papers.Length}");
        }
    }

    private static void CheckJsonLines(Digest digest, byte[] jsonl)
    {
        int count = 0;
        foreach (Range range in jsonl.AsSpan().Split((byte)'\n'))
        {
            ReadOnlySpan<byte> line = jsonl.AsSpan()[range];
            if (line.IsEmpty)
            {
                continue;
            }

            try
            {
                var reader = new Utf8JsonReader(line);
                using JsonDocument document = JsonDocument.ParseValue(ref reader);
                if (document.RootElement.ValueKind != JsonValueKind.Object || reader.BytesConsumed != line.Length)
                {
                    Invariant.Fail("output", $"jsonl line {count + 1} is not one JSON object");
                }
            }
            catch (JsonException e)
            {
                Invariant.Fail("output", $"jsonl line {count + 1} is not JSON: {e.Message}");
            }

            count++;
        }

        if (count != digest.Papers.Length)
        {
            Invariant.Fail("output", $"the jsonl writer wrote {count} lines for {digest.Papers.Length} papers");
        }
    }

    private static void CheckMarkdown(Digest digest, byte[] markdown)
    {
        try
        {
            // Papers that do not read back as written are the round trip's to check (RoundTripTarget), with the
            // writer's diagnostics: here, the output must read.
            _ = DigestParser.Parse(markdown, new DigestReaderOptions { MaxDiagnostics = 64, Dialect = DigestDialect.Canonical });
        }
        catch (DigestFormatException e)
        {
            Invariant.Fail("output", $"the markdown writer's output cannot be read: {e.Diagnostic}");
        }
    }

    private static void CheckParquet(Digest digest, byte[] parquet)
    {
        using var stream = new MemoryStream(parquet);
        ParquetReader reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
        long rows = 0;
        for (int i = 0; i < reader.RowGroupCount; i++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(i);
            rows += group.RowCount;
            foreach (global::Parquet.Schema.DataField field in reader.Schema.GetDataFields())
            {
                using global::Parquet.Data.RawColumnData column = group.ReadRawColumnDataBaseAsync(field).GetAwaiter().GetResult();
            }
        }

        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

        if (rows != digest.Papers.Length)
        {
            Invariant.Fail("output", $"the parquet writer wrote {rows} rows for {digest.Papers.Length} papers");
        }
    }

    /// <summary>Whether a paper's category, escaped (each byte at most <c>%XX</c>), could make a folder name longer than 255 bytes.</summary>
    private static bool MayBeTooLong(Paper paper)
        => "main_category=".Length + (3 * Encoding.UTF8.GetByteCount(paper.MainCategory ?? string.Empty)) > 255;

    /// <summary>A Hive-partitioned dataset in a scratch folder: no exception, and every file inside the folder.</summary>
    private static void WriteDataset(Digest digest, byte[] data, ref Splits pick)
    {
        string folder = Path.Combine(DatasetRoot, "dataset");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var column = (ParquetPartitionColumn)pick.Next(3);
        var writer = new ParquetDatasetWriter(folder, column, (ParquetPaperWriterOptions)OptionsFor(ParquetPaperWriter.Format, data, ref pick));
        bool tooLong = false;
        try
        {
            writer.WriteAllAsync(digest).GetAwaiter().GetResult();
            writer.CompleteAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (PathTooLongException) when (column == ParquetPartitionColumn.MainCategory && digest.Papers.Any(MayBeTooLong))
        {
            // Documented (docs/parquet.md): a value whose folder name would exceed 255 bytes stops the conversion.
            tooLong = true;
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (tooLong)
        {
            // A failed dataset writer removes what it made.
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
            {
                Invariant.Fail("dataset", "a dataset writer that failed left files behind");
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return;
        }

        string root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        int files = 0;
        foreach (string file in Directory.EnumerateFiles(DatasetRoot, "*", SearchOption.AllDirectories))
        {
            files++;
            if (!Path.GetFullPath(file).StartsWith(root, StringComparison.Ordinal))
            {
                Invariant.Fail("output", $"the dataset writer wrote '{file}' outside its folder '{folder}'");
            }
        }

        if (digest.Papers.Length > 0 && files == 0)
        {
            Invariant.Fail("output", $"the dataset writer wrote no file for {digest.Papers.Length} papers");
        }

        Directory.Delete(folder, recursive: true);
    }
}
