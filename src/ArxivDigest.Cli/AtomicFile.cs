using Microsoft.Win32.SafeHandles;

namespace ArxivDigest.Cli;

/// <summary>
/// An output file written under a temporary name beside its destination and moved into place only when
/// <see cref="CommitAsync"/> is called: a failure or cancellation never leaves a half-written file, and the previous
/// file stays until the new one is complete. A character device, FIFO or socket (<c>-o /dev/null</c>) is written
/// through instead, since it cannot be replaced; any failure deletes the temporary file (and the folders made for it).
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly OutputTarget _target;
    private readonly FileStream _file;
    private readonly string? _temporary;
    private readonly CreatedFolders _folders;
    private bool _committed;

    private AtomicFile(OutputTarget target, FileStream file, string? temporary, CreatedFolders folders)
    {
        _target = target;
        _file = file;
        _temporary = temporary;
        _folders = folders;
        Stream = new OutputStream(file, target.Name);
    }

    /// <summary>Where to write; its failures name the output.</summary>
    public Stream Stream { get; }

    /// <summary>Opens the output <paramref name="target"/> for writing.</summary>
    /// <exception cref="OutputException">The temporary file (or the special file) cannot be opened.</exception>
    public static async Task<AtomicFile> CreateAsync(OutputTarget target, CancellationToken cancellationToken)
    {
        if (target.WritesThrough)
        {
            return new AtomicFile(target, await OpenThroughAsync(target, cancellationToken).ConfigureAwait(false), temporary: null, CreatedFolders.None);
        }

        string directory = Path.GetDirectoryName(target.Path)!;
        CreatedFolders folders = CreatedFolders.Create(directory, target.Name);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(target.Path)}.{Guid.NewGuid():N}.tmp");
        Temporaries.AddFile(temporary);
        try
        {
            var file = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, // never through a link or onto anything already there
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 64 * 1024,
                Options = FileOptions.Asynchronous,
            });
            if (target.Existing.Kind == FileKind.Regular && !OperatingSystem.IsWindows())
            {
                // The replacement keeps the permissions of the file it replaces (a private file stays private).
                File.SetUnixFileMode(file.SafeFileHandle, target.Existing.Mode);
            }

            return new AtomicFile(target, file, temporary, folders);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Temporaries.TryDeleteFile(temporary);
            Temporaries.Remove(temporary);
            folders.Remove();
            throw OutputException.Writing(target.Name, e);
        }
    }

    /// <summary>
    /// Finishes the output: flushes it to disk and moves it into place, replacing the previous file; a special file
    /// is flushed and closed.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled before the move: nothing was replaced.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_temporary is null)
        {
            await DisposeFileAsync(rethrow: true).ConfigureAwait(false);
            _committed = true;
            return;
        }

        try
        {
            // On disk before the rename, so that a crash leaves the old file or the new one, never an empty one.
            _file.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(_target.Name, e);
        }

        await DisposeFileAsync(rethrow: true).ConfigureAwait(false);
        Temporaries.Commit(
            () =>
            {
                FileStatus now = Posix.LinkStatus(_target.Path);
                if (now.Exists && now.Kind != FileKind.Regular)
                {
                    throw new OutputException($"'{_target.Name}' became {now.Describe()} during the conversion; it was left as it is.", new IOException());
                }

                try
                {
                    File.Move(_temporary, _target.Path, overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new OutputException($"cannot replace '{_target.Name}': {OutputException.Reason(e)}", e);
                }

                Temporaries.Remove(_temporary);
                _committed = true;
            },
            cancellationToken);
    }

    /// <summary>Without a commit: closes and deletes the temporary file. Never throws (it runs while unwinding).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_committed)
        {
            return;
        }

        await DisposeFileAsync(rethrow: false).ConfigureAwait(false);
        if (_temporary is not null)
        {
            Temporaries.TryDeleteFile(_temporary);
            Temporaries.Remove(_temporary);
            _folders.Remove();
        }
    }

    private async ValueTask DisposeFileAsync(bool rethrow)
    {
        try
        {
            // A full disk fails the last flush here (the buffered tail); the handle is closed all the same.
            await _file.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (rethrow)
            {
                throw OutputException.Writing(_target.Name, e);
            }
        }
    }

    /// <summary>
    /// Opens a character device, FIFO or socket for writing, as it is (no truncation). Opening a FIFO waits for a
    /// reader, so the open can be cancelled; what was opened must still be the file that was checked.
    /// </summary>
    private static async Task<FileStream> OpenThroughAsync(OutputTarget target, CancellationToken cancellationToken)
    {
        Task<FileStream> open = Task.Run(
            () => new FileStream(target.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 64 * 1024),
            CancellationToken.None);
        FileStream file;
        try
        {
            file = await open.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(target.Name, e);
        }

        if (Descriptor(file.SafeFileHandle) is FileStatus opened && (opened.Identity != target.Existing.Identity || !opened.IsStream))
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw new OutputException($"'{target.Name}' changed while it was being opened; nothing was written.", new IOException());
        }

        return file;
    }

    private static FileStatus? Descriptor(SafeFileHandle handle)
    {
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Posix.Descriptor((int)handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }
}

/// <summary>The folders made for an output that did not exist yet, removed again (when still empty) if it fails.</summary>
internal sealed class CreatedFolders
{
    private readonly List<string> _created;

    private CreatedFolders(List<string> created) => _created = created;

    public static CreatedFolders None { get; } = new([]);

    /// <summary>Creates <paramref name="directory"/> and its missing parents.</summary>
    /// <exception cref="OutputException">One cannot be created (a file is in the way, permission).</exception>
    public static CreatedFolders Create(string directory, string outputName)
    {
        var missing = new List<string>();
        for (string? d = directory; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d))
        {
            missing.Add(d);
        }

        if (missing.Count == 0)
        {
            return None;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(outputName, e);
        }

        return new CreatedFolders(missing);
    }

    /// <summary>Removes the folders made, deepest first, as long as they are empty; best effort.</summary>
    public void Remove()
    {
        foreach (string directory in _created)
        {
            try
            {
                Directory.Delete(directory, recursive: false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
