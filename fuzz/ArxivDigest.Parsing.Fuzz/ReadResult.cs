using System.IO.Pipelines;

namespace ArxivDigest.Parsing.Fuzz;

/// <summary>Everything one <see cref="PaperReader"/> run produced: papers, the exception it stopped with, and what it collected.</summary>
internal sealed class ReadResult
{
    private ReadResult(string mode) => Mode = mode;

    public string Mode { get; }

    public List<Paper> Papers { get; } = [];

    /// <summary>The <see cref="DigestFormatException"/> the run stopped with (the only exception that is caught).</summary>
    public DigestFormatException? Error { get; private set; }

    public IReadOnlyList<DigestDiagnostic> Diagnostics { get; private set; } = [];

    public IReadOnlyList<TocEntry> TableOfContents { get; private set; } = [];

    public IReadOnlyList<(string Category, SourceLocation Location)> Sections { get; private set; } = [];

    public IReadOnlyList<UnrecognizedText> Unrecognized { get; private set; } = [];

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    /// <summary>Whether every diagnostic was kept (fewer than <see cref="DigestReaderOptions.MaxDiagnostics"/>).</summary>
    public bool AllDiagnosticsKept => Diagnostics.All(d => d.Code != DiagnosticCodes.TooManyDiagnostics);

    public static ReadResult Of(string mode, PaperReader reader, bool async)
    {
        var result = new ReadResult(mode);
        using (reader)
        {
            try
            {
                while (async ? Sync(reader.ReadAsync()) : reader.Read())
                {
                    result.Papers.Add(reader.Current);
                }
            }
            catch (DigestFormatException e)
            {
                result.Error = e;
            }

            result.Diagnostics = [.. reader.Diagnostics];
            result.TableOfContents = [.. reader.TableOfContents];
            result.Sections = [.. reader.SectionHeadings.Select(s => (s.Category, s.Location))];
            result.Unrecognized = [.. reader.UnrecognizedText];
            result.Errors = reader.ErrorCount;
            result.Warnings = reader.WarningCount;
        }

        return result;
    }

    public static ReadResult Memory(byte[] data, DigestReaderOptions options)
        => Of("memory", PaperReader.Create(data, options), async: false);

    public static ReadResult Stream(string mode, byte[] data, DigestReaderOptions options, Splits splits, bool async, int fixedSize = 0)
        => Of(mode, PaperReader.Create(new SplitStream(data, splits, fixedSize), options), async);

    public static ReadResult Pipe(string mode, byte[] data, DigestReaderOptions options, Splits splits, bool async)
    {
        int size = 1 + splits.Next(64);
        PipeReader pipe = PipeReader.Create(new SplitStream(data, splits), new StreamPipeReaderOptions(bufferSize: size, minimumReadSize: size));
        return Of(mode, PaperReader.Create(pipe, options), async);
    }

    /// <summary>The first difference from <paramref name="expected"/> in anything the reader reports, or <see langword="null"/>.</summary>
    public string? DifferenceFrom(ReadResult expected)
    {
        string? diff = Compare.Papers(expected.Papers, Papers)
            ?? ErrorDifference(expected.Error, Error)
            ?? Compare.Items("Diagnostics", expected.Diagnostics, Diagnostics)
            ?? Compare.Items("TableOfContents", expected.TableOfContents, TableOfContents)
            ?? Compare.Items("SectionHeadings", expected.Sections, Sections)
            ?? Compare.Items("UnrecognizedText", expected.Unrecognized, Unrecognized)
            ?? Compare.Value("ErrorCount", expected.Errors, Errors)
            ?? Compare.Value("WarningCount", expected.Warnings, Warnings);
        return diff is null ? null : $"{Mode} differs from {expected.Mode}: {diff}";
    }

    public static string? ErrorDifference(DigestFormatException? expected, DigestFormatException? actual) => (expected, actual) switch
    {
        (null, null) => null,
        (null, _) => $" threw {actual.Diagnostic}, expected no exception",
        (_, null) => $" threw nothing, expected {expected.Diagnostic}",
        _ => Compare.Value("Exception", expected.Diagnostic, actual.Diagnostic),
    };

    private static bool Sync(ValueTask<bool> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
