namespace ArxivDigest.Cli;

/// <summary>
/// Every temporary file and folder the tool has made and not yet moved into place or deleted, so that a process
/// ended by a signal while some call blocks (a stalled pipe, a terminal) can still delete them before it exits.
/// Moving an output into place and that last clean-up exclude each other: an output is either committed whole or
/// not at all.
/// </summary>
internal static class Temporaries
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Files = new(StringComparer.Ordinal);
    private static readonly HashSet<string> Directories = new(StringComparer.Ordinal);
    private static bool s_ending;

    public static void AddFile(string path)
    {
        lock (Gate)
        {
            Files.Add(path);
        }
    }

    public static void AddDirectory(string path)
    {
        lock (Gate)
        {
            Directories.Add(path);
        }
    }

    public static void Remove(string path)
    {
        lock (Gate)
        {
            Files.Remove(path);
            Directories.Remove(path);
        }
    }

    /// <summary>
    /// Runs <paramref name="commit"/> (the renames that put an output in place) unless the run is cancelled or the
    /// process is ending; no clean-up runs meanwhile.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled: nothing was moved.</exception>
    public static void Commit(Action commit, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (s_ending)
            {
                throw new OperationCanceledException();
            }

            cancellationToken.ThrowIfCancellationRequested();
            commit();
        }
    }

    /// <summary>Deletes everything registered and refuses any later commit: the process is about to exit.</summary>
    public static void DeleteAll()
    {
        lock (Gate)
        {
            s_ending = true;
            foreach (string file in Files)
            {
                TryDeleteFile(file);
            }

            foreach (string directory in Directories)
            {
                TryDeleteDirectory(directory);
            }

            Files.Clear();
            Directories.Clear();
        }
    }

    /// <summary>Deletes a temporary file; best effort, its name starts with a dot and ends in .tmp, easy to spot.</summary>
    public static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Deletes a temporary folder and what is in it (links are removed, not followed); best effort.</summary>
    public static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
