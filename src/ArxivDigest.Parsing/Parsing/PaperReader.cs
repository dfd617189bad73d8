using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArxivDigest.Parsing;

/// <summary>
/// Reads the papers of a digest one at a time from a stream, a <see cref="PipeReader"/> or a file, in bounded
/// memory: only the current paper and a read buffer are held, whatever the input's size. The input is Markdown, the
/// generator's JSON lines, or any other registered format (<see cref="InputFormat"/>, <see cref="PaperInputRegistry"/>).
/// </summary>
/// <example>
/// <code>
/// await using PaperReader reader = PaperReader.Open("2026-01-26.md");
/// while (await reader.ReadAsync())
///     Console.WriteLine($"{reader.Current.Id} {reader.Current.Title}");
/// </code>
/// </example>
public sealed partial class PaperReader : IDisposable, IAsyncDisposable
{
    private readonly Stream? _stream;
    private readonly PipeReader? _pipe;
    private readonly bool _leaveOpen;
    private readonly DigestReaderOptions _options;
    private readonly PaperAssembler _assembler;

    private readonly bool _pooled;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _finished;
    private DigestReaderState _state;
    private bool _disposed;

    private byte[]? _head; // the input's first bytes, to say what it is if it is not a digest; set once reading starts
    private byte[]? _headBytes;

    // A token the buffer cuts is read again from its start, so reading resumes only once the buffered bytes have
    // doubled (or the input ended): each byte is then scanned a bounded number of times, however small the reads.
    private long _consumedTotal;
    private long _stalledAt = -1;
    private int _resumeAt;

    private PaperReader(Stream? stream, PipeReader? pipe, DigestReaderOptions? options, bool leaveOpen, DateOnly? dateFromName)
    {
        _stream = stream;
        _pipe = pipe;
        _leaveOpen = leaveOpen;
        _options = options ?? DigestReaderOptions.Default;
        Validate(_options);
        _buffer = ArrayPool<byte>.Shared.Rent(_options.BufferSize);
        _pooled = true;
        _assembler = new PaperAssembler(_options, _options.DigestDate ?? dateFromName);
    }

    private PaperReader(ArraySegment<byte> input, DigestReaderOptions? options)
    {
        _options = options ?? DigestReaderOptions.Default;
        Validate(_options);
        _buffer = input.Array ?? [];
        _start = input.Offset;
        _end = input.Offset + input.Count;
        _eof = true; // the whole input is here: read it in place, no copy
        _assembler = new PaperAssembler(_options, _options.DigestDate ?? DigestParser.DateFromFileName(_options.SourceName));
    }

    /// <summary>Reads a digest held in memory, in place (the bytes are not copied when they are an array's).</summary>
    public static PaperReader Create(ReadOnlyMemory<byte> utf8, DigestReaderOptions? options = null)
    {
        ArraySegment<byte> segment = MemoryMarshal.TryGetArray(utf8, out ArraySegment<byte> array) ? array : new ArraySegment<byte>(utf8.ToArray());
        return new PaperReader(segment, options);
    }

    /// <summary>Reads from a stream.</summary>
    /// <param name="stream">UTF-8 input: digest Markdown, the generator's JSON lines, or another registered format.</param>
    /// <param name="options">How to read; <see langword="null"/> for the defaults.</param>
    /// <param name="leaveOpen">Leave the stream open when the reader is disposed.</param>
    public static PaperReader Create(Stream stream, DigestReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new PaperReader(stream, null, options, leaveOpen, DigestParser.DateFromFileName(options?.SourceName));
    }

    /// <summary>Reads from a pipe. The pipe is completed when the reader is disposed.</summary>
    public static PaperReader Create(PipeReader reader, DigestReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new PaperReader(null, reader, options, leaveOpen: false, DigestParser.DateFromFileName(options?.SourceName));
    }

    /// <summary>Opens a file. The digest date comes from a <c>YYYY-MM-DD</c> file name unless the options give one.</summary>
    public static PaperReader Open(string path, DigestReaderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options = (options ?? DigestReaderOptions.Default) with { SourceName = options?.SourceName ?? path };
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return new PaperReader(stream, null, options, leaveOpen: false, DigestParser.DateFromFileName(path)) { _formatName = path };
    }

    /// <summary>The paper read last by <see cref="Read"/> or <see cref="ReadAsync"/>.</summary>
    public Paper Current => (_input is null ? _assembler.Current : _current) ?? throw new InvalidOperationException("Call Read or ReadAsync first.");

    /// <summary>The digest's date: given in the options, or from the file name; <see langword="null"/> when unknown.</summary>
    public DateOnly? DigestDate => _assembler.DigestDate;

    /// <summary>The name used in locations (the path, for <see cref="Open(string, DigestReaderOptions?)"/>).</summary>
    public string? SourceName => _options.SourceName;

    /// <summary>The layout being read: <see cref="DigestReaderOptions.Dialect"/>, or the one detected from the first papers once reading started.</summary>
    public DigestDialect Dialect => _assembler.Dialect;

    /// <summary>The category of the section being read.</summary>
    public string? CurrentSection => _assembler.CurrentSection;

    /// <summary>The table of contents read so far.</summary>
    public IReadOnlyList<TocEntry> TableOfContents => _assembler.TableOfContents;

    /// <summary>The section headings read so far (category and location).</summary>
    public IReadOnlyList<DigestSection> SectionHeadings => _assembler.Sections;

    /// <summary>Text outside papers that was not recognised, so far.</summary>
    public IReadOnlyList<UnrecognizedText> UnrecognizedText => _input?.UnrecognizedText ?? _assembler.Unrecognized;

    /// <summary>The diagnostics so far (at most <see cref="DigestReaderOptions.MaxDiagnostics"/>); the table-of-contents checks are added at the end of input.</summary>
    public IReadOnlyList<DigestDiagnostic> Diagnostics => _input?.Diagnostics ?? _assembler.Diagnostics;

    /// <summary>Errors found so far, counting those past <see cref="DigestReaderOptions.MaxDiagnostics"/>.</summary>
    public int ErrorCount => _input?.ErrorCount ?? _assembler.ErrorCount;

    /// <summary>Warnings found so far, counting those past <see cref="DigestReaderOptions.MaxDiagnostics"/>.</summary>
    public int WarningCount => _input?.WarningCount ?? _assembler.WarningCount;

    /// <summary>The read buffer's size now: it grows only to hold the largest single field.</summary>
    internal int BufferCapacity => _buffer.Length;

    /// <summary>The bytes handed to a <see cref="DigestReader"/> so far, counting bytes handed again after a refill: the reading's cost.</summary>
    internal long BytesScanned { get; private set; }

    /// <summary>Reads the next paper.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="DigestFormatException">In strict mode, at the first warning or error; in any mode, for input that is not a digest (<see cref="DiagnosticCodes.NotADigest"/>) or a field larger than <see cref="DigestReaderOptions.MaxFieldSize"/> (<see cref="DiagnosticCodes.FieldTooLarge"/>).</exception>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            switch (Advance())
            {
                case Status.Paper:
                    return true;
                case Status.End:
                    return false;
                case Status.OtherFormat:
                    return ReadOtherFormat();
                default:
                    Fill();
                    break;
            }
        }
    }

    /// <summary>Reads the next paper.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="DigestFormatException">In strict mode, at the first warning or error; in any mode, for input that is not a digest (<see cref="DiagnosticCodes.NotADigest"/>) or a field larger than <see cref="DigestReaderOptions.MaxFieldSize"/> (<see cref="DiagnosticCodes.FieldTooLarge"/>).</exception>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (Advance())
            {
                case Status.Paper:
                    return true;
                case Status.End:
                    return false;
                case Status.OtherFormat:
                    return await ReadOtherFormatAsync(cancellationToken).ConfigureAwait(false);
                default:
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Every remaining paper, read as it is enumerated.</summary>
    public async IAsyncEnumerable<Paper> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Current;
        }
    }

    /// <summary>Every remaining paper, read as it is enumerated.</summary>
    public IEnumerable<Paper> ReadAll()
    {
        while (Read())
        {
            yield return Current;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReturnBuffer();
        DisposeOtherFormat();
        if (!_leaveOpen)
        {
            _stream?.Dispose();
        }

        _pipe?.Complete();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReturnBuffer();
        await DisposeOtherFormatAsync().ConfigureAwait(false);
        if (!_leaveOpen && _stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        if (_pipe is not null)
        {
            await _pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static void Validate(DigestReaderOptions options)
    {
        if (options.BufferSize is < 1 or > DigestReaderOptions.MaxFieldSizeLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BufferSize,
                string.Create(CultureInfo.InvariantCulture, $"BufferSize must be from 1 to {DigestReaderOptions.MaxFieldSizeLimit} bytes."));
        }

        if (options.MaxFieldSize is < 1 or > DigestReaderOptions.MaxFieldSizeLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxFieldSize,
                string.Create(CultureInfo.InvariantCulture, $"MaxFieldSize must be from 1 to {DigestReaderOptions.MaxFieldSizeLimit} bytes."));
        }
    }

    private void ReturnBuffer()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (_pooled && buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum Status
    {
        Paper,
        NeedMore,
        End,
        OtherFormat,
    }

    /// <summary>Reads tokens from the buffered bytes until a paper is complete, the buffer ends inside a token, or the input ends.</summary>
    private Status Advance()
    {
        if (_finished)
        {
            return Status.End;
        }

        if (_head is null && !TakeHead())
        {
            return Status.NeedMore;
        }

        if (_input is not null)
        {
            return Status.OtherFormat;
        }

        var reader = new DigestReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        BytesScanned += _end - _start;
        Status status;
        try
        {
            while (true)
            {
                int before = reader.BytesConsumed;
                DigestReaderState at = reader.CurrentState;
                if (!reader.Read())
                {
                    status = _eof ? Status.End : Status.NeedMore;
                    break;
                }

                // A stream stops at MaxFieldSize while it buffers; input already whole in memory is held to it here.
                if (reader.BytesConsumed - before > _options.MaxFieldSize)
                {
                    throw _assembler.TokenTooLarge(_buffer.AsSpan(_start + before, reader.BytesConsumed - before), at, _options.MaxFieldSize, _head, reader.CurrentState.SawTableOfContents);
                }

                if (_assembler.Accept(ref reader))
                {
                    status = Status.Paper;
                    break;
                }
            }
        }
        finally
        {
            _start += reader.BytesConsumed;
            _consumedTotal += reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        if (status == Status.End)
        {
            _finished = true;
            _assembler.Finish(_state, _head!, wholeInput: _head!.Length < InputKind.HeadLength);
        }
        else if (status == Status.NeedMore)
        {
            PlanResume();
        }

        return status;
    }

    /// <summary>
    /// Keeps the input's first bytes once they are buffered (all of it, when shorter) and refuses compressed,
    /// archived or binary input at once; false while fewer are buffered.
    /// </summary>
    private bool TakeHead()
    {
        int available = _end - _start;
        if (_headBytes is null)
        {
            if (available < InputKind.HeadLength && !_eof)
            {
                _resumeAt = InputKind.HeadLength;
                return false;
            }

            _headBytes = _buffer.AsSpan(_start, Math.Min(available, InputKind.HeadLength)).ToArray();
            if (InputKind.DescribeBinary(_headBytes) is string what)
            {
                _finished = true;
                throw _assembler.NotADigest(what, 1);
            }

            if (StartOtherFormat())
            {
                _head = _headBytes;
                return true;
            }
        }

        // The dialect is chosen from the first papers: wait for them (compressed or binary input was refused above, from its first bytes).
        int wanted = _options.Dialect is null ? DialectDetector.SampleLength : 0;
        if (available < wanted && !_eof)
        {
            _resumeAt = wanted;
            return false;
        }

        _head = _headBytes;

        // The same sample however the input comes, whatever MaxFieldSize is.
        DigestDialect dialect = _options.Dialect ?? _assembler.Detect(_buffer.AsSpan(_start, Math.Min(available, DialectDetector.SampleLength)));
        _state = new DigestReaderState(dialect);

        return true;
    }

    /// <summary>
    /// After the buffer ended inside a token: how many bytes to buffer before reading again. The first time, any
    /// more; when the same token is cut again, twice as many, up to one byte past the largest token allowed, which
    /// is then an error.
    /// </summary>
    private void PlanResume()
    {
        int pending = _end - _start;
        if (pending > _options.MaxFieldSize)
        {
            throw _assembler.TokenTooLarge(_buffer.AsSpan(_start, pending), _state, _options.MaxFieldSize, _head);
        }

        bool stalled = _consumedTotal == _stalledAt;
        _stalledAt = _consumedTotal;
        long wanted = stalled ? 2L * pending : pending + 1L;
        _resumeAt = (int)Math.Clamp(wanted, pending + 1L, _options.MaxFieldSize + 1L);
    }

    /// <summary>Makes room for more input: moves the unread bytes to the front, or doubles the buffer when they fill it.</summary>
    private Memory<byte> PrepareFill()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            // Pending bytes never pass MaxFieldSize + BufferSize (both at most MaxFieldSizeLimit), so this cannot overflow.
            ReadBuffer.Grow(ref _buffer, _end);
        }

        // Honour a small BufferSize as the read size, so tests can split input anywhere.
        return _buffer.AsMemory(_end, Math.Min(_buffer.Length - _end, _options.BufferSize));
    }

    private bool NeedsMoreInput => !_eof && _end - _start < _resumeAt;

    private void Fill()
    {
        do
        {
            if (_pipe is not null)
            {
                ReadResult result = _pipe.ReadAsync().AsTask().GetAwaiter().GetResult();
                CopyFromPipe(result);
                continue;
            }

            Memory<byte> target = PrepareFill();
            int read = _stream!.Read(target.Span);
            _end += read;
            _eof = read == 0;
        }
        while (NeedsMoreInput);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        do
        {
            if (_pipe is not null)
            {
                ReadResult result = await _pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                CopyFromPipe(result);
                continue;
            }

            Memory<byte> target = PrepareFill();
            int read = await _stream!.ReadAsync(target, cancellationToken).ConfigureAwait(false);
            _end += read;
            _eof = read == 0;
        }
        while (NeedsMoreInput);
    }

    private void CopyFromPipe(ReadResult result)
    {
        ReadOnlySequence<byte> data = result.Buffer;
        long copied = 0;

        // What is past the largest token allowed (or the detection sample, if larger) stays in the pipe: the buffer never holds more than that and a read.
        while (copied < data.Length && _end - _start <= Math.Max(_options.MaxFieldSize, DialectDetector.SampleLength))
        {
            Span<byte> target = PrepareFill().Span;
            int n = (int)Math.Min(target.Length, data.Length - copied);
            data.Slice(copied, n).CopyTo(target);
            _end += n;
            copied += n;
        }

        _pipe!.AdvanceTo(data.GetPosition(copied));
        _eof = result.IsCompleted && data.IsEmpty;
        if (result.IsCanceled)
        {
            throw new OperationCanceledException("The pipe read was cancelled.");
        }
    }
}
