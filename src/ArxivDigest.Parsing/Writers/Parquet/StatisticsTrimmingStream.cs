using System.Buffers;
using System.Buffers.Binary;

namespace ArxivDigest.Parsing.Writers.Parquet;

/// <summary>
/// Sits between Parquet.Net and the output and leaves out the minimum and maximum of a column chunk's statistics
/// when either is longer than <see cref="MaxStatisticsBytes"/>, as parquet-mr does: Parquet.Net writes a long text
/// value's minimum and maximum untruncated, twice (<c>min</c>/<c>max</c> and <c>min_value</c>/<c>max_value</c>),
/// in the page header and again in the footer, so a 10 MB abstract made a 93 MB file. Every other statistic (null
/// counts, and the minimum and maximum of short values, which engines use to skip row groups) is kept.
/// </summary>
/// <remarks>
/// The stream follows the file as Parquet.Net writes it: the magic, then for each page a Thrift page header (rewritten
/// here when it carries long statistics) and <c>compressed_page_size</c> bytes of data (passed through), then, after
/// <see cref="BeginFooter"/>, the footer, which <see cref="FinishAsync"/> rewrites with the same statistics left out
/// and every offset and size moved by the bytes taken out of the page headers before it.
/// </remarks>
internal sealed class StatisticsTrimmingStream(Stream inner) : Stream
{
    /// <summary>The longest minimum or maximum kept (parquet-mr's limit).</summary>
    public const int MaxStatisticsBytes = 4096;

    private const int MagicLength = 4;

    private readonly ArrayBufferWriter<byte> _pending = new();
    private readonly List<long> _savingStarts = [];
    private readonly List<long> _savedThrough = []; // cumulative bytes saved up to and including each saving
    private readonly List<ReadOnlyMemory<byte>> _out = [];
    private State _state = State.Magic;
    private long _left = MagicLength;
    private long _position;
    private long _headerStart;

    private enum State
    {
        Magic,
        Header,
        Data,
        Footer,
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    /// <summary>The bytes Parquet.Net has written (the offsets it records are in these terms).</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Everything written from now on is the footer.</summary>
    public void BeginFooter()
    {
        if (_state is not (State.Header or State.Magic) || _pending.WrittenCount > 0 || (_state == State.Magic && _left != 0 && _left != MagicLength))
        {
            throw new InvalidOperationException("The footer must follow a whole page.");
        }

        _state = State.Footer;
    }

    /// <summary>Writes the footer, its statistics trimmed and its offsets moved as the page headers were.</summary>
    public async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> footer = _pending.WrittenMemory;
        if (footer.Length < 8 || !footer.Span[^4..].SequenceEqual("PAR1"u8))
        {
            throw new InvalidDataException("The Parquet footer does not end with PAR1.");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(footer.Span[^8..^4]);
        if (length < 0 || length > footer.Length - 8 || !ThriftCompact.TryRead(footer[(footer.Length - 8 - length)..^8], out ThriftStruct metadata, out _))
        {
            throw new InvalidDataException("The Parquet footer could not be read.");
        }

        var rewritten = new ArrayBufferWriter<byte>(length);
        rewritten.Write(footer.Span[..(footer.Length - 8 - length)]); // nothing, normally
        int start = rewritten.WrittenCount;
        TrimFooter(metadata);
        ThriftCompact.Write(rewritten, metadata);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, rewritten.WrittenCount - start);
        "PAR1"u8.CopyTo(tail[4..]);
        rewritten.Write(tail);
        await inner.WriteAsync(rewritten.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _pending.ResetWrittenCount();
    }

    public override void Flush()
    {
        if (_state != State.Footer)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
        => _state == State.Footer ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        byte[] copy = buffer.ToArray(); // rare: Parquet.Net writes asynchronously
        Process(copy);
        foreach (ReadOnlyMemory<byte> chunk in _out)
        {
            inner.Write(chunk.Span);
        }

        _out.Clear();
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Process(buffer);
        foreach (ReadOnlyMemory<byte> chunk in _out)
        {
            await inner.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        _out.Clear();
    }

    /// <summary>Follows the file through <paramref name="buffer"/>, adding what to write to <see cref="_out"/>.</summary>
    private void Process(ReadOnlyMemory<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            switch (_state)
            {
                case State.Magic or State.Data:
                    int n = (int)Math.Min(_left, buffer.Length);
                    _out.Add(buffer[..n]);
                    _position += n;
                    _left -= n;
                    buffer = buffer[n..];
                    if (_left == 0)
                    {
                        _state = State.Header;
                        _headerStart = _position;
                    }

                    break;

                case State.Header:
                    _pending.Write(buffer.Span);
                    _position += buffer.Length;
                    buffer = default;
                    if (!ThriftCompact.TryRead(_pending.WrittenMemory, out ThriftStruct header, out int length))
                    {
                        break; // the header goes on in the next write
                    }

                    long dataLength = header.GetInt64(3) ?? throw new InvalidDataException("A Parquet page header without its compressed size.");
                    bool trimmed = TrimStatistics(header.Find(5)?.Value as ThriftStruct) | TrimStatistics(header.Find(8)?.Value as ThriftStruct);
                    byte[] rest = _pending.WrittenSpan[length..].ToArray();
                    if (trimmed)
                    {
                        var rewritten = new ArrayBufferWriter<byte>(256);
                        ThriftCompact.Write(rewritten, header);
                        _out.Add(rewritten.WrittenMemory);
                        AddSaving(_headerStart, length - rewritten.WrittenCount);
                    }
                    else
                    {
                        _out.Add(_pending.WrittenSpan[..length].ToArray());
                    }

                    _pending.ResetWrittenCount();
                    _state = State.Data;
                    _left = dataLength;
                    _position -= rest.Length; // those bytes are processed again, as data
                    if (_left == 0)
                    {
                        _state = State.Header;
                        _headerStart = _position;
                    }

                    buffer = rest;
                    break;

                default:
                    _pending.Write(buffer.Span);
                    _position += buffer.Length;
                    buffer = default;
                    break;
            }
        }
    }

    /// <summary>Leaves out the minimum and maximum (both spellings) when one of them is too long to be worth keeping.</summary>
    private static bool TrimStatistics(ThriftStruct? owner)
    {
        // DataPageHeader has its statistics as field 5, DataPageHeaderV2 as field 8 (their only struct fields).
        if (owner is null)
        {
            return false;
        }

        bool trimmed = false;
        foreach (ThriftField field in owner.Fields)
        {
            if (field.Value is ThriftStruct statistics && field.Id is 5 or 8)
            {
                bool tooLong = statistics.Fields.Exists(f => f.Id is 1 or 2 or 5 or 6 && f.Value is ReadOnlyMemory<byte> bytes && bytes.Length > MaxStatisticsBytes);
                if (tooLong)
                {
                    statistics.Fields.RemoveAll(f => f.Id is 1 or 2 or 5 or 6 or 7 or 8);
                    trimmed = true;
                }
            }
        }

        return trimmed;
    }

    private void TrimFooter(ThriftStruct metadata)
    {
        if (metadata.Find(4)?.Value is not ThriftList rowGroups)
        {
            return;
        }

        foreach (ThriftStruct rowGroup in rowGroups.Items.OfType<ThriftStruct>())
        {
            long saved = 0;
            if (rowGroup.Find(1)?.Value is ThriftList columns)
            {
                foreach (ThriftStruct chunk in columns.Items.OfType<ThriftStruct>())
                {
                    saved += MoveChunk(chunk);
                }
            }

            Subtract(rowGroup, 2, saved); // total_byte_size
            Move(rowGroup, 5); // file_offset
            Subtract(rowGroup, 6, saved); // total_compressed_size
        }
    }

    /// <summary>Moves a column chunk's offsets and sizes; returns the bytes its page headers lost.</summary>
    private long MoveChunk(ThriftStruct chunk)
    {
        Move(chunk, 2); // file_offset
        Move(chunk, 4); // offset_index_offset
        Move(chunk, 6); // column_index_offset
        if (chunk.Find(3)?.Value is not ThriftStruct meta)
        {
            return 0;
        }

        ThriftField? statistics = meta.Find(12);
        if (statistics?.Value is ThriftStruct s && s.Fields.Exists(f => f.Id is 1 or 2 or 5 or 6 && f.Value is ReadOnlyMemory<byte> b && b.Length > MaxStatisticsBytes))
        {
            s.Fields.RemoveAll(f => f.Id is 1 or 2 or 5 or 6 or 7 or 8);
        }

        long start = Math.Min(meta.GetInt64(11) ?? long.MaxValue, meta.GetInt64(9) ?? long.MaxValue);
        long size = meta.GetInt64(7) ?? 0;
        long saved = start == long.MaxValue ? 0 : SavedBefore(start + size) - SavedBefore(start);
        Subtract(meta, 6, saved); // total_uncompressed_size (page headers included)
        Subtract(meta, 7, saved); // total_compressed_size
        Move(meta, 9); // data_page_offset
        Move(meta, 10); // index_page_offset
        Move(meta, 11); // dictionary_page_offset
        Move(meta, 14); // bloom_filter_offset
        return saved;
    }

    private void Move(ThriftStruct owner, short id)
    {
        if (owner.GetInt64(id) is long offset)
        {
            owner.SetInt64(id, offset - SavedBefore(offset));
        }
    }

    private static void Subtract(ThriftStruct owner, short id, long saved)
    {
        if (saved != 0 && owner.GetInt64(id) is long value)
        {
            owner.SetInt64(id, value - saved);
        }
    }

    private void AddSaving(long at, long saved)
    {
        _savingStarts.Add(at);
        _savedThrough.Add((_savedThrough.Count == 0 ? 0 : _savedThrough[^1]) + saved);
    }

    /// <summary>The bytes taken out of page headers that start before <paramref name="offset"/>.</summary>
    private long SavedBefore(long offset)
    {
        int i = _savingStarts.BinarySearch(offset);
        int count = i >= 0 ? i : ~i; // headers starting strictly before the offset
        return count == 0 ? 0 : _savedThrough[count - 1];
    }
}
