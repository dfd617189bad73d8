using System.Text;

namespace ArxivDigest.Parsing.TestPlugin;

/// <summary>
/// Adds a <c>titles</c> input format: a file whose first line is <c>TITLES</c>, then one paper a line, its arXiv
/// identifier and title separated by a tab. A line without a tab is an error (kept as unrecognised text).
/// </summary>
public sealed class TitlesInputProvider : IPaperInputProvider
{
    public IEnumerable<PaperInputFormat> GetFormats()
    {
        yield return new PaperInputFormat(
            "titles",
            [".titles"],
            "Identifier and title, one paper a line (test plug-in)",
            static (stream, options) => new TitlesReader(stream, options),
            static head => head.Span.StartsWith("TITLES\n"u8));
    }

    private sealed class TitlesReader(Stream input, DigestReaderOptions options) : PaperInputReader(options)
    {
        private readonly StreamReader _text = new(input, new UTF8Encoding(false), leaveOpen: true);
        private int _line;

        public override Paper? Read() => Next(_text.ReadLine());

        public override async ValueTask<Paper?> ReadAsync(CancellationToken cancellationToken = default)
            => Next(await _text.ReadLineAsync(cancellationToken));

        protected override void Dispose(bool disposing)
        {
            _text.Dispose();
            base.Dispose(disposing);
        }

        private Paper? Next(string? line)
        {
            while (line is not null)
            {
                _line++;
                if (_line == 1 && line == "TITLES")
                {
                    line = _text.ReadLine();
                    continue;
                }

                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                var at = new SourceLocation(Options.SourceName, _line, 1);
                if (tab > 0)
                {
                    string id = line[..tab];
                    return new Paper
                    {
                        Id = ArxivId.TryParse(id, out ArxivId parsed) ? parsed : null,
                        Title = line[(tab + 1)..],
                        Url = "https://arxiv.org/abs/" + id,
                        DigestDate = Options.DigestDate,
                        Location = at,
                    };
                }

                Report(new DigestDiagnostic("TIT001", DiagnosticSeverity.Error, "A line without a tab between identifier and title.", at));
                AddUnrecognizedText(new UnrecognizedText(line, at));
                line = _text.ReadLine();
            }

            return null;
        }
    }
}
