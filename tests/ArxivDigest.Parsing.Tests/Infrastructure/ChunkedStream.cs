namespace ArxivDigest.Parsing.Tests.Infrastructure;

/// <summary>A read-only stream that returns at most <c>chunk</c> bytes per read, to split input at every possible place.</summary>
internal sealed class ChunkedStream(byte[] data, int chunk) : ReadOnlyTestStream
{
    private int _position;

    public override long Length => data.Length;

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
