using ArxivDigest.Parsing.Selection;

namespace ArxivDigest.Cli;

/// <summary>
/// The inputs as <see cref="DigestSource"/>s. Standard input can be read only once, so when it must be read twice
/// (deduplication reads every input first) it is kept in a temporary file, deleted on dispose.
/// </summary>
internal sealed class Sources : IDisposable
{
    private string? _stdinCopy;

    private Sources(List<DigestSource> list) => List = list;

    public List<DigestSource> List { get; }

    public static Sources Create(CliConsole console, IReadOnlyList<DigestInput> inputs, DateOnly? date, bool replayable)
    {
        var sources = new Sources([]);
        foreach (DigestInput input in inputs)
        {
            if (!input.IsStandardInput)
            {
                sources.List.Add(DigestSource.FromFile(input.Path!, date));
            }
            else if (!replayable)
            {
                sources.List.Add(new DigestSource(input.Name, console.OpenStandardInput, date));
            }
            else
            {
                sources.List.Add(new DigestSource(input.Name, sources.OpenStdinCopy(console), date));
            }
        }

        return sources;
    }

    public void Dispose()
    {
        if (_stdinCopy is not null)
        {
            File.Delete(_stdinCopy);
        }
    }

    private Func<Stream> OpenStdinCopy(CliConsole console) => () =>
    {
        if (_stdinCopy is null)
        {
            _stdinCopy = Path.GetTempFileName();
            using Stream stdin = console.OpenStandardInput();
            using FileStream copy = File.Create(_stdinCopy);
            stdin.CopyTo(copy);
        }

        return File.OpenRead(_stdinCopy);
    };
}
