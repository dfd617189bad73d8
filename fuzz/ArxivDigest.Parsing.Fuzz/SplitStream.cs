namespace ArxivDigest.Parsing.Fuzz;

/// <summary>
/// A sequence of read sizes drawn from the input itself, so that a saved input replays with the same splits.
/// Sizes are mostly 1 to 64 bytes (every boundary inside a line, a CRLF or a UTF-8 sequence gets hit), now and then larger.
/// </summary>
internal struct Splits
{
    private ulong _state;

    public Splits(ReadOnlySpan<byte> input, int salt)
    {
        // FNV-1a over the input, then the salt: each mode of one input gets its own pattern.
        ulong h = 14695981039346656037UL;
        foreach (byte b in input)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        _state = (h ^ (ulong)(uint)salt * 0x9E3779B97F4A7C15UL) | 1;
    }

    /// <summary>The next value in 0..<paramref name="max"/>-1 (xorshift64*).</summary>
    public int Next(int max)
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return (int)((_state * 2685821657736338717UL >> 33) % (ulong)max);
    }

    /// <summary>The next read size.</summary>
    public int NextSize() => Next(16) == 0 ? 65 + Next(4096) : 1 + Next(64);
}

/// <summary>A read-only stream over a buffer that hands out at most the next split's size per read.</summary>
internal sealed class SplitStream(byte[] data, Splits splits, int fixedSize = 0) : Stream
{
    private Splits _splits = splits;
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, fixedSize > 0 ? fixedSize : _splits.NextSize()), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A write-only, non-seekable stream that keeps nothing (it counts): the writers must cope with one.</summary>
internal sealed class DiscardStream : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Written += count;

    public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return default;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Written += count;
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
