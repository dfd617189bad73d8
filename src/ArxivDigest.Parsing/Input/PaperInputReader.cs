using System.Globalization;

namespace ArxivDigest.Parsing;

/// <summary>
/// Reads the papers of one input format. Implement it to read a format of your own and register a
/// <see cref="PaperInputFormat"/> for it: <see cref="PaperReader"/> makes one for each input of that format and hands
/// out its papers, diagnostics and unrecognised text, so that everything built on <see cref="PaperReader"/> (the
/// writers, <see cref="DigestParser"/>, the <c>arxiv-digest</c> tool) reads the format too.
/// </summary>
/// <remarks>
/// Report problems with <see cref="Report"/>, which counts them, keeps up to
/// <see cref="DigestReaderOptions.MaxDiagnostics"/> and, in strict mode, throws. Keep what cannot be read as
/// <see cref="AddUnrecognizedText"/> rather than dropping it. The reader does not dispose the stream it reads:
/// <see cref="PaperReader"/> does.
/// </remarks>
public abstract class PaperInputReader : IDisposable, IAsyncDisposable
{
    private readonly List<DigestDiagnostic> _diagnostics = [];
    private readonly List<UnrecognizedText> _unrecognized = [];

    /// <summary>Creates the reader.</summary>
    /// <param name="options">How to read: <see cref="DigestReaderOptions.SourceName"/> for locations, the digest's date (already taken from the file name when the caller gave none), strict mode, limits.</param>
    protected PaperInputReader(DigestReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>How to read.</summary>
    protected DigestReaderOptions Options { get; }

    /// <summary>The diagnostics so far (at most <see cref="DigestReaderOptions.MaxDiagnostics"/>, then one note).</summary>
    public IReadOnlyList<DigestDiagnostic> Diagnostics => _diagnostics;

    /// <summary>What was read but could not be made part of a paper, kept as it was.</summary>
    public IReadOnlyList<UnrecognizedText> UnrecognizedText => _unrecognized;

    /// <summary>Errors reported so far, counting those past <see cref="DigestReaderOptions.MaxDiagnostics"/>.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Warnings reported so far, counting those past <see cref="DigestReaderOptions.MaxDiagnostics"/>.</summary>
    public int WarningCount { get; private set; }

    /// <summary>Reads the next paper.</summary>
    /// <returns>The paper, or <see langword="null"/> at the end of the input.</returns>
    /// <exception cref="DigestFormatException">In strict mode, at the first warning or error; in any mode, for a problem after which nothing can be read.</exception>
    public abstract Paper? Read();

    /// <summary>Reads the next paper.</summary>
    /// <returns>The paper, or <see langword="null"/> at the end of the input.</returns>
    /// <exception cref="DigestFormatException">In strict mode, at the first warning or error; in any mode, for a problem after which nothing can be read.</exception>
    public abstract ValueTask<Paper?> ReadAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the reader holds (not the stream: that is the caller's). The default does nothing.</summary>
    /// <param name="disposing">Whether this is <see cref="Dispose()"/> rather than a finalizer or <see cref="DisposeAsync"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Releases what the reader holds, asynchronously. The default does nothing.</summary>
    protected virtual ValueTask DisposeAsyncCore() => default;

    /// <summary>
    /// Records a problem: counted, kept (up to <see cref="DigestReaderOptions.MaxDiagnostics"/>, then one
    /// <see cref="DiagnosticCodes.TooManyDiagnostics"/> note), and in strict mode, for a warning or an error, thrown.
    /// </summary>
    /// <exception cref="DigestFormatException">Strict mode, and the diagnostic is a warning or an error.</exception>
    protected void Report(DigestDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                ErrorCount++;
                break;
            case DiagnosticSeverity.Warning:
                WarningCount++;
                break;
        }

        if (Options.Strict && diagnostic.Severity >= DiagnosticSeverity.Warning)
        {
            throw new DigestFormatException(diagnostic);
        }

        if (_diagnostics.Count < Options.MaxDiagnostics)
        {
            _diagnostics.Add(diagnostic);
        }
        else if (_diagnostics.Count == Options.MaxDiagnostics)
        {
            _diagnostics.Add(new DigestDiagnostic(DiagnosticCodes.TooManyDiagnostics, DiagnosticSeverity.Info,
                string.Create(CultureInfo.InvariantCulture, $"More than {Options.MaxDiagnostics} diagnostics; the rest are counted, not kept."), diagnostic.Location));
        }
    }

    /// <summary>Keeps text that could not be read as part of a paper (a bad line), so that nothing is lost.</summary>
    protected void AddUnrecognizedText(UnrecognizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _unrecognized.Add(text);
    }

    /// <summary>An error after which nothing can be read, counted like the others and returned to be thrown, in any mode.</summary>
    protected DigestFormatException Fatal(DigestDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }

        return new DigestFormatException(diagnostic);
    }
}
