using System.Globalization;
using System.Text;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Parsing.TestPlugin;

/// <summary>
/// Adds a <c>tsv</c> format: one line a paper, identifier and title, after a header naming the <c>columns</c> option.
/// With <c>fail-after=N</c> the writer throws after N papers, as a faulty third-party writer would.
/// </summary>
public sealed class TsvWriterProvider : IPaperWriterProvider
{
    public IEnumerable<PaperWriterFormat> GetFormats()
    {
        yield return new PaperWriterFormat<TsvWriterOptions>(
            "tsv",
            [".tsv"],
            "Tab-separated id and title (test plug-in)",
            new TsvWriterOptions(),
            (stream, options) => new TsvWriter(stream, options),
            options:
            [
                WriterOption<TsvWriterOptions>.Text("columns", "What the header line says the columns are", o => o.Columns, (o, v) => o with { Columns = v }),
                WriterOption<TsvWriterOptions>.Parsed(
                    "fail-after",
                    "Throw after this many papers",
                    o => o.FailAfter,
                    (o, v) => o with { FailAfter = v },
                    text => (int?)int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
                    v => v?.ToString(CultureInfo.InvariantCulture),
                    "N",
                    "a whole number"),
            ]);
    }

    private sealed class TsvWriter(Stream output, TsvWriterOptions options) : PaperWriter
    {
        private readonly StreamWriter _writer = new(output, new UTF8Encoding(false), leaveOpen: true);
        private int _papers;

        public override async ValueTask BeginDigestAsync(DigestInfo digest, CancellationToken cancellationToken = default)
        {
            await _writer.WriteLineAsync($"# {digest.Source} {digest.Date:yyyy-MM-dd} {options.Columns}");
        }

        public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
        {
            if (_papers++ == options.FailAfter)
            {
                throw new InvalidOperationException($"the tsv writer fails after {options.FailAfter} papers, as asked");
            }

            await _writer.WriteLineAsync($"{paper.Id}\t{paper.Title.Replace('\t', ' ')}");
        }

        public override async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
        {
            await _writer.FlushAsync(cancellationToken);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            await _writer.DisposeAsync();
            await base.DisposeAsyncCore();
        }
    }
}

/// <summary>The <c>tsv</c> format's options.</summary>
public sealed record TsvWriterOptions
{
    /// <summary>What the header says the columns are.</summary>
    public string Columns { get; init; } = "id,title";

    /// <summary>After how many papers the writer throws; never when null.</summary>
    public int? FailAfter { get; init; }
}
