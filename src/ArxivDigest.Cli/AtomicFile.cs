namespace ArxivDigest.Cli;

/// <summary>
/// An output file written under a temporary name beside its destination and moved into place only when
/// <see cref="CommitAsync"/> is called: a failure or cancellation never leaves a half-written file.
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly string _destination;
    private readonly string _temporary;
    private bool _committed;

    private AtomicFile(string destination)
    {
        _destination = Path.GetFullPath(destination);
        string directory = Path.GetDirectoryName(_destination)!;
        Directory.CreateDirectory(directory);
        _temporary = Path.Combine(directory, $".{Path.GetFileName(_destination)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, useAsync: true);
    }

    public FileStream Stream { get; }

    public static AtomicFile Create(string destination) => new(destination);

    public async Task CommitAsync()
    {
        await Stream.FlushAsync().ConfigureAwait(false);
        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_temporary, _destination, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
            try
            {
                File.Delete(_temporary);
            }
            catch (IOException)
            {
                // Best effort: the temporary name starts with a dot and ends in .tmp, so it is easy to spot.
            }
        }
    }
}
