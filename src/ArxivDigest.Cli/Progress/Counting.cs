using ArxivDigest.Parsing;
using ArxivDigest.Parsing.Writers;

namespace ArxivDigest.Cli.Progress;

/// <summary>An input stream that tells <see cref="WorkProgress"/> how many bytes were read from it.</summary>
internal sealed class CountingStream(Stream inner, WorkProgress progress, int index) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override int ReadByte()
    {
        int b = inner.ReadByte();
        Counted(b < 0 ? 0 : 1);
        return b;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Counted(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        progress.Read(index, read);
        return read;
    }
}

/// <summary>
/// A writer that passes everything to another and counts the papers for <see cref="WorkProgress"/>. The other writer
/// is the one completed, disposed and asked for its diagnostics.
/// </summary>
internal sealed class CountingWriter(PaperWriter inner, WorkProgress progress) : PaperWriter
{
    public override ValueTask BeginDigestAsync(DigestInfo digest, CancellationToken cancellationToken = default)
        => inner.BeginDigestAsync(digest, cancellationToken);

    public override ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default)
    {
        ValueTask write = inner.WritePaperAsync(paper, cancellationToken);
        progress.PaperDone();
        return write;
    }

    public override ValueTask CompleteAsync(CancellationToken cancellationToken = default) => inner.CompleteAsync(cancellationToken);
}
