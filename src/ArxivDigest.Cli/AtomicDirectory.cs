namespace ArxivDigest.Cli;

/// <summary>
/// An output folder (a partitioned dataset) built under a temporary name beside its destination and moved into place
/// only when <see cref="Commit"/> is called: a failure or cancellation never leaves a partial dataset, and the
/// previous one, if any, stays until the new one is complete.
/// </summary>
internal sealed class AtomicDirectory : IDisposable
{
    private readonly string _destination;
    private bool _committed;

    private AtomicDirectory(string destination)
    {
        _destination = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        string parent = Path.GetDirectoryName(_destination)!;
        Directory.CreateDirectory(parent);
        Temporary = Path.Combine(parent, $".{Path.GetFileName(_destination)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(Temporary);
    }

    /// <summary>Where to build the folder.</summary>
    public string Temporary { get; }

    /// <summary>
    /// Prepares to replace <paramref name="destination"/>: it may not exist yet, or be an empty folder, or a dataset
    /// this tool wrote (only <c>column=value</c> folders and <c>.parquet</c> files); anything else is refused rather
    /// than deleted.
    /// </summary>
    /// <exception cref="UsageException">The destination is a file, or a folder with other content.</exception>
    public static AtomicDirectory Create(string destination)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        if (File.Exists(full))
        {
            throw new UsageException($"'{destination}' is a file; a partitioned dataset is a folder.");
        }

        if (Directory.Exists(full) && !IsDataset(full))
        {
            throw new UsageException($"'{destination}' holds files other than a Parquet dataset; choose a new or empty folder.");
        }

        return new AtomicDirectory(full);
    }

    /// <summary>Moves the finished folder into place, replacing the previous one.</summary>
    public void Commit()
    {
        if (Directory.Exists(_destination))
        {
            // A folder cannot be renamed over a non-empty one: move the old one aside, the new one in, then delete the old.
            string old = Path.Combine(Path.GetDirectoryName(_destination)!, $".{Path.GetFileName(_destination)}.{Guid.NewGuid():N}.old");
            Directory.Move(_destination, old);
            try
            {
                Directory.Move(Temporary, _destination);
            }
            catch
            {
                Directory.Move(old, _destination);
                throw;
            }

            _committed = true;
            TryDelete(old);
            return;
        }

        Directory.Move(Temporary, _destination);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            TryDelete(Temporary);
        }
    }

    /// <summary>Empty, or only <c>column=value</c> folders holding <c>.parquet</c> files (and such folders).</summary>
    private static bool IsDataset(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (!file.EndsWith(".parquet", StringComparison.Ordinal) || Path.GetDirectoryName(file) == directory)
            {
                return false;
            }
        }

        return Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).All(d => Path.GetFileName(d).Contains('=', StringComparison.Ordinal));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary name starts with a dot and ends in .tmp or .old, so it is easy to spot.
        }
    }
}
