using System.Text.Json;
using ArxivDigest.Parsing.Writers;
using ArxivDigest.Parsing.Writers.Json;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// The <c>jsonl</c> target: the input read as the generator's JSON lines, in every way the library offers (in place,
/// from a stream in small and odd-sized reads, sync and async, from a pipe, strict). Every way gives the same result;
/// the only exception allowed out is <see cref="DigestFormatException"/> for compressed, UTF-16 or binary data
/// (refused from the first bytes, whatever the format) and, in strict mode, the lenient reader's first warning or error. Every line is a paper
/// or kept as unrecognised text, and the papers written in the <c>daily-arxiv</c> shape read back into the same records.
/// </summary>
internal static class JsonLinesTarget
{
    private static readonly DigestReaderOptions Lenient = new() { BufferSize = 16, MaxDiagnostics = 64, SourceName = "fuzz.jsonl", InputFormat = PaperInputFormat.JsonLines };

    private static readonly int[] BufferSizes = [1, 2, 3, 5, 8, 16, 64, 4096];

    public static void Run(byte[] data)
    {
        ReadResult whole = ReadResult.Memory(data, Lenient);
        if (whole.Error is DigestFormatException fatal)
        {
            // The JSON-lines reader never reports AXD017: it is the first-bytes check of every input (compressed, UTF-16, binary).
            if (fatal.Code != DiagnosticCodes.NotADigest)
            {
                Invariant.Fail("fatal", $"the lenient JSON-lines reader threw {fatal.Diagnostic}");
            }

            return;
        }

        CheckSplits(data, whole);
        CheckLines(data, whole);
        CheckStrict(data, whole);
        CheckRecords(whole);
    }

    private static void CheckSplits(byte[] data, ReadResult whole)
    {
        if (!Invariant.Enabled("split"))
        {
            return;
        }

        var pick = new Splits(data, salt: 20);
        ReadResult[] results =
        [
            ReadResult.Stream("stream", data, Lenient with { BufferSize = BufferSizes[pick.Next(BufferSizes.Length)] }, new Splits(data, 21), async: false),
            ReadResult.Stream("async stream", data, Lenient with { BufferSize = BufferSizes[pick.Next(BufferSizes.Length)] }, new Splits(data, 22), async: true),
            ReadResult.Pipe("pipe", data, Lenient with { BufferSize = BufferSizes[pick.Next(BufferSizes.Length)] }, new Splits(data, 23), async: true),
        ];
        foreach (ReadResult result in results)
        {
            if (result.DifferenceFrom(whole) is string diff)
            {
                Invariant.Fail("split", $"{result.Mode} differs from the whole input: {diff}");
            }
        }
    }

    /// <summary>Every line that is not blank is a paper or kept as unrecognised text: nothing is dropped.</summary>
    private static void CheckLines(byte[] data, ReadResult whole)
    {
        ReadOnlySpan<byte> text = data.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? data.AsSpan(3) : data;
        int lines = 0;
        foreach (Range line in text.Split((byte)'\n'))
        {
            lines += text[line].Trim(" \t\r"u8).IsEmpty ? 0 : 1;
        }

        if (whole.AllDiagnosticsKept && lines != whole.Papers.Count + whole.Unrecognized.Count)
        {
            Invariant.Fail("records", $"{lines} lines, but {whole.Papers.Count} papers and {whole.Unrecognized.Count} lines kept as text");
        }
    }

    private static void CheckStrict(byte[] data, ReadResult whole)
    {
        if (!Invariant.Enabled("strict"))
        {
            return;
        }

        ReadResult strict = ReadResult.Memory(data, Lenient with { Strict = true });
        DigestDiagnostic? first = whole.Diagnostics.FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning);
        if (first is null ? strict.Error is not null : strict.Error?.Diagnostic != first)
        {
            Invariant.Fail("strict", $"strict mode stopped with {strict.Error?.Diagnostic.ToString() ?? "nothing"}; the lenient reader's first problem is {first?.ToString() ?? "none"}");
        }
    }

    /// <summary>The papers in the generator's shape, read back and written again: the same bytes; the native shape parses.</summary>
    private static void CheckRecords(ReadResult whole)
    {
        if (!Invariant.Enabled("records"))
        {
            return;
        }

        byte[] once = Write(whole.Papers, JsonShape.DailyArxiv);
        ReadResult again = ReadResult.Memory(once, Lenient);
        if (again.Error is not null || again.Unrecognized.Count > 0 || again.Papers.Count != whole.Papers.Count)
        {
            Invariant.Fail("records", $"the daily-arxiv output of {whole.Papers.Count} papers reads back as {again.Papers.Count} papers, {again.Unrecognized.Count} bad lines, {again.Error?.Diagnostic.ToString() ?? "no error"}");
            return;
        }

        byte[] twice = Write(again.Papers, JsonShape.DailyArxiv);
        if (!once.AsSpan().SequenceEqual(twice))
        {
            int at = once.AsSpan().CommonPrefixLength(twice);
            Invariant.Fail("records", $"the daily-arxiv output read and written again differs from offset {at}");
        }

        byte[] native = Write(whole.Papers, JsonShape.Native);
        try
        {
            var reader = new Utf8JsonReader(native, new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
                reader.Skip();
            }
        }
        catch (JsonException e)
        {
            Invariant.Fail("output", $"the native JSON lines do not parse: {e.Message}");
        }
    }

    private static byte[] Write(IEnumerable<Paper> papers, JsonShape shape)
    {
        var output = new MemoryStream();
        PaperWriter writer = JsonPaperWriter.JsonLinesFormat.Create(output, new JsonPaperWriterOptions { Shape = shape });
        try
        {
            foreach (Paper paper in papers)
            {
                writer.WritePaperAsync(paper).AsTask().GetAwaiter().GetResult();
            }

            writer.CompleteAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return output.ToArray();
    }
}
