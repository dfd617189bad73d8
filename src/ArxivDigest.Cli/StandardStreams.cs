namespace ArxivDigest.Cli;

/// <summary>Standard output's reader went away (EPIPE): the tool stops, as Unix tools do, without claiming success.</summary>
internal sealed class BrokenPipeException() : IOException("standard output: broken pipe", Posix.EPIPE);

/// <summary>
/// Standard output as <c>write(2)</c> on descriptor 1. The console stream .NET gives ignores errors such as EPIPE
/// (a <c>| head</c> that has stopped reading), and a <see cref="FileStream"/> over the descriptor writes at its own
/// offsets, so output redirected to a file shared with other commands (<c>{ a; b; } &gt; f</c>) would overwrite theirs.
/// </summary>
internal sealed class StandardOutputStream : Stream
{
    private const int Descriptor = 1;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Standard output for this platform: this stream on Unix, the console's elsewhere.</summary>
    public static Stream Open() => OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : new StandardOutputStream();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int errno = Posix.WriteAll(Descriptor, buffer);
        if (errno == Posix.EPIPE)
        {
            throw new BrokenPipeException();
        }

        if (errno != 0)
        {
            throw new IOException($"standard output: {Posix.ErrorText(errno)}", errno);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Writes to a pipe or terminal are short and cannot be cancelled half-way; a reader that stalls for good is
        // the signal handler's to end (CliSignals).
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return default;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>
/// Input from a pipe or terminal (standard input, a FIFO, <c>&lt;(command)</c>) whose reads give up when cancelled:
/// such a read (and opening a FIFO) blocks in the kernel, so it runs on its own into a private buffer, and a
/// cancelled caller stops waiting for it (Ctrl+C while <c>convert -</c> waits for input).
/// </summary>
/// <param name="open">Opens the stream, on the first read.</param>
internal sealed class CancellableInputStream(Func<Stream> open) : Stream
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private Stream? _inner;
    private int _start;
    private int _end;
    private Task<int>? _pending;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_start == _end && buffer.Length > 0)
        {
            // A read abandoned by a cancelled caller finishes into the private buffer: take its bytes first.
            Fill(_pending is { } pending ? pending.GetAwaiter().GetResult() : ReadInner());
        }

        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_start == _end && buffer.Length > 0)
        {
            _pending ??= Task.Run(ReadInner, CancellationToken.None);
            Fill(await _pending.WaitAsync(cancellationToken).ConfigureAwait(false));
        }

        return Take(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ReadInner() => (_inner ??= open()).Read(_buffer, 0, _buffer.Length);

    private void Fill(int read)
    {
        _pending = null;
        _start = 0;
        _end = read;
    }

    private int Take(Span<byte> destination)
    {
        int count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        // An abandoned read still owns the inner stream; the process is ending, so it is left to finish.
        if (disposing && _pending is null)
        {
            _inner?.Dispose();
        }

        base.Dispose(disposing);
    }
}
