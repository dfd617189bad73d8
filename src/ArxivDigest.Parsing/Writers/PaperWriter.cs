using System.Collections.ObjectModel;
using System.Globalization;

namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// Writes papers to one output, one at a time, in one format. Implement it to add a format, and register a
/// <see cref="PaperWriterFormat"/> for it so the registry (and the <c>arxiv-digest</c> tool) can find it.
/// </summary>
/// <remarks>
/// <para>The caller calls <see cref="BeginDigestAsync"/> before the papers of each input digest,
/// <see cref="WritePaperAsync"/> for each paper (the paper carries its section, date and source),
/// then <see cref="CompleteAsync"/> once, and disposes the writer. A writer that is disposed without
/// <see cref="CompleteAsync"/> has failed: its output is incomplete and the caller discards it.</para>
/// <para>What a writer had to change to write a value (a character its format cannot hold, a value it could not
/// write exactly) is in <see cref="Diagnostics"/>, with the paper's location; read it after
/// <see cref="CompleteAsync"/> (or after a failure, to see what was written so far).</para>
/// </remarks>
public abstract class PaperWriter : IAsyncDisposable
{
    /// <summary>The most diagnostics a writer keeps; past that a note says so and the rest are only counted.</summary>
    public const int MaxDiagnostics = 100;

    private readonly List<DigestDiagnostic> _diagnostics = [];
    private PaperWriter? _forwardTo;

    /// <summary>Creates the writer.</summary>
    protected PaperWriter() => Diagnostics = new ReadOnlyCollection<DigestDiagnostic>(_diagnostics);

    /// <summary>
    /// What the writer changed or could not write exactly, in the order found: at most <see cref="MaxDiagnostics"/>,
    /// then one note (<see cref="DiagnosticCodes.TooManyWriterDiagnostics"/>) when there were more. A read-only view
    /// that grows as papers are written.
    /// </summary>
    public IReadOnlyList<DigestDiagnostic> Diagnostics { get; }

    /// <summary>Every diagnostic reported, counting those past <see cref="MaxDiagnostics"/> (and not the note).</summary>
    public int DiagnosticCount { get; private set; }

    /// <summary>Called before the papers of each input digest. The default does nothing.</summary>
    public virtual ValueTask BeginDigestAsync(DigestInfo digest, CancellationToken cancellationToken = default) => default;

    /// <summary>Writes one paper.</summary>
    public abstract ValueTask WritePaperAsync(Paper paper, CancellationToken cancellationToken = default);

    /// <summary>Finishes the output (closing brackets, footers, row groups) and flushes it.</summary>
    public abstract ValueTask CompleteAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the writer holds. The default does nothing; the output stream belongs to the caller.</summary>
    protected virtual ValueTask DisposeAsyncCore() => default;

    /// <summary>Records a diagnostic in <see cref="Diagnostics"/> (kept up to <see cref="MaxDiagnostics"/>, counted always).</summary>
    /// <param name="diagnostic">What was changed, where (normally the paper's <see cref="Paper.Location"/>).</param>
    protected void ReportDiagnostic(DigestDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (_forwardTo is not null)
        {
            _forwardTo.ReportDiagnostic(diagnostic);
            return;
        }

        DiagnosticCount++;
        if (_diagnostics.Count < MaxDiagnostics)
        {
            _diagnostics.Add(diagnostic);
        }
        else if (_diagnostics.Count == MaxDiagnostics)
        {
            _diagnostics.Add(new DigestDiagnostic(DiagnosticCodes.TooManyWriterDiagnostics, DiagnosticSeverity.Info,
                string.Create(CultureInfo.InvariantCulture, $"More than {MaxDiagnostics} writer diagnostics; the rest are counted, not kept."), diagnostic.Location));
        }
    }

    /// <summary>Records a diagnostic about <paramref name="paper"/> (at its location), or about no paper.</summary>
    protected void ReportDiagnostic(Paper? paper, string code, DiagnosticSeverity severity, string message)
        => ReportDiagnostic(new DigestDiagnostic(code, severity, message, paper?.Location ?? default));

    /// <summary>Reports that <paramref name="count"/> characters of <paramref name="field"/> were replaced or removed.</summary>
    internal void ReportReplaced(Paper? paper, string field, int count, string format, string replacement)
        => ReportDiagnostic(paper, DiagnosticCodes.CharacterReplaced, DiagnosticSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
            $"{format}: {count} {(count == 1 ? "character" : "characters")} of {field} that {format} cannot hold {(count == 1 ? "was" : "were")} {replacement}."));

    /// <summary>
    /// The paper with every lone surrogate (half a UTF-16 pair, which no UTF can encode) made U+FFFD, each change
    /// reported in <see cref="Diagnostics"/> (<see cref="DiagnosticCodes.CharacterReplaced"/>, naming the field); the
    /// same instance when there was none. A writer of UTF-8 or UTF-16 text calls it on each paper before writing it,
    /// so that no encoder replaces such a character without saying so.
    /// </summary>
    /// <param name="paper">The paper about to be written.</param>
    /// <param name="format">The format's name as messages give it (<c>CSV</c>): "CSV: 1 character of title that CSV cannot hold was replaced ...".</param>
    protected Paper WithoutLoneSurrogates(Paper paper, string format)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        return PaperText.Map(paper, (field, value) =>
        {
            string replaced = PaperText.ReplaceLoneSurrogates(value, out int count);
            if (count > 0)
            {
                ReportReplaced(paper, field, count, format, "replaced with U+FFFD (a lone surrogate)");
            }

            return replaced;
        });
    }

    /// <summary>Sends this writer's diagnostics to <paramref name="target"/> (a writer that writes through inner writers).</summary>
    internal void ForwardDiagnosticsTo(PaperWriter target) => _forwardTo = target;
}
