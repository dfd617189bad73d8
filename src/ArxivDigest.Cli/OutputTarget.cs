namespace ArxivDigest.Cli;

/// <summary>
/// Where one output file goes, checked before anything is written: a new file or a regular file (replaced whole,
/// through a temporary file), or a character device, FIFO or socket (written through: <c>-o /dev/null</c>). Anything
/// else (a directory, a block device, a dangling link) is refused rather than replaced.
/// </summary>
/// <param name="Name">The path as the user gave it, for messages.</param>
/// <param name="Path">The file written: a symbolic link's final target, so the link stays.</param>
/// <param name="Existing">What is there now.</param>
internal sealed record OutputTarget(string Name, string Path, FileStatus Existing)
{
    /// <summary>A special file written in place (it cannot be replaced, and must not be).</summary>
    public bool WritesThrough => Existing.IsStream;

    /// <summary>Checks <paramref name="name"/> as an output file.</summary>
    /// <param name="name">The path.</param>
    /// <param name="followLinks">
    /// Whether a symbolic link is written through to its target (an output the user named), or refused (a name the tool
    /// made up inside an output folder, where a link could point anywhere).
    /// </param>
    /// <exception cref="UsageException">The path names something that is neither replaced nor written through.</exception>
    public static OutputTarget Resolve(string name, bool followLinks = true)
    {
        string path = System.IO.Path.GetFullPath(name);
        FileStatus status = Posix.LinkStatus(path);
        if (status.Kind == FileKind.SymbolicLink)
        {
            if (!followLinks)
            {
                throw new UsageException($"'{name}' is a symbolic link; outputs in a folder are not written through links. Remove it or convert that input on its own.");
            }

            FileSystemInfo? target = File.ResolveLinkTarget(path, returnFinalTarget: true);
            string final = target is null ? path : System.IO.Path.GetFullPath(target.FullName);
            status = Posix.LinkStatus(final);
            if (!status.Exists)
            {
                throw new UsageException($"'{name}' is a symbolic link to '{final}', which does not exist; give the target itself to create it.");
            }

            path = final;
        }

        return status.Kind switch
        {
            FileKind.Missing or FileKind.Regular => new OutputTarget(name, path, status),
            FileKind.CharacterDevice or FileKind.Fifo or FileKind.Socket => new OutputTarget(name, path, status),
            FileKind.Directory => throw new UsageException($"'{name}' is a directory, where an output file is expected."),
            _ => throw new UsageException($"'{name}' is {status.Describe()}: an output replaces only a regular file and writes only through a character device, FIFO or socket."),
        };
    }
}

/// <summary>An output could not be written; the message names the output as the user gave it, not a temporary file.</summary>
internal sealed class OutputException(string message, Exception inner) : IOException(message, inner)
{
    /// <summary>"cannot write 'out.jsonl': No space left on device".</summary>
    public static OutputException Writing(string name, Exception e) => e as OutputException ?? new($"cannot write '{name}': {Reason(e)}", e);

    /// <summary>Why an I/O call failed, in the system's words (strerror) when it gave an errno.</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "Permission denied",
        IOException io when Posix.Errno(io) is int errno and > 0 => Posix.ErrorText(errno),
        _ => e.Message,
    };
}

/// <summary>
/// An output stream whose I/O failures name the output (<see cref="OutputException"/>). Disposing it leaves the inner
/// stream open: its owner (<see cref="AtomicFile"/>) decides whether it is committed.
/// </summary>
internal sealed class OutputStream(Stream inner, string name) : Stream
{
    public Stream Inner => inner;

    public override bool CanRead => false;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        try
        {
            inner.Write(buffer, offset, count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(name, e);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(name, e);
        }
    }

    public override void WriteByte(byte value)
    {
        try
        {
            inner.WriteByte(value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(name, e);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(name, e);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(name, e);
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(name, e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => inner.SetLength(value);
}
