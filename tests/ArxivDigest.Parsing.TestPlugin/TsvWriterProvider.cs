using System.Text;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Parsing.TestPlugin;

/// <summary>
/// Adds a <c>tsv</c> format: one line a paper, identifier, title and the value of the <c>columns</c> option. With
/// <c>fail-after=N</c> the writer throws after N papers, as a faulty third-party writer would.
/// </summary>
public sealed class TsvWriterProvider : IPaperWriterProvider
{
    public IEnumerable<PaperWriterFormat> GetFormats()
    {
        yield return new PaperWriterFormat("tsv", [".tsv"], "Tab-separated id and title (test plug-in)", (stream, options) => new TsvWriter(stream, options));
    }

    private sealed class TsvWriter(Stream output, PaperWriterOptions options) : PaperWriter
    {
        private readonly StreamWriter _writer = new(output, new UTF8Encoding(false), leaveOpen: true);
        private readonly int _failAfter = int.TryParse(options.Properties.GetValueOrDefault("fail-after"), out int n) ? n : int.MaxValue;
        private int _papers;

        public override async ValueTask BeginDigestAsync(DigestInfo digest, CancellationToken cancellationToken = default)
        {
            await _writer.WriteLineAsync($"# {digest.Source} {digest.Date:yyyy-MM-dd} {options.Properties.GetValueOrDefault("columns", "id,title")}");
        }

        public override async ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
        {
            if (_papers++ == _failAfter)
            {
                throw new InvalidOperationException($"the tsv writer fails after {_failAfter} papers, as asked");
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
