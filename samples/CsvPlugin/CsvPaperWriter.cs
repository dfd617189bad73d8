using System.Text;
using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;

namespace CsvPlugin;

/// <summary>Papers as CSV (RFC 4180): one row a paper, a header row first.</summary>
public sealed class CsvPaperWriter(Stream output) : PaperWriter
{
    private readonly StreamWriter _text = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\r\n" };
    private bool _headerWritten;

    /// <summary>The format, as the tool lists it (<c>arxiv-digest formats</c>) and selects it (<c>--to csv</c>, <c>-o x.csv</c>).</summary>
    public static PaperWriterFormat Format { get; } = new PaperWriterFormat<CsvOptions>(
        "csv", [".csv"], "CSV, one row a paper (sample plug-in)", new CsvOptions(), static (stream, _) => new CsvPaperWriter(stream));

    public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        if (!_headerWritten)
        {
            await _text.WriteLineAsync("arxiv_id,title,authors,main_category,tldr".AsMemory(), cancellationToken);
            _headerWritten = true;
        }

        string[] cells = [paper.Id?.ToString() ?? "", paper.Title, string.Join("; ", paper.Authors), paper.MainCategory ?? "", paper.Tldr ?? ""];
        await _text.WriteLineAsync(string.Join(',', cells.Select(Quote)).AsMemory(), cancellationToken);
    }

    public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
        => await _text.FlushAsync(cancellationToken);

    protected override ValueTask DisposeAsyncCore() => _text.DisposeAsync();

    // A cell with a comma, quote or line break is quoted, its quotes doubled.
    private static string Quote(string cell)
        => cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The format's options: none yet (a property here, with a <see cref="WriterOption{TOptions}"/>, becomes a tool flag).</summary>
public sealed record CsvOptions;

/// <summary>What the tool looks for in a plug-in assembly: each provider's formats are registered.</summary>
public sealed class CsvWriterProvider : IPaperWriterProvider
{
    public IEnumerable<PaperWriterFormat> GetFormats() => [CsvPaperWriter.Format];
}
