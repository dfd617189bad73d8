using ArxivDigest.Parsing.Selection;

namespace ArxivDigest.Cli;

/// <summary>
/// The inputs as <see cref="DigestSource"/>s. Standard input can be read only once, so when it must be read twice
/// (deduplication reads every input first) it is copied to a private temporary file first, deleted on dispose and on
/// every failure.
/// </summary>
internal sealed class Sources : IDisposable
{
    private string? _stdinCopy;

    private Sources(List<DigestSource> list) => List = list;

    public List<DigestSource> List { get; }

    public static async Task<Sources> CreateAsync(CliConsole console, IReadOnlyList<DigestInput> inputs, DateOnly? date, bool replayable, CancellationToken cancellationToken)
    {
        var sources = new Sources([]);
        try
        {
            foreach (DigestInput input in inputs)
            {
                if (input.Path is string path)
                {
                    // A FIFO or <(command) waits for its writer: read it so that Ctrl+C need not wait too.
                    sources.List.Add(Posix.Status(path).Kind is FileKind.Regular or FileKind.Missing
                        ? DigestSource.FromFile(path, date)
                        : new DigestSource(path, () => new CancellableInputStream(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1)), date));
                }
                else if (!replayable)
                {
                    sources.List.Add(new DigestSource(input.Name, console.OpenStandardInput, date));
                }
                else
                {
                    string copy = await sources.CopyStandardInputAsync(console, cancellationToken).ConfigureAwait(false);
                    sources.List.Add(new DigestSource(input.Name, () => File.OpenRead(copy), date));
                }
            }
        }
        catch
        {
            sources.Dispose();
            throw;
        }

        return sources;
    }

    public void Dispose()
    {
        if (_stdinCopy is not null)
        {
            Temporaries.TryDeleteFile(_stdinCopy);
            Temporaries.Remove(_stdinCopy);
            _stdinCopy = null;
        }
    }

    private async Task<string> CopyStandardInputAsync(CliConsole console, CancellationToken cancellationToken)
    {
        string copy = Path.Combine(Path.GetTempPath(), $".arxiv-digest-stdin.{Guid.NewGuid():N}.tmp");
        Temporaries.AddFile(copy);
        _stdinCopy = copy;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // the user's data, readable by the user only
        }

        try
        {
            FileStream file = new(copy, options);
            await using (file.ConfigureAwait(false))
            {
                Stream stdin = console.OpenStandardInput();
                await using (stdin.ConfigureAwait(false))
                {
                    await stdin.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot keep a copy of standard input in {Path.GetTempPath()} (needed by --dedupe): {OutputException.Reason(e)}", e);
        }

        return copy;
    }
}
