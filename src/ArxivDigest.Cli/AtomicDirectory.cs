namespace ArxivDigest.Cli;

/// <summary>
/// An output folder (a partitioned dataset) built under a temporary name beside its destination and moved into place
/// only when <see cref="Commit"/> is called: a failure or cancellation never leaves a partial dataset, and the
/// previous one, if any, stays until the new one is complete.
/// </summary>
internal sealed class AtomicDirectory : IDisposable
{
    private readonly string _name;
    private readonly string _destination;
    private readonly CreatedFolders _folders;
    private bool _committed;

    private AtomicDirectory(string name, string destination)
    {
        _name = name;
        _destination = destination;
        string parent = Path.GetDirectoryName(_destination)!;
        _folders = CreatedFolders.Create(parent, name);
        Temporary = Path.Combine(parent, $".{Path.GetFileName(_destination)}.{Guid.NewGuid():N}.tmp");
        Temporaries.AddDirectory(Temporary);
        try
        {
            Directory.CreateDirectory(Temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Temporaries.Remove(Temporary);
            _folders.Remove();
            throw OutputException.Writing(name, e);
        }
    }

    /// <summary>Where to build the folder.</summary>
    public string Temporary { get; }

    /// <summary>
    /// Prepares to replace <paramref name="destination"/>: it may not exist yet, or be an empty folder, or a dataset
    /// this tool wrote (only <c>column=value</c> folders and <c>.parquet</c> files, no links, no special files); anything
    /// else is refused rather than deleted. A symbolic link to a folder is followed: the dataset replaces its target.
    /// </summary>
    /// <param name="destination">The dataset's folder.</param>
    /// <param name="isInput">Whether a file is one of the conversion's inputs (never inside what is replaced).</param>
    /// <exception cref="UsageException">The destination is not a folder, holds other content, or holds an input.</exception>
    public static AtomicDirectory Create(string destination, Func<FileIdentity, string?> isInput)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        FileStatus status = Posix.LinkStatus(full);
        if (status.Kind == FileKind.SymbolicLink)
        {
            FileSystemInfo? target = File.ResolveLinkTarget(full, returnFinalTarget: true);
            string final = target is null ? full : Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
            status = Posix.LinkStatus(final);
            if (!status.Exists)
            {
                throw new UsageException($"'{destination}' is a symbolic link to '{final}', which does not exist; give the target itself to create it.");
            }

            full = final;
        }

        if (status.Exists && status.Kind != FileKind.Directory)
        {
            throw new UsageException($"'{destination}' is {status.Describe()}; a partitioned dataset is a folder.");
        }

        if (status.Exists)
        {
            CheckDataset(destination, full, isInput);
        }

        return new AtomicDirectory(destination, full);
    }

    /// <summary>Moves the finished folder into place, replacing the previous one.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the move: the previous dataset is as it was.</exception>
    public void Commit(CancellationToken cancellationToken)
    {
        string? old = null;
        Temporaries.Commit(
            () =>
            {
                try
                {
                    if (Directory.Exists(_destination))
                    {
                        // A folder cannot be renamed over a non-empty one: move the old one aside, the new one in, then delete the old.
                        old = Path.Combine(Path.GetDirectoryName(_destination)!, $".{Path.GetFileName(_destination)}.{Guid.NewGuid():N}.old");
                        Directory.Move(_destination, old);
                        try
                        {
                            Directory.Move(Temporary, _destination);
                        }
                        catch
                        {
                            Directory.Move(old, _destination);
                            old = null;
                            throw;
                        }

                        Temporaries.AddDirectory(old);
                    }
                    else
                    {
                        Directory.Move(Temporary, _destination);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new OutputException($"cannot replace '{_name}': {OutputException.Reason(e)}", e);
                }

                Temporaries.Remove(Temporary);
                _committed = true;
            },
            cancellationToken);

        if (old is not null)
        {
            Temporaries.TryDeleteDirectory(old);
            Temporaries.Remove(old);
        }
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Temporaries.TryDeleteDirectory(Temporary);
            Temporaries.Remove(Temporary);
            _folders.Remove();
        }
    }

    /// <summary>
    /// A folder may be replaced when it holds only <c>column=value</c> folders (real ones) with regular
    /// <c>.parquet</c> files in them, none of them an input.
    /// </summary>
    private static void CheckDataset(string name, string directory, Func<FileIdentity, string?> isInput)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            foreach (string entry in Directory.EnumerateFileSystemEntries(folder))
            {
                FileStatus status = Posix.LinkStatus(entry);
                if (status.Kind == FileKind.Directory && Path.GetFileName(entry).Contains('=', StringComparison.Ordinal))
                {
                    pending.Push(entry);
                    continue;
                }

                if (status.Kind == FileKind.Regular && isInput(status.Identity) is string input)
                {
                    throw new UsageException($"'{name}' holds {input}; replacing the dataset would delete it. Choose another folder.");
                }

                if (status.Kind != FileKind.Regular || folder == directory || !entry.EndsWith(".parquet", StringComparison.Ordinal))
                {
                    throw new UsageException($"'{name}' holds files other than a Parquet dataset; choose a new or empty folder.");
                }
            }
        }
    }
}
