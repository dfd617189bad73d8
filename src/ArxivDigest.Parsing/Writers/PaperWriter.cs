namespace ArxivDigest.Parsing.Writers;

/// <summary>
/// Writes papers to one output, one at a time, in one format. Implement it to add a format, and register a
/// <see cref="PaperWriterFormat"/> for it so the registry (and the <c>arxiv-digest</c> tool) can find it.
/// </summary>
/// <remarks>
/// The caller calls <see cref="BeginDigestAsync"/> before the papers of each input digest,
/// <see cref="WritePaperAsync"/> for each paper (the paper carries its section, date and source),
/// then <see cref="CompleteAsync"/> once, and disposes the writer. A writer that is disposed without
/// <see cref="CompleteAsync"/> has failed: its output is incomplete and the caller discards it.
/// </remarks>
public abstract class PaperWriter : IAsyncDisposable
{
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
}
