namespace ArxivDigest.Parsing;

/// <summary>Input formats other than Markdown: the reader chooses the format from the input's first bytes and hands the input to that format's reader.</summary>
public sealed partial class PaperReader
{
    private string? _formatName; // the path of Open, whose extension may name the format
    private PaperInputFormat? _format;
    private PaperInputReader? _input;
    private Stream? _inputStream;
    private Paper? _current;

    /// <summary>
    /// The input's format: <see cref="DigestReaderOptions.InputFormat"/>, or the one chosen from the input's first
    /// bytes and its name once reading started (<see cref="PaperInputRegistry.Detect"/>); Markdown until then.
    /// </summary>
    public PaperInputFormat InputFormat => _format ?? _options.InputFormat ?? PaperInputFormat.Markdown;

    /// <summary>
    /// Chooses the format once the input's first bytes are buffered; for one other than Markdown, makes its reader over
    /// the buffered bytes and the rest of the input, and returns true.
    /// </summary>
    private bool StartOtherFormat()
    {
        PaperInputFormat format = _options.InputFormat
            ?? (_options.InputFormats ?? PaperInputRegistry.Default).Detect(_headBytes, _formatName ?? _options.SourceName);
        _format = format;
        if (format.IsBuiltInMarkdown)
        {
            return false;
        }

        if (_stream is null && _pipe is null)
        {
            _inputStream = new MemoryStream(_buffer, _start, _end - _start, writable: false); // in-memory input: read in place
        }
        else
        {
            byte[] buffered = _buffer.AsSpan(_start, _end - _start).ToArray();
            _inputStream = new PrefixedStream(buffered, _stream ?? _pipe!.AsStream(leaveOpen: true));
            ReturnBuffer();
        }

        _start = _end = 0;
        _input = format.CreateReader(_inputStream, _options with { DigestDate = _assembler.DigestDate });
        return true;
    }

    private bool ReadOtherFormat()
    {
        if (_input!.Read() is not Paper paper)
        {
            return false;
        }

        _current = paper;
        return true;
    }

    private async ValueTask<bool> ReadOtherFormatAsync(CancellationToken cancellationToken)
    {
        if (await _input!.ReadAsync(cancellationToken).ConfigureAwait(false) is not Paper paper)
        {
            return false;
        }

        _current = paper;
        return true;
    }

    private void DisposeOtherFormat()
    {
        _input?.Dispose();
        _inputStream?.Dispose();
    }

    private async ValueTask DisposeOtherFormatAsync()
    {
        if (_input is not null)
        {
            await _input.DisposeAsync().ConfigureAwait(false);
        }

        if (_inputStream is not null)
        {
            await _inputStream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
