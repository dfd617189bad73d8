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

    private readonly List<(int At, long Length)> _elided = [];
    private byte[] _pending = new byte[4096]; // the page header or footer being read
    private int _pendingLength;
    private long _skip; // bytes of a long statistic still to drop as they arrive
    private long _nextLook; // the pending length at which to look for a long value again
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

    /// <summary>As the output: Parquet.Net reads <see cref="Position"/> and <see cref="Length"/> of a seekable stream and never seeks.</summary>
    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => _position;

    /// <summary>The bytes Parquet.Net has written (the offsets it records are in these terms).</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Everything written from now on is the footer.</summary>
    public void BeginFooter()
    {
        if (_state is not (State.Header or State.Magic) || _pendingLength > 0 || (_state == State.Magic && _left != 0 && _left != MagicLength))
        {
            throw new InvalidOperationException("The footer must follow a whole page.");
        }

        _state = State.Footer;
    }

    /// <summary>Writes the footer, its statistics trimmed and its offsets moved as the page headers were.</summary>
    public async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        // The footer is the file metadata (its long statistics dropped as they came), its length and the magic.
        ReadOnlyMemory<byte> footer = _pending.AsMemory(0, _pendingLength);
        if (_skip != 0 || footer.Length < 8 || !footer.Span[^4..].SequenceEqual("PAR1"u8)
            || !ThriftCompact.TryRead(footer[..^8], out ThriftStruct metadata, out int length, int.MaxValue, _elided, out _)
            || length != footer.Length - 8)
        {
            throw new InvalidDataException("The Parquet footer could not be read.");
        }

        var rewritten = new ArrayBufferWriter<byte>(Math.Min(length + 8, 64 * 1024));
        TrimFooter(metadata);
        ThriftCompact.Write(rewritten, metadata);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, rewritten.WrittenCount);
        "PAR1"u8.CopyTo(tail[4..]);
        rewritten.Write(tail);
        await inner.WriteAsync(rewritten.WrittenMemory, cancellationToken).ConfigureAwait(false);
        ClearPending();
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
        if (TryPassThrough(buffer.Length))
        {
            inner.Write(buffer); // page data, the bulk of the file: as it is
            return;
        }

        byte[] copy = buffer.ToArray(); // a page header or the footer: small, and looked at
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
        if (TryPassThrough(buffer.Length))
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }

        Process(buffer);
        foreach (ReadOnlyMemory<byte> chunk in _out)
        {
            await inner.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        _out.Clear();
    }

    /// <summary>Whether the next <paramref name="count"/> bytes are all page data (or magic), and if so counts them.</summary>
    private bool TryPassThrough(int count)
    {
        if (_state is not (State.Data or State.Magic) || count > _left)
        {
            return false;
        }

        _position += count;
        _left -= count;
        if (_left == 0)
        {
            _state = State.Header;
            _headerStart = _position;
        }

        return true;
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
                    ThriftStruct? header;
                    int length;
                    if (_pendingLength == 0 && _skip == 0 && _elided.Count == 0
                        && ThriftCompact.TryRead(buffer, out header, out length, MaxStatisticsBytes, _elided, out _))
                    {
                        // The whole header in this write (the usual case): read where it is, not copied.
                        _position += length;
                        CompleteHeader(header, length, buffer[..length]);
                        buffer = buffer[length..];
                        break;
                    }

                    _position += buffer.Length;
                    Accumulate(buffer.Span);
                    buffer = default;
                    if (_skip != 0 || !ThriftCompact.TryRead(_pending.AsMemory(0, _pendingLength), out header, out length, MaxStatisticsBytes, _elided, out _))
                    {
                        break; // the header goes on in the next write
                    }

                    byte[] rest = _pending.AsSpan(length, _pendingLength - length).ToArray();
                    _position -= rest.Length; // those bytes are processed again, as data
                    CompleteHeader(header, length, _pending.AsSpan(0, length).ToArray());
                    buffer = rest;
                    break;

                default:
                    _position += buffer.Length;
                    Accumulate(buffer.Span);
                    buffer = default;
                    break;
            }
        }
    }

    /// <summary>Writes a page header read whole (trimmed if it must be) and moves on to its page's data.</summary>
    private void CompleteHeader(ThriftStruct header, int length, ReadOnlyMemory<byte> bytes)
    {
        long dataLength = header.GetInt64(3) ?? throw new InvalidDataException("A Parquet page header without its compressed size.");
        long original = length + _elided.Sum(e => e.Length);
        bool trimmed = TrimStatistics(header.Find(5)?.Value as ThriftStruct) | TrimStatistics(header.Find(8)?.Value as ThriftStruct);
        if (trimmed)
        {
            var rewritten = new ArrayBufferWriter<byte>(256);
            ThriftCompact.Write(rewritten, header);
            _out.Add(rewritten.WrittenMemory);
            AddSaving(_headerStart, original - rewritten.WrittenCount);
        }
        else
        {
            _out.Add(bytes);
        }

        ClearPending();
        _state = State.Data;
        _left = dataLength;
        if (_left == 0)
        {
            _state = State.Header;
            _headerStart = _position;
        }
    }

    /// <summary>
    /// Keeps the bytes of the header or footer being read, except the content of a binary value too long to be kept as
    /// a statistic, which is dropped as it arrives (only its length is noted): a 200 MB value's statistics are never
    /// held in memory here.
    /// </summary>
    private void Accumulate(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_skip > 0)
            {
                int n = (int)Math.Min(_skip, bytes.Length);
                _skip -= n;
                bytes = bytes[n..];
                continue;
            }

            // At most 1 MB at a time, so that a long value in one large write is seen (and dropped) early.
            ReadOnlySpan<byte> piece = bytes[..Math.Min(bytes.Length, 1 << 20)];
            bytes = bytes[piece.Length..];
            if (_pendingLength + piece.Length > _pending.Length)
            {
                Array.Resize(ref _pending, Math.Max(_pendingLength + piece.Length, _pending.Length * 2));
            }

            piece.CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += piece.Length;
            if (_pendingLength < _nextLook)
            {
                continue; // looked recently: a footer written in many small pieces is not read again for each
            }

            _nextLook = Math.Max(_pendingLength * 2L, 64 * 1024);
            if (!ThriftCompact.TryRead(_pending.AsMemory(0, _pendingLength), out _, out _, MaxStatisticsBytes, _elided, out (int At, long Length)? elide)
                && elide is (int at, long length))
            {
                // The data ends inside a long value: what of it is here goes, and so will the rest.
                long here = _pendingLength - at;
                _pendingLength = at;
                _elided.Add((at, length));
                _skip = length - here;
            }
        }
    }

    private void ClearPending()
    {
        _pendingLength = 0;
        _nextLook = 0;
        _elided.Clear();
        if (_pending.Length > 1 << 20)
        {
            _pending = new byte[4096];
        }
    }

    private static bool IsLong(ThriftField field)
        => field.Value is ThriftElided || (field.Value is ReadOnlyMemory<byte> bytes && bytes.Length > MaxStatisticsBytes);

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
                bool tooLong = statistics.Fields.Exists(f => f.Id is 1 or 2 or 5 or 6 && IsLong(f));
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
        if (statistics?.Value is ThriftStruct s && s.Fields.Exists(f => f.Id is 1 or 2 or 5 or 6 && IsLong(f)))
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
